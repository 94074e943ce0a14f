/** <tandem-event-rsvp> offline: the RSVP is kept on the device, said to be waiting, and sent exactly once later. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { BackendError, MemoryBackend, outbox } from '@tandem/core';
import { PROBLEM_TYPES } from '@tandem/protocol';
import type { TandemEventRsvp } from '../src/event-rsvp.js';
import { $, clickPart, descriptions, fillGoing, renderRsvp, resetDevice, textOf, waitForPhase } from './helpers.js';

async function rsvpOffline(backend: MemoryBackend): Promise<TandemEventRsvp> {
  const el = await renderRsvp(backend);
  backend.setOffline(true);
  await fillGoing(el);
  await clickPart(el, 'submit');
  await waitForPhase(el, 'queued');
  return el;
}

function goOnline(backend: MemoryBackend): void {
  backend.setOffline(false);
  window.dispatchEvent(new Event('online'));
}

describe('<tandem-event-rsvp> outbox', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('offline: says the RSVP is saved on the device, then sends it once when back online', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await rsvpOffline(backend);
    expect(textOf($(el, '#state-heading'))).to.equal('Your RSVP is saved');
    expect(textOf($(el, 'tandem-status'))).to.contain('Saved on this device');
    const [entry] = await outbox.list({ kind: 'event-rsvp', target: 'demo-event' });
    expect(entry).to.exist;
    expect(backend.events.list('demo-event')).to.have.length(0);

    const changed = oneEvent(el, 'tandem-rsvp-changed');
    goOnline(backend);
    expect((await changed).detail.status).to.equal('confirmed');
    await waitForPhase(el, 'rsvp');
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.events.list('demo-event')).to.have.length(1);
    expect(await outbox.list({ kind: 'event-rsvp' })).to.deep.equal([]);
  });

  it('reopened after the page was closed offline: waits, then sends exactly once and shows the RSVP', async () => {
    const backend = MemoryBackend.withDemoData();
    (await rsvpOffline(backend)).remove();
    const reopened = await renderRsvp(backend);
    expect(reopened.phase).to.equal('queued');
    goOnline(backend);
    await waitForPhase(reopened, 'rsvp');
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.events.list('demo-event')).to.have.length(1);
    // Tried while offline (at Send, and when the page reopened), stored once.
    expect(backend.calls.createRsvp).to.be.greaterThan(1);
    reopened.remove();
    // The keys were kept: the next visit shows the RSVP, not the form.
    const later = await renderRsvp(backend);
    expect(later.phase).to.equal('rsvp');
    expect(backend.events.list('demo-event')).to.have.length(1);
  });

  it('reopened online: the waiting RSVP goes out by itself, once', async () => {
    const backend = MemoryBackend.withDemoData();
    (await rsvpOffline(backend)).remove();
    backend.setOffline(false);
    const reopened = await fixture<TandemEventRsvp>(
      html`<tandem-event-rsvp .backend=${backend} event="demo-event" lang="en"></tandem-event-rsvp>`,
    );
    await waitForPhase(reopened, 'rsvp');
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.events.list('demo-event')).to.have.length(1);
  });

  it('a queued RSVP the server refuses comes back into the form with its errors', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await rsvpOffline(backend);
    backend.setOffline(false);
    backend.failNext(
      new BackendError('invalid', 'Some answers need attention', 422, {
        type: PROBLEM_TYPES.validation,
        title: 'Some answers need attention',
        status: 422,
        errors: [{ pointer: '/contact/email', code: 'invalid-format', detail: 'This is not an email address.' }],
      }),
    );
    const failed = oneEvent(el, 'tandem-error');
    $<HTMLButtonElement>(el, '[part~="action"]').click();
    await failed;
    await waitForPhase(el, 'ready');
    await el.updateComplete;
    const email = $<HTMLInputElement>(el, '[name="email"]');
    expect(email.value).to.equal('family@example.org');
    expect($<HTMLInputElement>(el, '[name="adults"]').value).to.equal('2');
    expect(descriptions(el, email)).to.deep.equal(['Please check the email address, for example name@example.org.']);
    expect(await outbox.list({ kind: 'event-rsvp' })).to.deep.equal([]);
  });
});
