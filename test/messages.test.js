// A Spanish-speaking parent and an English-reading teacher message each other through the real server and real
// Apertium, each on their own browser; a message written offline is delivered exactly once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apertiumSkipReason, startApertium } from '../packages/server/test/apertium-fixture.js';
import { startHostPage, startServer } from './support/server.js';
import { DESKTOP, PHONE, launchBrowser, watchForProblems } from './support/browser.js';
import { uiString } from './support/survey.js';

const skip = apertiumSkipReason();
const DEMO_FAMILY_CODE = 'TANDM-DEM26';
const TEACHER_EMAIL = 'rivera@lincoln.example';
const TEACHER = 'Ms. Rivera';
/** Both sides must see the other's message this soon after it is sent (the promise). */
const DELIVERY_MS = 2_000;

let apertium;
let server;
let browser;
let teacherToken;
const hostPages = [];

before(async () => {
  if (skip) return;
  apertium = await startApertium();
  server = await startServer({ env: { TANDEM_TRANSLATION_URL: apertium.url, TANDEM_TRANSLATION_PROVIDER: 'apertium' } });
  const printed = await server.cli(['token', 'create', '--org', 'lincoln', '--role', 'staff', '--staff', TEACHER_EMAIL]);
  teacherToken = printed.trim().split('\n').at(-1).trim();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const page of hostPages) await page.stop();
  await server?.stop();
  await apertium?.stop();
});

/** What Apertium itself makes of `text`, asked the way the server asks it. */
async function apertiumTranslation(text, langpair) {
  const response = await fetch(`${apertium.url}/translate`, {
    method: 'POST',
    body: new URLSearchParams({ langpair, q: text, markUnknown: 'no' }),
  });
  const json = await response.json();
  return json.responseData.translatedText;
}

