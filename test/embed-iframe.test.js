// A school site that cannot run scripts of its own frames every widget from /embed/<widget>/<id>: the widgets render and work
// inside a sandboxed iframe, the frames take their content's height, forged resize messages are ignored, and the CSP holds.
// Offline: in a family's browser the frame keeps its outbox and lesson copies in storage partitioned by the top-level
// site (launchFamilyBrowser); where a browser denies the frame storage, answers wait in memory while the page is open.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SURVEY_ID, repoRoot, startServer } from './support/server.js';
import { DESKTOP, PHONE, fetchPublicSurvey, launchBrowser, surveyOn, watchForProblems } from './support/browser.js';
import { answerEverything, uiString } from './support/survey.js';
import { waitForWidgets } from './support/widgets.js';
import {
  HOST_CSS,
  frameAt,
  heights,
  iframeHostPage,
  launchFamilyBrowser,
  reportCspViolations,
  startHostSite,
  storedInFrame,
  waitForFit,
} from './support/embed.js';

const SCHOOL = 'lincoln-elementary';
const LESSON = 'lincoln-bedtime-reading';

const WIDGETS = [
  { widget: 'survey', id: SURVEY_ID, title: 'Family survey' },
  { widget: 'event-rsvp', id: 'lincoln-family-math-night', title: 'Family Math Night RSVP' },
  { widget: 'resource-card', id: 'lincoln-res-food-shelf', title: 'Food shelf' },
  { widget: 'resource-list', id: SCHOOL, title: 'Family resources' },
  { widget: 'lesson-viewer', id: LESSON, title: 'Bedtime reading lesson' },
];

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

const embedUrl = (widget, id, query = '') => `${server.origin}/embed/${widget}/${id}${query}`;

async function newPage(viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  await reportCspViolations(context);
  const page = await context.newPage();
  return { context, page, problems: watchForProblems(page) };
}

async function responseCount() {
  return (await server.results(SURVEY_ID)).responseCount;
}

