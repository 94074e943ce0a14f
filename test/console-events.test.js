// Issue 7's Events flow on the real server in real Chromium: a teacher made with `tandem-server staff create --school`
// signs in at /console and opens Family Math Night's attendance; a family RSVPs in the widget on a host page; after
// a reload the teacher sees the count change, then checks the family in at the door on a phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHostPage, startServer } from './support/server.js';
import { DESKTOP, PHONE, launchBrowser } from './support/browser.js';
import { createStaff, signInToConsole } from './support/console.js';
import { fillRsvp, rsvpOn, sendRsvp, shownStatus, waitForRsvpForm } from './support/rsvp.js';

const MATH_NIGHT = 'lincoln-family-math-night';
const TEACHER = { email: 'ana.lopez@lincoln.example', name: 'Ana López', password: 'an events passphrase' };
const FAMILY = 'Nguyen Family';

let server;
let browser;
let hostPage;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await createStaff(server, { ...TEACHER, school: 'lincoln-elementary' });
  hostPage = await startHostPage(server.origin, {
    intro: 'Families, tell us if you can come.',
    widget: `<tandem-event-rsvp event="${MATH_NIGHT}"></tandem-event-rsvp>`,
  });
});

after(async () => {
  await browser?.close();
  await hostPage?.stop();
  await server?.stop();
});

async function signIn(viewport, hash) {
  const { context, page, problems, app } = await signInToConsole(browser, server, TEACHER, { hash, viewport });
  // Before signing in, asking for the session is answered 401 by design; only what follows counts.
  problems.length = 0;
  return { context, page, problems, screen: app.locator('console-events') };
}

/** Confirmed families in the "late" session, as the attendance table shows them. */
async function confirmedLate(screen) {
  const cell = screen.locator('#counts tr[data-session="late"] [data-count="confirmed"]');
  await cell.waitFor();
  return Number((await cell.innerText()).trim());
}

test('a teacher sees a new RSVP after reload and checks the family in on a phone', async () => {
  const { context, page, problems, screen } = await signIn(DESKTOP, '#/events');
  try {
    await screen.getByRole('link', { name: 'Family Math Night', exact: true }).waitFor();
    await screen.getByRole('link', { name: 'Attendance: Family Math Night' }).click();
    await screen.locator('#attendance-heading').waitFor();
    const before = await confirmedLate(screen);

    const family = await browser.newContext({ viewport: PHONE, locale: 'en-US', hasTouch: true, isMobile: true });
    try {
      const familyPage = await family.newPage();
      await familyPage.goto(hostPage.url);
      await waitForRsvpForm(familyPage);
      await fillRsvp(familyPage, { session: 'late', party: { adults: 2, children: 1 }, contact: { email: 'nguyen@example.org' } });
      await rsvpOn(familyPage).locator('[name="names"]').fill(FAMILY);
      await sendRsvp(familyPage);
      await shownStatus(familyPage, 'confirmed');
    } finally {
      await family.close();
    }

    await page.reload();
    await screen.locator('#attendance-heading').waitFor();
    assert.equal(await confirmedLate(screen), before + 1, 'the confirmed count went up by one after reload');
    assert.deepEqual(problems, [], 'no console errors or failed requests in the console');
  } finally {
    await context.close();
  }

  const phone = await signIn(PHONE, `#/events/${MATH_NIGHT}/check-in`);
  try {
    const { screen } = phone;
    await screen.locator('#check-in-heading').waitFor();
    const count = screen.locator('#arrived-count');
    const arrivedBefore = Number(/^\d+/.exec(await count.innerText())[0]);
    await screen.getByLabel('Search by name').fill('nguyen');
    const button = screen.getByRole('button', { name: `Arrived: ${FAMILY}` });
    const box = await button.boundingBox();
    assert.ok(box && box.height >= 44, `the Arrived button is large enough to tap (${box?.height}px)`);
    await button.tap();
    await screen.locator(`button[aria-pressed="true"][aria-label="Arrived: ${FAMILY}"]`).waitFor();
    await assert.doesNotReject(
      count.filter({ hasText: new RegExp(`(^|\\s)${arrivedBefore + 1} of `) }).waitFor(),
      'the arrived count went up by one',
    );
    const attendees = await (await server.staff(`/api/v1/events/${MATH_NIGHT}/attendees`)).json();
    const rsvp = attendees.attendees.find((a) => a.names.includes(FAMILY));
    assert.ok(rsvp?.attendedAt, 'the server recorded the arrival');

    // The wrong family was tapped: Undo takes the arrival back, on the server too, and focus returns to Arrived.
    await screen.getByRole('button', { name: `Undo check-in: ${FAMILY}` }).tap();
    await screen.locator(`button[aria-pressed="false"][aria-label="Arrived: ${FAMILY}"]`).waitFor();
    await assert.doesNotReject(
      count.filter({ hasText: new RegExp(`(^|\\s)${arrivedBefore} of `) }).waitFor(),
      'the arrived count went back down',
    );
    await screen
      .locator('#announcement')
      .filter({ hasText: `Check-in undone for ${FAMILY}` })
      .waitFor();
    const focusedLabel = await phone.page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('aria-label');
    });
    assert.equal(focusedLabel, `Arrived: ${FAMILY}`, "focus is back on the family's Arrived button");
    const afterUndo = await (await server.staff(`/api/v1/events/${MATH_NIGHT}/attendees`)).json();
    assert.equal(afterUndo.attendees.find((a) => a.names.includes(FAMILY))?.attendedAt, undefined, 'the server forgot the arrival');
    assert.deepEqual(phone.problems, [], 'no console errors or failed requests at the door');
  } finally {
    await phone.context.close();
  }
});
