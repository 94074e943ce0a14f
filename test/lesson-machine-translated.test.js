// Machine-translated lesson text end to end: a teacher writes a lesson in English, fills Spanish with the real
// Apertium translator, reviews one text, publishes; the server keeps the marks, and a family reading Spanish on the
// school's page sees a quiet "Machine translated" note on the unreviewed text only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apertiumSkipReason, startApertium } from '../packages/server/test/apertium-fixture.js';
import { startHostPage, startServer } from './support/server.js';
import { PHONE, chooseLanguage, launchBrowser, watchForProblems } from './support/browser.js';
import { createStaff, signInToConsole } from './support/console.js';
import { uiString } from './support/survey.js';

const skip = apertiumSkipReason();
const TEACHER = { email: 'mina.park@lincoln.example', name: 'Mina Park', password: 'a machine marks passphrase' };
const ENGLISH = {
  title: 'Counting at the grocery store',
  summary: 'Practise numbers together while you shop.',
  body: 'Count the apples into the bag.',
  tip: 'Let your child hand over the money.',
};

let apertium;
let server;
let browser;
const hosts = [];

before(async () => {
  if (skip) return;
  apertium = await startApertium();
  server = await startServer({ env: { TANDEM_TRANSLATION_URL: apertium.url, TANDEM_TRANSLATION_PROVIDER: 'apertium' } });
  browser = await launchBrowser();
  await createStaff(server, { ...TEACHER, school: 'lincoln-elementary' });
});

after(async () => {
  await browser?.close();
  for (const host of hosts) await host.stop();
  await server?.stop();
  await apertium?.stop();
});

test('unreviewed machine translations of a lesson reach the family as a quiet note', { skip }, async () => {
  const { context, problems, app } = await signInToConsole(browser, server, TEACHER, { hash: '#/lessons' });
  problems.length = 0;
  let snippet;
  let lessonId;
  try {
    const screen = app.locator('console-lessons');
    await screen.getByRole('button', { name: 'New lesson' }).click();
    await screen.locator('#builder-heading').waitFor();
    await screen.locator('#t_title-en').fill(ENGLISH.title);
    await screen.locator('#t_summary-en').fill(ENGLISH.summary);
    await screen.locator('#t_sections_0_body-en').fill(ENGLISH.body);
    await screen.locator('#t_tip-en').fill(ENGLISH.tip);

    await screen.locator('[data-action="translate"]').click();
    await screen.locator('#t_title-es-mt').waitFor({ timeout: 30_000 });
    assert.notEqual(await screen.locator('#t_title-es').inputValue(), '', 'Apertium filled the Spanish title');
    // The teacher reads the Spanish summary and marks it reviewed; the rest stays marked.
    await screen.locator('#t_summary-es-mt button').click();
    await screen.locator('#t_summary-es-mt').waitFor({ state: 'detached' });

    await screen.locator('[data-action="publish"]').click();
    await screen.locator('[data-action="confirm"]').click();
    await screen.locator('#notice', { hasText: 'Published' }).waitFor();
    snippet = await screen.locator('#embed-script').inputValue();
    lessonId = /lesson="([^"]+)"/.exec(snippet)?.[1];
    assert.ok(lessonId, `the snippet names the lesson: ${snippet}`);
    assert.deepEqual(
      problems.filter((p) => !/content-translations/.test(p)),
      [],
      'no console errors or failed requests in the console',
    );
  } finally {
    await context.close();
  }

  const stored = await (await server.staff(`/api/v1/lessons/${lessonId}`)).json();
  assert.ok(stored.machineTranslated?.title?.includes('es'), `the Spanish title stays marked: ${JSON.stringify(stored.machineTranslated)}`);
  assert.ok(!(stored.machineTranslated?.summary ?? []).includes('es'), 'the reviewed summary is not');
  const published = await (await fetch(new URL(`api/v1/public/lessons/${lessonId}`, server.baseUrl))).json();
  assert.deepEqual(published.machineTranslated, stored.machineTranslated, 'families receive the same marks');

  const host = await startHostPage(server.origin, { intro: 'A lesson to try at home.', widget: snippet });
  hosts.push(host);
  const family = await browser.newContext({ viewport: PHONE, locale: 'en-US', hasTouch: true, isMobile: true });
  try {
    const familyPage = await family.newPage();
    const familyProblems = watchForProblems(familyPage);
    await familyPage.goto(host.url);
    const viewer = familyPage.locator('tandem-lesson-viewer');
    await viewer.getByRole('heading', { name: ENGLISH.title }).first().waitFor({ timeout: 15_000 });
    assert.equal(await viewer.locator('[part~="machine-note"]').count(), 0, 'English, as written: no note');

    await chooseLanguage(viewer, 'Español');
    await viewer.getByRole('heading', { name: stored.title.es }).first().waitFor();
    // The content switches at once; the interface strings (the note's words) follow when Spanish has loaded.
    const expected = await uiString('es', 'core.machine-translated');
    const note = viewer.locator('header [part~="machine-note"]', { hasText: expected });
    await note.waitFor();
    assert.equal((await note.innerText()).trim(), expected);
    assert.equal(await note.getAttribute('lang'), 'es');
    const size = (locator) => locator.evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
    assert.ok((await size(note)) < (await size(viewer)), 'smaller than the text it describes: a quiet note');
    // Title (the summary was reviewed), the section's text and the tip: one note each.
    assert.equal(await viewer.locator('[part~="machine-note"]').count(), 3);
    assert.deepEqual(familyProblems, [], 'no console errors or failed requests on the school page');
  } finally {
    await family.close();
  }
});
