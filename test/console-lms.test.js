// The LMS screen on the real server in real Chromium, against a test LMS that speaks LTI 1.3: an organization admin
// copies Tandem's registration URL, registers the LMS by hand (the server refusing an address it must not call, the
// form keeping what was typed), sees it connected and a launch from it open a survey, disables it (launches stop),
// then approves a registration the LMS made by itself through the dynamic registration URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, SURVEY_ID } from './support/server.js';
import { DESKTOP, PHONE, launchBrowser } from './support/browser.js';
import { createStaff, signInToConsole } from './support/console.js';
import { createUserAgent, startLtiPlatform } from '../packages/server/test/lti-platform.js';

const require = createRequire(import.meta.url);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ADMIN = { email: 'it.admin@lincoln.example', name: 'Ines Torres', password: 'an lms passphrase' };
const SCHOOL = 'Lincoln Elementary';

let server;
let browser;
let platform;
let axeSource;

before(async () => {
  // axe-core arrives with @open-wc/testing (chai-a11y-axe).
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  server = await startServer();
  browser = await launchBrowser();
  await createStaff(server, { ...ADMIN, role: 'admin' });
  platform = await startLtiPlatform({ name: 'Lincoln Test LMS' });
});

after(async () => {
  await platform?.close();
  await browser?.close();
  await server?.stop();
});

async function openLms(viewport = DESKTOP) {
  const session = await signInToConsole(browser, server, ADMIN, {
    hash: '#/lms',
    viewport,
    prepare: (context) => context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin }),
  });
  // Before signing in, asking for the session is answered 401 by design; only what follows counts.
  session.problems.length = 0;
  const screen = session.app.locator('console-lms');
  await screen.getByRole('heading', { level: 1, name: 'LMS connections' }).waitFor();
  await screen.locator('#connections-heading').waitFor();
  return { ...session, screen };
}

/** axe's WCAG 2.2 A/AA violations inside the LMS screen (the shell around it is other screens' tests' business). */
async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(
      { include: [{ fromShadowDom: ['tandem-console', 'console-lms'] }] },
      { runOnly: { type: 'tag', values: tags } },
    );
    // Rules that found something to check, so an empty violation list means a checked screen, not a missed one.
    if (result.passes.length === 0) return ['axe checked nothing: the LMS screen was not found'];
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, WCAG_TAGS);
}

const row = (screen, issuer) => screen.locator('li.registration').filter({ hasText: issuer });

/** A launch from the test LMS, as a teacher's browser would make it, opening the demo survey. */
async function launchSurvey(clientId) {
  const params = platform.loginParams({
    clientId,
    user: { id: 'teacher-7', name: 'Ms. Rivera' },
    roles: ['Instructor'],
    custom: { widget: 'survey', id: SURVEY_ID },
  });
  return createUserAgent().launch(platform, `${server.origin}/lti/login`, params);
}

