/** "Was this helpful?": sent through the outbox (exactly once, even offline), remembered on the device, comments validated. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { BackendError, MemoryBackend, outbox } from '@tandem/core';
import { sendKeys } from '@web/test-runner-commands';
import '../src/tandem-resource-card.js';
import type { TandemResourceCard } from '../src/resource-card.js';
import type { TandemFeedbackSentEvent } from '../src/resource.events.js';
import { $, deepActive, resetDevice, textOf, waitForPhase } from './helpers.js';

async function renderCard(backend: MemoryBackend, lang = 'en') {
  const el = await fixture<TandemResourceCard>(
    html`<tandem-resource-card .backend=${backend} resource="demo-food-shelf" lang=${lang}></tandem-resource-card>`,
  );
  await waitForPhase(el, 'ready');
  return el;
}

async function click(el: TandemResourceCard, part: string): Promise<void> {
  $<HTMLButtonElement>(el, `[part~="${part}"]`).click();
  await el.updateComplete;
}

async function typeComment(el: TandemResourceCard, text: string): Promise<void> {
  const field = $<HTMLTextAreaElement>(el, '#comment');
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function goOnline(backend: MemoryBackend): void {
  backend.setOffline(false);
  window.dispatchEvent(new Event('online'));
}

describe('<tandem-resource-card> feedback', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('"Yes" reaches the school once, thanks the family, and is remembered on this device', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderCard(backend);
    const sent = oneEvent(el, 'tandem-feedback-sent') as Promise<TandemFeedbackSentEvent>;
    await click(el, 'feedback-yes');
    const event = await sent;
    expect(event.detail).to.include({ resourceId: 'demo-food-shelf', helpful: true });
    expect(event.detail.feedbackId).to.be.a('string');
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => el.feedback === 'thanks');
    await el.updateComplete;
    expect(textOf($(el, '[part~="feedback"]'))).to.contain('Thank you!');
    expect(backend.resources.feedbackFor('demo-food-shelf')).to.deep.equal([{ helpful: true, locale: 'en' }]);

    el.remove();
    const again = await renderCard(backend);
    expect(again.feedback).to.equal('given');
    expect(textOf($(again, '[part~="feedback"]'))).to.contain('You already told us about this resource');
    expect(again.shadowRoot!.querySelector('[part~="feedback-yes"]')).to.equal(null);
  });

  it('pressing "Yes" by keyboard leaves the focus on the thank-you, not lost on the page', async () => {
    const backend = MemoryBackend.withDemoData({ latencyMs: 30 });
    const el = await renderCard(backend);
    $<HTMLButtonElement>(el, '[part~="feedback-yes"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.feedback === 'thanks');
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-feedback')).to.equal('outcome');
  });

  it('"No" asks for an optional comment by keyboard, and sends it in the family’s language', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderCard(backend, 'es');
    $<HTMLButtonElement>(el, '[part~="feedback-no"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActive()?.id, 'focus moves to the comment box').to.equal('comment');
    await sendKeys({ type: 'Cerrado el martes' });
    const sent = oneEvent(el, 'tandem-feedback-sent');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect((await sent).detail.helpful).to.equal(false);
    expect(backend.resources.feedbackFor('demo-food-shelf')).to.deep.equal([
      { helpful: false, locale: 'es', comment: 'Cerrado el martes' },
    ]);
  });

  it('offline: says it is saved on the device, then sends exactly once when back online', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderCard(backend);
    backend.setOffline(true);
    await click(el, 'feedback-no');
    await typeComment(el, 'The phone number is wrong');
    await click(el, 'feedback-send');
    await waitUntil(() => el.feedback === 'queued', `still ${el.feedback}`);
    await el.updateComplete;
    expect(textOf($(el, '[part~="feedback"]'))).to.contain('Saved on this device');
    expect(await outbox.list({ kind: 'resource-feedback', target: 'demo-food-shelf' })).to.have.length(1);
    expect(backend.resources.feedbackFor('demo-food-shelf')).to.deep.equal([]);

    const seen: Event[] = [];
    el.addEventListener('tandem-feedback-sent', (e) => seen.push(e));
    goOnline(backend);
    await waitUntil(() => el.feedback === 'thanks', `still ${el.feedback}`);
    // A second "online" (and a reopened card) must not send it again.
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).to.have.length(1);
    expect(backend.resources.feedbackFor('demo-food-shelf')).to.deep.equal([
      { helpful: false, locale: 'en', comment: 'The phone number is wrong' },
    ]);
    expect(await outbox.list({ kind: 'resource-feedback' })).to.deep.equal([]);
    el.remove();
    expect((await renderCard(backend)).feedback).to.equal('given');
  });

  it('reopened online after the page was closed offline: sent exactly once, then thanks', async () => {
    const backend = MemoryBackend.withDemoData();
    const first = await renderCard(backend);
    backend.setOffline(true);
    await click(first, 'feedback-yes');
    await waitUntil(() => first.feedback === 'queued');
    first.remove();
    backend.setOffline(false);
    const seen: Event[] = [];
    const listen = (e: Event) => seen.push(e);
    document.addEventListener('tandem-feedback-sent', listen);
    try {
      const reopened = await renderCard(backend);
      await waitUntil(() => reopened.feedback === 'thanks', `still ${reopened.feedback}`);
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).to.have.length(1);
      expect(backend.resources.feedbackFor('demo-food-shelf')).to.deep.equal([{ helpful: true, locale: 'en' }]);
      expect(backend.calls.submitResourceFeedback).to.equal(2); // the offline try, then the one that stored it
    } finally {
      document.removeEventListener('tandem-feedback-sent', listen);
    }
  });

  it('refuses a too-long comment with a localized message, keeps the text, and sends nothing', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderCard(backend, 'es');
    await click(el, 'feedback-no');
    const long = 'a'.repeat(1001);
    await typeComment(el, long);
    await click(el, 'feedback-send');
    const field = $<HTMLTextAreaElement>(el, '#comment');
    expect(field.value).to.equal(long);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal('comment-error');
    const error = textOf($(el, '#comment-error'));
    expect(error).to.contain('1000').and.contain('1001');
    expect(error).not.to.contain('Please');
    expect(deepActive()).to.equal(field);
    expect(backend.calls.submitResourceFeedback).to.equal(0);

    // Shortened: the message goes away and the comment is sent.
    await typeComment(el, 'a'.repeat(1000));
    expect(el.shadowRoot!.querySelector('#comment-error')).to.equal(null);
    await click(el, 'feedback-send');
    await waitUntil(() => el.feedback === 'thanks');
    expect(backend.resources.feedbackFor('demo-food-shelf')).to.have.length(1);
  });

  it('a refusal from the server puts its message under the comment, keeps the text, and raises tandem-error', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await renderCard(backend);
    await click(el, 'feedback-no');
    await typeComment(el, 'Too many words, says the server');
    backend.failNext(
      new BackendError('invalid', 'Some answers need attention', 422, {
        type: 'about:blank',
        title: 'Some answers need attention',
        status: 422,
        errors: [{ pointer: '/comment', code: 'too-long', detail: 'Use at most 10 characters.', params: { max: 10 } }],
      }),
    );
    const failed = oneEvent(el, 'tandem-error');
    await click(el, 'feedback-send');
    expect((await failed).detail.message)
      .to.be.a('string')
      .and.not.equal('');
    await waitUntil(() => el.feedback === 'comment');
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#comment').value).to.equal('Too many words, says the server');
    expect(textOf($(el, '#comment-error'))).to.equal('Please use at most 10 characters.');
    expect(await outbox.list({ kind: 'resource-feedback' }), 'a refused answer does not wait in the outbox').to.deep.equal([]);
  });
});
