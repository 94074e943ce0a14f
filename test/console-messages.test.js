// The console's Messages and Families screens end to end, on the real server in real Chromium: an organization admin
// registers a family and prints its invite code in the console; a teacher made with `tandem-server staff create
// --school` signs in at /console, sets their office hours and opens Messages; the family signs in with the code from
// the sheet in <tandem-message-box> on the school's page and writes; the teacher reads it in the console inbox (on
// the session cookie, no API token anywhere) and replies; the family sees the reply.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHostPage, startServer } from './support/server.js';
import { PHONE, launchBrowser, watchForProblems } from './support/browser.js';
import { createStaff, signInToConsole } from './support/console.js';
import { uiString } from './support/survey.js';

const SCHOOL = 'lincoln-elementary';
const ADMIN = { email: 'admin.okafor@lincoln.example', name: 'Chidi Okafor', password: 'an admin passphrase' };
const TEACHER = { email: 'sam.lee@lincoln.example', name: 'Sam Lee', password: 'a teacher passphrase' };
const FAMILY = 'Park family';

let server;
let browser;
let hostPage;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await createStaff(server, { ...ADMIN, role: 'admin' });
  // `school` makes the teacher a member of the school, which is what lists them as a contact for its families.
  await createStaff(server, { ...TEACHER, school: SCHOOL });
});

after(async () => {
  await browser?.close();
  await hostPage?.stop();
  await server?.stop();
});

const signIn = (who, hash = '') => signInToConsole(browser, server, who, { hash });

/**
 * Failed requests and console errors, less the one 401 of "who is signed in?" before signing in (Chromium logs it
 * without its address, so one 401 is forgiven per page and a second one — a refused inbox call — still fails).
 */
function unexpected(problems) {
  const addressed = problems.filter((p) => !/^HTTP 401: .*\/api\/v1\/session$/.test(p));
  const firstAnonymous = addressed.findIndex((p) => /status of 401/.test(p));
  return addressed.filter((_, i) => i !== firstAnonymous);
}

test('a family invited from the console writes; the teacher reads and answers in the console inbox', async () => {
  // 1. The admin registers the family and makes its invite code on the Families screen.
  const admin = await signIn(ADMIN);
  await admin.app.getByRole('link', { name: 'Families' }).click();
  await admin.app.getByRole('heading', { level: 1, name: 'Families' }).waitFor();
  assert.equal(await admin.app.getByRole('link', { name: 'Families' }).getAttribute('aria-current'), 'page');
  assert.match(admin.page.url(), /#\/families$/);
  const families = admin.app.locator('console-families');
  await families
    .getByLabel('School', { exact: true })
    .selectOption({ label: 'Lincoln Elementary' })
    .catch(() => undefined);
  await families.getByLabel('Family name').fill(FAMILY);
  await families.getByLabel("Student's name").fill('Jin Park');
  await families.getByLabel('Student ID').fill('LE-2041');
  await families.getByRole('button', { name: 'Register the family' }).click();
  await families.getByText(`${FAMILY} is registered`).waitFor();
  await families.getByRole('button', { name: `Make an invite code for ${FAMILY}` }).click();
  const card = families.locator('.card').filter({ hasText: FAMILY });
  await card.waitFor();
  const code = (await card.locator('.code').innerText()).trim();
  assert.match(code, /^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  assert.equal((await card.locator('.url').innerText()).trim(), `${server.origin}/family/sign-in`);
  // The printed sheet holds the cards and nothing else of the console.
  await admin.page.emulateMedia({ media: 'print' });
  assert.equal(await families.getByRole('button', { name: 'Register the family' }).isVisible(), false);
  assert.equal(await admin.app.getByRole('navigation', { name: 'Console' }).isVisible(), false);
  assert.equal(await card.isVisible(), true);
  await admin.page.emulateMedia({ media: 'screen' });

  // 2. The teacher signs in, sets office hours and opens Messages.
  const teacher = await signIn(TEACHER, '#/messages');
  const messages = teacher.app.locator('console-messages');
  await messages.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
  await messages.getByRole('checkbox', { name: 'Monday' }).check();
  await messages.getByLabel('From').fill('08:00');
  await messages.getByLabel('Until').fill('16:00');
  await messages.getByLabel('Time zone').fill('America/Chicago');
  await messages.getByRole('button', { name: 'Save your hours' }).click();
  await messages.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  const inbox = messages.locator('tandem-inbox');
  await inbox.getByRole('heading', { name: 'Inbox' }).waitFor();

  // 3. The family signs in with the printed code on the school's page and writes to the teacher.
  hostPage = await startHostPage(server.origin, { lang: 'en', widget: '<tandem-message-box lang="en"></tandem-message-box>' });
  const phone = await browser.newContext({ viewport: PHONE, locale: 'en-US', hasTouch: true, isMobile: true });
  const familyPage = await phone.newPage();
  const familyProblems = watchForProblems(familyPage);
  await familyPage.goto(hostPage.url);
  const box = familyPage.locator('tandem-message-box');
  await box.getByRole('textbox', { name: await uiString('en', 'messages.sign-in.code') }).fill(code);
  await box.getByRole('button', { name: await uiString('en', 'messages.sign-in.submit') }).click();
  await box.getByRole('button', { name: await uiString('en', 'messages.sign-out') }).waitFor({ timeout: 15_000 });
  await box
    .getByRole('button', { name: new RegExp(TEACHER.name) })
    .first()
    .click();
  const composer = box.getByRole('textbox', { name: await uiString('en', 'messages.field.label') });
  const question = 'Hello, Jin will be late tomorrow because of a doctor visit.';
  await composer.fill(question);
  await composer.press('Enter');

  // 4. The teacher sees it arrive live in the console inbox, opens it and replies.
  const conversation = inbox.getByRole('button', { name: new RegExp(FAMILY) }).first();
  await conversation.waitFor({ timeout: 10_000 });
  await conversation.click();
  await inbox.getByText(question, { exact: true }).waitFor();
  const reply = 'Thank you for letting me know. See you after the visit.';
  await inbox.getByRole('textbox', { name: 'Message' }).fill(reply);
  await inbox.getByRole('button', { name: 'Send' }).click();
  await box.getByText(reply, { exact: true }).waitFor({ timeout: 10_000 });

  // No API token was ever made or used: the console's session cookie did it all.
  const cookies = (await teacher.context.cookies()).filter((c) => c.name === 'tandem-session');
  assert.equal(cookies.length, 1);

  assert.deepEqual(unexpected(admin.problems), [], 'no errors on the admin console');
  assert.deepEqual(unexpected(teacher.problems), [], 'no errors on the teacher console');
  assert.deepEqual(familyProblems, [], 'no errors on the family page');
  await admin.context.close();
  await teacher.context.close();
  await phone.close();
});
