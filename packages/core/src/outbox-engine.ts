/** The send path behind OutboxController, loaded after first render: store, Web Lock, retry with backoff, exactly once. */
import type { ReactiveControllerHost } from 'lit';
import { BackendError } from './backend.js';
import { newId } from './new-id.js';
import { outbox as defaultOutbox, type Outbox, type OutboxEntry, type OutboxFilter } from './outbox.js';
import type { OutboxControllerOptions, OutboxResult } from './outbox-controller.js';

const locallyHeld = new Map<string, Promise<unknown>>();

/**
 * Runs `task` while holding the named Web Lock, so two tabs (or two widgets) never send the same
 * entry at once. Without Web Locks, serialises within this page only.
 */
async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) {
    let started = false;
    try {
      return await locks.request(name, () => {
        started = true;
        return task();
      });
    } catch (error) {
      if (started) throw error;
      // Web Locks refused (opaque-origin iframes): fall back to serialising within this page.
    }
  }
  const previous = locallyHeld.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  locallyHeld.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}

function defaultRetryDelay(attempt: number, error: BackendError | Error): number {
  if (error instanceof BackendError && error.retryAfter !== undefined) return error.retryAfter * 1000;
  const step = Math.min(2000 * 2 ** (attempt - 1), 60000);
  return step / 2 + Math.random() * (step / 2);
}

function isRetryable(error: unknown): boolean {
  // Anything that is not a classified refusal keeps the entry: losing a family's answers is worse.
  return !(error instanceof BackendError) || error.retryable;
}

/** What OutboxController does once loaded; the controller forwards to it. */
export class OutboxEngine<P = unknown, R = unknown> {
  /** Entries for this kind/target/backend still on the device, oldest first (failed ones carry lastError). */
  pending: OutboxEntry<P>[] = [];

  readonly #store: Outbox;
  readonly #awaited = new Map<string, OutboxResult<P, R> | undefined>();
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #consecutiveFailures = 0;
  #connected = false;

  readonly #host: ReactiveControllerHost;
  readonly #options: OutboxControllerOptions<P, R>;

  constructor(host: ReactiveControllerHost, options: OutboxControllerOptions<P, R>) {
    this.#host = host;
    this.#options = options;
    this.#store = options.outbox ?? defaultOutbox;
  }

