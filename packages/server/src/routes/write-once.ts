/** Shared pieces of the resource and lesson routes: writes stored once per Idempotency-Key, and cacheable public reads. */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { findStoredResult, toRow, type StoredResult } from '../store/idempotency.js';
import { canonicalJson, sha256Hex } from '../secrets.js';
import { replay } from './public-surveys.js';

type Db = Kysely<DatabaseSchema>;

class KeyAlreadyTaken extends Error {}

/**
 * Runs `write` and stores its answer under (scope, key) in the same transaction, so the row and its key
 * exist together or not at all. Without a key (optional on staff creates) it just writes. A retry with
 * the same key and body gets the stored answer; the same key with another body is a 422 problem.
 */
export async function writeOnce(
  db: Db,
  reply: FastifyReply,
  request: FastifyRequest,
  options: { scope: string; key: string | undefined; statusCode: number },
  write: (trx: Transaction<DatabaseSchema>, now: string) => Promise<unknown>,
): Promise<FastifyReply> {
  const { scope, key, statusCode } = options;
  const requestHash = sha256Hex(canonicalJson(request.body ?? null));
  if (key) {
    const stored = await findStoredResult(db, scope, key, requestHash);
    if (stored) return replay(reply, stored);
  }
  const now = new Date().toISOString();
  let body: string;
  try {
    body = await db.transaction().execute(async (trx) => {
      const text = JSON.stringify(await write(trx, now));
      if (key) {
        const taken = await trx
          .insertInto('idempotency_keys')
          .values(toRow({ scope, key, requestHash, statusCode, body: text, createdAt: now }))
          .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
          .returning('key')
          .execute();
        if (taken.length === 0) throw new KeyAlreadyTaken();
      }
      return text;
    });
  } catch (error) {
    if (!(error instanceof KeyAlreadyTaken) || !key) throw error;
    // A concurrent request with the same key won; answer exactly as it was answered.
    const winner: StoredResult | undefined = await findStoredResult(db, scope, key, requestHash);
    if (!winner) throw error;
    return replay(reply, winner);
  }
  return reply.code(statusCode).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
}

/**
 * Public content families may keep: a strong ETag over the exact body, a short freshness window and a
 * long stale-while-revalidate, so a lesson opened once still reads offline and a changed one shows up
 * within a minute. A matching If-None-Match gets 304 with no body.
 */
export function sendCacheable(request: FastifyRequest, reply: FastifyReply, value: unknown): FastifyReply {
  const body = JSON.stringify(value);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=60, stale-while-revalidate=604800').header('vary', 'Accept-Encoding');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
    return reply.code(304).send();
  }
  return reply.type('application/json; charset=utf-8').send(body);
}

/** The rate limit public writes share, in route `config`. */
export function publicWriteLimit(perMinute: number) {
  return perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: '1 minute' } } : {};
}
