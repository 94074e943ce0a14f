/** The outbox: nothing typed is lost offline, and every queued write reaches the server exactly once. */
import { expect, waitUntil } from '@open-wc/testing';
import type { ResponseReceipt, ResponseSubmission } from '@tandem/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  BackendError,
  clearAnswered,
  getAnswered,
  markAnswered,
  MemoryBackend,
  Outbox,
  OutboxController,
  type OutboxControllerOptions,
  type OutboxEntry,
} from '../src/index.js';
import { clearTandemStorage } from '../src/testing/index.js';

/** Stands in for a widget: the controller only needs these four members. */
class FakeHost implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}

const answers: ResponseSubmission = { answers: { grade: 'k', happy: 4 }, locale: 'es' };

interface Harness {
  controller: OutboxController<ResponseSubmission, ResponseReceipt>;
  sent: OutboxEntry<ResponseSubmission>[];
  failed: BackendError[];
}

const live: OutboxController<ResponseSubmission, ResponseReceipt>[] = [];

/** A controller for survey `target` on `backend`, connected like a widget on a page that just opened. */
function openWidget(
  backend: MemoryBackend,
  target = 'demo',
  extra: Partial<OutboxControllerOptions<ResponseSubmission, ResponseReceipt>> = {},
): Harness {
  const sent: OutboxEntry<ResponseSubmission>[] = [];
  const failed: BackendError[] = [];
  const controller = new OutboxController<ResponseSubmission, ResponseReceipt>(new FakeHost(), {
    kind: 'survey-response',
    target: () => target,
    backendKey: () => backend.key,
    send: (entry) => backend.submitSurveyResponse(entry.target, entry.payload, entry.id),
    onSent: (entry) => sent.push(entry),
    onFailed: (_entry, error) => failed.push(error),
    // Long enough that automatic retries never interfere unless a test asks for them.
    retryDelay: () => 60_000,
    ...extra,
  });
  controller.hostConnected();
  live.push(controller);
  return { controller, sent, failed };
}

/** What a fresh page would find in IndexedDB (a new connection, not the module's cached one). */
function storedEntries(): Promise<OutboxEntry[]> {
  return new Outbox().list({ kind: 'survey-response' });
}

