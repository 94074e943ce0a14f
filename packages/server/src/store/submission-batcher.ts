/**
 * Group commit for family submissions: concurrent submissions wait a few milliseconds, are written in
 * one transaction (response rows together with their idempotency keys) and each is answered only
 * after that transaction committed. One fsync then covers many families.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { toRow, type IdempotencyRecord } from './idempotency.js';

export interface NewResponse {
  id: string;
  surveyId: string;
  organizationId: string;
  schoolId: string;
  locale: string;
  /** Already JSON-encoded answers. */
  answers: string;
  familyId: string | null;
  submittedAt: string;
}

export interface PendingSubmission {
  response: NewResponse;
  idempotency: IdempotencyRecord;
}

interface Queued extends PendingSubmission {
  resolve(stored: boolean): void;
  reject(error: unknown): void;
}

export interface BatcherOptions {
  /** How long the first submission of a batch waits for company. */
  windowMs?: number;
  /** Most submissions per transaction. */
  maxBatch?: number;
}

/** Rows per INSERT statement, well under SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_STATEMENT = 100;

export class SubmissionBatcher {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #windowMs: number;
  readonly #maxBatch: number;
  #queue: Queued[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> | undefined;
  #closed = false;

  constructor(db: Kysely<DatabaseSchema>, options: BatcherOptions = {}) {
    this.#db = db;
    this.#windowMs = options.windowMs ?? 2;
    this.#maxBatch = options.maxBatch ?? 500;
  }

  /**
   * Resolves true once the response and its key are committed, or false when the key was already
   * taken (by a concurrent request here or on another server), in which case nothing was written.
   */
  submit(submission: PendingSubmission): Promise<boolean> {
    if (this.#closed) return Promise.reject(new Error('The server is shutting down.'));
    return new Promise<boolean>((resolve, reject) => {
      this.#queue.push({ ...submission, resolve, reject });
      this.#schedule();
    });
  }

  /** Writes what is queued and stops taking submissions. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#writing || this.#queue.length > 0) {
      if (this.#writing) await this.#writing;
      else await this.#flush();
    }
  }

  #schedule(): void {
    if (this.#writing || this.#timer) return;
    if (this.#queue.length >= this.#maxBatch) {
      setImmediate(() => void this.#flush());
      return;
    }
    this.#timer = setTimeout(() => void this.#flush(), this.#windowMs);
  }

  #flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#writing) return this.#writing;
    const batch = this.#queue.splice(0, this.#maxBatch);
    if (batch.length === 0) return Promise.resolve();
    this.#writing = this.#write(batch).finally(() => {
      this.#writing = undefined;
      // Whatever queued meanwhile has already waited a full write; send it right away.
      if (this.#queue.length > 0) setImmediate(() => void this.#flush());
    });
    return this.#writing;
  }

  async #write(batch: Queued[]): Promise<void> {
    // Two submissions with one key in a batch: only the first may write; the other replays it after commit.
    const seen = new Set<string>();
    const candidates: Queued[] = [];
    const duplicates: Queued[] = [];
    for (const item of batch) {
      const id = keyId(item.idempotency);
      if (seen.has(id)) duplicates.push(item);
      else {
        seen.add(id);
        candidates.push(item);
      }
    }
    try {
      const won = await this.#commit(candidates);
      for (const item of candidates) item.resolve(won.has(keyId(item.idempotency)));
    } catch {
      // One bad submission must not fail its neighbours: retry each alone, so only the bad one fails.
      for (const item of candidates) {
        try {
          item.resolve((await this.#commit([item])).size === 1);
        } catch (error) {
          item.reject(error);
        }
      }
    }
    for (const item of duplicates) item.resolve(false);
  }

  /** Inserts keys first and only then the responses whose key was new, all in one transaction. */
  #commit(items: Queued[]): Promise<Set<string>> {
    return this.#db.transaction().execute(async (trx) => {
      const inserted = new Set<string>();
      for (const chunk of chunks(items, ROWS_PER_STATEMENT)) {
        const rows = await trx
          .insertInto('idempotency_keys')
          .values(chunk.map((item) => toRow(item.idempotency)))
          .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
          .returning(['scope', 'key'])
          .execute();
        for (const row of rows) inserted.add(keyId(row));
      }
      const winners = items.filter((item) => inserted.has(keyId(item.idempotency)));
      for (const chunk of chunks(winners, ROWS_PER_STATEMENT)) {
        await trx
          .insertInto('survey_responses')
          .values(
            chunk.map(({ response: r }) => ({
              id: r.id,
              survey_id: r.surveyId,
              organization_id: r.organizationId,
              school_id: r.schoolId,
              locale: r.locale,
              answers: r.answers,
              family_id: r.familyId,
              submitted_at: r.submittedAt,
            })),
          )
          .execute();
      }
      return inserted;
    });
  }
}

function keyId(record: { scope: string; key: string }): string {
  return `${record.scope}\n${record.key}`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
