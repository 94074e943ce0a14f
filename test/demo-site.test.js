// The demo school site as a visitor meets it: clean pages, a working survey, phone layout, Arabic, and a hostile theme.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot, startServer } from './support/server.js';
import {
  DESKTOP,
  PHONE,
  fetchPublicSurvey,
  inWidget,
  launchBrowser,
  surveyOn,
  waitForSurvey,
  watchForProblems,
} from './support/browser.js';
import { EMBED_SANDBOX } from './support/embed.js';
import { waitForWidgets } from './support/widgets.js';

const SCREENSHOTS = process.env.TANDEM_SCREENSHOT_DIR ?? '/tmp';

let server;
let browser;
let survey;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  survey = await fetchPublicSurvey(server.baseUrl, 'lincoln-family-survey');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport, { locale } = {}) {
  const context = await browser.newContext({ viewport });
  if (locale) {
    // A family that chose this language on an earlier visit.
    await context.addInitScript((saved) => localStorage.setItem('tandem:locale', saved), locale);
  }
  const page = await context.newPage();
  return { context, page, problems: watchForProblems(page) };
}

/** The attributes of the first `<tag …>` in `html` (a bare attribute reads ''), or undefined when there is none. */
function attributesOf(html, tag) {
  const start = html.match(new RegExp(`<${tag}\\b([^>]*)>`));
  if (!start) return undefined;
  return Object.fromEntries([...start[1].matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name, value ?? '']));
}

/** True when the page scrolls sideways — on a phone that means something is cut off. */
function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

test('home page and survey page load with no console errors and the survey appears', async () => {
  const { context, page, problems } = await newPage(DESKTOP);
  try {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Lynx families!' }).waitFor();
    assert.equal(await page.title(), 'Lincoln Elementary School – Home of the Lynx');
    assert.ok((await page.getByRole('article').count()) >= 4, 'the home page shows the school news');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Family survey' }).click();
    await page.waitForURL(/survey\.html$/);
    await waitForSurvey(page);
    await surveyOn(page).getByRole('heading', { name: survey.title.en }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'tandem-demo-survey-desktop-en.png'), fullPage: true });
    // Late errors (lazy chunks, locale files) count too.
    await page.waitForTimeout(500);
    assert.deepEqual(problems, [], 'no console errors or failed requests');
  } finally {
    await context.close();
  }
});

