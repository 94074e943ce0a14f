// Acts on <tandem-event-rsvp> like a family does, and reads the staff side (attendees, CSV) like a teacher does.

/** The RSVP widget on the page; playwright's locators pierce its open shadow root. */
export function rsvpOn(page) {
  return page.locator('tandem-event-rsvp');
}

/** Waits until the widget shows its form (the loader and chunk arrived and the event loaded). */
export async function waitForRsvpForm(page, timeout = 15_000) {
  await rsvpOn(page).locator('[part~="submit"]').waitFor({ state: 'visible', timeout });
}

/** The status the widget shows after an RSVP: confirmed, waitlisted, declined or cancelled. */
export async function shownStatus(page, expected, timeout = 15_000) {
  const status = rsvpOn(page).locator(`[part~="status"][data-status="${expected}"]`);
  await status.waitFor({ state: 'visible', timeout });
  return (await status.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Fills the form by its controls' names: `party` {adults, children}, `contact` {email?, phone?},
 * `needs` {interpreter?: locale, childcare?: {children, ages}, transportation?, accessibility?}.
 */
export async function fillRsvp(page, { session, response = 'going', party = { adults: 1, children: 0 }, contact = {}, needs = {}, note }) {
  const widget = rsvpOn(page);
  const field = (name) => widget.locator(`[name="${name}"]`);
  if (session) await widget.locator(`input[name="session"][value="${session}"]`).check();
  await widget.locator(`input[name="response"][value="${response}"]`).check();
  if (response !== 'not-going') {
    await field('adults').fill(String(party.adults));
    await field('children').fill(String(party.children));
  }
  if (contact.email) await field('email').fill(contact.email);
  if (contact.phone) await field('phone').fill(contact.phone);
  if (needs.interpreter) {
    await field('need-interpreter').check();
    await field('interpreter-language').selectOption(needs.interpreter);
  }
  if (needs.childcare) {
    await field('need-childcare').check();
    await field('childcare-children').fill(String(needs.childcare.children));
    if (needs.childcare.ages) await field('childcare-ages').fill(needs.childcare.ages.join(', '));
  }
  if (needs.transportation) await field('need-transportation').check();
  if (needs.accessibility) {
    await field('need-accessibility').check();
    await field('accessibility').fill(needs.accessibility);
  }
  if (note) await field('note').fill(note);
}

export async function sendRsvp(page) {
  await rsvpOn(page).locator('[part~="submit"]').click();
}

/** Splits CSV text (RFC 4180 quoting) into rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/**
 * The attendee CSV as objects keyed by its header. Takes the raw bytes: `Response.text()` would drop
 * the UTF-8 byte-order mark that spreadsheet programs need, so it is checked here.
 */
export function csvRecords(bytes) {
  const data = Buffer.from(bytes);
  if (!data.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) throw new Error('the CSV does not start with a UTF-8 byte-order mark');
  const [header, ...rows] = parseCsv(data.subarray(3).toString('utf8'));
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