/** Waits until the school has `expected` responses (the outbox sends in the background), then returns the count. */
async function waitForResponses(expected, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let count;
  while (Date.now() < deadline) {
    count = await responseCount();
    if (count >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.equal(count, expected, 'responses the school received');
  return count;
}

/** Polls what the frame keeps in IndexedDB until `done` holds (the widgets save in the background). */
async function waitForStored(frame, done, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let stored;
  while (Date.now() < deadline) {
    stored = await storedInFrame(frame);
    if (stored && done(stored)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return stored;
}

test('every widget renders in a sandboxed iframe on another site, and each frame is exactly as tall as its content', async () => {
  site.set('/all.html', {
    html: iframeHostPage(
      server.origin,
      WIDGETS.map(({ widget, id, title }) => ({ id: `frame-${widget}`, title, src: embedUrl(widget, id, `?embedId=${widget}`) })),
    ),
  });
  const { context, page, problems } = await newPage(PHONE);
  // What an LMS would hear: the top page records every message its frames post.
  await context.addInitScript(() => {
    if (window === top) addEventListener('message', (event) => (window.frameMessages ??= []).push(event.data));
  });
  try {
    await page.goto(site.url('/all.html'));
    for (const { widget } of WIDGETS) {
      const frame = await frameAt(page, `${server.origin}/embed/${widget}/`);
      await waitForWidgets(frame);
      if (widget === 'survey') await surveyOn(frame).locator('[part~="question"]').first().waitFor();
      const height = await waitForFit(page, frame, `#frame-${widget}`);
      // Without the helper an iframe stays 150 px tall; every widget here is taller than that.
      assert.ok(height > 200, `${widget} frame grew to its content (${height}px)`);
      const scrolls = await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight + 1);
      assert.equal(scrolls, false, `${widget} shows no scrollbar of its own`);
      const messages = await page.evaluate(() => window.frameMessages);
      assert.ok(
        messages.some((m) => m.type === 'tandem:resize' && m.embedId === widget && m.height === height),
        `${widget} posted {type: "tandem:resize", embedId, height}`,
      );
      assert.ok(
        messages.some((m) => m.subject === 'lti.frameResize' && m.height === height),
        `${widget} posted the LTI convention's {subject: "lti.frameResize", height}`,
      );
    }
    await page.waitForTimeout(500);
    assert.deepEqual(problems, [], 'no console errors, CSP violations or failed requests in the page or its frames');
  } finally {
    await context.close();
  }
});

test('a family answers the survey inside the iframe; the frame follows the content as it changes', async () => {
  const survey = await fetchPublicSurvey(server.baseUrl, SURVEY_ID);
  site.set('/survey.html', {
    html: iframeHostPage(server.origin, [
      { id: 'survey', title: 'Family survey', src: embedUrl('survey', SURVEY_ID, '?lang=es&embedId=s1') },
    ]),
  });
  const before = await responseCount();
  const { context, page, problems } = await newPage(PHONE);
  try {
    await page.goto(site.url('/survey.html'));
    const frame = await frameAt(page, `${server.origin}/embed/survey/`);
    await surveyOn(frame).locator('[part~="question"]').first().waitFor();
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'es', '?lang=es sets the page language');
    const firstPage = await waitForFit(page, frame, '#survey');

    await answerEverything(frame, survey, 'es');
    await surveyOn(frame).locator('[data-state="thanks"]').waitFor();
    // The thank-you is much shorter than the questions were: the frame shrinks with it.
    const thanks = await waitForFit(page, frame, '#survey');
    assert.ok(thanks < firstPage, `the frame shrank from ${firstPage}px to ${thanks}px`);
    assert.equal(await responseCount(), before + 1, 'the school received the answers');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('resize messages from another frame, another origin or the page itself are ignored', async () => {
  // A frame on the host's own site that tries to stretch the Tandem frame, and one marked as a Tandem embed whose
  // page later navigates away from Tandem's origin (say, to an ad): neither may set a Tandem frame's height.
  site.set('/forger.html', {
    html: `<!doctype html><html lang="en"><title>forger</title><script src="/forger.js"></script></html>`,
  });
  site.set('/forger.js', {
    type: 'text/javascript',
    html: `setInterval(() => parent.postMessage({ type: 'tandem:resize', embedId: 'card', height: 4321 }, '*'), 50);`,
  });
  site.set('/forged.html', {
    html: iframeHostPage(server.origin, [
      { id: 'card', title: 'Food shelf', src: embedUrl('resource-card', 'lincoln-res-food-shelf', '?embedId=card') },
      { id: 'hijacked', title: 'Family resources', src: embedUrl('resource-card', 'lincoln-res-food-shelf', '?embedId=hijacked') },
    ]).replace('</main>', `<iframe id="forger" src="/forger.html" title="forger"></iframe></main>`),
  });
  const { context, page } = await newPage(DESKTOP);
  try {
    await page.goto(site.url('/forged.html'));
    const card = await frameAt(page, embedUrl('resource-card', 'lincoln-res-food-shelf', '?embedId=card'));
    await card.locator('tandem-resource-card [part~="name"]').waitFor();
    const fitted = await waitForFit(page, card, '#card');

    // The page itself (a script on it, or an extension) forging a message from the Tandem origin's name.
    await page.evaluate(() => window.postMessage({ type: 'tandem:resize', embedId: 'card', height: 4321 }, '*'));
    // The second embed's frame is navigated to the host's own forger page: its src still names Tandem's origin.
    await page.evaluate(() => {
      document.getElementById('hijacked').contentWindow.location.href = '/forger.html';
    });
    await page.waitForTimeout(1_000);

    const { outer } = await heights(page, card, '#card');
    assert.equal(outer, fitted, 'the Tandem frame kept the height its own content reported');
    const hijacked = await page.locator('#hijacked').evaluate((el) => el.getBoundingClientRect().height);
    assert.notEqual(hijacked, 4321, 'a frame showing another origin than its src cannot resize itself');
    const forger = await page.locator('#forger').evaluate((el) => el.getBoundingClientRect().height);
    assert.equal(forger, 150, 'an unmarked iframe is never resized');
  } finally {
    await context.close();
  }
});

test('the identity token is read from the fragment, handed to the widget and removed from the address', async () => {
  const token = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJmYW1pbHktNDIifQ.c2lnbmF0dXJl';
  site.set('/rsvp.html', {
    html: iframeHostPage(server.origin, [
      { id: 'rsvp', title: 'RSVP', src: embedUrl('event-rsvp', 'lincoln-family-math-night', `?embedId=rsvp#identity=${token}`) },
    ]),
  });
  const { context, page, problems } = await newPage(DESKTOP);
  const sentToServer = [];
  page.on('request', (request) => {
    if (request.url().includes(token)) sentToServer.push(request.url());
  });
  try {
    await page.goto(site.url('/rsvp.html'));
    const frame = await frameAt(page, `${server.origin}/embed/event-rsvp/`);
    await waitForWidgets(frame);
    const seen = await frame.evaluate(() => ({
      attribute: document.querySelector('tandem-event-rsvp').getAttribute('identity-token'),
      hash: location.hash,
      href: location.href,
    }));
    assert.equal(seen.attribute, token, 'the widget received the token');
    assert.equal(seen.hash, '', 'the token left the frame’s address');
    assert.ok(!seen.href.includes(token));
    assert.deepEqual(sentToServer, [], 'no request URL carried the token');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('where the browser denies a cross-site frame storage, answers sent offline go out exactly once while the page stays open', async () => {
  // Playwright's own contexts turn storage partitioning off, and this Chromium blocks third-party cookies, so the
  // frame gets no IndexedDB and no localStorage: like Firefox set to block all third-party cookies, or a browser
  // that blocks all cookies. The outbox then holds the answers in memory for as long as the page stays open.
  const survey = await fetchPublicSurvey(server.baseUrl, SURVEY_ID);
  site.set('/bus.html', {
    html: iframeHostPage(server.origin, [{ id: 'survey', title: 'Family survey', src: embedUrl('survey', SURVEY_ID, '?embedId=s3') }]),
  });
  const before = await responseCount();
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  await reportCspViolations(context);
  try {
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(site.url('/bus.html'));
    const frame = await frameAt(page, `${server.origin}/embed/survey/`);
    await surveyOn(frame).locator('[part~="question"]').first().waitFor();
    assert.equal(await storedInFrame(frame), null, 'this browser gives the frame no IndexedDB (else the test proves nothing)');
    await answerEverything(frame, survey, 'en', { submit: false });
    await context.setOffline(true);
    await surveyOn(frame)
      .getByRole('button', { name: await uiString('en', 'survey.submit'), exact: true })
      .click();
    await surveyOn(frame)
      .getByRole('heading', { name: await uiString('en', 'survey.queued-heading') })
      .waitFor();
    await page.waitForTimeout(500);
    assert.equal(await responseCount(), before, 'nothing reached the school while offline');

    await context.setOffline(false);
    await surveyOn(frame).locator('[data-state="thanks"]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_500);
    assert.equal(await responseCount(), before + 1, 'exactly one response arrived');
    const unexpected = problems.filter((p) => !/internetdisconnected|ERR_INTERNET_DISCONNECTED/i.test(p));
    assert.deepEqual(unexpected, [], 'no console errors or failed requests other than the offline ones');
  } finally {
    await context.close();
  }
});

test('in a family’s browser, answers sent offline in a cross-site iframe are kept for that school’s site only and go out once when it is opened again', async () => {
  // Chrome (like Firefox and Safari) gives a frame from another site storage of its own, keyed by the top-level site.
  const survey = await fetchPublicSurvey(server.baseUrl, SURVEY_ID);
  const otherSchool = await startHostSite({ '/site.css': HOST_CSS }, { host: '127.0.0.2' });
  const html = iframeHostPage(server.origin, [{ id: 'survey', title: 'Family survey', src: embedUrl('survey', SURVEY_ID, '?embedId=p1') }]);
  site.set('/partitioned-survey.html', { html });
  otherSchool.set('/partitioned-survey.html', { html });
  const before = await responseCount();
  const family = await launchFamilyBrowser({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'en-US' });
  await reportCspViolations(family.context);
  // One list per tab, filled as the tab runs; read at the end.
  const problems = [];
  const open = async (url) => {
    const tab = await family.context.newPage();
    problems.push(watchForProblems(tab));
    await tab.goto(url);
    return { tab, frame: await frameAt(tab, `${server.origin}/embed/survey/`) };
  };
  try {
    let { tab, frame } = await open(site.url('/partitioned-survey.html'));
    await surveyOn(frame).locator('[part~="question"]').first().waitFor();
    assert.deepEqual(await storedInFrame(frame), { outbox: 0, lessons: 0 }, 'the frame has IndexedDB, empty so far');
    await answerEverything(frame, survey, 'en', { submit: false });
    await family.context.setOffline(true);
    await surveyOn(frame)
      .getByRole('button', { name: await uiString('en', 'survey.submit'), exact: true })
      .click();
    await surveyOn(frame)
      .getByRole('heading', { name: await uiString('en', 'survey.queued-heading') })
      .waitFor();
    assert.equal((await storedInFrame(frame)).outbox, 1, 'the answers wait in the frame’s IndexedDB');
    assert.equal(await responseCount(), before, 'nothing reached the school while offline');
    // The parent closes the tab, and only later has a connection again.
    await tab.close();
    await family.context.setOffline(false);

    // Another school's site frames the same survey: its frame has storage of its own, without the first site's answers.
    ({ tab, frame } = await open(otherSchool.url('/partitioned-survey.html')));
    await surveyOn(frame).locator('[part~="question"]').first().waitFor();
    assert.equal(await surveyOn(frame).locator('[data-state="answered"], [data-state="thanks"]').count(), 0, 'not marked answered there');
    assert.deepEqual(await storedInFrame(frame), { outbox: 0, lessons: 0 }, 'the first site’s outbox is not visible under another site');
    await tab.waitForTimeout(1_500);
    assert.equal(await responseCount(), before, 'a frame under another site does not send the first site’s answers');
    await tab.close();

    // Back on the first school's page the waiting answers go out.
    ({ tab, frame } = await open(site.url('/partitioned-survey.html')));
    await surveyOn(frame).locator('[data-state="thanks"], [data-state="answered"]').waitFor({ timeout: 20_000 });
    await waitForResponses(before + 1);
    assert.equal((await storedInFrame(frame)).outbox, 0, 'the outbox is empty once the answers are sent');

    // Another visit must not send the answers again.
    await tab.reload();
    frame = await frameAt(tab, `${server.origin}/embed/survey/`);
    await surveyOn(frame).locator('[data-state="answered"], [data-state="thanks"]').waitFor({ timeout: 20_000 });
    await tab.waitForTimeout(1_500);
    assert.equal(await responseCount(), before + 1, 'exactly one response arrived');
    const unexpected = problems.flat().filter((p) => !/internetdisconnected|ERR_INTERNET_DISCONNECTED/i.test(p));
    assert.deepEqual(unexpected, [], 'no console errors or failed requests other than the offline ones');
  } finally {
    await family.close();
    await otherSchool.stop();
  }
});

test('in a family’s browser, a lesson opened once in a cross-site iframe stays readable offline, under that school’s site only', async () => {
  const otherSchool = await startHostSite({ '/site.css': HOST_CSS }, { host: '127.0.0.2' });
  const html = iframeHostPage(server.origin, [{ id: 'lesson', title: 'Lesson', src: embedUrl('lesson-viewer', LESSON, '?embedId=p2') }]);
  // The school's own page may be cached like any page, so that it opens offline; the frame's files are (SHORT_CACHE),
  // and so is the lesson API's answer (max-age=60, stale-while-revalidate).
  site.set('/partitioned-lesson.html', { html, headers: { 'cache-control': 'max-age=600' } });
  site.set('/site.css', { ...HOST_CSS, headers: { 'cache-control': 'max-age=600' } });
  otherSchool.set('/partitioned-lesson.html', { html });
  const family = await launchFamilyBrowser({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'en-US' });
  await reportCspViolations(family.context);
  // One list per tab, filled as the tab runs; read at the end.
  const problems = [];
  const open = async (url, { apiDown = false } = {}) => {
    const tab = await family.context.newPage();
    problems.push(watchForProblems(tab));
    if (apiDown) await tab.route(`${server.origin}/api/**`, (route) => route.abort('internetdisconnected'));
    await tab.goto(url);
    return { tab, frame: await frameAt(tab, `${server.origin}/embed/lesson-viewer/`) };
  };
  const sections = (frame) => frame.locator('tandem-lesson-viewer [part~="section"]');
  try {
    let { tab, frame } = await open(site.url('/partitioned-lesson.html'));
    await sections(frame).first().waitFor();
    const stored = await waitForStored(frame, (s) => s.lessons === 1);
    assert.equal(stored?.lessons, 1, 'the lesson is kept in the frame’s IndexedDB');

    // The Tandem server becomes unreachable and the parent reloads the page: the copy saved in the frame shows.
    // (Intercepting requests also turns the browser's HTTP cache off for this tab, so that copy is the only source.)
    await tab.route(`${server.origin}/api/**`, (route) => route.abort('internetdisconnected'));
    await tab.reload();
    frame = await frameAt(tab, `${server.origin}/embed/lesson-viewer/`);
    await frame.locator('tandem-lesson-viewer [part~="saved-copy"]').waitFor();
    await sections(frame).first().waitFor();
    const sectionCount = await sections(frame).count();
    assert.ok(sectionCount > 1, 'the whole lesson reads from the saved copy');
    await tab.close();

    // Fully offline, the parent opens the school's page again: page, frame and lesson all open from the device.
    await family.context.setOffline(true);
    ({ tab, frame } = await open(site.url('/partitioned-lesson.html')));
    await sections(frame).first().waitFor();
    assert.equal(await sections(frame).count(), sectionCount, 'every section reads offline');
    await tab.close();
    await family.context.setOffline(false);

    // Another school's site frames the same lesson while the Tandem server is unreachable: there is no copy under that site.
    ({ tab, frame } = await open(otherSchool.url('/partitioned-lesson.html'), { apiDown: true }));
    await frame.waitForFunction(() => document.querySelector('tandem-lesson-viewer')?.phase === 'load-error');
    assert.equal(await sections(frame).count(), 0, 'no lesson text shows under another site');
    assert.equal(await frame.locator('tandem-lesson-viewer [part~="saved-copy"]').count(), 0);
    assert.deepEqual(
      await storedInFrame(frame),
      { outbox: 0, lessons: 0 },
      'the first site’s lesson copy is not visible under another site',
    );
    const unexpected = problems.flat().filter((p) => !/internetdisconnected|ERR_INTERNET_DISCONNECTED/i.test(p));
    assert.deepEqual(unexpected, [], 'no console errors or failed requests other than the offline ones');
  } finally {
    site.set('/site.css', HOST_CSS);
    await family.close();
    await otherSchool.stop();
  }
});

test('framed by a site of the same district, the iframe keeps offline answers across visits and opens a saved lesson', async () => {
  // Same site (127.0.0.1 on two ports, like www.district.org and tandem.district.org): the frame has storage.
  const district = await startHostSite({ '/site.css': HOST_CSS }, { sameSite: true });
  const survey = await fetchPublicSurvey(server.baseUrl, SURVEY_ID);
  district.set('/offline.html', {
    html: iframeHostPage(server.origin, [
      { id: 'survey', title: 'Family survey', src: embedUrl('survey', SURVEY_ID, '?embedId=s2') },
      { id: 'lesson', title: 'Lesson', src: embedUrl('lesson-viewer', LESSON, '?embedId=l1') },
    ]),
  });
  const before = await responseCount();
  // One context for the whole story: it is the parent's phone, and the frames' IndexedDB lives in it.
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  await reportCspViolations(context);
  try {
    let page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(district.url('/offline.html'));
    let frame = await frameAt(page, `${server.origin}/embed/survey/`);
    await surveyOn(frame).locator('[part~="question"]').first().waitFor();
    const lesson = await frameAt(page, `${server.origin}/embed/lesson-viewer/`);
    await lesson.locator('tandem-lesson-viewer [part~="section"]').first().waitFor();

    await answerEverything(frame, survey, 'en', { submit: false });
    await context.setOffline(true);
    await surveyOn(frame)
      .getByRole('button', { name: await uiString('en', 'survey.submit'), exact: true })
      .click();
    await surveyOn(frame)
      .getByRole('heading', { name: await uiString('en', 'survey.queued-heading') })
      .waitFor();
    assert.equal(await responseCount(), before, 'nothing reached the school while offline');
    // The parent closes the tab, and only later has a connection again.
    await page.close();
    await context.setOffline(false);

    // Back online the parent opens the page again, but the lesson API is down: the saved copy shows.
    page = await context.newPage();
    // Its own list, filled as the new page runs (a copy made now would stay empty).
    const moreProblems = watchForProblems(page);
    await page.route(`${server.origin}/api/v1/public/lessons/**`, (route) => route.abort('internetdisconnected'));
    await page.goto(district.url('/offline.html'));
    frame = await frameAt(page, `${server.origin}/embed/survey/`);
    await surveyOn(frame).locator('[data-state="thanks"], [data-state="answered"]').waitFor({ timeout: 20_000 });
    const savedLesson = await frameAt(page, `${server.origin}/embed/lesson-viewer/`);
    await savedLesson.locator('tandem-lesson-viewer [part~="saved-copy"]').waitFor();
    await savedLesson.locator('tandem-lesson-viewer [part~="section"]').first().waitFor();

    // Another visit must not send the answers again.
    await page.reload();
    frame = await frameAt(page, `${server.origin}/embed/survey/`);
    await surveyOn(frame).locator('[data-state="answered"], [data-state="thanks"]').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1_500);
    assert.equal(await responseCount(), before + 1, 'exactly one response arrived');
    const unexpected = [...problems, ...moreProblems].filter((p) => !/internetdisconnected|ERR_INTERNET_DISCONNECTED/i.test(p));
    assert.deepEqual(unexpected, [], 'no console errors or failed requests other than the offline ones');
  } finally {
    await context.close();
    await district.stop();
  }
});

test('the message box renders in its iframe page (before its bundle is built: the page shell is right)', async (t) => {
  // The message box bundle is built by its own package; until it exists only the page shell is checked here.
  const built = existsSync(join(repoRoot, 'packages', 'embed', 'dist', 'cdn', 'widgets', 'message-box.js'));
  const response = await fetch(embedUrl('message-box', SCHOOL, '?lang=ar&student=maya-2'));
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /<html lang="ar" dir="rtl"/);
  assert.match(html, /<tandem-message-box data-tandem-widget school="lincoln-elementary" student="maya-2" lang="ar">/);
  if (!built) {
    t.diagnostic('widgets/message-box.js is not built yet: the widget itself is not exercised');
    return;
  }
  site.set('/messages.html', {
    html: iframeHostPage(server.origin, [{ id: 'messages', title: 'Messages', src: embedUrl('message-box', SCHOOL, '?embedId=m1') }]),
  });
  const { context, page, problems } = await newPage(DESKTOP);
  try {
    await page.goto(site.url('/messages.html'));
    const frame = await frameAt(page, `${server.origin}/embed/message-box/`);
    await frame.locator('tandem-message-box [part~="base"]').waitFor();
    await waitForFit(page, frame, '#messages');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the family sign-in page that sign-in emails link to hosts the message box, under the same policy', async (t) => {
  if (!existsSync(join(repoRoot, 'packages', 'embed', 'dist', 'cdn', 'widgets', 'message-box.js'))) {
    t.skip('widgets/message-box.js is not built yet');
    return;
  }
  const { context, page, problems } = await newPage(PHONE);
  try {
    await page.goto(`${server.origin}/family/sign-in?lang=es`);
    await page.locator('tandem-message-box [part~="base"]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    assert.equal(await page.title(), 'Family messages – sign in');
    await page.waitForTimeout(500);
    assert.deepEqual(problems, [], 'no CSP violation, console error or failed request');
  } finally {
    await context.close();
  }
});

test('[axe] the iframe pages have no WCAG 2.2 violations in every theme, in English and in Arabic', async () => {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const cases = [
    ['survey', SURVEY_ID, 'light', 'en'],
    ['event-rsvp', 'lincoln-family-math-night', 'dark', 'ar'],
    ['resource-list', SCHOOL, 'high-contrast', 'es'],
    ['lesson-viewer', LESSON, 'dark', 'en'],
    ['resource-card', 'lincoln-res-food-shelf', 'high-contrast', 'ar'],
  ];
  site.set('/themes.html', {
    html: iframeHostPage(
      server.origin,
      cases.map(([widget, id, theme, lang]) => ({
        id: `${widget}-${theme}`,
        title: `${widget} (${theme})`,
        src: embedUrl(widget, id, `?theme=${theme}&lang=${lang}`),
      })),
    ),
  });
  const { context, page, problems } = await newPage(DESKTOP);
  try {
    await page.goto(site.url('/themes.html'));
    for (const [widget] of cases) {
      const frame = await frameAt(page, `${server.origin}/embed/${widget}/`);
      await waitForWidgets(frame);
      if (widget === 'survey') await surveyOn(frame).locator('[part~="question"]').first().waitFor();
      // Through the DevTools protocol, so the frame's CSP does not stop axe itself.
      await frame.evaluate(axeSource);
      const violations = await frame.evaluate(async () => {
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
        const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' >>> ')).join(', ')})`);
      });
      assert.deepEqual(violations, [], `${widget}: axe violations`);
    }
    assert.deepEqual(
      problems.filter((p) => !p.includes('axe')),
      [],
    );
  } finally {
    await context.close();
  }
});
