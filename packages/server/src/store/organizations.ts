/** Organizations, schools, staff users and API tokens. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema, StaffRole } from '../db/schema.js';
import { generateApiToken, hashPassword, sha256Hex } from '../secrets.js';

type Db = Kysely<DatabaseSchema>;

export interface Organization {
  id: string;
  slug: string;
  name: string;
}

export interface TokenPrincipal {
  tokenId: string;
  organizationId: string;
  role: StaffRole;
}

export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'staff'];

export async function findOrganizationBySlug(db: Db, slug: string): Promise<Organization | undefined> {
  return db.selectFrom('organizations').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

/** Creates the organization unless its slug exists; returns it either way. */
export async function ensureOrganization(db: Db, slug: string, name: string): Promise<Organization> {
  await db
    .insertInto('organizations')
    .values({ id: randomUUID(), slug, name, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  return (await findOrganizationBySlug(db, slug))!;
}

export async function ensureSchool(db: Db, organizationId: string, id: string, name: string): Promise<void> {
  await db
    .insertInto('schools')
    .values({ id, organization_id: organizationId, name, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function schoolBelongsTo(db: Db, schoolId: string, organizationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('schools')
    .select('id')
    .where('id', '=', schoolId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function createStaffUser(
  db: Db,
  input: { organizationId: string; email: string; name: string; role: StaffRole; password: string },
): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = input.email.trim().toLowerCase();
  await db
    .insertInto('staff_users')
    .values({
      id,
      organization_id: input.organizationId,
      email,
      name: input.name.trim(),
      role: input.role,
      password_hash: await hashPassword(input.password),
      created_at: new Date().toISOString(),
    })
    .execute();
  return { id, email };
}

/** Creates a token and returns its plaintext, which is never stored and cannot be shown again. */
export async function createApiToken(
  db: Db,
  input: { organizationId: string; role: StaffRole; name: string },
): Promise<{ id: string; token: string }> {
  const token = generateApiToken();
  const id = randomUUID();
  await db
    .insertInto('api_tokens')
    .values({
      id,
      organization_id: input.organizationId,
      name: input.name,
      role: input.role,
      token_hash: sha256Hex(token),
      created_at: new Date().toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

const TOUCH_INTERVAL_MS = 60_000;

/** Resolves a bearer token to its organization and role; revoked or unknown tokens give undefined. */
export async function authenticateToken(db: Db, token: string): Promise<TokenPrincipal | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'organization_id', 'role', 'last_used_at'])
    .where('token_hash', '=', sha256Hex(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = new Date();
  // Recording every use would turn each read into a write; once a minute is enough to audit stale tokens.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { tokenId: row.id, organizationId: row.organization_id, role: row.role };
}

export async function revokeApiToken(db: Db, tokenId: string, organizationId: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', tokenId)
    .where('organization_id', '=', organizationId)
    .execute();
}
