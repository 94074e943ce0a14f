/** Stored results of idempotent writes: looked up before a write, written in the same transaction as it. */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import type { HotQueries } from './hot-queries.js';
import { conflictingKey } from './idempotency-problems.js';

type Db = Kysely<DatabaseSchema>;

export const IDEMPOTENCY_KEY_MAX = 200;

export interface StoredResult {
  statusCode: number;
  body: string;
}

export interface IdempotencyRecord {
  scope: string;
  key: string;
  requestHash: string;
  statusCode: number;
  body: string;
  createdAt: string;
}

/**
 * The stored answer for (scope, key): `undefined` when the key is new; throws the mismatch problem
 * when the key was used for a different request.
 */
export async function findStoredResult(
  db: Db | HotQueries,
  scope: string,
  key: string,
  requestHash: string,
): Promise<StoredResult | undefined> {
  const row =
    'storedResult' in db
      ? await db.storedResult(scope, key)
      : await db
          .selectFrom('idempotency_keys')
          .select(['request_hash', 'status_code', 'response_body'])
          .where('scope', '=', scope)
          .where('key', '=', key)
          .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== requestHash) throw conflictingKey();
  return { statusCode: row.status_code, body: row.response_body };
}

export function toRow(record: IdempotencyRecord) {
  return {
    scope: record.scope,
    key: record.key,
    request_hash: record.requestHash,
    status_code: record.statusCode,
    response_body: record.body,
    created_at: record.createdAt,
  };
}

/** Deletes keys older than the retention; returns how many went. */
export async function pruneIdempotencyKeys(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
