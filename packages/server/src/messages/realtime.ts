/**
 * Server-sent events for the message box and the staff inbox. One poller per process watches
 * `message_log` (woken at once by local writes, and every `pollMs` for writes of other processes
 * sharing the database) and wakes the streams a new entry concerns. Each stream then reads its own
 * entries after the last id it sent, in `seq` order, so a stream never skips or repeats an event,
 * and `Last-Event-ID` resumes exactly where a dropped connection stopped.
 *
 * Streams that would read the same thing share one read: a family open on several devices (or
 * thousands of streams of one school's inbox) costs one query per wake, not one per stream. Reads
 * are shared only within one wake, so every shared read started after the poll that saw the entries.
 */
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { STREAM_EVENTS } from '@tandem/protocol';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import type { MessageLogTable } from './tables.js';

type Db = Kysely<DatabaseSchema>;
export type LogEntry = Pick<MessageLogTable, 'organization_id' | 'family_id' | 'school_id' | 'staff_user_id'> & { seq: number };

/** Reads started by the streams of one wake, by source key and position, so equal streams share them. */
export type SharedReads = Map<string, Promise<ReadResult>>;

interface Subscriber {
  concerns(entry: LogEntry): boolean;
  wake(shared: SharedReads): void;
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
  readonly #checks = new Map<string, { at: number; result: Promise<boolean> }>();

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

  /**
   * One answer to the same question for every stream asking within `maxAgeMs` (say, whether a session
   * is still signed in, asked at each heartbeat of every stream it has open).
   */
  sharedCheck(key: string, maxAgeMs: number, check: () => Promise<boolean>): Promise<boolean> {
    const now = Date.now();
    const hit = this.#checks.get(key);
    if (hit && now - hit.at <= maxAgeMs) return hit.result;
    // Old answers go when the map grows, so it stays as large as the set of recently asked questions.
    if (this.#checks.size > 10_000) {
      for (const [k, v] of this.#checks) if (now - v.at > maxAgeMs) this.#checks.delete(k);
    }
    const result = check();
    this.#checks.set(key, { at: now, result });
    return result;
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
      const entries: LogEntry[] = rows.map((r) => ({ ...r, seq: Number(r.seq) }));
      const shared: SharedReads = new Map();
      for (const subscriber of this.#subscribers) {
        if (entries.some((e) => subscriber.concerns(e))) subscriber.wake(shared);
      }
      if (rows.length < 1000) return;
    }
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#subscribers.clear();
    this.#checks.clear();
  }
}

export interface StreamEvent {
  id: number;
  event: string;
  data: unknown;
}

export interface ReadResult {
  events: StreamEvent[];
  lastSeq: number;
}

export interface StreamSource {
  /**
   * Names what `read` returns: two sources with the same key read the same events from the same
   * position (same family or inbox scope, same language), so their streams may share reads.
   */
  readonly key: string;
  /** Names what `stillAllowed` checks (a session, a token), so the streams it opened share the check. */
  readonly allowKey: string;
  /** Whether a log entry belongs to this stream (used to decide whom to wake). */
  concerns(entry: LogEntry): boolean;
  /** The stream's events after `afterSeq`, oldest first, at most `limit`; also returns the last seq looked at. */
  read(afterSeq: number, limit: number): Promise<ReadResult>;
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

const PAGE = 200;
/** A client this far behind is not reading; it is cut off and resumes from Last-Event-ID when it comes back. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** How long one heartbeat's "still signed in?" answer serves the other streams of the same session. */
const CHECK_REUSE_MS = 1000;

/** Each event is serialized once, however many streams send it. */
const frames = new WeakMap<StreamEvent, string>();
function frameOf(e: StreamEvent): string {
  let frame = frames.get(e);
  if (frame === undefined) {
    frame = `id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
    frames.set(e, frame);
  }
  return frame;
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
  // A stream is idle between events by design: no socket timeout may close it (heartbeats keep proxies from doing so).
  // (Optional calls: an injected test request has a stand-in socket without these.)
  const socket = request.raw.socket as Partial<Socket> | null;
  socket?.setTimeout?.(0);
  socket?.setNoDelay?.(true);
  socket?.setKeepAlive?.(true, 60_000);
  raw.writeHead(200, {
    ...options.headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // Tells EventSource how long to wait before reconnecting, and the client where this stream starts, so a reconnect
  // before any other event resumes here rather than at whatever "now" is then (which would skip what came between).
  raw.write(`retry: 2000\n\nid: ${lastSent}\nevent: ${STREAM_EVENTS.ready}\ndata: {}\n\n`);

  let closed = false;
  let pumping = false;
  let pending = false;
  // The reads of the latest wake, shared with the other streams woken by it.
  let shared: SharedReads | undefined;
  const read = (afterSeq: number): Promise<ReadResult> => {
    if (!shared) return source.read(afterSeq, PAGE);
    const key = `${source.key}|${afterSeq}`;
    let result = shared.get(key);
    if (!result) {
      result = source.read(afterSeq, PAGE);
      shared.set(key, result);
    }
    return result;
  };
  const send = (text: string) => {
    raw.write(text);
    if (raw.writableLength > MAX_BUFFERED_BYTES) {
      request.log.warn('an event stream client stopped reading; closing its stream');
      end();
    }
  };
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
          const { events, lastSeq } = await read(lastSent);
          for (const e of events) {
            if (closed) return;
            // Another stream's wake may have read further back than this one already sent.
            if (e.id > lastSent) send(frameOf(e));
          }
          if (lastSeq > lastSent) lastSent = lastSeq;
          if (events.length < PAGE) break;
        }
      } while (pending && !closed);
    } catch (error) {
      request.log.warn({ err: error }, 'event stream read failed');
    } finally {
      pumping = false;
      shared = undefined;
    }
  };

  const unsubscribe = hub.subscribe({
    concerns: (entry) => source.concerns(entry),
    wake: (reads) => {
      shared = reads;
      void pump();
    },
  });
  const stillAllowed = () => hub.sharedCheck(source.allowKey, CHECK_REUSE_MS, () => source.stillAllowed().catch(() => true));
  const heartbeat = setInterval(() => {
    void (async () => {
      if (closed) return;
      if (!(await stillAllowed())) return end();
      if (!closed) send(`: heartbeat\n\n`);
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
