// axe-core (WCAG 2.2 A/AA rules) on the demo survey page: the widget in English, Arabic and its error state, and the page itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer } from './support/server.js';
import { DESKTOP, launchBrowser, surveyOn, waitForSurvey, watchForProblems } from './support/browser.js';
import { waitForWidgets } from './support/widgets.js';

const require = createRequire(import.meta.url);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server;
let browser;
let axeSource;

before(async () => {
  // axe-core arrives with @open-wc/testing (chai-a11y-axe); resolve it rather than pin a copy.
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Runs axe in the page (through the DevTools protocol, so the server's CSP does not block it). */
async function axe(page, include) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ([context, tags]) => {
      const result = await window.axe.run(context ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' >>> ')),
      }));
    },
    [include ? { include: [[include]] } : null, WCAG_TAGS],
  );
}

function describe(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');
}

async function openSurveyPage(locale) {
  const context = await browser.newContext({ viewport: DESKTOP });
  if (locale) await context.addInitScript((saved) => localStorage.setItem('tandem:locale', saved), locale);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(new URL('survey.html', server.baseUrl).href);
  await waitForSurvey(page);
  return { context, page, problems };
}

for (const locale of ['en', 'ar']) {
  test(`[axe] the survey widget has no WCAG 2.2 violations (${locale})`, async () => {
    const { context, page, problems } = await openSurveyPage(locale);
    try {
      const violations = await axe(page, 'tandem-survey');
      assert.equal(violations.length, 0, `axe violations inside <tandem-survey>:\n${describe(violations)}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('[axe] the survey widget showing field errors has no WCAG 2.2 violations', async () => {
  const { context, page } = await openSurveyPage('en');
  try {
    // Going on without answering a required question brings up the error summary and field errors.
    await surveyOn(page).locator('[part~="next"], [part~="submit"]').first().click();
    await surveyOn(page).locator('[aria-invalid="true"]').first().waitFor();
    const violations = await axe(page, 'tandem-survey');
    assert.equal(violations.length, 0, `axe violations in the error state:\n${describe(violations)}`);
  } finally {
    await context.close();
  }
});

test('[axe] the demo survey page as a whole has no WCAG 2.2 violations', async () => {
  const { context, page } = await openSurveyPage('en');
  try {
    const violations = await axe(page);
    assert.equal(violations.length, 0, `axe violations on survey.html:\n${describe(violations)}`);
    for (const path of ['', 'webmasters.html', 'events.html', 'resources.html', 'learning.html', 'messages.html']) {
      await page.goto(new URL(path, server.baseUrl).href);
      await waitForWidgets(page);
      const pageViolations = await axe(page);
      assert.equal(pageViolations.length, 0, `axe violations on /${path}:\n${describe(pageViolations)}`);
    }
  } finally {
    await context.close();
  }
});
