// A parent on a classroom page from another origin switches the survey to Spanish, answers everything, and staff see it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SURVEY_ID, startHostPage, startServer } from './support/server.js';
import {
  DESKTOP,
  PHONE,
  chooseLanguage,
  fetchPublicSurvey,
  launchBrowser,
  surveyOn,
  waitForSurvey,
  watchForProblems,
} from './support/browser.js';
import { answerEverything, resultsMismatches, uiString } from './support/survey.js';

let server;
let hostPage;
let browser;

before(async () => {
  server = await startServer();
  hostPage = await startHostPage(server.origin);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await hostPage?.stop();
  await server?.stop();
});

test('a parent answers in Spanish on a page from another origin and staff see the answers', async () => {
  const survey = await fetchPublicSurvey(server.baseUrl, SURVEY_ID);
  assert.ok(survey.locales.includes('es'), 'the demo survey is written in Spanish too');

  // An English-speaking browser: the parent switches the language in the widget itself.
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  try {
    await page.goto(hostPage.url);
    assert.notEqual(new URL(page.url()).origin, server.origin, 'the host page is on another origin than Tandem');
    await waitForSurvey(page);
    const widget = surveyOn(page);
    await widget.getByRole('heading', { name: survey.title.en }).waitFor();

    await chooseLanguage(surveyOn(page), 'Español');
    await widget.getByRole('heading', { name: survey.title.es }).waitFor();
    assert.equal(await widget.getAttribute('lang'), 'es');

    // The host page hears about the submission, as a webmaster's own script would.
    await page.evaluate(() => {
      window.submittedDetail = new Promise((resolve) => document.addEventListener('tandem-submitted', (e) => resolve(e.detail)));
    });
    const chosen = await answerEverything(page, survey, 'es');

    await widget.getByRole('heading', { name: await uiString('es', 'survey.thanks-heading') }).waitFor();
    await widget.getByText(await uiString('es', 'survey.thanks')).waitFor();
    await page.screenshot({
      path: join(process.env.TANDEM_SCREENSHOT_DIR ?? '/tmp', 'tandem-e2e-host-page-es-thanks.png'),
      fullPage: true,
    });
    const detail = await page.evaluate(() => window.submittedDetail);
    assert.equal(typeof detail.responseId, 'string', 'tandem-submitted carries the response id');
    assert.deepEqual(problems, [], 'no console errors or failed requests on the host page');

    const results = await server.results(SURVEY_ID);
    assert.equal(results.responseCount, 1);
    assert.deepEqual(results.locales, { es: 1 }, 'the response is recorded as answered in Spanish');
    assert.deepEqual(resultsMismatches(results, survey, chosen, 'es'), []);
  } finally {
    await context.close();
  }
});

test('the language a parent chose is still there when they come back', async () => {
  const survey = await fetchPublicSurvey(server.baseUrl, SURVEY_ID);
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  const page = await context.newPage();
  try {
    await page.goto(hostPage.url);
    await waitForSurvey(page);
    await chooseLanguage(surveyOn(page), 'Español');
    await surveyOn(page).getByRole('heading', { name: survey.title.es }).waitFor();

    // Next visit: the host page still says lang="en", but the family's own choice wins.
    await page.reload();
    await waitForSurvey(page);
    await surveyOn(page).getByRole('heading', { name: survey.title.es }).waitFor();
    assert.equal(
      await surveyOn(page)
        .getByRole('button', { name: await uiString('es', 'survey.next'), exact: true })
        .count(),
      1,
    );
  } finally {
    await context.close();
  }
});
