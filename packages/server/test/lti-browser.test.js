// The LTI pages' served scripts in real Chromium, inside the test LMS's course page: the platform-storage
// launch when the tool's cookies never arrive, the deep-linking picker used with the keyboard and its
// auto-submitted answer, and the dynamic-registration page closing its popup.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.js';
import { databaseTargets, createPublishedSurvey, sampleSurveyInput } from './helpers.js';
import { createTenant, startPlatformWithTool, startTool, freePort } from './lti-tool-support.js';
import { startLtiPlatform } from './lti-platform.js';

for (const target of databaseTargets()) {
  describe(`LTI in Chromium (${target.name})`, () => {
    let ctx;
    let tenant;
    let platform;
    let tool;
    let browser;
    let surveyId;

    before(async () => {
      // Tandem on localhost and the LMS on 127.0.0.1: two sites, so the tool frame is a third party.
      const port = await freePort();
      ctx = await startTool(
        target,
        { lti: { publicUrl: `http://localhost:${port}`, allowPrivateHosts: true, jwksCooldownMs: 0 } },
        { port, host: 'localhost' },
      );
      tenant = await createTenant(ctx.db, 'lti-browser');
      ({ platform, tool } = await startPlatformWithTool(ctx, tenant));
      surveyId = await createPublishedSurvey(ctx.app, tenant, sampleSurveyInput(tenant.schoolId, { title: { en: 'Picnic survey' } }));
      // A response the test rewrites has no network address, and Chromium would then treat the tool page as public
      // and refuse its navigation to the loopback LMS; real deployments are all public, so the check is off here.
      // Frames stay in one process, so Playwright follows the tool frame through its cross-site navigations.
      browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: [
          ...chromiumArgs,
          '--disable-features=LocalNetworkAccessChecks,IsolateOrigins,site-per-process',
          '--disable-site-isolation-trials',
        ],
      });
    });
    after(async () => {
      await browser?.close();
      await platform?.close();
      await ctx?.close();
    });

    /** A browser whose third-party cookies are blocked: the tool's Set-Cookie never lands. */
    async function pageWithoutToolCookies() {
      const context = await browser.newContext();
      // Only the login sets the state cookie; its answer (the storage step) is a plain page, so it can be replayed here.
      await context.route(`${ctx.base}/lti/login`, async (route) => {
        const response = await route.fetch({ maxRedirects: 0 });
        const headers = Object.fromEntries(
          Object.entries(response.headers()).filter(
            ([name]) => !['set-cookie', 'transfer-encoding', 'content-length', 'connection', 'keep-alive'].includes(name),
          ),
        );
        await route.fulfill({ status: response.status(), headers, body: await response.body() });
      });
      return context.newPage();
    }

    /** Waits until a frame of the course page is at an address that satisfies `test` (the tool frame crosses sites on the way). */
    async function waitForToolFrame(page, test, what) {
      for (let i = 0; i < 150; i++) {
        const frame = page.frames().find((f) => test(f.url()));
        if (frame) return frame;
        await page.waitForTimeout(100);
      }
      throw new Error(
        `no frame reached ${what}; frames: ${page
          .frames()
          .map((f) => f.url())
          .join(', ')}`,
      );
    }

    it('launches through the LMS storage when the tool’s cookie is blocked', async () => {
      const page = await pageWithoutToolCookies();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const params = platform.loginParams({
        clientId: tool.clientId,
        user: { id: 'storage-kid', name: 'Ana' },
        roles: ['Learner'],
        custom: { widget: 'survey', id: surveyId },
        storageTarget: '_parent',
      });
      await page.goto(platform.urls.lmsPage(params.login_hint));
      const frame = await waitForToolFrame(page, (url) => url.includes('/embed/'), 'the survey');
      const frameUrl = new URL(frame.url());
      assert.equal(frameUrl.origin + frameUrl.pathname, `${ctx.base}/embed/survey/${surveyId}`, `tool frame at ${frameUrl}`);
      // The LMS kept the state and nonce for the tool, by the tool's origin.
      const stored = await page.evaluate(() => [...window.ltiStorage.keys()]);
      assert.ok(
        stored.some((key) => key.startsWith(`${ctx.base} state_`)),
        JSON.stringify(stored),
      );
      assert.ok(stored.some((key) => key.startsWith(`${ctx.base} nonce_`)));
      assert.deepEqual(errors, []);
      assert.deepEqual(await page.context().cookies(ctx.base), []);
      await page.context().close();
    });

    it('picks content with the keyboard and returns it to the LMS', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const params = platform.loginParams({
        clientId: tool.clientId,
        messageType: 'LtiDeepLinkingRequest',
        user: { id: 'teacher-browser', name: 'Ms. Lee' },
        roles: ['Instructor'],
        storageTarget: '_parent',
      });
      const trail = [];
      page.on('response', (r) => trail.push(`${r.status()} ${r.request().method()} ${r.url().slice(0, 80)}`));
      page.on('requestfailed', (r) => trail.push(`FAILED ${r.url().slice(0, 80)} ${r.failure()?.errorText}`));
      page.on('console', (m) => trail.push(`console ${m.text()}`));
      page.on('framenavigated', (f) => trail.push(`nav ${f.name()} ${f.url().slice(0, 80)}`));
      const before = platform.deepLinkResponses.length;
      await page.goto(platform.urls.lmsPage(params.login_hint));
      const picker = await waitForToolFrame(page, (url) => url === `${ctx.base}/lti/launch`, 'the picker').catch((error) => {
        error.message += `\n${trail.join('\n')}\n${JSON.stringify(ctx.logs.filter((l) => l.lti).slice(-3))}`;
        throw error;
      });
      await picker.getByRole('heading', { name: 'Add Tandem content' }).waitFor({ timeout: 15_000 });
      const radio = picker.getByRole('radio', { name: 'Picnic survey' });
      await radio.focus();
      await picker.page().keyboard.press('Space');
      assert.equal(await radio.isChecked(), true);
      await picker.getByRole('button', { name: 'Add to course' }).focus();
      await picker.page().keyboard.press('Enter');
      for (let i = 0; i < 100 && platform.deepLinkResponses.length === before; i++) await page.waitForTimeout(100);
      assert.equal(platform.deepLinkResponses.length, before + 1, JSON.stringify(platform.deepLinkErrors));
      const items = platform.deepLinkResponses.at(-1)['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'];
      assert.deepEqual(items[0].custom, { widget: 'survey', id: surveyId });
      const back = await waitForToolFrame(page, (url) => url === platform.urls.deepLinkReturn, 'the LMS return');
      await back.getByRole('heading', { name: 'Added 1 item' }).waitFor({ timeout: 5_000 });
      await context.close();
    });

    it('closes the LMS’s registration window when dynamic registration is done', async () => {
      const lms = await startLtiPlatform();
      try {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${lms.urls.launchReturn}`);
        const url = new URL(`${ctx.base}/lti/register/lti-browser`);
        url.searchParams.set('openid_configuration', lms.urls.openidConfiguration);
        url.searchParams.set('registration_token', lms.registrationToken());
        const message = page.evaluate(
          (href) =>
            new Promise((resolve) => {
              window.addEventListener('message', (event) => resolve({ data: event.data, origin: event.origin }));
              window.open(href, 'registration', 'popup');
            }),
          url.href,
        );
        const received = await Promise.race([message, new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000))]);
        assert.deepEqual(received, { data: { subject: 'org.imsglobal.lti.close' }, origin: ctx.base });
        assert.equal(lms.registrations.length, 1);
        await context.close();
      } finally {
        await lms.close();
      }
    });
  });
}