/** Staff API as the teacher: their inbox and threads, in English. */
async function asTeacher(path) {
  const response = await fetch(new URL(path.replace(/^\//, ''), server.baseUrl), { headers: { authorization: `Bearer ${teacherToken}` } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** The parent's phone: the school's page (another origin) with the message box, in Spanish. */
async function parentPhone() {
  const hostPage = await startHostPage(server.origin, {
    lang: 'es',
    intro: 'Escriba a la maestra de su hijo.',
    widget: '<tandem-message-box lang="es"></tandem-message-box>',
  });
  hostPages.push(hostPage);
  const context = await browser.newContext({ viewport: PHONE, locale: 'es-US', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(hostPage.url);
  return { context, page, problems, box: page.locator('tandem-message-box') };
}

/**
 * The teacher's laptop: a staff page on Tandem's own origin (staff routes answer only there), reading English.
 * Until the console hosts the inbox, the browser is handed this small page for a path on the server's origin;
 * everything it loads and calls is the real server's. The token is a property, never in the markup.
 */
async function teacherLaptop() {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  const url = new URL('staff-messages.html', server.baseUrl).href;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Messages from families</title></head>
<body><main><h1>Messages from families</h1>
<script type="module" src="/tandem.js"></script><tandem-inbox lang="en"></tandem-inbox></main></body></html>`,
    }),
  );
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(url);
  await page.evaluate((token) => {
    document.querySelector('tandem-inbox').staffToken = token;
  }, teacherToken);
  return { context, page, problems, inbox: page.locator('tandem-inbox') };
}

async function signInWithCode(box) {
  await box.getByRole('textbox', { name: await uiString('es', 'messages.sign-in.code') }).fill(DEMO_FAMILY_CODE);
  await box.getByRole('button', { name: await uiString('es', 'messages.sign-in.submit') }).click();
  await box.getByRole('button', { name: await uiString('es', 'messages.sign-out') }).waitFor({ timeout: 15_000 });
}

async function openThreadWithTeacher(box) {
  await box
    .getByRole('button', { name: new RegExp(TEACHER) })
    .first()
    .click();
  await box.getByRole('textbox', { name: await uiString('es', 'messages.field.label') }).waitFor();
}

async function send(box, text) {
  const composer = box.getByRole('textbox', { name: await uiString('es', 'messages.field.label') });
  await composer.fill(text);
  await composer.press('Enter');
}

test('a parent writes in Spanish, the teacher reads English and replies, each sees the other within 2 seconds', { skip }, async (t) => {
  const parent = await parentPhone();
  const teacher = await teacherLaptop();
  try {
    await signInWithCode(parent.box);
    await openThreadWithTeacher(parent.box);

    const question = 'Hola, mi hija está enferma hoy y no puede ir a la escuela.';
    const questionInEnglish = await apertiumTranslation(question, 'spa|eng');
    assert.notEqual(questionInEnglish, question);

    let sentAt = Date.now();
    await send(parent.box, question);
    // The teacher's inbox lists the new conversation; opening it shows the message in English.
    await teacher.inbox
      .getByRole('button', { name: /Rosa Martínez/ })
      .first()
      .waitFor({ timeout: DELIVERY_MS });
    const firstSeenAfter = Date.now() - sentAt;
    await teacher.inbox
      .getByRole('button', { name: /Rosa Martínez/ })
      .first()
      .click();
    await teacher.inbox.getByText(questionInEnglish, { exact: true }).waitFor({ timeout: DELIVERY_MS });
    assert.ok(firstSeenAfter <= DELIVERY_MS, `the teacher saw the message ${firstSeenAfter} ms after it was sent`);
    t.diagnostic(`parent → teacher: in the inbox ${firstSeenAfter} ms after Enter`);
    await teacher.inbox.getByText('Translated from Spanish').first().waitFor();

    // The original is one tap away, marked as Spanish for screen readers.
    await teacher.inbox.getByRole('button', { name: 'Show original' }).first().click();
    const original = teacher.inbox.getByText(question, { exact: true });
    await original.waitFor();
    assert.equal(await original.evaluate((el) => el.closest('[lang]')?.getAttribute('lang')), 'es');
    await teacher.inbox.getByRole('button', { name: 'Show translation' }).first().click();

    // The parent sees that the teacher has read it.
    await parent.box
      .getByText(await uiString('es', 'messages.state.read'))
      .first()
      .waitFor({ timeout: DELIVERY_MS * 2 });

    const reply = 'Thank you for telling me. I hope she feels better soon.';
    const replyInSpanish = await apertiumTranslation(reply, 'eng|spa');
    sentAt = Date.now();
    await teacher.inbox.getByRole('textbox', { name: 'Message' }).fill(reply);
    await teacher.inbox.getByRole('button', { name: 'Send' }).click();
    await parent.box.getByText(replyInSpanish, { exact: true }).waitFor({ timeout: DELIVERY_MS });
    const replySeenAfter = Date.now() - sentAt;
    assert.ok(replySeenAfter <= DELIVERY_MS, `the parent saw the reply ${replySeenAfter} ms after it was sent`);
    t.diagnostic(`teacher → parent: translated reply on the phone ${replySeenAfter} ms after Send`);

    // Stored once each, with the originals and their languages.
    const [conversation] = (await asTeacher('/api/v1/inbox')).items.filter((c) => c.family.name === 'Rosa Martínez');
    const thread = await asTeacher(`/api/v1/conversations/${conversation.id}/messages`);
    const bodies = thread.items.map((m) => [m.body, m.locale]);
    assert.deepEqual(bodies, [
      [question, 'es'],
      [reply, 'en'],
    ]);
    assert.deepEqual(parent.problems, [], 'no console errors or failed requests on the parent page');
    assert.deepEqual(teacher.problems, [], 'no console errors or failed requests on the teacher page');
  } finally {
    await parent.context.close();
    await teacher.context.close();
  }
});

test(
  'a message written offline waits in the outbox and is delivered exactly once, in order, when the phone is back online',
  { skip },
  async () => {
    const parent = await parentPhone();
    try {
      await signInWithCode(parent.box);
      await openThreadWithTeacher(parent.box);

      await parent.context.setOffline(true);
      const first = 'Mañana llego tarde a recogerla.';
      const second = '¿Puede esperar en la oficina?';
      await send(parent.box, first);
      await send(parent.box, second);
      const waiting = await uiString('es', 'messages.state.waiting');
      await parent.box.getByText(waiting).first().waitFor();
      assert.equal(await parent.box.getByText(waiting).count(), 2, 'both messages wait for the connection');

      await parent.context.setOffline(false);
      await parent.page.evaluate(() => window.dispatchEvent(new Event('online')));
      const sent = await uiString('es', 'messages.state.sent');
      await parent.box.getByText(waiting).first().waitFor({ state: 'detached', timeout: 15_000 });
      await parent.box.getByText(sent).first().waitFor();

      // A reload must not send anything again.
      await parent.page.reload();
      await parent.box.getByRole('button', { name: await uiString('es', 'messages.sign-out') }).waitFor({ timeout: 15_000 });
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      const [conversation] = (await asTeacher('/api/v1/inbox')).items.filter((c) => c.family.name === 'Rosa Martínez');
      const thread = await asTeacher(`/api/v1/conversations/${conversation.id}/messages`);
      const offlineBodies = thread.items.map((m) => m.body).filter((body) => body === first || body === second);
      assert.deepEqual(offlineBodies, [first, second], 'each offline message is stored once, in the order written');
    } finally {
      await parent.context.close();
    }
  },
);
