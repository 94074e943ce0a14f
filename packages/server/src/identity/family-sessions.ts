/**
 * Family sessions: a short-lived bearer access token and a refresh token, both random and stored only
 * as SHA-256. A refresh token works once; presenting a used one again means it was copied, so the whole
 * session ends (the thief and the family both sign in again).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { sha256Hex } from '../secrets.js';
import type { FamilySessionsTable } from '../messages/tables.js';

type Db = Kysely<DatabaseSchema>;

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
export const REFRESH_TOKEN_TTL_MS = 30 * 86_400_000;

export interface IssuedTokens {
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface FamilyPrincipal {
  sessionId: string;
  familyId: string;
  organizationId: string;
}

const token = (prefix: string) => prefix + randomBytes(32).toString('base64url');

async function issueTokens(db: Db, sessionId: string, now = new Date()): Promise<IssuedTokens> {
  const accessToken = token('tfa_');
  const refreshToken = token('tfr_');
  const accessTokenExpiresAt = new Date(now.getTime() + ACCESS_TOKEN_TTL_MS).toISOString();
  const refreshTokenExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS).toISOString();
  const created_at = now.toISOString();
  await db
    .insertInto('family_tokens')
    .values([
      {
        token_hash: sha256Hex(accessToken),
        session_id: sessionId,
        kind: 'access',
        expires_at: accessTokenExpiresAt,
        used_at: null,
        created_at,
      },
      {
        token_hash: sha256Hex(refreshToken),
        session_id: sessionId,
        kind: 'refresh',
        expires_at: refreshTokenExpiresAt,
        used_at: null,
        created_at,
      },
    ])
    .execute();
  return { sessionId, accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt };
}

export async function startFamilySession(
  db: Db,
  input: { organizationId: string; familyId: string; via: FamilySessionsTable['via']; identityKeyId?: string | undefined },
): Promise<IssuedTokens> {
  const id = randomUUID();
  await db
    .insertInto('family_sessions')
    .values({
      id,
      organization_id: input.organizationId,
      family_id: input.familyId,
      via: input.via,
      identity_key_id: input.identityKeyId ?? null,
      created_at: new Date().toISOString(),
      revoked_at: null,
      revoke_reason: null,
    })
    .execute();
  return issueTokens(db, id);
}

/** The family behind a bearer access token, or undefined when it is unknown, expired or its session ended. */
export async function authenticateFamily(db: Db, accessToken: string): Promise<FamilyPrincipal | undefined> {
  const row = await db
    .selectFrom('family_tokens as t')
    .innerJoin('family_sessions as s', 's.id', 't.session_id')
    .select(['s.id as sessionId', 's.family_id as familyId', 's.organization_id as organizationId'])
    .where('t.token_hash', '=', sha256Hex(accessToken))
    .where('t.kind', '=', 'access')
    .where('t.expires_at', '>', new Date().toISOString())
    .where('s.revoked_at', 'is', null)
    .executeTakeFirst();
  return row;
}

export async function activeSession(db: Db, sessionId: string): Promise<FamilyPrincipal | undefined> {
  return db
    .selectFrom('family_sessions')
    .select(['id as sessionId', 'family_id as familyId', 'organization_id as organizationId'])
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export type RefreshOutcome = { tokens: IssuedTokens; principal: FamilyPrincipal } | { refused: 'unknown' | 'expired' | 'reused' };

/** Trades a refresh token for a new pair. The conditional update makes two racing refreshes with one token count as reuse. */
export async function refreshFamilySession(db: Db, refreshToken: string): Promise<RefreshOutcome> {
  const hash = sha256Hex(refreshToken);
  const now = new Date();
  const row = await db
    .selectFrom('family_tokens as t')
    .innerJoin('family_sessions as s', 's.id', 't.session_id')
    .select(['t.session_id', 't.expires_at', 't.used_at', 's.revoked_at', 's.family_id', 's.organization_id'])
    .where('t.token_hash', '=', hash)
    .where('t.kind', '=', 'refresh')
    .executeTakeFirst();
  if (!row || row.revoked_at) return { refused: 'unknown' };
  if (row.used_at) {
    await revokeFamilySession(db, row.session_id, 'refresh-token-reused');
    return { refused: 'reused' };
  }
  if (row.expires_at <= now.toISOString()) return { refused: 'expired' };
  const claimed = await db
    .updateTable('family_tokens')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) {
    await revokeFamilySession(db, row.session_id, 'refresh-token-reused');
    return { refused: 'reused' };
  }
  const tokens = await issueTokens(db, row.session_id, now);
  return { tokens, principal: { sessionId: row.session_id, familyId: row.family_id, organizationId: row.organization_id } };
}

export async function revokeFamilySession(db: Db, sessionId: string, reason: string): Promise<void> {
  await db
    .updateTable('family_sessions')
    .set({ revoked_at: new Date().toISOString(), revoke_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}
