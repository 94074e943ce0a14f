/** <tandem-event-rsvp> by keyboard alone: Tab, Space, arrow keys, typing and Enter make, change and cancel an RSVP. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryBackend } from '@tandem/core';
import type { TandemEventRsvp } from '../src/event-rsvp.js';
import { $, deepActive, resetDevice, waitForPhase } from './helpers.js';

const press = (key: string) => sendKeys({ press: key });
const focusedName = () => (deepActive() as HTMLInputElement | null)?.getAttribute('name') ?? deepActive()?.getAttribute('part');

/** Presses Tab until the control named `name` (or with part `name`) has focus; fails after `max` presses. */
async function tabTo(name: string, max = 6): Promise<void> {
  for (let i = 0; i < max; i++) {
    await press('Tab');
    if (focusedName() === name) return;
  }
  throw new Error(`Tab never reached ${name} (at ${focusedName()})`);
}

describe('<tandem-event-rsvp> keyboard', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('a family RSVPs with needs, then cancels, without a mouse', async () => {
    const backend = MemoryBackend.withDemoData();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">Before</button>
        <tandem-event-rsvp .backend=${backend} event="demo-event" lang="en"></tandem-event-rsvp>
      </div>`,
    );
    const el = wrapper.querySelector<TandemEventRsvp>('tandem-event-rsvp')!;
    await waitForPhase(el, 'ready');
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

    // Language first, then the map and online links, then the form.
    await press('Tab');
    expect(deepActive()?.localName).to.equal('select');
    await tabTo('response');
    await press('Space');
    expect(focusedName()).to.equal('response');
    await press('Tab');
    expect(focusedName()).to.equal('session');
    await press('ArrowDown');
    expect((deepActive() as HTMLInputElement).value).to.equal('late');
    await press('Tab');
    expect(focusedName(), 'the − button is skipped').to.equal('adults');
    await press('ArrowUp');
    await press('Tab');
    expect(focusedName()).to.equal('children');
    await press('ArrowUp');
    await press('ArrowUp');
    await tabTo('names');
    await sendKeys({ type: 'Ana, Luis' });
    await tabTo('email');
    await sendKeys({ type: 'ana@example.org' });
    await tabTo('need-interpreter');
    await press('Space');
    await tabTo('interpreter-language');
    await tabTo('need-childcare');
    await press('Space');
    await tabTo('childcare-children');
    await press('ArrowUp');
    await tabTo('childcare-ages');
    await sendKeys({ type: '3, 6' });
    await tabTo('need-transportation');
    await press('Space');
    await tabTo('note');
    await sendKeys({ type: 'Thank you' });
    await tabTo('submit');
    await press('Enter');

    await waitForPhase(el, 'rsvp');
    expect(deepActive()).to.equal($(el, '#state-heading'));
    const [stored] = backend.events.list('demo-event');
    expect(stored).to.deep.include({
      sessionId: 'late',
      response: 'going',
      adults: 2,
      children: 2,
      names: ['Ana', 'Luis'],
      contact: { email: 'ana@example.org' },
      needs: { interpreter: 'en', childcare: { children: 2, ages: [3, 6] }, transportation: true },
      note: 'Thank you',
    });

    // Cancel: Tab to the button, Enter, the confirm step takes focus, Tab to "Yes", Enter.
    await tabTo('cancel', 12);
    await press('Enter');
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '#confirm-heading'));
    await tabTo('confirm-cancel');
    await press('Enter');
    await waitUntil(() => el.rsvp?.cancelled === true, 'never cancelled');
    await el.updateComplete;
    expect($(el, '[part~="status"]').dataset.status).to.equal('cancelled');
    expect(deepActive()).to.equal($(el, '#state-heading'));
  });

  it('Enter in a text field sends the form like the button does', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await fixture<TandemEventRsvp>(
      html`<tandem-event-rsvp .backend=${backend} event="full-event" lang="en"></tandem-event-rsvp>`,
    );
    await waitForPhase(el, 'ready');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="response"][value="maybe"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="phone"]')!.focus();
    await sendKeys({ type: '+1 651 555 0100' });
    await press('Enter');
    await waitForPhase(el, 'rsvp');
    expect(backend.events.list('full-event')[1]).to.deep.include({
      response: 'maybe',
      status: 'waitlisted',
      contact: { phone: '+1 651 555 0100' },
    });
  });
});
