// The Resources screen on the real server in real Chromium: a teacher signs in at /console, builds a resource in English
// and Spanish, publishes it, copies the embed snippet, and a Spanish-speaking family sees the card in Spanish on a host page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { hostPageHtml, startServer } from './support/server.js';
import { PHONE, launchBrowser, watchForProblems } from './support/browser.js';
import { createStaff, signInToConsole } from './support/console.js';
import { createServer } from 'node:http';

const TEACHER = { email: 'rosa.martinez@lincoln.example', name: 'Rosa Martínez', password: 'a resources passphrase' };
const NAME = { en: 'Westside Winter Coat Drive', es: 'Colecta de Abrigos de Invierno Westside' };
const DESCRIPTION = {
  en: 'Free winter coats and boots for children, every size.',
  es: 'Abrigos y botas de invierno gratis para niños, de todas las tallas.',
};

let server;
let browser;
let hostPage;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await createStaff(server, { ...TEACHER, school: 'lincoln-elementary' });
});

after(async () => {
  await browser?.close();
  await hostPage?.stop();
  await server?.stop();
});

/** Serves `html` at `/` from an origin of its own, as a school's web host would. */
async function serveHostPage(html) {
  const page = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
    } else {
      response.writeHead(request.url === '/favicon.ico' ? 204 : 404);
      response.end();
    }
  });
  await new Promise((resolve) => page.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${page.address().port}/`, stop: () => new Promise((resolve) => page.close(resolve)) };
}

test('a teacher builds a resource in English and Spanish, publishes it, and a family sees the card in Spanish', async () => {
  const { context, page, problems, app } = await signInToConsole(browser, server, TEACHER, {
    hash: '#/resources/new',
    prepare: (ctx) => ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin }),
  });
  // Before signing in, asking for the session is answered 401 by design; only what follows counts.
  problems.length = 0;
  let resourceId;
  let snippet;
  try {
    const screen = app.locator('console-resources');
    await screen.locator('#editor-heading').waitFor();
    // Saving with nothing typed is refused in the form, and the name field says what is missing.
    await screen.locator('#name-es').fill(NAME.es);
    await screen.getByRole('button', { name: 'Save draft' }).click();
    await screen.locator('#name-en-error').waitFor();
    assert.equal(await screen.locator('#name-es').inputValue(), NAME.es, 'what was typed is kept');

    await screen.locator('#name-en').fill(NAME.en);
    await screen.getByLabel('Who runs it').fill('Westside Families Network');
    await screen.locator('#description-en').fill(DESCRIPTION.en);
    await screen.locator('#description-es').fill(DESCRIPTION.es);
    await screen.locator('#fees-en').fill('Free');
    await screen.locator('#fees-es').fill('Gratis');
    await screen.locator('input[type="tel"]').fill('651-555-0190');
    await screen.locator('#time-zone').fill('America/Chicago');
    await screen.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await screen.locator('[data-weekday="6"] input[type="time"]').first().fill('09:00');
    await screen.locator('[data-weekday="6"] input[type="time"]').nth(1).fill('13:00');

    await screen.getByRole('button', { name: 'Publish…' }).click();
    await screen.getByRole('button', { name: 'Yes, publish' }).click();
    await screen.locator('#notice').filter({ hasText: 'Published' }).waitFor();
    resourceId = /^#\/resources\/([A-Za-z0-9_-]+)$/.exec(new URL(page.url()).hash)?.[1];
    assert.ok(resourceId, `the address names the saved resource (${page.url()})`);

    await screen.locator('[data-copy="embed-script"]').click();
    await screen.getByText('Copied. Paste it into your web page.').waitFor();
    snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(snippet, new RegExp(`<tandem-resource-card resource="${resourceId}"></tandem-resource-card>`));
    assert.deepEqual(problems, [], 'no console errors or failed requests in the console');
  } finally {
    await context.close();
  }

  const stored = await (await server.staff(`/api/v1/resources/${resourceId}`)).json();
  assert.equal(stored.status, 'published');
  assert.deepEqual(stored.name, NAME);
  assert.deepEqual(stored.schedule.regular, [{ weekday: 6, opensAt: '09:00', closesAt: '13:00' }]);

  // The family's page carries exactly the snippet the teacher copied.
  hostPage = await serveHostPage(
    hostPageHtml(server.origin, { lang: 'es', intro: 'Ayuda para las familias de Lincoln.', widget: snippet }),
  );
  const family = await browser.newContext({ viewport: PHONE, locale: 'es-MX', hasTouch: true, isMobile: true });
  try {
    const familyPage = await family.newPage();
    const familyProblems = watchForProblems(familyPage);
    await familyPage.goto(hostPage.url);
    const card = familyPage.locator('tandem-resource-card');
    await card.locator('[part~="name"]').filter({ hasText: NAME.es }).waitFor({ timeout: 15_000 });
    await card.locator('[part~="description"]').filter({ hasText: DESCRIPTION.es }).waitFor();
    assert.equal((await card.locator('[part~="name"]').innerText()).trim(), NAME.es, 'the Spanish name, not the English one');
    assert.deepEqual(familyProblems, [], 'no console errors or failed requests on the family page');
  } finally {
    await family.close();
  }
});
