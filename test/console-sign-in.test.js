// The staff console end to end: a staff member made with `tandem-server staff create` signs in at /console in real
// Chromium (a school admin of Lincoln Elementary), sees their name, role and school, and signs out; the session
// cookie stays out of page scripts' reach.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './support/server.js';
import { DESKTOP, launchBrowser, watchForProblems } from './support/browser.js';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await server.cli([
    'staff',
    'create',
    '--org',
    'lincoln',
    '--email',
    'maria.ortiz@lincoln.example',
    '--name',
    'María Ortiz',
    '--role',
    'staff',
    '--school-admin',
    'lincoln-elementary',
    '--password',
    'a long staff passphrase',
  ]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a staff member signs in at /console, sees their name and signs out', async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(new URL('console', server.baseUrl).href);
  const app = page.locator('tandem-console');
  await app.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();

  await app.getByLabel('Email').fill('maria.ortiz@lincoln.example');
  await app.getByLabel('Password').fill('not the passphrase');
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  await app.getByRole('alert').filter({ hasText: 'The email or password is not right' }).waitFor();
  assert.equal(await app.getByLabel('Email').inputValue(), 'maria.ortiz@lincoln.example', 'the email stays typed');

  await app.getByLabel('Password').fill('a long staff passphrase');
  await app.getByRole('button', { name: 'Sign in', exact: true }).click();
  await app.getByRole('heading', { name: 'Welcome, María Ortiz' }).waitFor();
  assert.match(await app.locator('dd.role').innerText(), /School admin/);
  assert.match(await app.locator('ul.schools').innerText(), /Lincoln Elementary \(School admin\)/);

  const [cookie] = (await context.cookies()).filter((c) => c.name === 'tandem-session');
  assert.ok(cookie, 'a session cookie was set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.equal(await page.evaluate(() => document.cookie), '', 'page scripts cannot read the session');

  // A reload keeps the session: the console asks the server who is signed in.
  await page.reload();
  await app.getByRole('heading', { name: 'Welcome, María Ortiz' }).waitFor();

  await app.getByRole('button', { name: 'Account' }).click();
  await app.getByRole('button', { name: 'Sign out', exact: true }).click();
  await app.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
  await app.getByText('You are signed out.').waitFor();
  assert.deepEqual(
    (await context.cookies()).filter((c) => c.name === 'tandem-session'),
    [],
  );
  await page.reload();
  await app.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();

  // Signed out, the console's "who is signed in?" answers 401, and the wrong password answered 401: both expected.
  const unexpected = problems.filter((p) => !/HTTP 401: .*\/api\/v1\/session$/.test(p) && !/status of 401/.test(p));
  assert.deepEqual(unexpected, []);
  await context.close();
});
