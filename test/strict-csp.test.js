// The script embed on school sites with a strict Content-Security-Policy (allow-listed or nonce-based, with Trusted Types):
// the loader and the widgets load, render styled and send answers without a single violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SURVEY_ID, startServer } from './support/server.js';
import { DESKTOP, fetchPublicSurvey, launchBrowser, surveyOn, waitForSurvey, watchForProblems } from './support/browser.js';
import { answerEverything } from './support/survey.js';
import { waitForWidgets } from './support/widgets.js';
import { HOST_CSS, reportCspViolations, startHostSite } from './support/embed.js';

const NONCE = 'c2Nob29sLXNpdGUtbm9uY2U';

let server;
let browser;
let site;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  site = await startHostSite({ '/site.css': HOST_CSS });
});

after(async () => {
  await browser?.close();
  await site?.stop();
  await server?.stop();
});

/** A school page that allows only its own styles and Tandem's scripts and API, and requires Trusted Types. */
function strictPage({ loaderAttributes = '', policy, widgets }) {
  return {
    headers: { 'content-security-policy': policy },
    html: `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Lincoln Elementary – a locked-down district site</title>
    <link rel="stylesheet" href="/site.css">
    <script type="module" src="${server.origin}/tandem.js"${loaderAttributes}></script>
  </head>
  <body>
    <h1>Family tools</h1>
    <main>${widgets}</main>
  </body>
</html>`,
  };
}

const ALL_WIDGETS = `
  <tandem-survey survey="${SURVEY_ID}"></tandem-survey>
  <tandem-event-rsvp event="lincoln-family-math-night"></tandem-event-rsvp>
  <tandem-resource-card resource="lincoln-res-food-shelf"></tandem-resource-card>
  <tandem-resource-list school="lincoln-elementary"></tandem-resource-list>
  <tandem-lesson-viewer lesson="lincoln-bedtime-reading"></tandem-lesson-viewer>
  <tandem-message-box school="lincoln-elementary"></tandem-message-box>`;

const allowListPolicy = (tandem, styleSrc = "'self'") =>
  [
    "default-src 'none'",
    `script-src ${tandem}`,
    `style-src ${styleSrc}`,
    `connect-src ${tandem}`,
    "img-src 'self' data: https:",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');

async function openStrictPage(path, page, { withoutConstructableStyles = false } = {}) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  await reportCspViolations(context);
  if (withoutConstructableStyles) {
    // A browser without constructable stylesheets: Lit falls back to <style> elements, which need the page's nonce.
    await context.addInitScript(() => {
      delete Document.prototype.adoptedStyleSheets;
      delete ShadowRoot.prototype.adoptedStyleSheets;
    });
  }
  site.set(path, page);
  const tab = await context.newPage();
  const problems = watchForProblems(tab);
  await tab.goto(site.url(path));
  return { context, page: tab, problems };
}

/** The Send/Next button's background: the widget's own accent colour when its styles applied, transparent when they were blocked. */
const buttonBackground = (page) =>
  surveyOn(page)
    .locator('[part~="next"], [part~="submit"]')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);

test('on a page that allow-lists only Tandem and requires Trusted Types, every widget loads and a survey is answered', async () => {
  const survey = await fetchPublicSurvey(server.baseUrl, SURVEY_ID);
  const before = (await server.results(SURVEY_ID)).responseCount;
  const { context, page, problems } = await openStrictPage(
    '/strict.html',
    strictPage({ policy: allowListPolicy(server.origin), widgets: ALL_WIDGETS }),
  );
  try {
    await waitForSurvey(page);
    await waitForWidgets(page);
    await page.locator('tandem-message-box [part~="base"]').waitFor();
    assert.equal(await buttonBackground(page), 'rgb(29, 78, 216)', 'the widget is styled');
    await answerEverything(page, survey, 'en');
    await surveyOn(page).locator('[data-state="thanks"]').waitFor();
    assert.equal((await server.results(SURVEY_ID)).responseCount, before + 1);
    await page.waitForTimeout(500);
    assert.deepEqual(problems, [], 'no CSP violation, console error or failed request');
  } finally {
    await context.close();
  }
});

test('with a nonce-based policy (strict-dynamic), the loader passes the page nonce on to the styles it needs', async () => {
  const policy = [
    "default-src 'none'",
    `script-src 'nonce-${NONCE}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${NONCE}'`,
    `connect-src ${server.origin}`,
    "base-uri 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
  const { context, page, problems } = await openStrictPage(
    '/nonce.html',
    strictPage({ policy, loaderAttributes: ` nonce="${NONCE}"`, widgets: `<tandem-survey survey="${SURVEY_ID}"></tandem-survey>` }),
    { withoutConstructableStyles: true },
  );
  try {
    await waitForSurvey(page);
    const styles = await surveyOn(page).evaluate((host) => host.shadowRoot.querySelectorAll('style').length);
    assert.ok(styles > 0, 'the widget styled itself with <style> elements (no constructable stylesheets here)');
    assert.equal(await buttonBackground(page), 'rgb(29, 78, 216)', 'the nonce let those styles apply');
    await page.waitForTimeout(500);
    assert.deepEqual(problems, [], 'no CSP violation, console error or failed request');
  } finally {
    await context.close();
  }
});

test('with an allow-list policy and a style nonce, data-nonce on the loader hands the nonce over', async () => {
  const policy = allowListPolicy(server.origin, `'self' 'nonce-${NONCE}'`);
  const { context, page, problems } = await openStrictPage(
    '/data-nonce.html',
    strictPage({
      policy,
      loaderAttributes: ` data-nonce="${NONCE}"`,
      widgets: `<tandem-resource-card resource="lincoln-res-food-shelf"></tandem-resource-card>`,
    }),
    { withoutConstructableStyles: true },
  );
  try {
    await waitForWidgets(page);
    const card = page.locator('tandem-resource-card');
    // Without its styles the card's base part would be an unstyled inline box; with them it is a laid-out block.
    const display = await card.evaluate((host) => getComputedStyle(host).display);
    assert.equal(display, 'block', 'the card’s styles applied');
    await page.waitForTimeout(500);
    assert.deepEqual(problems, [], 'no CSP violation, console error or failed request');
  } finally {
    await context.close();
  }
});