test('an organization admin registers an LMS by hand, sees it connected, and disables it', async () => {
  const { context, page, problems, screen } = await openLms();
  try {
    // Dynamic registration: the organization's own URL, copied to the clipboard in one click.
    const registrationUrl = screen.getByLabel('Registration URL', { exact: true });
    assert.equal(await registrationUrl.inputValue(), `${server.origin}/lti/register/lincoln`);
    await screen.getByRole('button', { name: 'Copy: Registration URL' }).click();
    await screen.locator('#lms-announcement', { hasText: 'Copied: Registration URL' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.origin}/lti/register/lincoln`);

    // Manual registration: Tandem's addresses to paste into the LMS…
    const toolUrl = (label) => screen.getByLabel(label, { exact: true }).inputValue();
    assert.equal(await toolUrl('Login initiation URL (OIDC login)'), `${server.origin}/lti/login`);
    assert.equal(await toolUrl('Redirect URL'), `${server.origin}/lti/launch`);
    assert.equal(await toolUrl('Public keys (JWKS) URL'), `${server.origin}/lti/jwks`);
    assert.equal(await toolUrl('JSON configuration URL'), `${server.origin}/lti/config.json`);
    const tool = platform.addTool({
      loginUrl: await toolUrl('Login initiation URL (OIDC login)'),
      redirectUris: [await toolUrl('Redirect URL')],
      jwksUrl: await toolUrl('Public keys (JWKS) URL'),
      targetLinkUri: await toolUrl('Target link URL'),
    });

    // …and what the LMS gives back. A metadata-service address passes the browser's check but not the server's.
    const form = screen.locator('#register');
    await form.getByLabel('LMS name (optional)').fill('Lincoln Test LMS');
    await form.getByLabel('Issuer').fill(platform.issuer);
    await form.getByLabel('Client ID').fill(tool.clientId);
    await form.getByLabel('Deployment ID', { exact: true }).fill(tool.deploymentId);
    await form.getByLabel('Authorization endpoint (OIDC auth URL)').fill(platform.urls.authorize);
    await form.getByLabel('Access token endpoint').fill(platform.urls.token);
    await form.getByLabel('Public keys (JWKS) URL of the LMS').fill('https://169.254.169.254/latest/jwks');
    await form.getByLabel('School', { exact: true }).selectOption({ label: SCHOOL });
    await form.getByRole('button', { name: 'Connect this LMS' }).click();
    await screen.locator('#lti-jwks-uri-error', { hasText: 'Tandem cannot use this address' }).waitFor();
    assert.equal(await form.getByLabel('Issuer').inputValue(), platform.issuer, 'what was typed is kept');
    assert.equal(await form.getByLabel('Client ID').inputValue(), tool.clientId);
    assert.ok(await screen.locator('#lti-jwks-uri').evaluate((input) => input.matches(':focus')), 'focus is on the refused field');
    assert.deepEqual(
      // The browser logs the refused request itself; that 422 is the answer expected here.
      problems.filter((p) => !p.startsWith('HTTP 422') && !p.includes('status of 422')),
      [],
      'only the refusal, nothing else went wrong',
    );
    problems.length = 0;

    await form.getByLabel('Public keys (JWKS) URL of the LMS').fill(platform.urls.jwks);
    await form.getByRole('button', { name: 'Connect this LMS' }).click();
    await screen.locator('#lms-result', { hasText: 'Lincoln Test LMS is connected.' }).waitFor();
    const connected = row(screen, tool.clientId);
    assert.equal((await connected.locator('.status').innerText()).trim(), 'Connected');
    assert.match(await connected.innerText(), new RegExp(SCHOOL));
    assert.match(await connected.innerText(), new RegExp(tool.deploymentId));

    // Connected for real: a teacher's launch from the LMS opens the survey.
    const launched = await launchSurvey(tool.clientId);
    assert.equal(launched.status, 200, launched.text);
    assert.equal(new URL(launched.url).pathname, `/embed/survey/${SURVEY_ID}`);

    // Disable, after a confirmation; after a reload it is still disabled, and launches stop.
    await connected.getByRole('button', { name: 'Disable Lincoln Test LMS' }).click();
    await connected.getByText('Disable Lincoln Test LMS? Links from it stop opening Tandem').waitFor();
    await connected.getByRole('button', { name: 'Yes, disable it' }).click();
    await screen.locator('#lms-result', { hasText: 'Lincoln Test LMS is disabled.' }).waitFor();
    await page.reload();
    await screen.locator('#connections-heading').waitFor();
    assert.equal((await row(screen, tool.clientId).locator('.status').innerText()).trim(), 'Disabled');
    const refused = await launchSurvey(tool.clientId);
    assert.notEqual(new URL(refused.url).pathname, `/embed/survey/${SURVEY_ID}`, 'a disabled LMS opens nothing');
    assert.ok(refused.status >= 400, `the launch is refused (${refused.status})`);
    assert.deepEqual(problems, [], 'no console errors or failed requests in the console');
  } finally {
    await context.close();
  }
});

test('a registration the LMS made by itself waits for approval, then is approved for a school on a phone', async () => {
  const { context, problems, screen } = await openLms(PHONE);
  try {
    const registrationUrl = await screen.getByLabel('Registration URL', { exact: true }).inputValue();
    // What the LMS does once its administrator pastes the URL (the harness plays the LMS's part).
    const result = await platform.dynamicRegistration(registrationUrl);
    assert.equal(result.status, 200, result.html);
    const { clientId } = result.registration;

    await screen.page().reload();
    await screen.locator('#connections-heading').waitFor();
    await screen.locator('#pending-count', { hasText: '1 LMS is waiting for approval.' }).waitFor();
    const waiting = screen.locator('li.registration').first();
    assert.match(await waiting.innerText(), new RegExp(clientId), 'the waiting one is listed first');
    assert.equal((await waiting.locator('.status').innerText()).trim(), 'Waiting for approval');

    // Approving asks for the school first.
    const approve = waiting.getByRole('button', { name: /^Approve / });
    await approve.click();
    await waiting.getByText('Choose the school this LMS is for, then approve it.').waitFor();
    await waiting.getByLabel('School for this LMS').selectOption({ label: SCHOOL });
    await approve.click();
    await screen.locator('#lms-result', { hasText: `is connected for ${SCHOOL}.` }).waitFor();
    assert.ok(await screen.locator('#lms-result').evaluate((el) => el.matches(':focus')), 'focus moves to the result');
    assert.equal((await row(screen, clientId).locator('.status').innerText()).trim(), 'Connected');
    assert.equal(await screen.locator('#pending-count').count(), 0);

    const launched = await launchSurvey(clientId);
    assert.equal(launched.status, 200, launched.text);
    assert.equal(new URL(launched.url).pathname, `/embed/survey/${SURVEY_ID}`);

    assert.deepEqual(await axeViolations(screen.page()), [], 'no WCAG 2.2 violations on the phone');
    const overflow = await screen.evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(overflow <= 1, `the screen fits the phone (${overflow}px too wide)`);
    assert.deepEqual(problems, [], 'no console errors or failed requests in the console');
  } finally {
    await context.close();
  }
});
