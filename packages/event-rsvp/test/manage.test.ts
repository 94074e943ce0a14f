/** <tandem-event-rsvp> after an RSVP: change and cancel from the same device after a reload, and from a private link. */
import { expect, oneEvent } from '@open-wc/testing';
import { MemoryBackend } from '@tandem/core';
import type { TandemEventRsvp } from '../src/event-rsvp.js';
import { $, clickPart, deepActive, descriptions, fill, fillGoing, renderRsvp, resetDevice, textOf, tick, waitForPhase } from './helpers.js';

async function rsvpAndReload(backend: MemoryBackend): Promise<TandemEventRsvp> {
  const el = await renderRsvp(backend);
  await fillGoing(el);
  await clickPart(el, 'submit');
  await waitForPhase(el, 'rsvp');
  el.remove();
  const again = await renderRsvp(backend);
  expect(again.phase, 'shows the kept RSVP after a reload').to.equal('rsvp');
  return again;
}

describe('<tandem-event-rsvp> change and cancel', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('after a reload, "Change my RSVP" opens the form prefilled and saves the change', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await rsvpAndReload(backend);
    await clickPart(el, 'change');
    expect(deepActive()).to.equal($(el, '#form-heading'));
    expect($<HTMLInputElement>(el, '[name="adults"]').value).to.equal('2');
    expect($<HTMLInputElement>(el, '[name="email"]').value).to.equal('family@example.org');
    expect($<HTMLInputElement>(el, 'input[name="session"][value="early"]').checked).to.equal(true);
    await fill(el, 'children', '3');
    await tick(el, 'session', 'late');
    const changed = oneEvent(el, 'tandem-rsvp-changed');
    await clickPart(el, 'submit');
    expect((await changed).detail).to.include({ sessionId: 'late', status: 'confirmed' });
    await waitForPhase(el, 'rsvp');
    const [stored] = backend.events.list('demo-event');
    expect(stored).to.include({ sessionId: 'late', adults: 2, children: 3, partySize: 5 });
    expect(backend.calls.updateRsvp).to.equal(1);
    expect(backend.events.list('demo-event')).to.have.length(1);
  });

  it('a change that no longer fits shows how many places are free under the party', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await rsvpAndReload(backend);
    // Two more families take 36 of the 40 places: 4 are left for this party of 3.
    for (const [key, adults] of [
      ['a', 20],
      ['b', 16],
    ] as const) {
      const party = { sessionId: 'early', response: 'going', adults, children: 0, contact: { phone: '6515550101' }, locale: 'en' } as const;
      backend.events.create('demo-event', party, key);
    }
    await clickPart(el, 'change');
    await fill(el, 'adults', '3');
    await fill(el, 'children', '2');
    await clickPart(el, 'submit');
    await waitForPhase(el, 'ready');
    await el.updateComplete;
    expect(descriptions(el, $(el, '[name="adults"]'))).to.deep.equal(['At most 4 people fit in this session.']);
    expect(backend.events.list('demo-event')[0]).to.include({ adults: 2, children: 1 });
  });

  it('"Cancel my RSVP" asks first; "No, keep it" keeps it; "Yes" cancels and frees the places', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await rsvpAndReload(backend);
    await clickPart(el, 'cancel');
    expect(deepActive()).to.equal($(el, '#confirm-heading'));
    await clickPart(el, 'keep');
    expect(backend.calls.cancelRsvp).to.equal(0);
    await clickPart(el, 'cancel');
    const changed = oneEvent(el, 'tandem-rsvp-changed');
    await clickPart(el, 'confirm-cancel');
    expect((await changed).detail).to.include({ cancelled: true, status: 'declined' });
    await waitForPhase(el, 'rsvp');
    await el.updateComplete;
    expect($(el, '[part~="status"]').dataset.status).to.equal('cancelled');
    expect(textOf($(el, '#state-heading'))).to.equal('Your RSVP is cancelled');
    expect(backend.events.publicEvent('demo-event').sessions[0]!.remaining).to.equal(40);
    // RSVP again makes a new one.
    await clickPart(el, 'rsvp-again');
    await fillGoing(el);
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    expect(backend.events.list('demo-event').filter((r) => !r.cancelled)).to.have.length(1);
  });

  it('a private link from another device is adopted, kept, and taken out of the address bar', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend);
    await fillGoing(el);
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    const link = $<HTMLInputElement>(el, '#private-link').value;
    expect(link).to.match(/#tandem-rsvp=[^.]+\.[^.]+$/);
    expect(link.startsWith(location.href.split('#')[0]!)).to.equal(true);
    el.remove();

    // "Another device": nothing kept, only the link.
    await resetDevice();
    history.replaceState(null, '', link);
    const other = await renderRsvp(backend);
    expect(other.phase).to.equal('rsvp');
    expect(other.rsvp?.contact.email).to.equal('family@example.org');
    expect(location.hash).to.equal('');
    other.remove();
    const again = await renderRsvp(backend);
    expect(again.phase, 'kept on the new device').to.equal('rsvp');
  });

  it('a private link for another event is left alone', async () => {
    const backend = MemoryBackend.withDemoData();
    const receipt = backend.events.create(
      'full-event',
      { sessionId: 'only', response: 'not-going', adults: 1, children: 0, locale: 'en' },
      'elsewhere',
    );
    history.replaceState(null, '', `#tandem-rsvp=${receipt.rsvpId}.${receipt.editToken}`);
    const el = await renderRsvp(backend);
    expect(el.phase).to.equal('ready');
    expect(location.hash).to.not.equal('');
  });

  it('the copy button puts the private link on the clipboard', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend);
    await fillGoing(el);
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    let copied = '';
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    try {
      await clickPart(el, 'copy-link');
      await el.updateComplete;
      expect(copied).to.equal($<HTMLInputElement>(el, '#private-link').value);
      expect(textOf($(el, '.private-link'))).to.contain('Link copied.');
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('offline, a change is not lost: the form stays as typed and says the connection is missing', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await rsvpAndReload(backend);
    await clickPart(el, 'change');
    await fill(el, 'note', 'Arriving at 6');
    backend.setOffline(true);
    const failed = oneEvent(el, 'tandem-error');
    await clickPart(el, 'submit');
    expect((await failed).detail.error).to.have.property('kind', 'offline');
    await waitForPhase(el, 'ready');
    expect(textOf($(el, 'form tandem-status'))).to.equal('You seem to be offline. Please check your internet connection.');
    expect($<HTMLTextAreaElement>(el, '[name="note"]').value).to.equal('Arriving at 6');
    backend.setOffline(false);
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    expect(backend.events.list('demo-event')[0]!.note).to.equal('Arriving at 6');
  });

  it('cancelling after the school cancelled the event says the event was cancelled', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await rsvpAndReload(backend);
    backend.events.cancelEvent('demo-event');
    await clickPart(el, 'cancel');
    await clickPart(el, 'confirm-cancel');
    await waitForPhase(el, 'cancelled');
    expect(textOf($(el, '#state-heading'))).to.equal('This event was cancelled');
  });
});
