/** <tandem-event-rsvp> in the family's language: a Hmong RSVP with childcare, and switching language mid-form. */
import { expect, waitUntil } from '@open-wc/testing';
import { MemoryBackend, setUiLocale } from '@tandem/core';
import type { TandemEventRsvp } from '../src/event-rsvp.js';
import { $, $$, clickPart, fill, renderRsvp, resetDevice, textOf, tick, waitForPhase } from './helpers.js';

async function switchLanguage(el: TandemEventRsvp, locale: string): Promise<void> {
  const select = el.shadowRoot!.querySelector('tandem-language-switch')!.shadowRoot!.querySelector('select')!;
  select.value = locale;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => el.getAttribute('lang') === locale, `never switched to ${locale}`);
  await (el as unknown as { i18n: { ready: Promise<void> } }).i18n.ready;
  await el.updateComplete;
}

describe('<tandem-event-rsvp> languages', () => {
  beforeEach(resetDevice);
  afterEach(async () => {
    await resetDevice();
    await setUiLocale('en');
  });

  it('a Hmong family RSVPs with childcare: errors, status and the stored locale are Hmong', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend, { lang: 'hmn' });
    expect(textOf($(el, '#event-title'))).to.equal('Hmo Kawm Lej Ua Tsev Neeg');
    await clickPart(el, 'submit');
    expect($$(el, '.error-summary li').map(textOf)[0]).to.equal('Thov qhia seb koj puas tuaj.');
    await tick(el, 'response', 'going');
    await tick(el, 'session', 'early');
    await fill(el, 'adults', '1');
    await fill(el, 'children', '3');
    await fill(el, 'phone', '651-555-0123');
    await tick(el, 'need-childcare');
    await fill(el, 'childcare-children', '3');
    await fill(el, 'childcare-ages', '2 5 8');
    await tick(el, 'need-interpreter');
    await clickPart(el, 'submit');
    await waitForPhase(el, 'rsvp');
    expect(textOf($(el, '#state-heading'))).to.equal('Koj yuav tuaj!');
    expect(backend.events.list('demo-event')[0]).to.deep.include({
      locale: 'hmn',
      needs: { childcare: { children: 3, ages: [2, 5, 8] }, interpreter: 'hmn' },
    });
  });

  it('switching language mid-form re-renders in the new language and keeps what was typed', async () => {
    const el = await renderRsvp(MemoryBackend.withDemoData());
    await tick(el, 'response', 'going');
    await fill(el, 'email', 'ana@example.org');
    await switchLanguage(el, 'es');
    expect(textOf($(el, '#event-title'))).to.equal('Noche de Matemáticas en Familia');
    expect(textOf($(el, '[part~="submit"]'))).to.equal('Enviar respuesta');
    expect($$(el, '[part~="remaining"]').map(textOf)).to.deep.equal(['Quedan 40 lugares', 'Quedan 40 lugares']);
    expect($<HTMLInputElement>(el, '[name="email"]').value).to.equal('ana@example.org');
    expect($<HTMLInputElement>(el, 'input[name="response"][value="going"]').checked).to.equal(true);
  });
});
