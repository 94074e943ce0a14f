/** <tandem-survey> by keyboard alone: the whole demo survey with Tab, Space, arrow keys, typing and Enter. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryBackend } from '@tandem/core';
import type { TandemSurvey } from '../src/survey.js';
import { $, deepActive, inputsOf, resetDevice, textOf } from './helpers.js';

const press = (key: string) => sendKeys({ press: key });

describe('<tandem-survey> keyboard', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('a family can complete and send the whole demo survey without a mouse', async () => {
    const backend = MemoryBackend.withDemoData();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">Before the survey</button>
        <tandem-survey .backend=${backend} survey="demo" lang="en"></tandem-survey>
      </div>`,
    );
    const el = wrapper.querySelector<TandemSurvey>('tandem-survey')!;
    await waitUntil(() => el.phase === 'ready');
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const focused = () => deepActive();
    const isAnswer = (id: string, value?: string) => {
      const active = focused() as HTMLInputElement | null;
      return active?.dataset.answerFor === id && (value === undefined || active.value === value);
    };

    // Language first, so a family can switch before reading on.
    await press('Tab');
    expect(focused()?.localName).to.equal('select');
    await press('Tab');
    expect(focused()?.closest('.bilingual-toggle')).to.not.equal(null);

    // Page 1: a radio group (Space, then arrows), a rating (arrows), yes/no.
    await press('Tab');
    expect(isAnswer('grade', 'k')).to.equal(true);
    await press('Space');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(inputsOf(el, 'grade').find((i) => i.checked)?.value).to.equal('3-5');
    await press('Tab');
    expect(isAnswer('happy', '1')).to.equal(true);
    await press('Space');
    for (let i = 0; i < 3; i++) await press('ArrowRight');
    expect(inputsOf(el, 'happy').find((i) => i.checked)?.value).to.equal('4');
    await press('Tab');
    expect(isAnswer('homework-help', 'true')).to.equal(true);
    await press('Space');
    await press('Tab');
    expect(focused()?.getAttribute('part')).to.equal('next');
    await press('Enter');
    await el.updateComplete;

    // Page 2: focus went to the page heading; progress says where we are.
    expect(focused()).to.equal($(el, '#page-heading'));
    expect(textOf($(el, '.progress-label'))).to.equal('Page 2 of 2');
    await press('Tab');
    expect(isAnswer('contact', 'text')).to.equal(true);
    await press('Space');
    await press('Tab');
    await press('Tab');
    expect(isAnswer('contact', 'email')).to.equal(true);
    await press('Space');
    await press('Tab');
    await press('Tab');
    expect(isAnswer('language')).to.equal(true);
    await sendKeys({ type: 'Hmong' });
    await press('Tab');
    expect(isAnswer('ideas')).to.equal(true);
    await sendKeys({ type: 'Evening meetings' });
    await press('Tab');
    expect(isAnswer('events', '1')).to.equal(true);
    await press('Space');
    for (let i = 0; i < 6; i++) await press('ArrowRight');
    await press('Tab');
    expect(focused()?.getAttribute('part')).to.equal('back');
    await press('Tab');
    expect(focused()?.getAttribute('part')).to.equal('submit');
    await press('Enter');

    await waitUntil(() => el.phase === 'thanks', 'never thanked');
    await el.updateComplete;
    expect(focused()).to.equal($(el, '#state-heading'));
    expect(backend.responses('demo')).to.deep.equal([
      {
        answers: {
          grade: '3-5',
          happy: 4,
          'homework-help': true,
          contact: ['text', 'email'],
          language: 'Hmong',
          ideas: 'Evening meetings',
          events: 7,
        },
        locale: 'en',
      },
    ]);
  });

  it('Enter in a text field moves to the next step like the button does', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await fixture<TandemSurvey>(html`<tandem-survey .backend=${backend} survey="demo" lang="en"></tandem-survey>`);
    await waitUntil(() => el.phase === 'ready');
    inputsOf(el, 'grade')[0]!.click();
    inputsOf(el, 'happy')[2]!.click();
    $<HTMLButtonElement>(el, '[part~="next"]').click();
    await el.updateComplete;
    inputsOf(el, 'language')[0]!.focus();
    await sendKeys({ type: 'Spanish' });
    await press('Enter');
    await waitUntil(() => el.phase === 'thanks', 'Enter did not send');
    expect(backend.responses('demo')[0]!.answers.language).to.equal('Spanish');
  });
});
