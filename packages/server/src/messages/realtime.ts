/**
 * Server-sent events for the message box and the staff inbox. One poller per process watches
 * `message_log` (woken at once by local writes, and every `pollMs` for writes of other processes
 * sharing the database) and wakes the streams a new entry concerns. Each stream then reads its own
 * entries after the last id it sent, in `seq` order, so a stream never skips or repeats an event,
 * and `Last-Event-ID` resumes exactly where a dropped connection stopped.
 */
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import type { MessageLogTable } from './tables.js';

type Db = Kysely<DatabaseSchema>;
export type LogEntry = Pick<MessageLogTable, 'organization_id' | 'family_id' | 'school_id' | 'staff_user_id'> & { seq: number };

interface Subscriber {
  concerns(entry: LogEntry): boolean;
  wake(): void;
}

export class RealtimeHub {
  readonly #subscribers = new Set<Subscriber>();
  #last = 0;
  #ready = false;
  #started: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #polling = false;
  #again = false;
  #closed = false;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: number,
  ) {}

  get size(): number {
    return this.#subscribers.size;
  }

  /** Starts watching from the current end of the log. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      const row = await this.db
        .selectFrom('message_log')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      this.#last = Number(row?.seq ?? 0);
      this.#ready = true;
      this.#timer = setInterval(() => this.poke(), this.pollMs);
      this.#timer.unref();
    })();
    return this.#started;
  }

  subscribe(subscriber: Subscriber): () => void {
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  /** Something was written here: look now rather than at the next tick. */
  poke(): void {
    // Before start() there is no position to read from, and no stream to wake.
    if (this.#closed || !this.#ready) return;
    if (this.#polling) {
      this.#again = true;
      return;
    }
    this.#polling = true;
    void this.#poll()
      .catch((error: unknown) => this.log.warn({ err: error }, 'polling the message log failed'))
      .finally(() => {
        this.#polling = false;
        if (this.#again) {
          this.#again = false;
          this.poke();
        }
      });
  }

  async #poll(): Promise<void> {
    for (;;) {
      const rows = await this.db
        .selectFrom('message_log')
        .select(['seq', 'organization_id', 'family_id', 'school_id', 'staff_user_id'])
        .where('seq', '>', this.#last)
        .orderBy('seq')
        .limit(1000)
        .execute();
      if (rows.length === 0) return;
      this.#last = Number(rows[rows.length - 1]!.seq);
      for (const subscriber of this.#subscribers) {
        if (rows.some((r) => subscriber.concerns({ ...r, seq: Number(r.seq) }))) subscriber.wake();
      }
      if (rows.length < 1000) return;
    }
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#subscribers.clear();
  }
}

export interface StreamEvent {
  id: number;
  event: string;
  data: unknown;
}

export interface StreamSource {
  /** Whether a log entry belongs to this stream (used to decide whom to wake). */
  concerns(entry: LogEntry): boolean;
  /** The stream's events after `afterSeq`, oldest first, at most `limit`; also returns the last seq looked at. */
  read(afterSeq: number, limit: number): Promise<{ events: StreamEvent[]; lastSeq: number }>;
  /** The newest seq this stream could see, for a first connection without Last-Event-ID. */
  head(): Promise<number>;
  /** Checked at each heartbeat: false ends the stream (signed out, token revoked). */
  stillAllowed(): Promise<boolean>;
}

export interface StreamOptions {
  heartbeatMs: number;
  /** CORS and other headers the hijacked reply would otherwise lose. */
  headers?: Record<string, string>;
}

/** The id the client resumes from: the `Last-Event-ID` header (EventSource sends it on reconnect) or `?lastEventId=`. */
export function lastEventIdOf(request: FastifyRequest): number | undefined {
  const header = request.headers['last-event-id'];
  const raw = (Array.isArray(header) ? header[0] : header) ?? (request.query as { lastEventId?: string } | undefined)?.lastEventId;
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

/** Serves one event stream until the client goes away. */
export async function serveStream(
  hub: RealtimeHub,
  request: FastifyRequest,
  reply: FastifyReply,
  source: StreamSource,
  options: StreamOptions,
): Promise<void> {
  await hub.start();
  let lastSent = lastEventIdOf(request) ?? (await source.head());
  const raw = reply.raw;
  reply.hijack();
  raw.writeHead(200, {
    ...options.headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // Tells EventSource how long to wait before reconnecting.
  raw.write(`retry: 2000\n\n`);

  let closed = false;
  let pumping = false;
  let pending = false;
  const pump = async () => {
    if (closed) return;
    if (pumping) {
      pending = true;
      return;
    }
    pumping = true;
    try {
      do {
        pending = false;
        for (;;) {
          const { events, lastSeq } = await source.read(lastSent, 200);
          for (const e of events) {
            if (closed) return;
            raw.write(`id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
          }
          if (lastSeq > lastSent) lastSent = lastSeq;
          if (events.length < 200) break;
        }
      } while (pending && !closed);
    } catch (error) {
      request.log.warn({ err: error }, 'event stream read failed');
    } finally {
      pumping = false;
    }
  };

  const unsubscribe = hub.subscribe({ concerns: (entry) => source.concerns(entry), wake: () => void pump() });
  const heartbeat = setInterval(() => {
    void (async () => {
      if (closed) return;
      if (!(await source.stillAllowed().catch(() => true))) return end();
      raw.write(`: heartbeat\n\n`);
    })();
  }, options.heartbeatMs);
  const end = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    raw.end();
  };
  raw.on('close', end);
  // Catch up on everything since Last-Event-ID, then live events follow through wake().
  await pump();
}
