// The npm-usage examples (plain JS and React), bundled as an app developer would, served by the real server and used in Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildExamples } from '../scripts/build-examples.js';
import { startServer } from './support/server.js';
import { DESKTOP, fetchPublicSurvey, launchBrowser, surveyOn, waitForSurvey, watchForProblems } from './support/browser.js';
import { answerEverything, resultsMismatches } from './support/survey.js';
import { waitForWidgets } from './support/widgets.js';

let browser;

before(async () => {
  await buildExamples();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

for (const [name, heading] of [
  ['vanilla', 'Tandem widgets from npm, no framework'],
  ['react', 'Tandem widgets in a React app'],
]) {
  test(`the ${name} example shows all five widgets, and a family's survey answers reach the school and the page`, async () => {
    // A server of its own, so the results hold this example's answers only. It serves demo/ at /, so
    // the built examples are at /examples/<name>/.
    const server = await startServer();
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    try {
      const survey = await fetchPublicSurvey(server.baseUrl, 'lincoln-family-survey');
      await page.goto(new URL(`examples/${name}/`, server.baseUrl).href);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await waitForSurvey(page);
      await waitForWidgets(page);
      // Signed out, the message box asks for the family's invite code.
      await page.locator('tandem-message-box #invite-code').waitFor();
      await surveyOn(page).getByRole('heading', { name: survey.title.en }).waitFor();

      const chosen = await answerEverything(page, survey, 'en');
      // The page heard the widget's event (a DOM listener, or the React onTandemSubmitted prop).
      await page.locator('#activity li', { hasText: 'Survey answers saved' }).waitFor({ timeout: 15_000 });

      const results = await server.results();
      assert.equal(results.responseCount, 1, 'the school received the answers once');
      assert.deepEqual(resultsMismatches(results, survey, chosen, 'en'), []);
      assert.deepEqual(problems, [], 'no console errors or failed requests');
    } finally {
      await context.close();
      await server.stop();
    }
  });
}
