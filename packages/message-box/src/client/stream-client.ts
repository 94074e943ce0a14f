/**
 * The realtime half of the message box: keeps an event stream open (a fresh ticket on every connect),
 * reconnects with backoff, resumes from the last event id it saw and drops events it has seen already.
 */
import { STREAM_EVENTS, type Message, type ReadReceipt } from '@tandem/protocol';
import type { EventSourceLike } from './messaging-backend.js';

export interface StreamHandlers {
  onMessage(message: Message): void;
  onRead(receipt: ReadReceipt): void;
  /** Connected (again); `resumed` is false on the first connect, when earlier events are not replayed. */
  onOpen?(resumed: boolean): void;
}

export interface StreamClientOptions {
  /** Opens the stream after `lastEventId` (undefined: from now on). */
  open: (lastEventId: number | undefined) => Promise<EventSourceLike>;
  handlers: StreamHandlers;
  /** First wait before reconnecting; doubled per failure up to maxDelayMs, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Tests replace timers. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const CLOSED = 2;

export class StreamClient {
  /** The largest event id handled; the stream resumes after it. */
  lastEventId: number | undefined;
  #source: EventSourceLike | undefined;
  #failures = 0;
  #timer: unknown;
  #running = false;
  #connecting = false;
  #generation = 0;
  readonly #options: Required<Omit<StreamClientOptions, 'handlers' | 'open'>> & Pick<StreamClientOptions, 'handlers' | 'open'>;

  constructor(options: StreamClientOptions) {
    this.#options = {
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  get connected(): boolean {
    return this.#source !== undefined && this.#source.readyState !== CLOSED;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    globalThis.addEventListener?.('online', this.#onOnline);
    void this.#connect();
  }

  stop(): void {
    this.#running = false;
    this.#generation++;
    globalThis.removeEventListener?.('online', this.#onOnline);
    this.#options.clearTimer(this.#timer);
    this.#timer = undefined;
    this.#source?.close();
    this.#source = undefined;
  }

  /** Handles one event as delivered by the stream; exposed so the dedupe rule can be tested on its own. */
  handle(type: string, id: string, data: string): void {
    const seq = Number(id);
    if (id !== '' && Number.isFinite(seq)) {
      // Ids are the server's log seq and only grow: anything at or below the last one was handled.
      if (this.lastEventId !== undefined && seq <= this.lastEventId) return;
      this.lastEventId = seq;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    if (type === STREAM_EVENTS.message) this.#options.handlers.onMessage(parsed as Message);
    else if (type === STREAM_EVENTS.read) this.#options.handlers.onRead(parsed as ReadReceipt);
  }

  readonly #onOnline = () => {
    if (!this.#running || this.connected) return;
    this.#options.clearTimer(this.#timer);
    this.#failures = 0;
    void this.#connect();
  };

  async #connect(): Promise<void> {
    if (!this.#running || this.#connecting) return;
    this.#connecting = true;
    const generation = ++this.#generation;
    const resumed = this.lastEventId !== undefined;
    let source: EventSourceLike;
    try {
      source = await this.#options.open(this.lastEventId);
    } catch {
      this.#connecting = false;
      if (generation === this.#generation) this.#retry();
      return;
    }
    this.#connecting = false;
    if (generation !== this.#generation || !this.#running) {
      source.close();
      // Stopped and started again while this connect was in flight: the restart found a connect running and
      // left it to that one, so the new generation connects now rather than never.
      if (this.#running) void this.#connect();
      return;
    }
    this.#source = source;
    const listen = (type: string) =>
      source.addEventListener(type, (event) => {
        if (this.#source !== source) return;
        const { lastEventId, data } = event as MessageEvent<string>;
        this.handle(type, lastEventId, data);
      });
    listen(STREAM_EVENTS.message);
    listen(STREAM_EVENTS.read);
    // Carries only an id: where the server started this stream, so a reconnect resumes there.
    listen(STREAM_EVENTS.ready);
    source.addEventListener('open', () => {
      if (this.#source !== source) return;
      this.#failures = 0;
      this.#options.handlers.onOpen?.(resumed);
    });
    source.addEventListener('error', () => {
      if (this.#source !== source) return;
      // The browser would reconnect with the same (used) ticket: close, and come back with a fresh one.
      source.close();
      this.#source = undefined;
      this.#retry();
    });
  }

  #retry(): void {
    if (!this.#running) return;
    this.#failures += 1;
    const step = Math.min(this.#options.baseDelayMs * 2 ** (this.#failures - 1), this.#options.maxDelayMs);
    const delay = step / 2 + Math.random() * (step / 2);
    this.#options.clearTimer(this.#timer);
    this.#timer = this.#options.setTimer(() => void this.#connect(), delay);
  }
}
