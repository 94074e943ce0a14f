/** Sends a widget's queued writes: store first, send under a Web Lock, retry with backoff, exactly once. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BackendError } from './backend.js';
import type { OutboxEngine } from './outbox-engine.js';
import type { Outbox, OutboxEntry } from './outbox.js';

export type OutboxResult<P = unknown, R = unknown> =
  | { status: 'sent'; entry: OutboxEntry<P>; result: R }
  | { status: 'queued'; entry: OutboxEntry<P>; error: BackendError | Error }
  | { status: 'failed'; entry: OutboxEntry<P>; error: BackendError };

export interface OutboxControllerOptions<P = unknown, R = unknown> {
  /** What sort of write, e.g. `survey-response`. */
  kind: string;
  /** The item written to (e.g. the survey id); empty means "not known yet", nothing is sent. */
  target: () => string;
  /** Which server; see `backendKeyOf`. Empty means no backend, nothing is sent. */
  backendKey: () => string;
  /** Performs the write. Must pass `entry.id` as the Idempotency-Key. */
  send: (entry: OutboxEntry<P>) => Promise<R>;
  /** A write queued earlier (offline, or before the page was closed) went through. */
  onSent?: (entry: OutboxEntry<P>, result: R) => void;
  /** A write queued earlier was refused for good (closed survey, invalid answers). */
  onFailed?: (entry: OutboxEntry<P>, error: BackendError) => void;
  /** Defaults to the page's outbox; tests may pass their own. */
  outbox?: Outbox;
  /** Wait before the n-th automatic retry (n from 1). Default: 2 s doubling to 60 s, with jitter. */
  retryDelay?: (attempt: number, error: BackendError | Error) => number;
}

/**
 * The widget-facing half. The send path (outbox-engine.ts, IndexedDB) is fetched when the host connects,
 * after its first render has been scheduled, so a widget's first paint does not wait for code it needs
 * only to send or resend. Pending entries are still looked for at once on connect, as before.
 */
export class OutboxController<P = unknown, R = unknown> implements ReactiveController {
  #engine: Promise<OutboxEngine<P, R>> | undefined;
  #loaded: OutboxEngine<P, R> | undefined;
  #connected = false;
  readonly #nothingYet: OutboxEntry<P>[] = [];

  readonly #host: ReactiveControllerHost;
  readonly #options: OutboxControllerOptions<P, R>;

  constructor(host: ReactiveControllerHost, options: OutboxControllerOptions<P, R>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Entries for this kind/target/backend still on the device, oldest first (failed ones carry lastError). */
  get pending(): OutboxEntry<P>[] {
    // One array until the engine is here: hosts compare it by identity to notice changes.
    return this.#loaded?.pending ?? this.#nothingYet;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#load().then(
      (engine) => this.#connected && engine.hostConnected(),
      (error: unknown) => console.error('Tandem: could not load the outbox', error),
    );
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#loaded?.hostDisconnected();
  }

  /** Stores the write on the device first (so nothing is lost), then tries to send it. */
  async enqueue(payload: P): Promise<OutboxResult<P, R>> {
    return (await this.#load()).enqueue(payload);
  }

  /** Sends every pending entry for this kind/target/backend, oldest first, one at a time. */
  async flush(): Promise<OutboxResult<P, R>[]> {
    return (await this.#load()).flush();
  }

  /** Forgets an entry (for example one the family chose to discard after a refusal). */
  async discard(id: string): Promise<void> {
    return (await this.#load()).discard(id);
  }

  #load(): Promise<OutboxEngine<P, R>> {
    this.#engine ??= import('./outbox-engine.js').then(
      ({ OutboxEngine }) => (this.#loaded = new OutboxEngine<P, R>(this.#host, this.#options)),
      (error: unknown) => {
        // Offline before the code arrived: let a later call try the fetch again.
        this.#engine = undefined;
        throw error;
      },
    );
    return this.#engine;
  }
}
