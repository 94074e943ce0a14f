// The Lessons screen on the real server in real Chromium: a teacher made with `tandem-server staff create --school`
// signs in at /console, builds a two-section take-home lesson in English and Spanish side by side, publishes it and
// copies the script snippet; pasted into a school page on another origin, the lesson viewer shows it in Spanish.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHostPage, startServer } from './support/server.js';
import { PHONE, chooseLanguage, launchBrowser, watchForProblems } from './support/browser.js';
import { createStaff, signInToConsole } from './support/console.js';

const TEACHER = { email: 'lena.okafor@lincoln.example', name: 'Lena Okafor', password: 'a lessons passphrase' };

const TEXTS = {
  title: { en: 'Counting at the grocery store', es: 'Contar en el supermercado' },
  summary: { en: 'Practise numbers together while you shop.', es: 'Practiquen los números juntos mientras compran.' },
  sections: [
    {
      heading: { en: 'Before you go', es: 'Antes de salir' },
      body: { en: 'Write a short list together.', es: 'Escriban juntos una lista corta.' },
    },
    {
      heading: { en: 'At the store', es: 'En la tienda' },
      body: { en: 'Count the apples into the bag.', es: 'Cuenten las manzanas al ponerlas en la bolsa.' },
    },
  ],
  tip: { en: 'Let your child hand over the money.', es: 'Deje que su hijo entregue el dinero.' },
};

let server;
let browser;
const hosts = [];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await createStaff(server, { ...TEACHER, school: 'lincoln-elementary' });
});

after(async () => {
  await browser?.close();
  for (const host of hosts) await host.stop();
  await server?.stop();
});

test('a teacher builds a bilingual lesson, publishes it, and a family reads it in Spanish on the school page', async () => {
  const { context, page, problems, app } = await signInToConsole(browser, server, TEACHER, {
    hash: '#/lessons',
    prepare: (ctx) => ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin }),
  });
  // Before signing in, asking for the session is answered 401 by design; only what follows counts.
  problems.length = 0;
  let lessonId;
  let pasted;
  try {
    const screen = app.locator('console-lessons');
    await screen.getByRole('button', { name: 'New lesson' }).click();
    await screen.locator('#builder-heading').waitFor();

    // English and Spanish side by side: the Spanish column is open next to the main language.
    for (const locale of ['en', 'es']) {
      await screen.locator(`#t_title-${locale}`).fill(TEXTS.title[locale]);
      await screen.locator(`#t_summary-${locale}`).fill(TEXTS.summary[locale]);
      await screen.locator(`#t_tip-${locale}`).fill(TEXTS.tip[locale]);
    }
    await screen.locator('[data-action="add-section"]').click();
    for (const [i, section] of TEXTS.sections.entries()) {
      for (const locale of ['en', 'es']) {
        await screen.locator(`#t_sections_${i}_heading-${locale}`).fill(section.heading[locale]);
        await screen.locator(`#t_sections_${i}_body-${locale}`).fill(section.body[locale]);
      }
    }

    await screen.locator('[data-action="publish"]').click();
    await screen.locator('[data-action="confirm"]').click();
    await screen
      .locator('#notice', { hasText: 'Published' })
      .waitFor()
      .catch(async (error) => {
        const shown = await screen.locator('#form-error, #error-summary').allInnerTexts();
        throw new Error(`${error.message}\nshown: ${shown.join(' | ')}\nproblems: ${problems.join(' | ')}`);
      });

    await screen.locator('[data-copy="embed-script"]').click();
    await screen.getByText('Copied. Paste it into your web page.').waitFor();
    pasted = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(pasted, await screen.locator('#embed-script').inputValue(), 'the clipboard holds the snippet shown');
    lessonId = /lesson="([^"]+)"/.exec(pasted)?.[1];
    assert.ok(lessonId, `the snippet names the lesson: ${pasted}`);
    assert.deepEqual(problems, [], 'no console errors or failed requests in the console');
  } finally {
    await context.close();
  }

  // The server holds the whole lesson, published, in both languages.
  const stored = await (await server.staff(`/api/v1/lessons/${lessonId}`)).json();
  assert.equal(stored.status, 'published');
  assert.deepEqual(stored.title, TEXTS.title);
  assert.deepEqual(
    stored.sections.map((s) => s.body),
    TEXTS.sections.map((s) => s.body),
  );
  assert.deepEqual([...stored.locales].sort(), ['en', 'es']);

  // A family on the school's page (another origin) switches the lesson to Spanish.
  const host = await startHostPage(server.origin, { intro: 'A lesson to try at home this week.', widget: pasted });
  hosts.push(host);
  const family = await browser.newContext({ viewport: PHONE, locale: 'en-US', hasTouch: true, isMobile: true });
  try {
    const familyPage = await family.newPage();
    const familyProblems = watchForProblems(familyPage);
    await familyPage.goto(host.url);
    const viewer = familyPage.locator('tandem-lesson-viewer');
    await viewer.getByRole('heading', { name: TEXTS.title.en }).first().waitFor({ timeout: 15_000 });
    await chooseLanguage(viewer, 'Español');
    await viewer.getByRole('heading', { name: TEXTS.title.es }).first().waitFor();
    for (const section of TEXTS.sections) {
      await viewer.getByRole('heading', { name: section.heading.es }).first().waitFor();
      await viewer.getByText(section.body.es).first().waitFor();
    }
    await viewer.getByText(TEXTS.tip.es).first().waitFor();
    assert.equal(await viewer.getAttribute('lang'), 'es');
    assert.equal(await viewer.getByText(TEXTS.sections[0].body.en).count(), 0, 'the English text is gone');
    assert.deepEqual(familyProblems, [], 'no console errors or failed requests on the school page');
  } finally {
    await family.close();
  }
});
