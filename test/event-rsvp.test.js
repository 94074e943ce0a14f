// Families RSVP to school events on a host page from another origin; staff see their needs, the CSV and the waitlist at work.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHostPage, startServer } from './support/server.js';
import { PHONE, chooseLanguage, launchBrowser, watchForProblems } from './support/browser.js';
import { csvRecords, fillRsvp, rsvpOn, sendRsvp, shownStatus, waitForRsvpForm } from './support/rsvp.js';

const MATH_NIGHT = 'lincoln-family-math-night';
const DEMO_SCHOOL = 'lincoln-elementary';

let server;
let browser;
const hostPages = [];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const page of hostPages) await page.stop();
  await server?.stop();
});

/** A classroom page on its own origin with the RSVP widget for `eventId`. */
async function hostPageFor(eventId) {
  const hostPage = await startHostPage(server.origin, {
    intro: 'Families, tell us if you can come.',
    widget: `<tandem-event-rsvp event="${eventId}"></tandem-event-rsvp>`,
  });
  hostPages.push(hostPage);
  return hostPage;
}

async function staffJson(path, init) {
  const response = await server.staff(path, init);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** A family on its own phone: its own browser profile, so its own IndexedDB and edit tokens. */
async function familyPhone() {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  return { context, page, problems: watchForProblems(page) };
}

test('a parent RSVPs in Hmong with childcare, and staff see it in the needs summary and the CSV', async () => {
  const event = await (await fetch(new URL(`api/v1/public/events/${MATH_NIGHT}`, server.baseUrl))).json();
  const hostPage = await hostPageFor(MATH_NIGHT);
  const { context, page, problems } = await familyPhone();
  try {
    await page.goto(hostPage.url);
    await waitForRsvpForm(page);
    const widget = rsvpOn(page);
    await chooseLanguage(widget, 'Hmoob');
    await widget.getByRole('heading', { name: event.title.hmn }).waitFor();
    assert.equal(await widget.getAttribute('lang'), 'hmn');

    await page.evaluate(() => {
      window.rsvpChanged = new Promise((resolve) => document.addEventListener('tandem-rsvp-changed', (e) => resolve(e.detail)));
    });
    await fillRsvp(page, {
      session: 'late',
      party: { adults: 2, children: 3 },
      contact: { phone: '651-555-0142' },
      needs: { interpreter: 'hmn', childcare: { children: 2, ages: [4, 7] } },
    });
    await sendRsvp(page);
    const status = await shownStatus(page, 'confirmed');
    assert.match(status, /5/, `the confirmation names the party of 5: "${status}"`);
    const detail = await page.evaluate(() => window.rsvpChanged);
    assert.equal(detail.eventId, MATH_NIGHT);
    assert.equal(detail.status, 'confirmed');
    assert.deepEqual(problems, [], 'no console errors or failed requests on the host page');
  } finally {
    await context.close();
  }

  const attendees = await staffJson(`/api/v1/events/${MATH_NIGHT}/attendees`);
  const late = attendees.sessions.find((s) => s.id === 'late');
  assert.equal(late.taken, 5);
  assert.deepEqual(late.needs.interpreter, [{ language: 'hmn', families: 1 }]);
  assert.deepEqual(late.needs.childcare, { families: 1, children: 2 });
  assert.deepEqual(attendees.needs.interpreter, [{ language: 'hmn', families: 1 }], 'the event-wide summary counts the family');

  const csv = await server.staff(`/api/v1/events/${MATH_NIGHT}/attendees.csv`);
  assert.equal(csv.status, 200);
  const [row, ...others] = csvRecords(await csv.arrayBuffer());
  assert.equal(others.length, 0);
  assert.equal(row.Session, 'late');
  assert.equal(row.Status, 'confirmed');
  assert.equal(row.Phone, '651-555-0142');
  assert.equal(row.Interpreter, 'hmn');
  assert.equal(row['Childcare children'], '2');
  assert.equal(row['Childcare ages'], '4; 7');
  assert.equal(row.Language, 'hmn', 'staff see the family answered in Hmong');
});

test('a family takes the last places, the next joins the waitlist and is promoted when the first cancels', async () => {
  const day = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const created = await staffJson('/api/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      schoolId: DEMO_SCHOOL,
      defaultLocale: 'en',
      timeZone: 'America/Chicago',
      title: { en: 'Kindergarten readiness workshop', es: 'Taller de preparación para kínder' },
      needsAsked: ['interpreter', 'childcare'],
      sessions: [{ id: 'only', startsAt: `${day}T18:00:00-05:00`, endsAt: `${day}T19:00:00-05:00`, capacity: 4 }],
    }),
  });
  await staffJson(`/api/v1/events/${created.id}/publish`, { method: 'POST' });
  // Two places go to a family that answered on paper, through the API.
  const paper = await fetch(new URL(`api/v1/public/events/${created.id}/rsvps`, server.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      sessionId: 'only',
      response: 'going',
      adults: 2,
      children: 0,
      contact: { phone: '651-555-0100' },
      locale: 'en',
    }),
  });
  assert.equal(paper.status, 201);

  const hostPage = await hostPageFor(created.id);
  const first = await familyPhone();
  const second = await familyPhone();
  try {
    // The first family sees the two last places and takes them.
    await first.page.goto(hostPage.url);
    await waitForRsvpForm(first.page);
    assert.match(await rsvpOn(first.page).locator('[part~="remaining"]').first().innerText(), /2/);
    await fillRsvp(first.page, { party: { adults: 1, children: 1 }, contact: { email: 'first@example.org' } });
    await sendRsvp(first.page);
    await shownStatus(first.page, 'confirmed');

    // The next family finds the session full and joins the waitlist, first in line.
    await second.page.goto(hostPage.url);
    await waitForRsvpForm(second.page);
    await fillRsvp(second.page, { party: { adults: 1, children: 0 }, contact: { email: 'second@example.org' } });
    await sendRsvp(second.page);
    const waiting = await shownStatus(second.page, 'waitlisted');
    assert.match(waiting, /1/, `the waitlist status gives the family's place in line: "${waiting}"`);

    // The first family reopens the page on the same phone and cancels.
    await first.page.reload();
    await shownStatus(first.page, 'confirmed');
    await rsvpOn(first.page).locator('[part~="cancel"]').click();
    await rsvpOn(first.page).locator('[part~="confirm-cancel"]').click();
    await shownStatus(first.page, 'cancelled');

    // The waiting family comes back and finds its place confirmed.
    await second.page.reload();
    await shownStatus(second.page, 'confirmed');
    assert.deepEqual([...first.problems, ...second.problems], [], 'no console errors or failed requests');
  } finally {
    await first.context.close();
    await second.context.close();
  }

  const attendees = await staffJson(`/api/v1/events/${created.id}/attendees`);
  const byEmail = new Map(attendees.attendees.map((a) => [a.contact.email ?? a.contact.phone, a.status]));
  assert.equal(byEmail.get('first@example.org'), 'cancelled');
  assert.equal(byEmail.get('second@example.org'), 'confirmed', 'the waitlisted family was promoted');
  assert.equal(attendees.sessions[0].taken, 3);
  assert.equal(attendees.sessions[0].waitlisted, 0);
});
