/** <tandem-event-rsvp> bad input: messages under fields and in a summary, focus on the first, nothing lost, nothing sent. */
import { expect } from '@open-wc/testing';
import { BackendError, MemoryBackend } from '@tandem/core';
import { PROBLEM_TYPES } from '@tandem/protocol';
import type { TandemEventRsvp } from '../src/event-rsvp.js';
import {
  $,
  $$,
  clickPart,
  deepActive,
  descriptions,
  fill,
  fillGoing,
  renderRsvp,
  resetDevice,
  textOf,
  tick,
  waitForPhase,
} from './helpers.js';

const input = (el: TandemEventRsvp, name: string) => $<HTMLInputElement>(el, `[name="${name}"]`);
const summary = (el: TandemEventRsvp) => $$(el, '.error-summary li').map(textOf);

describe('<tandem-event-rsvp> validation', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('an empty form: asks for an answer, a time and a contact; focuses the first; sends nothing', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend);
    await clickPart(el, 'submit');
    expect(summary(el)).to.deep.equal([
      'Please say whether you are coming.',
      'Please choose a time.',
      'Please give an email address or a phone number so the school can reach you.',
    ]);
    expect(deepActive()).to.equal($$(el, 'input[name="response"]')[0]);
    expect(descriptions(el, input(el, 'email'))).to.deep.equal([
      'Please give an email address or a phone number so the school can reach you.',
    ]);
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(backend.calls.createRsvp).to.equal(0);
  });

  it('party size out of range: too many people, or no adult; values kept', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend);
    await fillGoing(el);
    await fill(el, 'adults', '12');
    await fill(el, 'children', '9');
    await clickPart(el, 'submit');
    expect(summary(el)).to.deep.equal(['At most 20 people can come in one RSVP, adults and children together.']);
    expect(descriptions(el, input(el, 'adults'))).to.deep.equal(['At most 20 people can come in one RSVP, adults and children together.']);
    expect(deepActive()).to.equal(input(el, 'adults'));
    expect([input(el, 'adults').value, input(el, 'children').value, input(el, 'email').value]).to.deep.equal([
      '12',
      '9',
      'family@example.org',
    ]);

    // Changing the field takes its error (and the then empty summary) away until the next Send.
    await fill(el, 'adults', '0');
    expect(el.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    expect(descriptions(el, input(el, 'adults'))).to.deep.equal([]);
    await clickPart(el, 'submit');
    expect(descriptions(el, input(el, 'adults'))).to.deep.equal(['Please count 1 to 20 adults.']);
    expect(backend.calls.createRsvp).to.equal(0);
  });

  it('a bad email and a bad phone: both marked, the typed text kept', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend);
    await fillGoing(el);
    await fill(el, 'email', 'family@example');
    await fill(el, 'phone', '12-34');
    await clickPart(el, 'submit');
    expect(summary(el)).to.deep.equal([
      'Please check the email address, for example name@example.org.',
      'Please check the phone number: it needs 7 to 15 digits.',
    ]);
    expect(deepActive()).to.equal(input(el, 'email'));
    expect(input(el, 'phone').getAttribute('aria-invalid')).to.equal('true');
    expect([input(el, 'email').value, input(el, 'phone').value]).to.deep.equal(['family@example', '12-34']);
    expect(backend.calls.createRsvp).to.equal(0);
    // A summary link takes the family to its field.
    $$<HTMLAnchorElement>(el, '.error-summary a')[1]!.click();
    expect(deepActive()).to.equal(input(el, 'phone'));
  });

  it('childcare ages that are not numbers: said in Spanish, under the field, before its hint', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend, { lang: 'es' });
    await fillGoing(el);
    await tick(el, 'need-childcare');
    await fill(el, 'childcare-ages', 'four');
    await clickPart(el, 'submit');
    expect(deepActive()).to.equal(input(el, 'childcare-ages'));
    expect(descriptions(el, input(el, 'childcare-ages'))).to.deep.equal([
      'Por favor, escriba las edades de 0 a 17 con números, por ejemplo 4, 7.',
      'Por ejemplo: 4, 7',
    ]);
    expect(input(el, 'childcare-ages').value).to.equal('four');
    expect(backend.calls.createRsvp).to.equal(0);
  });

  it('a refusal from the server shows under the field it names', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend);
    await fillGoing(el);
    backend.failNext(
      new BackendError('invalid', 'Some answers need attention', 422, {
        type: PROBLEM_TYPES.validation,
        title: 'Some answers need attention',
        status: 422,
        errors: [{ pointer: '/contact/phone', code: 'invalid-format', detail: 'A phone number has 7 to 15 digits.' }],
      }),
    );
    $<HTMLButtonElement>(el, '[part~="submit"]').focus();
    await clickPart(el, 'submit');
    await waitForPhase(el, (p) => p === 'ready');
    await el.updateComplete;
    expect(summary(el)).to.deep.equal(['Please check the phone number: it needs 7 to 15 digits.']);
    expect(deepActive()).to.equal(input(el, 'phone'));
    expect(input(el, 'email').value).to.equal('family@example.org');
    expect(backend.events.list('demo-event')).to.deep.equal([]);
  });

  it('a party larger than the session holds is refused with how many fit', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderRsvp(backend, { event: 'full-event' });
    await tick(el, 'response', 'going');
    await fill(el, 'adults', '3');
    await fill(el, 'children', '2');
    await fill(el, 'email', 'big@example.org');
    await clickPart(el, 'submit');
    await waitForPhase(el, 'ready');
    await el.updateComplete;
    expect(descriptions(el, input(el, 'adults'))).to.deep.equal(['At most 4 people fit in this session.']);
    expect(backend.events.list('full-event')).to.have.length(1);
  });
});
