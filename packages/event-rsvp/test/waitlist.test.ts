/** <tandem-event-rsvp> waitlist: a full session says so, the family joins the line, and sees its promotion after another family cancels. */
import { expect, oneEvent } from '@open-wc/testing';
import { MemoryBackend } from '@tandem/core';
import { $, $$, clickPart, fill, renderRsvp, resetDevice, textOf, tick, waitForPhase } from './helpers.js';

describe('<tandem-event-rsvp> waitlist', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('a full session offers the waitlist; the family gets its place in line', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend, { event: 'full-event' });
    expect(textOf($(el, '[part~="remaining"]'))).to.equal('Full — join the waitlist');
    await tick(el, 'response', 'going');
    expect(textOf($(el, '[part~="submit"]'))).to.equal('Join the waitlist');
    await fill(el, 'email', 'next@example.org');
    const changed = oneEvent(el, 'tandem-rsvp-changed');
    await clickPart(el, 'submit');
    expect((await changed).detail.status).to.equal('waitlisted');
    await waitForPhase(el, 'rsvp');
    expect($(el, '[part~="status"]').dataset.status).to.equal('waitlisted');
    expect(textOf($(el, '[part~="status"] tandem-status'))).to.equal(
      'You are number 1 on the waitlist. We will tell you if a place opens.',
    );
    expect(el.shadowRoot!.querySelector('[part~="calendar"]'), 'no calendar while waiting').to.equal(null);
  });

  it('after another family cancels, the waitlisted family sees "confirmed" on its next visit and the page is told', async () => {
    const backend = MemoryBackend.withDemoData();
    // Take the demo's last free places with a family the test can cancel.
    const other = backend.events.create(
      'demo-event',
      { sessionId: 'early', response: 'going', adults: 20, children: 0, contact: { phone: '6515550101' }, locale: 'es' },
      'other-1',
    );
    backend.events.create(
      'demo-event',
      { sessionId: 'early', response: 'going', adults: 20, children: 0, contact: { phone: '6515550102' }, locale: 'en' },
      'other-2',
    );
    const el = await renderRsvp(backend);
    await tick(el, 'response', 'going');
    await tick(el, 'session', 'early');
    await fill(el, 'email', 'waiting@example.org');
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    expect(el.rsvp?.status).to.equal('waitlisted');
    el.remove();

    backend.events.cancelRsvp(other.rsvpId, other.editToken!);
    const seen: CustomEvent[] = [];
    const listen = (e: Event) => seen.push(e as CustomEvent);
    document.addEventListener('tandem-rsvp-changed', listen);
    try {
      const again = await renderRsvp(backend);
      await waitForPhase(again, 'rsvp');
      expect($(again, '[part~="status"]').dataset.status).to.equal('confirmed');
      expect(textOf($(again, '#state-heading'))).to.equal("You're going!");
      expect(seen.map((e) => e.detail.status)).to.deep.equal(['confirmed']);
      again.remove();
      // Seen once is enough: the next visit does not announce it again.
      const third = await renderRsvp(backend);
      await waitForPhase(third, 'rsvp');
      expect(seen).to.have.length(1);
    } finally {
      document.removeEventListener('tandem-rsvp-changed', listen);
    }
  });

  it('a family waiting on the page sees its promotion when it comes back to the tab', async () => {
    const backend = MemoryBackend.withDemoData();
    const party = {
      sessionId: 'late',
      response: 'going',
      adults: 10,
      children: 10,
      contact: { phone: '6515550101' },
      locale: 'en',
    } as const;
    const other = backend.events.create('demo-event', party, 'other');
    backend.events.create('demo-event', party, 'another');
    const el = await renderRsvp(backend);
    expect(textOf($$(el, '[part~="remaining"]')[1]!)).to.equal('Full — join the waitlist');
    await tick(el, 'response', 'maybe');
    await tick(el, 'session', 'late');
    await fill(el, 'phone', '651 555 0199');
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    expect(el.rsvp?.status).to.equal('waitlisted');

    backend.events.cancelRsvp(other.rsvpId, other.editToken!);
    const changed = oneEvent(el, 'tandem-rsvp-changed');
    document.dispatchEvent(new Event('visibilitychange'));
    expect((await changed).detail).to.include({ status: 'confirmed', response: 'maybe' });
    await el.updateComplete;
    expect($(el, '[part~="status"]').dataset.status).to.equal('confirmed');
    expect(textOf($(el, '#state-heading'))).to.equal('You said maybe');
  });
});
