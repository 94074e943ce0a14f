// Debian Chromium through playwright-core, plus helpers to watch a page and act on <tandem-survey> like a person.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
}

/**
 * Collects what a developer would see in the console: errors, uncaught exceptions, and requests that
 * failed or answered 4xx/5xx (a missing stylesheet or chunk is a bug even if nothing throws).
 */
export function watchForProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    // Offline tests fail requests on purpose; those are judged by the test itself.
    if (!failure.includes('ERR_INTERNET_DISCONNECTED')) problems.push(`request failed: ${request.url()} ${failure}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** The survey widget on the page; playwright's locators pierce its open shadow root. */
export function surveyOn(page) {
  return page.locator('tandem-survey');
}

/** Picks a language in a widget's own language switch (`widget` is its locator), whatever control it is drawn with. */
export async function chooseLanguage(widget, languageName) {
  const languageSwitch = widget.locator('tandem-language-switch');
  const select = languageSwitch.getByRole('combobox');
  if ((await select.count()) > 0) {
    await select.selectOption({ label: languageName });
    return;
  }
  // A disclosure or radio-style switch: open it if needed, then pick the language by its own name.
  const option = languageSwitch
    .getByRole('radio', { name: languageName })
    .or(languageSwitch.getByRole('button', { name: languageName }))
    .or(languageSwitch.getByRole('menuitemradio', { name: languageName }));
  if (!(await option.first().isVisible())) await languageSwitch.getByRole('button').first().click();
  await option.first().click();
}

/** Waits until the survey shows its questions (the loader and widget chunk arrived and the survey loaded). */
export async function waitForSurvey(page, timeout = 15_000) {
  try {
    await surveyOn(page).locator('[part~="question"]').first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    // Say what the parent would have seen instead, so a failure points at the right package.
    const seen = await page
      .evaluate(() => {
        const host = document.querySelector('tandem-survey');
        return {
          defined: !!customElements.get('tandem-survey'),
          state: host?.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state') ?? null,
          text: host?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300) ?? null,
        };
      })
      .catch(() => 'page unavailable');
    error.message += `\nThe survey did not show its questions. Widget: ${JSON.stringify(seen)}`;
    throw error;
  }
}

/** Fetches a published survey the way the widget does, to know its questions and their texts. */
export async function fetchPublicSurvey(baseUrl, surveyId) {
  const response = await fetch(new URL(`api/v1/public/surveys/${surveyId}`, baseUrl));
  if (!response.ok) throw new Error(`public survey ${surveyId}: HTTP ${response.status}`);
  return response.json();
}

/** Text in `locale`, else the survey's default language (as the widget falls back). */
export function textIn(localizedText, locale, defaultLocale) {
  if (!localizedText) return '';
  return localizedText[locale]?.trim() ? localizedText[locale] : localizedText[defaultLocale];
}

/** Runs a function against every element in the widget's shadow tree and returns the results. */
export function inWidget(page, fn, arg) {
  return page.evaluate(
    ([source, argument]) => {
      const host = document.querySelector('tandem-survey');
      if (!host?.shadowRoot) throw new Error('tandem-survey has no shadow root');
      const all = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          all.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(host.shadowRoot);
      return new Function('host', 'elements', 'arg', `return (${source})(host, elements, arg);`)(host, all, argument);
    },
    [fn.toString(), arg],
  );
}

/** The element that has focus, followed down through shadow roots, described by tag and id. */
export function deepActiveElement(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? { tag: el.tagName.toLowerCase(), id: el.id, answerFor: el.getAttribute('data-answer-for'), value: el.value } : null;
  });
}
