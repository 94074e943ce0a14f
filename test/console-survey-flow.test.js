// Issue 7's headline flow on the real server in real Chromium: a teacher made with `tandem-server staff create
// --school` signs in at /console, builds a survey in English and Spanish side by side, publishes it and copies the
// script snippet; the snippet pasted into a fresh page on another origin shows the survey; a parent answers it in
// Spanish; the teacher's results view shows the chart change on Refresh, filters by language and downloads the CSV.
// And a school admin of one school is refused another school's survey with a clear message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { freePort, startServer } from './support/server.js';
import { PHONE, chooseLanguage, fetchPublicSurvey, launchBrowser, surveyOn, waitForSurvey } from './support/browser.js';
import { createStaff, signInToConsole } from './support/console.js';
import { answerEverything, uiString } from './support/survey.js';

const SCHOOL = 'lincoln-elementary';
const OTHER_SCHOOL = { id: 'lincoln-middle', name: 'Lincoln Middle School' };
const TEACHER = { email: 'maria.herrera@lincoln.example', name: 'María Herrera', password: 'a teacher passphrase' };
const SCHOOL_ADMIN = { email: 'principal.diaz@lincoln.example', name: 'Rosa Díaz', password: 'a principal passphrase' };

const TEXTS = {
  title: { en: 'Field trip day', es: 'Día de excursión' },
  prompt: { en: 'Which day suits you?', es: '¿Qué día le conviene?' },
  options: [
    { en: 'Friday', es: 'Viernes' },
    { en: 'Saturday', es: 'Sábado' },
  ],
};

let server;
let browser;
const hosts = [];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await createStaff(server, { ...TEACHER, school: SCHOOL });
});

after(async () => {
  await browser?.close();
  for (const host of hosts) await host.stop();
  await server?.stop();
});

