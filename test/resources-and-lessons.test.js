// A parent finds help that is open now with Spanish-speaking staff, and reads a take-home lesson in Hmong and English, online and off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHostPage, startServer } from './support/server.js';
import { PHONE, DESKTOP, chooseLanguage, launchBrowser, watchForProblems } from './support/browser.js';

const SCHOOL = 'lincoln-elementary';
const LESSON = 'lincoln-bedtime-reading';

let server;
let browser;
const hostPages = [];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const page of hostPages) await page.stop();
  await server?.stop();
});

async function hostPageWith(widget) {
  const hostPage = await startHostPage(server.origin, { intro: 'Help and learning for Lincoln families.', widget });
  hostPages.push(hostPage);
  return hostPage;
}

async function publicJson(path) {
  const response = await fetch(new URL(path, server.baseUrl));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** The words a family sees in one language: the text of a Markdown paragraph without its markup. */
const firstWords = (markdown) =>
  markdown
    .replace(/^\s*([-*]|\d+\.)\s+/gm, '')
    .replace(/[*_[\]()]/g, '')
    .split(/\s+/)
    .slice(0, 4)
    .join(' ');

test('a parent filters resources to those open now with Spanish-speaking staff', async () => {
  const hostPage = await hostPageWith(`<tandem-resource-list school="${SCHOOL}"></tandem-resource-list>`);
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  try {
    await page.goto(hostPage.url);
    const list = page.locator('tandem-resource-list');
    const items = list.locator('[part~="item"]');
    await items.first().waitFor();
    const everything = await publicJson(`api/v1/public/resources?school=${SCHOOL}`);
    assert.equal(await items.count(), everything.items.length, 'at first the list shows every resource of the school');

    await list.locator('select#language').selectOption('es');
    await list.locator('input#open-now').check();
    // The server, asked the same question at the same moment, is the judge of what is open now.
    const expected = await publicJson(`api/v1/public/resources?school=${SCHOOL}&language=es&openNow=true`);
    assert.ok(expected.items.length > 0, 'the demo school has a resource open at every hour (the crisis line)');
    assert.ok(expected.items.length < everything.items.length, 'the filters leave some resources out');
    await list.locator('[part~="count"]').getByText(String(expected.items.length)).waitFor();
    const shown = await items.evaluateAll((elements) => elements.map((el) => el.getAttribute('data-resource')));
    assert.deepEqual(shown.sort(), expected.items.map((r) => r.id).sort());
    assert.deepEqual(problems, [], 'no console errors or failed requests');
  } finally {
    await context.close();
  }
});

test('a parent reads a lesson side by side in Hmong and English, again with no connection, and marks it done', async () => {
  const lesson = await publicJson(`api/v1/public/lessons/${LESSON}`);
  assert.ok(lesson.locales.includes('hmn') && lesson.locales.includes('en'));
  const hostPage = await hostPageWith(`<tandem-lesson-viewer lesson="${LESSON}"></tandem-lesson-viewer>`);
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  let page = await context.newPage();
  const problems = watchForProblems(page);
  const viewer = () => page.locator('tandem-lesson-viewer');
  const bodies = (locale) => lesson.sections.map((s) => firstWords(s.body[locale]));
  try {
    await page.goto(hostPage.url);
    await viewer().getByRole('heading', { name: lesson.title.en }).first().waitFor();
    await chooseLanguage(viewer(), 'Hmoob');
    await viewer().locator('input[name="bilingual"]').check();
    const second = viewer().locator('select[name="second-language"]');
    if (await second.isVisible()) await second.selectOption('en');
    for (const words of [...bodies('hmn'), ...bodies('en')]) await viewer().getByText(words).first().waitFor();
    await page.close();

    // Later, with no data connection: the page is there, the lesson server is not.
    page = await context.newPage();
    problems.push(...watchForProblems(page));
    await page.route(`${server.origin}/api/**`, (route) => route.abort('internetdisconnected'));
    await page.goto(hostPage.url);
    await viewer().locator('[part~="saved-copy"]').waitFor();
    for (const words of bodies('hmn')) await viewer().getByText(words).first().waitFor();

    // "We tried it!" while offline waits on the device, and goes out once the connection is back.
    await context.setOffline(true);
    await viewer().locator('[part~="footer"] textarea[name="reflection"]').fill('Peb nyeem ua ke txhua hmo.');
    await viewer().locator('[part~="footer"] [part~="submit"]').click();
    await viewer().locator('[part~="queued"]').waitFor();
    await page.unroute(`${server.origin}/api/**`);
    await context.setOffline(false);
    await viewer().locator('[part~="done"]').waitFor({ timeout: 30_000 });
  } finally {
    await context.close();
  }
  const unexpected = problems.filter((p) => !p.includes('internetdisconnected') && !p.includes('ERR_INTERNET_DISCONNECTED'));
  assert.deepEqual(unexpected, [], 'no console errors or failed requests other than the offline ones');

  const response = await server.staff(`/api/v1/lessons/${LESSON}/completions`);
  assert.equal(response.status, 200);
  const completions = await response.json();
  assert.equal(completions.total, 1, 'staff see exactly one completion');
  assert.deepEqual(completions.byLocale, [{ locale: 'hmn', count: 1 }], 'read in Hmong');
  assert.equal(completions.items[0].reflection, 'Peb nyeem ua ke txhua hmo.', 'with the family’s reflection');
});
