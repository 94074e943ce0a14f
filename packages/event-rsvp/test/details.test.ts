/** <tandem-event-rsvp> details and closed states: times in the event's zone, fallback text marked, links, cancelled/ended/unknown. */
import { expect, oneEvent, fixture, html } from '@open-wc/testing';
import { MemoryBackend, demoEvents } from '@tandem/core';
import type { TandemEventRsvp } from '../src/event-rsvp.js';
import { viewerZone } from '../src/event-time.js';
import { $, $$, clickPart, fillGoing, renderRsvp, resetDevice, textOf, waitForPhase } from './helpers.js';

describe('<tandem-event-rsvp> details', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('shows the title, school, place with a map link, the online link and the grades', async () => {
    const el = await renderRsvp(MemoryBackend.withDemoData());
    expect(el.phase).to.equal('ready');
    expect(textOf($(el, '#event-title'))).to.equal('Family Math Night');
    expect(textOf($(el, '.school'))).to.equal('Lincoln Elementary');
    const details = textOf($(el, '.details'));
    expect(details).to.contain('Lincoln Elementary gym').and.contain('1200 Lincoln Ave').and.contain('Families of grades K, 1, 2, 3, 4, 5');
    const links = $$<HTMLAnchorElement>(el, '.details a');
    expect(links.map((a) => a.href)).to.deep.equal([
      'https://www.openstreetmap.org/search?query=1200%20Lincoln%20Ave%20Saint%20Paul',
      'https://meet.example.org/lincoln-math-night',
    ]);
    expect(links.every((a) => a.target === '_blank' && a.rel.includes('noopener'))).to.equal(true);
  });

  it('formats each session in the family language and the event time zone, with places left', async () => {
    const backend = MemoryBackend.withDemoData();
    const early = backend.events.publicEvent('demo-event').sessions[0]!;
    const el = await renderRsvp(backend, { lang: 'es' });
    const expected = new Intl.DateTimeFormat(['es', 'en'], {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone: 'America/Chicago',
    }).formatRange(new Date(early.startsAt), new Date(early.endsAt));
    const labels = $$(el, 'input[name="session"]').map((i) => textOf(i.closest('label')!));
    expect(labels).to.have.length(2);
    expect(labels[0]).to.contain(expected);
    expect($$(el, '[part~="remaining"]').map(textOf)).to.deep.equal(['Quedan 40 lugares', 'Quedan 40 lugares']);
  });

  it('notes the event time zone and shows the viewer time when the device is elsewhere', async () => {
    const el = await renderRsvp(MemoryBackend.withDemoData());
    // Chromium under test runs in UTC (or anything but Chicago in winter and summer alike).
    expect(viewerZone()).to.not.equal('America/Chicago');
    expect(textOf($(el, '.zone-note'))).to.match(/Times are in the event's time zone, Central (Standard|Daylight) Time/);
    expect($$(el, '.local-time').map(textOf)[0]).to.match(/^Your time: /);
  });

  it('says nothing about time zones when the event is in the viewer zone', async () => {
    const backend = MemoryBackend.withDemoData();
    const [event] = demoEvents();
    backend.addEvent({ ...event!, id: 'local-event', timeZone: viewerZone() });
    const el = await renderRsvp(backend, { event: 'local-event' });
    expect(el.shadowRoot!.querySelector('.zone-note')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.local-time')).to.equal(null);
  });

  it('marks text shown in another language with its lang, and says the event is not in the family language', async () => {
    const el = await renderRsvp(MemoryBackend.withDemoData(), { lang: 'ar' });
    // Title and description exist in Arabic; the place name does not, so it shows in English, marked.
    expect($(el, '#event-title').querySelector('[lang]')).to.equal(null);
    const place = $$(el, '.details .fallback')[0]!;
    expect(place.getAttribute('lang')).to.equal('en');
    expect(place.getAttribute('dir')).to.equal('ltr');
    expect(textOf(place)).to.equal('Lincoln Elementary gym');
    el.remove();

    const vi = await renderRsvp(MemoryBackend.withDemoData(), { lang: 'vi' });
    expect($(vi, '#event-title .fallback').getAttribute('lang')).to.equal('en');
    expect(vi.shadowRoot!.querySelector('.header .note')).to.exist;
  });

  it('keeps past sessions visible but closed', async () => {
    const backend = MemoryBackend.withDemoData();
    const [event] = demoEvents();
    const past = { ...event!.sessions[0]!, id: 'gone', startsAt: '2020-01-01T23:00:00Z', endsAt: '2020-01-02T00:00:00Z' };
    backend.addEvent({ ...event!, id: 'half-past', sessions: [past, event!.sessions[1]!] });
    const el = await renderRsvp(backend, { event: 'half-past' });
    const radios = $$<HTMLInputElement>(el, 'input[name="session"]');
    expect(radios.map((r) => r.disabled)).to.deep.equal([true, false]);
    expect(textOf($$(el, '[part~="remaining"]')[0]!)).to.equal('This time has passed');
  });
});

describe('<tandem-event-rsvp> closed and unknown events', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('a cancelled event says so and offers no form', async () => {
    const el = await renderRsvp(MemoryBackend.withDemoData(), { event: 'cancelled-event' });
    expect(el.phase).to.equal('cancelled');
    expect(textOf($(el, '#state-heading'))).to.equal('This event was cancelled');
    expect(textOf($(el, '#event-title'))).to.equal('Fall picnic');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('an event whose sessions are all past has ended', async () => {
    const el = await renderRsvp(MemoryBackend.withDemoData(), { event: 'past-event' });
    expect(el.phase).to.equal('ended');
    expect(textOf($(el, '#state-heading'))).to.equal('This event has ended');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('an unknown event id says it could not be found and fires tandem-error', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = document.createElement('tandem-event-rsvp') as TandemEventRsvp;
    Object.assign(el, { backend, eventId: 'nope' });
    const failed = oneEvent(el, 'tandem-error');
    await fixture(html`<div></div>`).then((div) => div.append(el));
    expect((await failed).detail.message).to.equal('We could not find this. The link may be out of date.');
    await waitForPhase(el, 'not-found');
    expect(textOf($(el, '#state-heading'))).to.equal('We could not find this event');
  });

  it('a failed load offers to try again', async () => {
    const backend = MemoryBackend.withDemoData();
    backend.setOffline(true);
    const el = await renderRsvp(backend);
    expect(el.phase).to.equal('load-error');
    backend.setOffline(false);
    $<HTMLButtonElement>(el, '[part~="action"]').click();
    await waitForPhase(el, 'ready');
  });

  it('an event cancelled while the family fills the form: Send says it was cancelled and stores nothing', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend);
    await fillGoing(el);
    backend.events.cancelEvent('demo-event');
    const failed = oneEvent(el, 'tandem-error');
    await clickPart(el, 'submit');
    expect((await failed).detail.error).to.have.property('status', 410);
    await waitForPhase(el, 'cancelled');
    expect(textOf($(el, '#state-heading'))).to.equal('This event was cancelled');
    expect(backend.events.list('demo-event')).to.deep.equal([]);
  });
});
