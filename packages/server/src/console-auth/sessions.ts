/**
 * Server-side console sessions. The cookie carries a random secret; the database keeps only its SHA-256,
 * so a leaked backup signs nobody in. The CSRF token is derived from the secret, so it needs no storage and
 * changes with every session.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema, StaffRole } from '../db/schema.js';
import { sha256Hex } from '../secrets.js';
import type { ConsoleAuthConfig } from './config.js';

type Db = Kysely<DatabaseSchema>;

/** last_seen_at moves at most this often, so reads do not each turn into a write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionRecord {
  id: string;
  organizationId: string;
  staffUserId: string;
  role: StaffRole;
  name: string;
  lastSeenAt: string;
  expiresAt: string;
}

export function csrfTokenFor(secret: string): string {
  return createHash('sha256').update(`tandem-csrf:${secret}`).digest('base64url');
}

/** Compares a presented CSRF token with the session's, in constant time. */
export function csrfTokenMatches(secret: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(secret));
  const actual = Buffer.from(presented);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function createSession(
  db: Db,
  config: ConsoleAuthConfig,
  input: { organizationId: string; staffUserId: string; ip: string | undefined; userAgent: string | undefined },
): Promise<{ id: string; secret: string; expiresAt: string }> {
  const secret = randomBytes(32).toString('base64url');
  const now = new Date();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + config.absoluteTimeoutMs).toISOString();
  await db
    .insertInto('staff_sessions')
    .values({
      id,
      secret_hash: sha256Hex(secret),
      organization_id: input.organizationId,
      staff_user_id: input.staffUserId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: input.ip ?? null,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      revoked_at: null,
      revoke_reason: null,
    })
    .execute();
  return { id, secret, expiresAt };
}

/**
 * The live session a cookie secret opens (or, for a stream ticket issued to a session, its id), moving its idle
 * deadline on; undefined when ended, expired or unknown.
 */
export async function resumeSession(
  db: Db,
  config: ConsoleAuthConfig,
  by: { secret: string } | { id: string },
): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.staff_user_id')
    .select([
      's.id',
      's.organization_id',
      's.staff_user_id',
      's.last_seen_at',
      's.expires_at',
      'u.role',
      'u.name',
      'u.organization_id as user_org',
    ])
    .where((eb) => ('secret' in by ? eb('s.secret_hash', '=', sha256Hex(by.secret)) : eb('s.id', '=', by.id)))
    .where('s.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.user_org !== row.organization_id) return undefined;
  const now = Date.now();
  if (Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + config.idleTimeoutMs <= now) return undefined;
  let lastSeenAt = row.last_seen_at;
  if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    lastSeenAt = new Date(now).toISOString();
    await db.updateTable('staff_sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', row.id).execute();
  }
  return {
    id: row.id,
    organizationId: row.organization_id,
    staffUserId: row.staff_user_id,
    role: row.role,
    name: row.name,
    lastSeenAt,
    expiresAt: row.expires_at,
  };
}

/** When the session ends if it is not used again. */
export function idleExpiry(config: ConsoleAuthConfig, session: Pick<SessionRecord, 'lastSeenAt' | 'expiresAt'>): string {
  const idle = Date.parse(session.lastSeenAt) + config.idleTimeoutMs;
  return new Date(Math.min(idle, Date.parse(session.expiresAt))).toISOString();
}

export async function revokeSession(db: Db, sessionId: string, reason: string): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ revoked_at: new Date().toISOString(), revoke_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a staff member but `exceptSessionId`; returns how many ended. */
export async function revokeUserSessions(db: Db, staffUserId: string, reason: string, exceptSessionId?: string): Promise<number> {
  let query = db
    .updateTable('staff_sessions')
    .set({ revoked_at: new Date().toISOString(), revoke_reason: reason })
    .where('staff_user_id', '=', staffUserId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
