/** <tandem-survey> offline: answers are kept on the device, said to be waiting, and sent exactly once later. */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryBackend, outbox } from '@tandem/core';
import type { TandemSurvey } from '../src/survey.js';
import { $, clickPart, finishFirstPage, renderSurvey, resetDevice, textOf, type, waitForPhase } from './helpers.js';

/** Answers the demo offline and presses Send; returns the queued element. */
async function answerOffline(backend: MemoryBackend): Promise<TandemSurvey> {
  const el = await renderSurvey(backend);
  backend.setOffline(true);
  await finishFirstPage(el);
  await type(el, 'ideas', 'Sent from the bus');
  await clickPart(el, 'submit');
  await waitForPhase(el, 'queued');
  return el;
}

function goOnline(backend: MemoryBackend): void {
  backend.setOffline(false);
  window.dispatchEvent(new Event('online'));
}

describe('<tandem-survey> outbox', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('offline: says the answers are saved on the device, then sends them once when back online', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await answerOffline(backend);
    expect(textOf($(el, 'tandem-status'))).to.contain('Saved on this device');
    expect(textOf($(el, '#state-heading'))).to.equal('Your answers are saved');
    expect(await outbox.list({ kind: 'survey-response', target: 'demo' })).to.have.length(1);
    expect(backend.responses('demo')).to.have.length(0);

    const submitted = oneEvent(el, 'tandem-submitted');
    goOnline(backend);
    expect((await submitted).detail.surveyId).to.equal('demo');
    await waitForPhase(el, 'thanks');
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.responses('demo')).to.have.length(1);
    expect(backend.responses('demo')[0]!.answers.ideas).to.equal('Sent from the bus');
    expect(await outbox.list({ kind: 'survey-response' })).to.deep.equal([]);
  });

  it('after the page was closed offline, reopening shows the waiting state and sends once online', async () => {
    const backend = MemoryBackend.withDemoData();
    (await answerOffline(backend)).remove();
    const reopened = await renderSurvey(backend);
    expect(reopened.phase).to.equal('queued');
    expect(textOf($(reopened, 'tandem-status'))).to.contain('Saved on this device');
    goOnline(backend);
    await waitForPhase(reopened, 'thanks');
    expect(backend.responses('demo')).to.have.length(1);
  });

  it('after the page was closed offline, reopening online sends the answers exactly once and thanks', async () => {
    const backend = MemoryBackend.withDemoData();
    (await answerOffline(backend)).remove();
    backend.setOffline(false);
    const seen: CustomEvent[] = [];
    const listen = (e: Event) => seen.push(e as CustomEvent);
    document.addEventListener('tandem-submitted', listen);
    try {
      const reopened = await fixture<TandemSurvey>(html`<tandem-survey .backend=${backend} survey="demo" lang="en"></tandem-survey>`);
      await waitForPhase(reopened, 'thanks');
      await new Promise((r) => setTimeout(r, 50));
      expect(seen).to.have.length(1);
      expect(backend.responses('demo')).to.have.length(1);
      expect(backend.calls.submitSurveyResponse).to.equal(2); // the offline try, then the one that stored it
      reopened.remove();
      const later = await renderSurvey(backend);
      expect(later.phase).to.equal('answered');
    } finally {
      document.removeEventListener('tandem-submitted', listen);
    }
  });

  it('two widgets for the same survey send the waiting answers once and both stop waiting', async () => {
    const backend = MemoryBackend.withDemoData();
    const first = await answerOffline(backend);
    const second = await renderSurvey(backend);
    expect(second.phase).to.equal('queued');
    goOnline(backend);
    await waitForPhase(first, 'thanks');
    await waitForPhase(second, 'thanks');
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.responses('demo')).to.have.length(1);
  });

  it('Send now retries the waiting answers on request', async () => {
    const backend = MemoryBackend.withDemoData();
    const el = await answerOffline(backend);
    backend.setOffline(false);
    await clickPart(el, 'action');
    await waitUntil(() => el.phase === 'thanks', 'Send now did not send');
    expect(backend.responses('demo')).to.have.length(1);
  });
});