describe('Outbox', () => {
  beforeEach(async () => {
    await clearTandemStorage();
  });

  afterEach(() => {
    for (const c of live.splice(0)) c.hostDisconnected();
  });

  it('sends at once when online and leaves nothing behind', async () => {
    const backend = MemoryBackend.withDemoData();
    const { controller, sent } = openWidget(backend);
    const result = await controller.enqueue(answers);
    expect(result.status).to.equal('sent');
    expect(result.status === 'sent' && result.result.responseId).to.be.a('string');
    expect(backend.responses('demo')).to.deep.equal([answers]);
    expect(await storedEntries()).to.deep.equal([]);
    expect(controller.pending).to.deep.equal([]);
    expect(sent, 'the enqueuer gets the result; onSent is for later flushes').to.deep.equal([]);
  });

  it('keeps an offline answer in IndexedDB and sends it exactly once when back online', async () => {
    const backend = MemoryBackend.withDemoData();
    const { controller, sent } = openWidget(backend);
    backend.setOffline(true);

    const result = await controller.enqueue(answers);
    expect(result.status).to.equal('queued');
    expect(result.status === 'queued' && (result.error as BackendError).kind).to.equal('offline');
    const stored = await storedEntries();
    expect(stored).to.have.length(1);
    expect(stored[0]!.payload).to.deep.equal(answers);
    expect(stored[0]!.attempts).to.equal(1);
    expect(stored[0]!.lastError?.kind).to.equal('offline');
    expect(controller.pending.map((e) => e.id)).to.deep.equal([result.entry.id]);
    expect(backend.responses('demo')).to.deep.equal([]);

    backend.setOffline(false);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => sent.length === 1, 'sent after the online event');
    expect(sent[0]!.id).to.equal(result.entry.id);
    expect(backend.responses('demo')).to.deep.equal([answers]);
    expect(await storedEntries()).to.deep.equal([]);
    await waitUntil(() => controller.pending.length === 0, 'pending cleared');

    // Another "online" and a manual flush find nothing left to send.
    window.dispatchEvent(new Event('online'));
    await controller.flush();
    expect(backend.calls.submitSurveyResponse).to.equal(2, 'one offline try, one delivery');
    expect(backend.responses('demo')).to.have.length(1);
  });

  it('survives a reload: a new page finds the stored answer and sends it', async () => {
    const backend = MemoryBackend.withDemoData();
    const first = openWidget(backend);
    backend.setOffline(true);
    const queued = await first.controller.enqueue(answers);
    expect(queued.status).to.equal('queued');
    first.controller.hostDisconnected(); // the family closes the tab

    backend.setOffline(false);
    const reopened = openWidget(backend); // ...and opens the page again later
    await waitUntil(() => reopened.sent.length === 1, 'sent on reopen');
    expect(reopened.sent[0]!.id).to.equal(queued.entry.id);
    expect(backend.responses('demo')).to.deep.equal([answers]);
    expect(await storedEntries()).to.deep.equal([]);
  });

  it('sends once when two flushes race (two widgets or tabs on the same survey)', async () => {
    const backend = MemoryBackend.withDemoData({ latencyMs: 30 });
    const a = openWidget(backend);
    backend.setOffline(true);
    await a.controller.enqueue(answers);
    const b = openWidget(backend);
    await b.controller.flush(); // let b's own on-open flush finish while still offline
    const callsBefore = backend.calls.submitSurveyResponse;

    backend.setOffline(false);
    const [ra, rb] = await Promise.all([a.controller.flush(), b.controller.flush()]);
    expect(backend.calls.submitSurveyResponse - callsBefore).to.equal(1, 'exactly one request reached the server');
    expect([...ra, ...rb].filter((r) => r.status === 'sent')).to.have.length(1);
    expect(backend.responses('demo')).to.have.length(1);
  });

  it('without Web Locks (old browsers, opaque iframes) still sends once within the page', async () => {
    Object.defineProperty(navigator, 'locks', { configurable: true, value: undefined });
    try {
      const backend = MemoryBackend.withDemoData({ latencyMs: 30 });
      const a = openWidget(backend);
      backend.setOffline(true);
      await a.controller.enqueue(answers);
      const b = openWidget(backend);
      await b.controller.flush();
      const callsBefore = backend.calls.submitSurveyResponse;
      backend.setOffline(false);
      await Promise.all([a.controller.flush(), b.controller.flush(), a.controller.flush()]);
      expect(backend.calls.submitSurveyResponse - callsBefore).to.equal(1);
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['locks'];
    }
    expect(navigator.locks).to.exist;
  });

  it('sends queued answers in the order they were given', async () => {
    const backend = MemoryBackend.withDemoData();
    const { controller } = openWidget(backend);
    backend.setOffline(true);
    const second: ResponseSubmission = { answers: { grade: '3-5', happy: 2 }, locale: 'en' };
    await controller.enqueue(answers);
    await controller.enqueue(second);
    expect(controller.pending).to.have.length(2);
    backend.setOffline(false);
    await controller.flush();
    expect(backend.responses('demo')).to.deep.equal([answers, second]);
  });

  it('retries on its own with backoff while the connection stays flaky', async () => {
    const backend = MemoryBackend.withDemoData();
    const { controller, sent } = openWidget(backend, 'demo', { retryDelay: () => 20 });
    backend.failNext(new BackendError('server', 'Bad gateway', 502), 2);
    const result = await controller.enqueue(answers);
    expect(result.status).to.equal('queued');
    await waitUntil(() => sent.length === 1, 'delivered by the retry timer');
    expect(backend.calls.submitSurveyResponse).to.equal(3);
    expect(backend.responses('demo')).to.have.length(1);
  });

  it('keeps a refused answer (survey closed) with its error and does not resend it', async () => {
    const backend = MemoryBackend.withDemoData();
    const { controller, failed } = openWidget(backend, 'closed-demo');
    const result = await controller.enqueue({ answers: { dish: 'Tamales' }, locale: 'es' });
    expect(result.status).to.equal('failed');
    expect(result.status === 'failed' && result.error.kind).to.equal('closed');
    const [kept] = await new Outbox().list({ target: 'closed-demo' });
    expect(kept?.lastError?.kind).to.equal('closed');
    expect(failed, 'the enqueuer already knows').to.deep.equal([]);

    await controller.flush();
    expect(backend.calls.submitSurveyResponse).to.equal(1, 'not resent');
    await controller.discard(result.entry.id);
    expect(controller.pending).to.deep.equal([]);
  });

  it('records field errors when the server refuses answers as invalid', async () => {
    const backend = MemoryBackend.withDemoData();
    const { controller } = openWidget(backend);
    const result = await controller.enqueue({ answers: { happy: 9 }, locale: 'en' });
    expect(result.status).to.equal('failed');
    const codes = result.entry.lastError?.fieldErrors?.map((e) => `${e.pointer} ${e.code}`);
    expect(codes).to.deep.equal(['/answers/grade required', '/answers/happy out-of-range']);
  });

  it('reports a later refusal through onFailed', async () => {
    const backend = MemoryBackend.withDemoData();
    const first = openWidget(backend);
    backend.setOffline(true);
    await first.controller.enqueue(answers);
    first.controller.hostDisconnected();
    backend.setOffline(false);
    backend.failNext(new BackendError('closed', 'Closed', 410));
    const reopened = openWidget(backend);
    await waitUntil(() => reopened.failed.length === 1, 'onFailed called');
    expect(reopened.failed[0]!.kind).to.equal('closed');
  });

  it('keeps each survey and server apart', async () => {
    const backend = MemoryBackend.withDemoData();
    const demo = openWidget(backend, 'demo');
    backend.setOffline(true);
    await demo.controller.enqueue(answers);
    backend.setOffline(false);
    const other = openWidget(backend, 'closed-demo');
    await other.controller.flush();
    expect(other.controller.pending).to.deep.equal([]);
    expect(backend.calls.submitSurveyResponse).to.equal(1, 'the other survey did not send demo answers');
  });
});

describe('answered on this device', () => {
  beforeEach(() => clearTandemStorage());

  it('remembers, reads back and forgets a survey answer record', async () => {
    const key = 'memory|survey|demo';
    expect(await getAnswered(key)).to.equal(undefined);
    await markAnswered(key, { responseId: 'r-9', at: '2026-01-02T03:04:05.000Z' });
    expect(await getAnswered(key)).to.deep.equal({ responseId: 'r-9', at: '2026-01-02T03:04:05.000Z' });
    expect(await getAnswered('memory|survey|other')).to.equal(undefined);
    await clearAnswered(key);
    expect(await getAnswered(key)).to.equal(undefined);
  });
});
