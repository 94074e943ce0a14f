/** <tandem-event-rsvp> making an RSVP: what is sent, the status shown, the event fired, calendar links, "can't go". */
import { expect, oneEvent } from '@open-wc/testing';
import { MemoryBackend } from '@tandem/core';
import { $, $$, clickPart, fill, fillGoing, renderRsvp, resetDevice, textOf, tick, waitForPhase } from './helpers.js';

describe('<tandem-event-rsvp> RSVP', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('sends the RSVP with the needs asked, shows "You\'re going!" and fires tandem-rsvp-changed', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend, { lang: 'en' });
    await fillGoing(el, 'late');
    await fill(el, 'names', 'Mai, Tou, Pa');
    await fill(el, 'phone', '651-555-0100');
    await tick(el, 'need-interpreter');
    expect($<HTMLSelectElement>(el, 'select[name="interpreter-language"]').value).to.equal('en');
    const select = $<HTMLSelectElement>(el, 'select[name="interpreter-language"]');
    select.value = 'hmn';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await tick(el, 'need-childcare');
    await fill(el, 'childcare-children', '2');
    await fill(el, 'childcare-ages', '4, 7');
    await tick(el, 'need-transportation');
    await tick(el, 'need-accessibility');
    await fill(el, 'accessibility', 'Step-free entrance');
    await fill(el, 'note', 'We may be late.');
    const changed = oneEvent(el, 'tandem-rsvp-changed');
    await clickPart(el, 'submit');
    const detail = (await changed).detail;
    await waitForPhase(el, 'rsvp');

    const [stored] = backend.events.list('demo-event');
    expect(stored).to.deep.include({
      sessionId: 'late',
      response: 'going',
      status: 'confirmed',
      adults: 2,
      children: 1,
      partySize: 3,
      names: ['Mai', 'Tou', 'Pa'],
      contact: { email: 'family@example.org', phone: '651-555-0100' },
      needs: { interpreter: 'hmn', childcare: { children: 2, ages: [4, 7] }, transportation: true, accessibility: 'Step-free entrance' },
      note: 'We may be late.',
      locale: 'en',
    });
    expect(detail).to.deep.equal({
      eventId: 'demo-event',
      rsvpId: stored!.rsvpId,
      sessionId: 'late',
      status: 'confirmed',
      response: 'going',
    });
    expect(el.rsvp?.rsvpId).to.equal(stored!.rsvpId);
    const status = $(el, '[part~="status"]');
    expect(status.dataset.status).to.equal('confirmed');
    expect(textOf($(el, '#state-heading'))).to.equal("You're going!");
    expect(textOf(status)).to.contain('Places saved for your party: 3.');
    // Places left update once the RSVP is in.
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(backend.events.publicEvent('demo-event').sessions[1]!.remaining).to.equal(37);
  });

  it('offers calendar links for the chosen session: .ics when the backend serves one, Google and Outlook in UTC', async () => {
    const backend = MemoryBackend.withDemoData();
    Object.assign(backend, {
      eventCalendarUrl: (id: string, locale: string) => `https://school.example/api/v1/events/${id}.ics?lang=${locale}`,
    });
    const el = await renderRsvp(backend, { lang: 'es' });
    await fillGoing(el, 'early');
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    const links = $$<HTMLAnchorElement>(el, '[part~="calendar"] a');
    expect(links).to.have.length(3);
    expect(links[0]!.href).to.equal('https://school.example/api/v1/events/demo-event.ics?lang=es');
    expect(links[0]!.hasAttribute('download')).to.equal(true);
    const early = backend.events.publicEvent('demo-event').sessions[0]!;
    const utc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const google = new URL(links[1]!.href);
    expect(google.origin + google.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('text')).to.equal('Noche de Matemáticas en Familia');
    expect(google.searchParams.get('dates')).to.equal(`${utc(early.startsAt)}/${utc(early.endsAt)}`);
    expect(google.searchParams.get('location')).to.equal('Gimnasio de Lincoln Elementary, 1200 Lincoln Ave, Saint Paul, MN 55105');
    expect(google.searchParams.get('details')).to.contain('https://meet.example.org/lincoln-math-night');
    const outlook = new URL(links[2]!.href);
    expect(outlook.hostname).to.equal('outlook.live.com');
    expect(outlook.searchParams.get('startdt')).to.equal(early.startsAt);
    expect(outlook.searchParams.get('subject')).to.equal('Noche de Matemáticas en Familia');
  });

  it('"can\'t go" hides the party and needs, asks for no contact, and shows a declined RSVP without calendar links', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend);
    await fill(el, 'adults', '3');
    await tick(el, 'response', 'not-going');
    for (const name of ['adults', 'children', 'session', 'need-interpreter', 'need-childcare']) {
      expect(el.shadowRoot!.querySelector(`[name="${name}"]`), name).to.equal(null);
    }
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    expect($(el, '[part~="status"]').dataset.status).to.equal('declined');
    expect(el.shadowRoot!.querySelector('[part~="calendar"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="cancel"]')).to.equal(null);
    const [stored] = backend.events.list('demo-event');
    expect(stored).to.deep.include({ response: 'not-going', status: 'declined', needs: {}, names: [] });
  });

  it('"maybe" holds places and says so', async () => {
    const el = await renderRsvp(MemoryBackend.withDemoData());
    await fillGoing(el);
    await tick(el, 'response', 'maybe');
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    expect(textOf($(el, '#state-heading'))).to.equal('You said maybe');
    expect($(el, '[part~="status"]').dataset.status).to.equal('confirmed');
    expect(el.shadowRoot!.querySelector('[part~="calendar"]')).to.exist;
  });

  it('moves focus to the outcome after Send', async () => {
    const el = await renderRsvp(MemoryBackend.withDemoData());
    await fillGoing(el);
    $<HTMLButtonElement>(el, '[part~="submit"]').focus();
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#state-heading'));
  });
});
