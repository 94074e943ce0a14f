/** Identity-site keys an organization registers: stored (HS256 secrets sealed), listed without secrets, revoked. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isJWK } from './jwk.js';
import type { FieldError, IdentityKey, IdentityKeyInput } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import type { IdentityKeysTable } from '../messages/tables.js';
import type { ServerKey } from './server-key.js';

type Db = Kysely<DatabaseSchema>;
export type IdentityKeyRow = IdentityKeysTable;

/** The one key field each kind needs, and no other; `jwksUrlProblem` says why a JWKS URL may not be used. */
export function validateIdentityKey(
  input: IdentityKeyInput,
  jwksUrlProblem: (url: string) => string | undefined = () => undefined,
): FieldError[] {
  const needed = { hs256: 'secret', jwk: 'jwk', jwks: 'jwksUrl' } as const;
  const errors: FieldError[] = [];
  const want = needed[input.kind];
  for (const field of ['secret', 'jwk', 'jwksUrl'] as const) {
    if (field === want && input[field] === undefined) {
      errors.push({ pointer: `/${field}`, code: 'required', detail: `A "${input.kind}" key needs ${field}.` });
    } else if (field !== want && input[field] !== undefined) {
      errors.push({ pointer: `/${field}`, code: 'unknown-field', detail: `A "${input.kind}" key does not take ${field}.` });
    }
  }
  if (input.jwk !== undefined && !isJWK(input.jwk)) {
    errors.push({
      pointer: '/jwk',
      code: 'invalid-format',
      detail: 'Not a public JWK (needs "kty"; private parts such as "d" are refused).',
    });
  }
  if (input.jwksUrl !== undefined) {
    const problem = jwksUrlProblem(input.jwksUrl);
    if (problem) errors.push({ pointer: '/jwksUrl', code: 'invalid-option', detail: problem });
  }
  return errors;
}

export function toIdentityKey(row: IdentityKeyRow): IdentityKey {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    audience: row.audience,
    kind: row.kind,
    ...(row.jwks_url ? { jwksUrl: row.jwks_url } : {}),
    ...(row.key_id ? { keyId: row.key_id } : {}),
    createdAt: row.created_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}

export async function createIdentityKey(
  db: Db,
  serverKey: ServerKey,
  organizationId: string,
  input: IdentityKeyInput,
): Promise<IdentityKeyRow> {
  const row: IdentityKeyRow = {
    id: randomUUID(),
    organization_id: organizationId,
    name: input.name.trim(),
    issuer: input.issuer,
    audience: input.audience,
    kind: input.kind,
    sealed_secret: input.secret !== undefined ? await serverKey.seal(input.secret) : null,
    public_jwk: input.jwk !== undefined ? JSON.stringify(input.jwk) : null,
    jwks_url: input.jwksUrl ?? null,
    key_id: typeof input.jwk?.kid === 'string' ? input.jwk.kid : null,
    created_at: new Date().toISOString(),
    revoked_at: null,
  };
  await db.insertInto('identity_keys').values(row).execute();
  return row;
}

export async function listIdentityKeys(db: Db, organizationId: string): Promise<IdentityKeyRow[]> {
  return db
    .selectFrom('identity_keys')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function activeKeysFor(db: Db, organizationId: string, issuer: string): Promise<IdentityKeyRow[]> {
  return db
    .selectFrom('identity_keys')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('issuer', '=', issuer)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * Revokes a key and ends every family session a token signed by it started: a key is revoked because it
 * leaked or was retired, and sessions it let in should not outlive it (their access and refresh tokens
 * stop working, and their event streams end at the next heartbeat).
 */
export async function revokeIdentityKey(db: Db, organizationId: string, keyId: string): Promise<IdentityKeyRow | undefined> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('identity_keys')
      .set({ revoked_at: now })
      .where('id', '=', keyId)
      .where('organization_id', '=', organizationId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .updateTable('family_sessions')
      .set({ revoked_at: now, revoke_reason: 'identity-key-revoked' })
      .where('identity_key_id', '=', keyId)
      .where('organization_id', '=', organizationId)
      .where('revoked_at', 'is', null)
      .execute();
  });
  return db
    .selectFrom('identity_keys')
    .selectAll()
    .where('id', '=', keyId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}
