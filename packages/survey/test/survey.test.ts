/** <tandem-survey>: loading, the states a family can meet, submitting, thanks and "already answered". */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { BackendError, MemoryBackend } from '@tandem/core';
import type { PublicSurvey } from '@tandem/protocol';
import type { TandemSurvey } from '../src/survey.js';
import { $, $$, choose, clickPart, deepActive, finishFirstPage, renderSurvey, resetDevice, textOf, type, waitForPhase } from './helpers.js';

const oneSection: PublicSurvey = {
  id: 'one-page',
  title: { en: 'Quick question' },
  defaultLocale: 'en',
  locales: ['en'],
  status: 'published',
  school: { id: 'lincoln', name: 'Lincoln Elementary' },
  sections: [{ id: 's', questions: [{ id: 'ok', type: 'yes-no', required: true, prompt: { en: 'Is the new pickup time OK?' } }] }],
};

describe('<tandem-survey>', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('shows a busy skeleton that reserves space while the survey loads', async () => {
    const backend = MemoryBackend.withDemoData({ latencyMs: 300 });
    const el = await fixture<TandemSurvey>(html`<tandem-survey .backend=${backend} survey="demo" lang="en"></tandem-survey>`);
    expect(el.phase).to.equal('loading');
    const body = $(el, '[part~="body"]');
    expect(body.getAttribute('aria-busy')).to.equal('true');
    expect(body.getBoundingClientRect().height).to.be.at.least(300);
    expect(textOf($(el, '[role="status"]'))).to.equal('Loading the survey…');
    await waitForPhase(el, 'ready');
    expect($(el, '[part~="body"]').hasAttribute('aria-busy')).to.equal(false);
    expect(textOf($(el, 'h2'))).to.equal('Family feedback: how is the school year going?');
  });

  it('renders every question type of the demo with real labels and required markers', async () => {
    const el = await renderSurvey(MemoryBackend.withDemoData());
    const grade = $(el, 'fieldset[data-question="grade"]');
    expect(textOf(grade.querySelector('legend')!)).to.equal('What grade is your child in? (required)');
    expect($$(el, 'input[type="radio"][data-answer-for="grade"]')).to.have.length(3);
    expect($$(el, 'input[type="radio"][data-answer-for="happy"]')).to.have.length(5);
    // The rating's labelled ends are visible and describe the end points.
    const happy = $$<HTMLInputElement>(el, '[data-answer-for="happy"]');
    const low = el.shadowRoot!.getElementById(happy[0]!.getAttribute('aria-describedby')!)!;
    const high = el.shadowRoot!.getElementById(happy[4]!.getAttribute('aria-describedby')!)!;
    expect(textOf(low)).to.equal('1 Not happy');
    expect(textOf(high)).to.equal('5 Very happy');
    // Help text is tied to its question.
    const homework = $(el, 'fieldset[data-question="homework-help"]');
    const help = el.shadowRoot!.getElementById(homework.getAttribute('aria-describedby')!)!;
    expect(textOf(help)).to.equal('We run a free homework club on Tuesdays.');
    expect($$(el, '[data-answer-for="homework-help"]').map((i) => (i.closest('label') as HTMLElement).innerText.trim())).to.deep.equal([
      'Yes',
      'No',
    ]);
    await finishFirstPage(el);
    expect($$(el, 'input[type="checkbox"][data-answer-for="contact"]')).to.have.length(4);
    expect($<HTMLInputElement>(el, 'input[type="text"][data-answer-for="language"]').labels![0]!.textContent!.trim()).to.equal(
      'Which language do you prefer at meetings?',
    );
    expect($<HTMLTextAreaElement>(el, 'textarea[data-answer-for="ideas"]').labels).to.have.length(1);
    expect($$(el, '[data-answer-for="events"]')).to.have.length(10);
  });

  it('rating targets are at least 44px and wrap on a 360px phone', async () => {
    const el = await renderSurvey(MemoryBackend.withDemoData());
    el.style.width = '328px';
    await finishFirstPage(el);
    const points = $$(el, '.scale-point').filter((p) => p.querySelector('[data-answer-for="events"]'));
    for (const point of points) {
      const box = point.getBoundingClientRect();
      expect(box.width).to.be.at.least(44);
      expect(box.height).to.be.at.least(44);
      expect(box.right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
    const rows = new Set(points.map((p) => Math.round(p.getBoundingClientRect().top)));
    expect(rows.size).to.be.greaterThan(1);
  });

  it('a closed survey says in full that it no longer accepts answers', async () => {
    const backend = MemoryBackend.withDemoData();
    backend.addSurvey({ ...oneSection, status: 'closed' });
    const el = await renderSurvey(backend, { survey: 'one-page' });
    expect(el.phase).to.equal('closed');
    expect(textOf($(el, 'tandem-status'))).to.equal('This survey no longer accepts answers. Thank you for your interest.');
  });

  it('says "only one answer" rather than "up to 1 answers" when one box may be ticked', async () => {
    const backend = MemoryBackend.withDemoData();
    backend.addSurvey({
      ...oneSection,
      sections: [
        {
          id: 's',
          questions: [
            {
              id: 'day',
              type: 'multiple-choice',
              required: false,
              maxSelected: 1,
              prompt: { en: 'Which day suits you?' },
              options: [
                { id: 'mon', label: { en: 'Monday' } },
                { id: 'tue', label: { en: 'Tuesday' } },
              ],
            },
          ],
        },
      ],
    });
    const el = await renderSurvey(backend, { survey: 'one-page' });
    expect(textOf($(el, '[data-question="day"] .hint'))).to.equal('You can choose only one answer.');
  });

  it('submits once, says thank you with focus on the heading, and reports the response id', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderSurvey(backend);
    await finishFirstPage(el);
    await choose(el, 'contact', 'email');
    await type(el, 'language', 'Hmong');
    const submitted = oneEvent(el, 'tandem-submitted');
    $<HTMLButtonElement>(el, '[part~="submit"]').focus();
    await clickPart(el, 'submit');
    const event = await submitted;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.responseId).to.be.a('string').and.not.empty;
    expect(event.detail.surveyId).to.equal('demo');
    await waitForPhase(el, 'thanks');
    expect(textOf($(el, '#state-heading'))).to.equal('Thank you!');
    expect(deepActive()).to.equal($(el, '#state-heading'));
    const responses = backend.responses('demo');
    expect(responses).to.have.length(1);
    expect(responses[0]).to.deep.equal({ answers: { grade: '3-5', happy: 4, contact: ['email'], language: 'Hmong' }, locale: 'en' });
    expect(localStorage.length === 0 || !Object.keys(localStorage).some((k) => k.startsWith('tandem:survey-draft:'))).to.equal(true);
  });

  it('sends the identity-token when one is given, and is anonymous otherwise', async () => {
    const backend = MemoryBackend.withDemoData();
    backend.addSurvey(oneSection);
    const anonymous = await renderSurvey(backend, { survey: 'one-page' });
    expect(textOf($(anonymous, '.privacy-note'))).to.equal('Your name is not attached to your answers.');
    anonymous.remove();
    await resetDevice();
    const el = await renderSurvey(backend, { survey: 'one-page', identityToken: 'signed.jwt.token' });
    expect(el.shadowRoot!.querySelector('.privacy-note')).to.equal(null);
    await choose(el, 'ok', 'true');
    await clickPart(el, 'submit');
    await waitForPhase(el, 'thanks');
    expect(backend.responses('one-page')[0]).to.deep.equal({ answers: { ok: true }, locale: 'en', identityToken: 'signed.jwt.token' });
  });

  it('a single-section survey shows Send straight away, without progress or Next', async () => {
    const backend = new MemoryBackend();
    backend.addSurvey(oneSection);
    const el = await renderSurvey(backend, { survey: 'one-page' });
    expect(el.shadowRoot!.querySelector('[part~="progress"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="next"]')).to.equal(null);
    expect(textOf($(el, '[part~="submit"]'))).to.equal('Send answers');
  });

  it('a new element on the same device says the survey was already answered and offers nothing to resend', async () => {
    const backend = MemoryBackend.withDemoData();
    const first = await renderSurvey(backend);
    await finishFirstPage(first);
    const submitted = oneEvent(first, 'tandem-submitted');
    await clickPart(first, 'submit');
    await submitted;
    first.remove();
    const again = await renderSurvey(backend);
    expect(again.phase).to.equal('answered');
    expect(textOf($(again, '#state-heading'))).to.equal('You have already answered this survey');
    expect(again.shadowRoot!.querySelector('form, [part~="submit"]')).to.equal(null);
    expect(backend.responses('demo')).to.have.length(1);
  });

  it('a closed survey keeps its title readable and says it is closed', async () => {
    const el = await renderSurvey(MemoryBackend.withDemoData(), { survey: 'closed-demo' });
    expect(el.phase).to.equal('closed');
    expect(textOf($(el, 'h2'))).to.equal('Fall picnic: what should we bring?');
    expect(textOf($(el, '#state-heading'))).to.equal('This survey is closed');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('an unknown survey says it was not found and fires tandem-error', async () => {
    const errors: CustomEvent[] = [];
    const listen = (e: Event) => errors.push(e as CustomEvent);
    document.addEventListener('tandem-error', listen);
    try {
      const el = await renderSurvey(MemoryBackend.withDemoData(), { survey: 'nope' });
      expect(el.phase).to.equal('not-found');
      expect(textOf($(el, '#state-heading'))).to.equal('We could not find this survey');
      expect(errors).to.have.length(1);
      expect((errors[0]!.detail.error as BackendError).kind).to.equal('not-found');
      expect(errors[0]!.detail.message).to.be.a('string').and.not.empty;
    } finally {
      document.removeEventListener('tandem-error', listen);
    }
  });

  it('with no backend configured it says so clearly instead of throwing', async () => {
    const el = await fixture<TandemSurvey>(html`<tandem-survey survey="demo" lang="en"></tandem-survey>`);
    await waitForPhase(el, 'no-backend');
    expect(textOf($(el, '#state-heading'))).to.equal('This survey is not ready yet');
    expect(textOf($(el, 'tandem-status'))).to.contain('not connected to a school server');
    expect(textOf($(el, 'tandem-status'))).to.contain('Please try again later, or contact the school.');
  });

  it('a failed load offers Try again, which loads the survey', async () => {
    const backend = MemoryBackend.withDemoData();
    backend.failNext(new BackendError('server', 'boom', 503));
    const el = await renderSurvey(backend);
    expect(el.phase).to.equal('load-error');
    expect(textOf($(el, 'tandem-status'))).to.contain('Something went wrong at the school server');
    await clickPart(el, 'action');
    await waitForPhase(el, 'ready');
    expect($$(el, '[part~="question"]')).to.have.length(3);
  });

  it('keeps typed answers on the device across a reload until they are sent', async () => {
    const backend = MemoryBackend.withDemoData();
    const first = await renderSurvey(backend);
    await finishFirstPage(first);
    await type(first, 'ideas', 'More evening meetings, please.');
    first.remove();
    const reloaded = await renderSurvey(backend);
    // The family comes back to the page they were on, with what they typed.
    expect(($(reloaded, '[data-answer-for="ideas"]') as HTMLTextAreaElement).value).to.equal('More evening meetings, please.');
    await clickPart(reloaded, 'back');
    expect($$<HTMLInputElement>(reloaded, '[data-answer-for="grade"]').find((i) => i.checked)?.value).to.equal('3-5');
    await clickPart(reloaded, 'next');
    await clickPart(reloaded, 'submit');
    await waitForPhase(reloaded, 'thanks');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('tandem:survey-draft:'))).to.deep.equal([]);
  });

  it('a survey closed while the family answered shows the closed state after Send', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderSurvey(backend);
    await finishFirstPage(el);
    backend.failNext(new BackendError('closed', 'closed', 410));
    const failed = oneEvent(el, 'tandem-error');
    await clickPart(el, 'submit');
    expect((await failed).detail.error).to.be.instanceOf(BackendError);
    await waitForPhase(el, 'closed');
    expect(backend.responses('demo')).to.have.length(0);
  });

  it('shows the form again with a message when sending is refused for another reason', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderSurvey(backend);
    await finishFirstPage(el);
    await type(el, 'language', 'Somali');
    backend.failNext(new BackendError('unauthorized', 'bad token', 401));
    await clickPart(el, 'submit');
    await waitUntil(() => el.shadowRoot!.querySelector('tandem-status.notice'), 'no notice');
    expect(el.phase).to.equal('ready');
    expect(textOf($(el, 'tandem-status.notice'))).to.contain('You do not have access');
    expect(($(el, '[data-answer-for="language"]') as HTMLInputElement).value).to.equal('Somali');
  });
});

describe('<tandem-survey> inside a hostile page theme', () => {
  let theme: HTMLStyleElement;
  beforeEach(async () => {
    await resetDevice();
    theme = document.createElement('style');
    theme.textContent = `html { font-size: 6px !important; } * { text-transform: uppercase !important; letter-spacing: 3px !important; }
      body { font-size: 0.5rem; line-height: 0.8; } button, input { all: unset; }`;
    document.head.append(theme);
  });
  afterEach(async () => {
    theme.remove();
    await resetDevice();
  });

  it('keeps readable text and 44px targets', async () => {
    const el = await renderSurvey(MemoryBackend.withDemoData());
    const title = getComputedStyle($(el, 'h2'));
    expect(title.textTransform).to.equal('none');
    expect(title.letterSpacing).to.equal('normal');
    expect(parseFloat(title.fontSize)).to.be.at.least(20);
    expect(parseFloat(getComputedStyle($(el, '.prompt')).fontSize)).to.be.at.least(16);
    const next = $(el, '[part~="next"]').getBoundingClientRect();
    expect(next.height).to.be.at.least(44);
    expect(textOf($(el, '[part~="next"]'))).to.equal('Next');
  });
});
