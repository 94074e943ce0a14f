/** <tandem-survey> validation: messages tied to fields, error summary, focus on the first invalid field, nothing lost. */
import { expect, waitUntil } from '@open-wc/testing';
import { BackendError, MemoryBackend, outbox } from '@tandem/core';
import { PROBLEM_TYPES } from '@tandem/protocol';
import type { TandemSurvey } from '../src/survey.js';
import {
  $,
  $$,
  choose,
  clickPart,
  deepActive,
  finishFirstPage,
  inputsOf,
  question,
  renderSurvey,
  resetDevice,
  textOf,
  type,
} from './helpers.js';

/** The texts an element's aria-describedby points at. */
function descriptions(el: TandemSurvey, node: Element): string[] {
  return (node.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => textOf(el.shadowRoot!.getElementById(id)!));
}

describe('<tandem-survey> validation', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('Next on an unanswered page shows errors under the fields, a linked summary, and focuses the first', async () => {
    const el = await renderSurvey(MemoryBackend.withDemoData());
    await clickPart(el, 'next');
    expect(textOf($(el, '.progress-label'))).to.equal('Page 1 of 2');
    for (const id of ['grade', 'happy']) {
      const field = question(el, id);
      expect(descriptions(el, field)[0]).to.equal('Please answer this question.');
      for (const input of inputsOf(el, id)) expect(input.getAttribute('aria-invalid')).to.equal('true');
    }
    expect(question(el, 'homework-help').querySelector('.field-error')).to.equal(null);
    const links = $$<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.map(textOf)).to.deep.equal([
      'What grade is your child in? Please answer this question.',
      'How happy is your child at school? Please answer this question.',
    ]);
    expect(deepActive()).to.equal(inputsOf(el, 'grade')[0]);
    links[1]!.click();
    expect(deepActive()).to.equal(inputsOf(el, 'happy')[0]);
  });

  it('keeps what was answered when validation fails, and clears an error once it is fixed', async () => {
    const el = await renderSurvey(MemoryBackend.withDemoData());
    await choose(el, 'grade', '1-2');
    await choose(el, 'homework-help', 'false');
    await clickPart(el, 'next');
    expect(inputsOf(el, 'grade').find((i) => i.checked)?.value).to.equal('1-2');
    expect(inputsOf(el, 'homework-help').find((i) => i.checked)?.value).to.equal('false');
    expect(deepActive()).to.equal(inputsOf(el, 'happy')[0]);
    await choose(el, 'happy', '2');
    expect(question(el, 'happy').querySelector('.field-error')).to.equal(null);
    expect(inputsOf(el, 'happy')[0]!.hasAttribute('aria-invalid')).to.equal(false);
    expect(el.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    await clickPart(el, 'next');
    expect(textOf($(el, '#page-heading'))).to.equal('Our school');
    const progress = $<HTMLProgressElement>(el, 'progress[part~="progress"]');
    expect([progress.value, progress.max]).to.deep.equal([2, 2]);
    expect(textOf(el.shadowRoot!.getElementById(progress.getAttribute('aria-labelledby')!)!)).to.equal('Page 2 of 2');
    expect(deepActive()).to.equal($(el, '#page-heading'));
    await clickPart(el, 'back');
    expect(textOf($(el, '#page-heading'))).to.equal('Your child');
    expect(deepActive()).to.equal($(el, '#page-heading'));
    expect($<HTMLProgressElement>(el, 'progress').value).to.equal(1);
  });

  it('says at once when too many options are ticked, and blocks sending', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderSurvey(backend);
    await finishFirstPage(el);
    expect(descriptions(el, question(el, 'contact'))).to.include('You can choose up to 2 answers.');
    await choose(el, 'contact', 'text');
    await choose(el, 'contact', 'phone');
    expect(question(el, 'contact').querySelector('.field-error')).to.equal(null);
    await choose(el, 'contact', 'email');
    expect(descriptions(el, question(el, 'contact'))[0]).to.equal('Please choose at most 2.');
    await clickPart(el, 'submit');
    expect(el.phase).to.equal('ready');
    expect(backend.responses('demo')).to.have.length(0);
    expect(deepActive()).to.equal(inputsOf(el, 'contact').find((i) => i.checked));
  });

  it('counts characters live near the limit and refuses text over it', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderSurvey(backend);
    await finishFirstPage(el);
    const field = inputsOf(el, 'language')[0]!;
    const count = $(el, '#q-language-count');
    expect(count.getAttribute('aria-live')).to.equal('polite');
    await type(el, 'language', 'x'.repeat(40));
    expect(textOf(count)).to.equal('');
    await type(el, 'language', 'x'.repeat(10));
    expect(textOf(count)).to.equal('Characters left: 10 of 60.');
    expect(descriptions(el, field)).to.include('Characters left: 10 of 60.');
    await type(el, 'language', 'x'.repeat(11));
    expect(textOf(count)).to.equal('Too long: 61 characters. The limit is 60.');
    await clickPart(el, 'submit');
    expect(descriptions(el, field)[0]).to.equal('Please use at most 60 characters (you have 61).');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()).to.equal(field);
    expect(field.value).to.have.length(61);
    expect(backend.responses('demo')).to.have.length(0);
  });

  it('maps server 422 field errors to their fields, on the page that holds the first', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderSurvey(backend);
    await finishFirstPage(el);
    await type(el, 'ideas', 'A reading night');
    backend.failNext(
      new BackendError('invalid', 'Some answers need attention', 422, {
        type: PROBLEM_TYPES.validation,
        title: 'Some answers need attention',
        status: 422,
        errors: [
          { pointer: '/answers/ideas', code: 'too-long', detail: 'Use at most 10 characters.', params: { max: 10, length: 15 } },
          { pointer: '/answers/grade', code: 'invalid-option', detail: '"3-5" is not an option.' },
        ],
      }),
    );
    await clickPart(el, 'submit');
    await waitUntil(() => el.shadowRoot!.querySelector('.error-summary'), 'no error summary');
    expect(el.phase).to.equal('ready');
    // The first error in survey order is on page 1, so that is where the family is taken.
    expect(textOf($(el, '.progress-label'))).to.equal('Page 1 of 2');
    expect(descriptions(el, question(el, 'grade'))[0]).to.equal('Please choose one of the options shown.');
    expect(deepActive()).to.equal(inputsOf(el, 'grade').find((i) => i.checked));
    expect(inputsOf(el, 'grade').find((i) => i.checked)?.value).to.equal('3-5');
    // The refused entry is not left in the outbox to be re-sent as it was.
    expect(await outbox.list({ kind: 'survey-response' })).to.deep.equal([]);
    await clickPart(el, 'next');
    expect(descriptions(el, question(el, 'ideas').querySelector('textarea')!)[0]).to.equal(
      'Please use at most 10 characters (you have 15).',
    );
    expect((inputsOf(el, 'ideas')[0] as unknown as HTMLTextAreaElement).value).to.equal('A reading night');
  });
});
