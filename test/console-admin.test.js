// The console's admin screens on the real server in real Chromium: an organization admin lists a site allowed to
// embed the district's content, sees it after a reload and in the audit log, and prints invite cards with one QR code
// per code; a school admin gets the audit log but not the organization's settings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, SURVEY_ID } from './support/server.js';
import { launchBrowser, PHONE } from './support/browser.js';
import { createStaff, signInToConsole } from './support/console.js';

const ADMIN = { email: 'dana.reyes@lincoln.example', name: 'Dana Reyes', password: 'an admin passphrase' };
const SCHOOL_ADMIN = { email: 'omar.haddad@lincoln.example', name: 'Omar Haddad', password: 'a school admin passphrase' };
const SITE = 'https://www.lincoln-schools.example';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await createStaff(server, { ...ADMIN, role: 'admin' });
  await server.cli([
    'staff',
    'create',
    '--org',
    'lincoln',
    '--email',
    SCHOOL_ADMIN.email,
    '--name',
    SCHOOL_ADMIN.name,
    '--role',
    'staff',
    '--school-admin',
    'lincoln-elementary',
    '--password',
    SCHOOL_ADMIN.password,
  ]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(who, hash, viewport) {
  const session = await signInToConsole(browser, server, who, { hash, ...(viewport ? { viewport } : {}) });
  // Before signing in, asking for the session is answered 401 by design; only what follows counts.
  session.problems.length = 0;
  return session;
}

test('an organization admin allows a site to embed, sees it after reload and in the audit log', async () => {
  const { context, page, problems, app } = await signIn(ADMIN, '#/settings');
  try {
    const settings = app.locator('console-settings');
    await settings.getByRole('heading', { name: 'Sites allowed to embed your content' }).waitFor();
    await settings.getByText('No sites are listed: any site may embed your content.').waitFor();

    // A typing slip is caught in the browser and kept for fixing.
    await settings.getByRole('button', { name: 'Add a site' }).click();
    const first = settings.getByLabel('Site 1', { exact: true });
    assert.equal(await first.evaluate((input) => input === input.getRootNode().activeElement), true, 'the new row has focus');
    await first.fill('http://www.lincoln-schools.example');
    await settings.getByRole('button', { name: 'Save the list' }).click();
    await settings.getByText('Use an https:// address').waitFor();
    assert.equal(await first.getAttribute('aria-invalid'), 'true');

    await first.fill('WWW.Lincoln-Schools.example/');
    await settings.getByRole('button', { name: 'Save the list' }).click();
    await settings.getByRole('status').filter({ hasText: 'Saved. One site may embed your content.' }).waitFor();
    assert.equal(await first.inputValue(), SITE, 'shown as saved: https, lower case, no slash');

    await page.reload();
    await settings.getByLabel('Site 1', { exact: true }).waitFor();
    assert.equal(await settings.getByLabel('Site 1', { exact: true }).inputValue(), SITE);
    assert.equal(await settings.locator('input[name="origins"]').count(), 1);

    // The list decides which sites may frame the district's embed pages.
    const embed = await fetch(new URL(`embed/survey/${SURVEY_ID}`, server.baseUrl));
    assert.equal(embed.status, 200);
    assert.match(embed.headers.get('content-security-policy') ?? '', new RegExp(`frame-ancestors[^;]*${SITE.replace(/\./g, '\\.')}`));

    await app.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
    const audit = app.locator('console-audit');
    const change = audit.locator('tbody tr[data-action="organization.embed-origins-changed"]');
    await change.first().waitFor();
    assert.equal(await change.count(), 1);
    const cells = change.locator('td');
    assert.match(await cells.nth(1).innerText(), /Dana Reyes/);
    assert.match(await cells.nth(2).innerText(), /Changed the sites allowed to embed content/);
    assert.match(await cells.nth(2).innerText(), new RegExp(`Now allowed: ${SITE.replace(/\./g, '\\.')}`));
    const at = Date.parse(await change.locator('time').getAttribute('datetime'));
    assert.ok(Math.abs(Date.now() - at) < 5 * 60_000, 'dated now');

    // Filtering by action asks the server and shows only those entries.
    await audit.getByLabel('Action').selectOption('organization.embed-origins-changed');
    await audit.getByRole('button', { name: 'Show entries' }).click();
    await audit.getByRole('status').filter({ hasText: 'Showing one entry.' }).waitFor();
    assert.equal(await audit.locator('tbody tr').count(), 1);
    // Dates are whole days where the staff member is; today takes in the change just made.
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await audit.getByLabel('From').fill(today);
    await audit.getByLabel('To', { exact: true }).fill(today);
    await audit.getByRole('button', { name: 'Show entries' }).click();
    await audit.getByRole('status').filter({ hasText: 'Showing one entry.' }).waitFor();
    await audit.getByLabel('From').fill('2020-01-01');
    await audit.getByLabel('To', { exact: true }).fill('2020-12-31');
    await audit.getByRole('button', { name: 'Show entries' }).click();
    await audit.getByText('No entries match these filters.').first().waitFor();
    await audit.getByRole('button', { name: 'Clear the filters' }).click();
    await change.first().waitFor();
    await audit.getByLabel('Action').selectOption('survey.results-exported');
    await audit.getByRole('button', { name: 'Show entries' }).click();
    await audit.getByText('No entries match these filters.').first().waitFor();

    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the invite sheet shows one QR code per code, each opening the family sign-in with its code', async () => {
  const { context, page, problems, app } = await signIn(ADMIN, '#/families');
  try {
    const families = app.locator('console-families');
    for (const className of ['Room 12', 'Room 14']) {
      await families.getByLabel('Class', { exact: true }).fill(className);
      await families.getByRole('button', { name: 'Make a class invite code' }).click();
      await families
        .getByRole('status')
        .filter({ hasText: `Invite code made for ${className}.` })
        .waitFor();
    }
    const cards = families.locator('.card');
    assert.equal(await cards.count(), 2);
    for (let i = 0; i < 2; i++) {
      const card = cards.nth(i);
      const code = (await card.locator('.code').innerText()).trim();
      assert.match(code, /^[A-Z0-9]{5}-[A-Z0-9]+$/);
      const qr = card.getByRole('img', { name: `QR code: opens the family sign-in page for the code ${code}` });
      assert.equal(await qr.count(), 1, `one named QR code on card ${i + 1}`);
      const box = await qr.boundingBox();
      assert.ok(box && box.width >= 120, 'large enough to scan from the screen');
      const url = await qr.getAttribute('data-url');
      assert.equal(url, `${new URL('family/sign-in', server.baseUrl).href}#tandem-invite=${code.replace('-', '')}`);
      // What the QR code opens is the real family sign-in page.
      const signIn = await fetch(url);
      assert.equal(signIn.status, 200);
      assert.match(await signIn.text(), /<tandem-message-box/);
    }
    assert.deepEqual(problems, []);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await families.locator('section.no-print').first().isVisible(), false, 'the forms are not printed');
    assert.equal(await cards.first().locator('svg.qr').isVisible(), true, 'the QR codes are');
  } finally {
    await context.close();
  }
});

test('a school admin reads the audit log on a phone, without the organization settings', async () => {
  const { context, problems, app } = await signIn(SCHOOL_ADMIN, '#/audit', PHONE);
  try {
    const nav = app.getByRole('navigation', { name: 'Console' });
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Settings' }).count(), 0);
    const audit = app.locator('console-audit');
    await audit.getByRole('heading', { name: 'Audit log' }).waitFor();
    await audit.getByRole('table', { name: 'Audit log entries, newest first' }).waitFor();
    // Their own sign-in is there; the organization admin's settings change is not theirs to read.
    await audit.locator('tbody tr[data-action="session.signed-in"]').first().waitFor();
    assert.equal(await audit.locator('tbody tr[data-action="organization.embed-origins-changed"]').count(), 0);
    const row = audit.locator('tbody tr').first();
    assert.equal(await row.evaluate((tr) => getComputedStyle(tr).display), 'block', 'entries stack on a phone');
    const width = await audit.locator('table').evaluate((table) => table.getBoundingClientRect().width);
    assert.ok(width <= PHONE.width, 'no sideways scrolling');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
