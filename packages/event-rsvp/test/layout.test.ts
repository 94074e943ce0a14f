/** <tandem-event-rsvp> right to left, at phone width, and accessible in every state a family meets. */
import { expect, fixture, html } from '@open-wc/testing';
import { MemoryBackend } from '@tandem/core';
import { expectAxeClean } from '@tandem/core/testing.js';
import type { TandemEventRsvp } from '../src/event-rsvp.js';
import { $, clickPart, fill, fillGoing, renderRsvp, resetDevice, tick, waitForPhase } from './helpers.js';

/** True when nothing inside the widget sticks out sideways (no horizontal scrolling on a phone). */
function fitsWidth(el: TandemEventRsvp): boolean {
  const box = el.getBoundingClientRect();
  return [...el.shadowRoot!.querySelectorAll('*')].every((node) => {
    const r = node.getBoundingClientRect();
    return r.width === 0 || (r.left >= box.left - 1 && r.right <= box.right + 1);
  });
}

describe('<tandem-event-rsvp> layout and accessibility', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('[axe] Arabic: right to left, Arabic content, steppers mirrored, errors and status accessible', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend, { lang: 'ar' });
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect($(el, '#event-title').textContent).to.contain('أمسية الرياضيات العائلية');
    // The − button sits at the inline start, which is the right-hand side in Arabic.
    const [minus, , plus] = [...$(el, '.stepper').children];
    expect(minus!.getBoundingClientRect().left).to.be.greaterThan(plus!.getBoundingClientRect().left);
    await clickPart(el, 'submit');
    await expectAxeClean(el);
    await fillGoing(el);
    await tick(el, 'need-childcare');
    await tick(el, 'need-interpreter');
    expect($<HTMLSelectElement>(el, '[name="interpreter-language"]').value).to.equal('ar');
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    await expectAxeClean(el);
    await clickPart(el, 'cancel');
    await expectAxeClean(el);
  });

  it('[axe] the closed, waitlist and offline states are accessible', async () => {
    const backend = MemoryBackend.withDemoData();
    for (const event of ['cancelled-event', 'past-event', 'nope']) {
      const el = await renderRsvp(backend, { event });
      await expectAxeClean(el);
      el.remove();
    }
    const full = await renderRsvp(backend, { event: 'full-event' });
    await tick(full, 'response', 'going');
    await fill(full, 'email', 'x@example.org');
    backend.setOffline(true);
    await clickPart(full, 'submit');
    await waitForPhase(full, 'queued');
    await expectAxeClean(full);
  });

  it('works at 320px wide: nothing sticks out, in the form and the status view', async () => {
    const backend = MemoryBackend.withDemoData();
    const box = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px">
        <tandem-event-rsvp .backend=${backend} event="demo-event" lang="hmn"></tandem-event-rsvp>
      </div>`,
    );
    const el = box.querySelector<TandemEventRsvp>('tandem-event-rsvp')!;
    await waitForPhase(el, 'ready');
    await fillGoing(el);
    await tick(el, 'need-childcare');
    expect(fitsWidth(el), 'form fits').to.equal(true);
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    expect(fitsWidth(el), 'status fits').to.equal(true);
  });
});