test('the webmasters page shows the same snippets the demo pages use', async () => {
  const { context, page, problems } = await newPage(DESKTOP);
  try {
    await page.goto(new URL('webmasters.html', server.baseUrl).href);
    const snippet = await page.locator('pre.snippet').first().innerText();
    assert.match(snippet, /<script type="module" src="[^"]*\/tandem\.js"><\/script>/);
    assert.match(snippet, /<tandem-survey survey="lincoln-family-survey"><\/tandem-survey>/);

    for (const demoPage of ['survey.html', 'events.html', 'resources.html', 'learning.html', 'messages.html']) {
      const html = await readFile(join(repoRoot, 'demo', demoPage), 'utf8');
      assert.ok(html.includes('<script type="module" src="/tandem.js"></script>'), `${demoPage} loads /tandem.js`);
      const elements = html.match(/<(tandem-[a-z-]+)[^>]*><\/\1>/g) ?? [];
      assert.ok(elements.length > 0, `${demoPage} embeds a widget`);
      for (const element of elements) assert.ok(snippet.includes(element), `the snippet has ${element} from ${demoPage}`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the iframe snippet on the webmasters page is the real one: its page and helper answer from the server', async () => {
  const { context, page, problems } = await newPage(DESKTOP);
  try {
    await page.goto(new URL('webmasters.html', server.baseUrl).href);
    const snippet = await page.locator('#iframe-snippet').innerText();
    const iframe = attributesOf(snippet, 'iframe');
    assert.ok(iframe && /<\/iframe>/.test(snippet), `the snippet holds an iframe element: ${snippet}`);
    assert.equal(iframe['data-tandem-embed'], '', 'marked for the auto-height helper');
    assert.equal(iframe.sandbox, EMBED_SANDBOX, 'the sandbox the widgets are tested under');
    assert.ok(iframe.title, 'the frame has a title for screen readers');

    // The snippet names the school's own server; on this demo that is this server, at the same paths.
    const frameSrc = new URL(iframe.src);
    assert.match(frameSrc.pathname, /^\/embed\/survey\/lincoln-family-survey$/);
    const framePage = await fetch(new URL(frameSrc.pathname.slice(1) + frameSrc.search, server.baseUrl));
    assert.equal(framePage.status, 200, `${frameSrc.pathname} answers`);
    assert.match(await framePage.text(), /<tandem-survey data-tandem-widget survey="lincoln-family-survey"/, 'the page holds the survey');

    const helperSrc = snippet.match(/<script src="([^"]*\/tandem-frame\.js)"/)?.[1];
    assert.ok(helperSrc, 'the snippet loads the auto-height helper');
    const helper = await fetch(new URL(new URL(helperSrc).pathname.slice(1), server.baseUrl));
    assert.equal(helper.status, 200, '/tandem-frame.js answers');
    assert.match(helper.headers.get('content-type') ?? '', /javascript/);

    // The pointer to the full guide leads to it.
    const guideLink = page.getByRole('link', { name: '/docs/embed' });
    const guide = await fetch(new URL(await guideLink.getAttribute('href'), page.url()));
    assert.equal(guide.status, 200, 'the guide answers');
    assert.match(await guide.text(), /embed\/survey/, 'the guide explains the iframe pages');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a phone every demo page fits the screen, in English and with the survey in Arabic', async () => {
  for (const [name, path, locale] of [
    ['home', '', undefined],
    ['survey', 'survey.html', undefined],
    ['webmasters', 'webmasters.html', undefined],
    ['events', 'events.html', undefined],
    ['resources', 'resources.html', undefined],
    ['learning', 'learning.html', undefined],
    ['messages', 'messages.html', undefined],
    ['survey', 'survey.html', 'ar'],
  ]) {
    const { context, page, problems } = await newPage(PHONE, { locale });
    try {
      await page.goto(new URL(path, server.baseUrl).href);
      if (name === 'survey') await waitForSurvey(page);
      await waitForWidgets(page);
      if (locale === 'ar') {
        const direction = await inWidget(page, (host) => getComputedStyle(host.shadowRoot.querySelector('[part~="base"]')).direction);
        assert.equal(direction, 'rtl', 'the Arabic survey reads right to left');
        assert.equal(await surveyOn(page).getAttribute('lang'), 'ar');
      }
      await page.screenshot({ path: join(SCREENSHOTS, `tandem-demo-${name}-phone-${locale ?? 'en'}.png`), fullPage: true });
      assert.equal(await scrollsSideways(page), false, `${name} (${locale ?? 'en'}) does not scroll sideways at 390 px`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('the survey in Arabic on a desktop', async () => {
  const { context, page, problems } = await newPage(DESKTOP, { locale: 'ar' });
  try {
    await page.goto(new URL('survey.html', server.baseUrl).href);
    await waitForSurvey(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'tandem-demo-survey-desktop-ar.png'), fullPage: true });
    // The submit/next button speaks Arabic, not English.
    const buttonText = await surveyOn(page).locator('[part~="next"], [part~="submit"]').first().innerText();
    assert.doesNotMatch(buttonText, /^(Next|Send answers)$/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on the hostile theme the survey keeps a readable size and normal case', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const { context, page, problems } = await newPage(viewport);
    try {
      await page.goto(new URL('hostile.html', server.baseUrl).href);
      await waitForSurvey(page);
      await page.screenshot({
        path: join(SCREENSHOTS, `tandem-demo-hostile-${viewport === PHONE ? 'phone' : 'desktop'}.png`),
        fullPage: true,
      });

      // The theme really is hostile here, so the checks below mean something.
      const theme = await page.evaluate(() => ({
        rootFontSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
        headingTransform: getComputedStyle(document.querySelector('h1')).textTransform,
        hostTransform: getComputedStyle(document.querySelector('tandem-survey')).textTransform,
      }));
      assert.ok(theme.rootFontSize <= 10, `hostile root font size is tiny (${theme.rootFontSize}px)`);
      assert.equal(theme.headingTransform, 'uppercase');
      assert.equal(theme.hostTransform, 'uppercase', 'the theme forces uppercase onto the widget host');

      const widget = await inWidget(page, (host, elements) => {
        const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const prompts = [...host.shadowRoot.querySelectorAll('.prompt, legend, label')].filter(visible);
        const texty = elements.filter((el) => visible(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
        return {
          promptSizes: prompts.map((el) => parseFloat(getComputedStyle(el).fontSize)),
          smallest: Math.min(...texty.map((el) => parseFloat(getComputedStyle(el).fontSize))),
          uppercase: texty.filter((el) => getComputedStyle(el).textTransform === 'uppercase').map((el) => el.outerHTML.slice(0, 80)),
          radioSizes: [...host.shadowRoot.querySelectorAll('input[type="radio"]')]
            .filter(visible)
            .map((el) => el.getBoundingClientRect().width),
        };
      });
      assert.ok(widget.promptSizes.length > 0, 'question labels are visible');
      for (const size of widget.promptSizes) assert.ok(size >= 14, `question label font size ${size}px is at least 14px`);
      assert.ok(widget.smallest >= 12, `no text in the widget is smaller than 12px (smallest: ${widget.smallest}px)`);
      assert.deepEqual(widget.uppercase, [], 'no text inside the widget is forced to uppercase');
      assert.ok(
        widget.radioSizes.every((w) => w >= 12),
        `radio buttons stay visible (${widget.radioSizes.join(', ')}px)`,
      );

      // The theme kills focus outlines (":focus { outline: none !important }"); a keyboard user must still see focus in the survey.
      await surveyOn(page).locator('input[type="radio"]').first().focus();
      await page.keyboard.press('ArrowDown');
      const ring = await page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const style = getComputedStyle(el);
        return { tag: el.tagName, outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) };
      });
      assert.equal(ring.tag, 'INPUT');
      assert.ok(ring.outlineStyle !== 'none' && ring.outlineWidth >= 2, `focus is visible inside the survey (${JSON.stringify(ring)})`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('home page on a desktop (screenshot for review)', async () => {
  const { context, page, problems } = await newPage(DESKTOP);
  try {
    await page.goto(server.baseUrl);
    await page.screenshot({ path: join(SCREENSHOTS, 'tandem-demo-home-desktop-en.png'), fullPage: true });
    assert.equal(await scrollsSideways(page), false);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