/** A school's own web page on another origin, holding exactly what the teacher pasted. */
async function startPastedPage(pasted) {
  const html = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Room 12 News</title></head>
  <body><main><h1>Room 12 News</h1><p>Please answer our field trip survey.</p>
${pasted}
  </main></body>
</html>`;
  const server = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
    } else {
      response.writeHead(request.url === '/favicon.ico' ? 204 : 404);
      response.end();
    }
  });
  const port = await freePort();
  await new Promise((resolve, reject) => server.listen(port, '127.0.0.1', resolve).on('error', reject));
  const host = {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => (server.closeAllConnections?.(), server.close(resolve))),
  };
  hosts.push(host);
  return host;
}

/** Signs `who` in at /console; the page may read and write the clipboard, as the snippet's Copy button needs. */
const signIn = (who, hash) =>
  signInToConsole(browser, server, who, {
    hash,
    prepare: (context) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin }),
  });

test('a teacher builds a bilingual survey, embeds it elsewhere, a parent answers in Spanish, and the chart changes', async () => {
  const { context, page, app } = await signIn(TEACHER, '#/surveys');
  try {
    const screen = app.locator('console-surveys');
    await screen.getByRole('button', { name: 'New survey' }).click();
    await screen.locator('#builder-heading').waitFor();

    // English and Spanish side by side: the Spanish column is open next to the default language.
    await screen.locator('#t_title-en').fill(TEXTS.title.en);
    await screen.locator('#t_title-es').fill(TEXTS.title.es);
    await screen.locator('select[id^="type-"]').first().selectOption('single-choice');
    await screen.locator('#t_sections_0_questions_0_prompt-en').fill(TEXTS.prompt.en);
    await screen.locator('#t_sections_0_questions_0_prompt-es').fill(TEXTS.prompt.es);
    for (const [i, option] of TEXTS.options.entries()) {
      await screen.locator(`#t_sections_0_questions_0_options_${i}_label-en`).fill(option.en);
      await screen.locator(`#t_sections_0_questions_0_options_${i}_label-es`).fill(option.es);
    }

    await screen.locator('[data-action="publish"]').click();
    await screen.locator('[data-action="confirm"]').click();
    await screen.locator('#notice', { hasText: 'Published' }).waitFor();

    await screen.locator('[data-copy="embed-script"]').click();
    await screen.getByText('Copied. Paste it into your web page.').waitFor();
    const pasted = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(pasted, await screen.locator('#embed-script').inputValue(), 'the clipboard holds the snippet shown');
    const surveyId = /survey="([^"]+)"/.exec(pasted)?.[1];
    assert.ok(surveyId, `the snippet names the survey: ${pasted}`);
    assert.ok(pasted.includes(`${server.origin}/tandem.js`), 'the snippet loads Tandem from the server');

    // The teacher opens the results from the builder: nobody has answered yet.
    await screen.locator('[data-action="results"]').click();
    const results = screen.locator('console-survey-results');
    await results.locator('#response-count', { hasText: '0 responses' }).waitFor();
    const friday = results.locator('[data-chart] [data-bar]').nth(0);
    const saturday = results.locator('[data-chart] [data-bar]').nth(1);
    assert.match(await saturday.innerText(), /Saturday\s+0 \(0%\)/);

    // A parent on the school's page (another origin) answers in Spanish.
    const host = await startPastedPage(pasted);
    const parentContext = await browser.newContext({ viewport: PHONE, locale: 'en-US', hasTouch: true, isMobile: true });
    const parent = await parentContext.newPage();
    try {
      await parent.goto(host.url);
      assert.notEqual(new URL(parent.url()).origin, server.origin);
      await waitForSurvey(parent);
      const widget = surveyOn(parent);
      await chooseLanguage(widget, 'Español');
      await widget.getByRole('heading', { name: TEXTS.title.es }).waitFor();
      const publicSurvey = await fetchPublicSurvey(server.baseUrl, surveyId);
      const chosen = await answerEverything(parent, publicSurvey, 'es');
      await widget.getByRole('heading', { name: await uiString('es', 'survey.thanks-heading') }).waitFor();
      assert.equal(chosen[publicSurvey.sections[0].questions[0].id], publicSurvey.sections[0].questions[0].options[1].id);
    } finally {
      await parentContext.close();
    }

    // Refresh: the chart and its text alternative show the Spanish answer.
    await results.locator('[data-action="refresh"]').click();
    await results.locator('#response-count', { hasText: '1 response' }).waitFor();
    assert.match(await saturday.innerText(), /Saturday\s+1 \(100%\)/);
    assert.match(await friday.innerText(), /Friday\s+0 \(0%\)/);
    const table = results.locator('table[data-table]');
    assert.match((await table.textContent()).replace(/\s+/g, ' '), /Saturday 1 100%/);

    // Filtering on English answers goes through the server and leaves none; Clear brings the answer back.
    await results.locator('#filter-locale').selectOption('en');
    await results.locator('[data-action="apply-filters"]').click();
    await results.locator('#response-count', { hasText: '0 responses' }).waitFor();
    await results.locator('#filter-locale').selectOption('es');
    await results.locator('[data-action="apply-filters"]').click();
    await results.locator('#response-count', { hasText: '1 response' }).waitFor();

    // The date filters, straight on the API: whole days, both ends included.
    const today = new Date().toISOString().slice(0, 10);
    const countFor = async (query) => {
      const response = await server.staff(`/api/v1/surveys/${surveyId}/results?${query}`);
      assert.equal(response.status, 200, `${query}: ${await response.clone().text()}`);
      return (await response.json()).responseCount;
    };
    assert.equal(await countFor(`from=${today}&to=${today}`), 1);
    assert.equal(await countFor('from=2999-01-01'), 0);
    assert.equal(await countFor('to=2000-01-01'), 0);
    assert.equal((await server.staff(`/api/v1/surveys/${surveyId}/results?from=yesterday`)).status, 422);

    // CSV export: a real download, made with the session cookie.
    const [download] = await Promise.all([page.waitForEvent('download'), results.locator('[data-action="export"]').click()]);
    assert.equal(download.suggestedFilename(), `survey-${surveyId}-results.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    assert.match(csv, /Which day suits you\?/);
    assert.match(csv, /,es,Saturday/);
  } finally {
    await context.close();
  }
});

test("a school admin cannot open another school's survey in the console", async () => {
  // The second school is added the way an operator would, on whichever database the server runs.
  await server.cli(['school', 'create', '--org', 'lincoln', '--id', OTHER_SCHOOL.id, '--name', OTHER_SCHOOL.name]);
  const created = await server.staff('/api/v1/surveys', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      schoolId: OTHER_SCHOOL.id,
      title: { en: 'Middle school sports' },
      defaultLocale: 'en',
      sections: [{ id: 'main', title: { en: 'Sports' }, questions: [{ id: 'q1', type: 'yes-no', prompt: { en: 'Will you come?' } }] }],
    }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const { id } = await created.json();

  await server.cli([
    'staff',
    'create',
    '--org',
    'lincoln',
    '--email',
    SCHOOL_ADMIN.email,
    '--name',
    SCHOOL_ADMIN.name,
    '--role',
    'staff',
    '--school-admin',
    SCHOOL,
    '--password',
    SCHOOL_ADMIN.password,
  ]);
  const { context, app } = await signIn(SCHOOL_ADMIN, `#/surveys/${id}/results`);
  try {
    const results = app.locator('console-survey-results');
    await results.getByRole('alert').filter({ hasText: 'belongs to a school you do not work with' }).waitFor();
    assert.equal(await results.locator('[data-chart]').count(), 0, 'no numbers of the other school are shown');
    // Back in the list, the other school's survey is not offered at all.
    await results.getByRole('button', { name: 'Back to surveys' }).click();
    const screen = app.locator('console-surveys');
    await screen.locator('#list-heading').waitFor();
    assert.equal(await screen.locator(`[data-survey="${id}"]`).count(), 0);
  } finally {
    await context.close();
  }
});
