// Offline → close → reopen online: the answers kept on the device are sent exactly once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SURVEY_ID, startServer } from './support/server.js';
import { PHONE, fetchPublicSurvey, launchBrowser, surveyOn, waitForSurvey } from './support/browser.js';
import { answerEverything, uiString } from './support/survey.js';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function responseCount() {
  return (await server.results(SURVEY_ID)).responseCount;
}

async function waitForResponseCount(expected, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let count;
  while (Date.now() < deadline) {
    count = await responseCount();
    if (count === expected) return count;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return count;
}

test('answers sent while offline are kept on the phone and arrive exactly once after the page is reopened online', async () => {
  const survey = await fetchPublicSurvey(server.baseUrl, SURVEY_ID);
  const surveyUrl = new URL('survey.html', server.baseUrl).href;
  // One context for the whole story: it is the parent's phone, and IndexedDB lives in it.
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  try {
    let page = await context.newPage();
    await page.goto(surveyUrl);
    await waitForSurvey(page);

    // The bus goes into a tunnel just before the parent presses Send.
    await answerEverything(page, survey, 'en', { submit: false });
    await context.setOffline(true);
    await surveyOn(page)
      .getByRole('button', { name: await uiString('en', 'survey.submit'), exact: true })
      .click();

    const widget = surveyOn(page);
    await widget.getByRole('heading', { name: await uiString('en', 'survey.queued-heading') }).waitFor();
    assert.match(await widget.locator('[data-state="queued"]').innerText(), /saved on this device[\s\S]*will be sent[\s\S]*back online/i);
    assert.equal(await responseCount(), 0, 'nothing reached the school while offline');

    // The parent closes the tab, and only later has a connection again.
    await page.close();
    await context.setOffline(false);

    page = await context.newPage();
    await page.goto(surveyUrl);
    const sent = surveyOn(page).locator('[data-state="thanks"], [data-state="answered"]');
    await sent.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(
      await sent.innerText(),
      new RegExp(`${await uiString('en', 'survey.thanks-heading')}|${await uiString('en', 'survey.answered-heading')}`),
    );

    assert.equal(await waitForResponseCount(1), 1, 'the kept answers arrived');
    // Retries, a second tab or a later visit must not send them again.
    await page.waitForTimeout(2_000);
    const second = await context.newPage();
    await second.goto(surveyUrl);
    await surveyOn(second).locator('[data-state="answered"], [data-state="thanks"]').waitFor({ state: 'visible' });
    await second.waitForTimeout(1_500);
    assert.equal(await responseCount(), 1, 'still exactly one response');
  } finally {
    await context.close();
  }
});