  hostConnected(): void {
    if (this.#connected) return;
    this.#connected = true;
    window.addEventListener('online', this.#onOnline);
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#flushInBackground();
  }

  hostDisconnected(): void {
    this.#connected = false;
    window.removeEventListener('online', this.#onOnline);
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  /** Stores the write on the device first (so nothing is lost), then tries to send it. */
  async enqueue(payload: P): Promise<OutboxResult<P, R>> {
    const where = this.#filter();
    if (!where.target || !where.backendKey) {
      // Stored under an empty key the write could never be matched to a flush again.
      throw new Error('OutboxController.enqueue() needs a target and a backend');
    }
    const entry: OutboxEntry<P> = {
      id: newId(),
      ...where,
      payload,
      createdAt: new Date().toISOString(),
      attempts: 0,
    };
    // Registered before storing: a flush already under way may pick the entry up and must not
    // report it through onSent/onFailed, since this caller gets the outcome.
    this.#awaited.set(entry.id, undefined);
    try {
      await this.#store.add(entry);
      const results = await this.flush();
      const outcome = this.#awaited.get(entry.id) ?? results.find((r) => r.entry.id === entry.id);
      if (outcome) return outcome;
      const stored = await this.#store.get<P>(entry.id);
      // Gone without our doing: another tab sent it under the lock.
      if (!stored) return { status: 'sent', entry, result: undefined as R };
      const blocker = results.find((r) => r.status === 'queued');
      return {
        status: 'queued',
        entry: stored,
        error: blocker && blocker.status === 'queued' ? blocker.error : new BackendError('offline', 'Not sent yet'),
      };
    } finally {
      this.#awaited.delete(entry.id);
    }
  }

  /** Sends every pending entry for this kind/target/backend, oldest first, one at a time. */
  async flush(): Promise<OutboxResult<P, R>[]> {
    const filter = this.#filter();
    if (!filter.target || !filter.backendKey) return [];
    const results = await withLock(`tandem-outbox:${filter.kind}|${filter.backendKey}|${filter.target}`, () => this.#sendAll(filter));
    await this.#refresh(filter);
    return results;
  }

  /** Forgets an entry (for example one the family chose to discard after a refusal). */
  async discard(id: string): Promise<void> {
    await this.#store.remove(id);
    await this.#refresh();
  }

  async #sendAll(filter: OutboxFilter): Promise<OutboxResult<P, R>[]> {
    // Read inside the lock: whatever another holder already sent is gone from the store by now.
    const entries = await this.#store.list<P>(filter);
    const results: OutboxResult<P, R>[] = [];
    for (const entry of entries) {
      if (!isRetryableKind(entry)) continue;
      // Already tried for a pending enqueue() by an earlier flush: one attempt per enqueue is enough.
      if (this.#awaited.get(entry.id)) continue;
      let outcome: OutboxResult<P, R>;
      try {
        const result = await this.#options.send(entry);
        await this.#store.remove(entry.id);
        this.#consecutiveFailures = 0;
        outcome = { status: 'sent', entry, result };
      } catch (caught) {
        const error = caught instanceof Error ? caught : new Error(String(caught));
        entry.attempts += 1;
        entry.lastError = {
          kind: error instanceof BackendError ? error.kind : 'offline',
          message: error.message,
          ...(error instanceof BackendError && error.fieldErrors.length ? { fieldErrors: error.fieldErrors } : {}),
        };
        await this.#store.update(entry);
        if (isRetryable(error)) {
          this.#consecutiveFailures += 1;
          this.#scheduleRetry(error);
          outcome = { status: 'queued', entry, error };
        } else {
          outcome = { status: 'failed', entry, error: error as BackendError };
        }
      }
      results.push(outcome);
      this.#report(outcome);
      // Order matters and the connection is the likely culprit: later entries wait for the next flush.
      if (outcome.status === 'queued') break;
    }
    return results;
  }

  #report(outcome: OutboxResult<P, R>): void {
    if (this.#awaited.has(outcome.entry.id)) {
      // enqueue() hands this outcome to its caller; callbacks are for writes nobody is awaiting.
      this.#awaited.set(outcome.entry.id, outcome);
      return;
    }
    try {
      if (outcome.status === 'sent') this.#options.onSent?.(outcome.entry, outcome.result);
      if (outcome.status === 'failed') this.#options.onFailed?.(outcome.entry, outcome.error);
    } catch (error) {
      console.error('Tandem: outbox callback failed', error);
    }
  }

  #scheduleRetry(error: BackendError | Error): void {
    if (!this.#connected) return;
    clearTimeout(this.#retryTimer);
    const delay = (this.#options.retryDelay ?? defaultRetryDelay)(this.#consecutiveFailures, error);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.#flushInBackground();
    }, delay);
  }

  /** This controller's entries: its kind, the current target and the current backend. */
  #filter(): Required<OutboxFilter> {
    return { kind: this.#options.kind, target: this.#options.target(), backendKey: this.#options.backendKey() };
  }

  async #refresh(filter?: OutboxFilter): Promise<void> {
    const f = filter ?? this.#filter();
    this.pending = f.target && f.backendKey ? await this.#store.list<P>(f) : [];
    this.#host.requestUpdate();
  }

  #flushInBackground(): void {
    this.flush().catch((error: unknown) => console.error('Tandem: could not send queued answers', error));
  }

  readonly #onOnline = () => this.#flushInBackground();

  readonly #onVisible = () => {
    if (document.visibilityState === 'visible' && this.pending.some(isRetryableKind)) {
      this.#flushInBackground();
    }
  };
}

function isRetryableKind(entry: OutboxEntry<unknown>): boolean {
  return !entry.lastError || new BackendError(entry.lastError.kind, '').retryable;
}
