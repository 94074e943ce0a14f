/** LMS registrations of an organization: made by dynamic registration (pending) or by an admin (approved at once). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LtiRegistration, LtiRegistrationInput } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import type { LtiRegistrationsTable } from './tables.js';

type Db = Kysely<DatabaseSchema>;
export type RegistrationRow = LtiRegistrationsTable;

export function deploymentIdsOf(row: Pick<RegistrationRow, 'deployment_ids'>): string[] {
  const parsed: unknown = JSON.parse(row.deployment_ids);
  return Array.isArray(parsed) ? parsed.filter((d): d is string => typeof d === 'string') : [];
}

export function toLtiRegistration(row: RegistrationRow): LtiRegistration {
  return {
    id: row.id,
    issuer: row.issuer,
    clientId: row.client_id,
    deploymentIds: deploymentIdsOf(row),
    status: row.status,
    ...(row.platform_name ? { platformName: row.platform_name } : {}),
    ...(row.school_id ? { schoolId: row.school_id } : {}),
    authorizationEndpoint: row.authorization_endpoint,
    tokenEndpoint: row.token_endpoint,
    jwksUri: row.jwks_uri,
    createdAt: row.created_at,
    ...(row.approved_at ? { approvedAt: row.approved_at } : {}),
  };
}

export function listRegistrations(db: Db, organizationId: string): Promise<RegistrationRow[]> {
  return db.selectFrom('lti_registrations').selectAll().where('organization_id', '=', organizationId).orderBy('created_at').execute();
}

export function findOwnedRegistration(db: Db, organizationId: string, id: string): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('lti_registrations')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export function findRegistrationById(db: Db, id: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('lti_registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The registration a login names: by issuer and client id, or by issuer alone when it has only one. */
export async function findRegistrationForLogin(
  db: Db,
  issuer: string,
  clientId: string | undefined,
): Promise<RegistrationRow | 'ambiguous' | undefined> {
  let query = db.selectFrom('lti_registrations').selectAll().where('issuer', '=', issuer);
  if (clientId) query = query.where('client_id', '=', clientId);
  const rows = await query.limit(2).execute();
  if (rows.length > 1) return 'ambiguous';
  return rows[0];
}

export function registrationTaken(db: Db, issuer: string, clientId: string) {
  return db
    .selectFrom('lti_registrations')
    .select(['id', 'organization_id'])
    .where('issuer', '=', issuer)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function createManualRegistration(db: Db, organizationId: string, input: LtiRegistrationInput): Promise<RegistrationRow> {
  const now = new Date().toISOString();
  const row: RegistrationRow = {
    id: randomUUID(),
    organization_id: organizationId,
    issuer: input.issuer.replace(/\/+$/, ''),
    client_id: input.clientId,
    deployment_ids: JSON.stringify([...new Set(input.deploymentIds)]),
    status: 'approved',
    via: 'manual',
    platform_name: input.platformName ?? null,
    school_id: input.schoolId,
    authorization_endpoint: input.authorizationEndpoint,
    token_endpoint: input.tokenEndpoint,
    jwks_uri: input.jwksUri,
    created_at: now,
    approved_at: now,
    disabled_at: null,
  };
  await db.insertInto('lti_registrations').values(row).execute();
  return row;
}

/** A registration the platform answered a dynamic registration with; it waits for an admin's approval. */
export async function savePendingRegistration(
  db: Db,
  organizationId: string,
  /** onlyNew: the issuer was vouched for by another site, which may add a registration but never change one. */
  options: { onlyNew: boolean },
  input: Omit<RegistrationRow, 'id' | 'organization_id' | 'status' | 'via' | 'school_id' | 'created_at' | 'approved_at' | 'disabled_at'>,
): Promise<RegistrationRow> {
  const existing = await db
    .selectFrom('lti_registrations')
    .selectAll()
    .where('issuer', '=', input.issuer)
    .where('client_id', '=', input.client_id)
    .executeTakeFirst();
  if (existing) {
    if (existing.organization_id !== organizationId) throw new Error('This LMS client is registered by another organization.');
    if (options.onlyNew) throw new Error('This LMS client is already registered; disable it in Tandem before the LMS registers it again.');
    // Registering again (a new deployment of the same client) adds its deployment, and approval is asked again.
    const deployments = [...new Set([...deploymentIdsOf(existing), ...deploymentIdsOf(input)])];
    await db
      .updateTable('lti_registrations')
      .set({ ...input, deployment_ids: JSON.stringify(deployments), status: 'pending', approved_at: null })
      .where('id', '=', existing.id)
      .execute();
    return (await findRegistrationById(db, existing.id))!;
  }
  const row: RegistrationRow = {
    ...input,
    id: randomUUID(),
    organization_id: organizationId,
    status: 'pending',
    via: 'dynamic',
    school_id: null,
    created_at: new Date().toISOString(),
    approved_at: null,
    disabled_at: null,
  };
  await db.insertInto('lti_registrations').values(row).execute();
  return row;
}

/**
 * The deployment of the first launch from an approved registration that lists none (Canvas names its
 * deployment only in launches). Compare-and-set on the stored empty list, so of two first launches at once
 * exactly one writes, on SQLite and PostgreSQL alike, without a transaction: 'learned' for the one that did,
 * 'known' when the list (now) holds this deployment, 'unknown' when another deployment got there first.
 */
export async function learnFirstDeployment(
  db: Db,
  row: RegistrationRow,
  deploymentId: string,
): Promise<{ outcome: 'learned' | 'known' | 'unknown'; registration: RegistrationRow }> {
  const learned = JSON.stringify([deploymentId]);
  const result = await db
    .updateTable('lti_registrations')
    .set({ deployment_ids: learned })
    .where('id', '=', row.id)
    .where('status', '=', 'approved')
    .where('deployment_ids', '=', '[]')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return { outcome: 'learned', registration: { ...row, deployment_ids: learned } };
  const now = await findRegistrationById(db, row.id);
  if (now && deploymentIdsOf(now).includes(deploymentId)) return { outcome: 'known', registration: now };
  return { outcome: 'unknown', registration: now ?? row };
}

export async function approveRegistration(db: Db, row: RegistrationRow, schoolId: string): Promise<RegistrationRow> {
  const now = new Date().toISOString();
  await db
    .updateTable('lti_registrations')
    .set({ status: 'approved', school_id: schoolId, approved_at: now, disabled_at: null })
    .where('id', '=', row.id)
    .where('organization_id', '=', row.organization_id)
    .execute();
  return { ...row, status: 'approved', school_id: schoolId, approved_at: now, disabled_at: null };
}

export async function disableRegistration(db: Db, row: RegistrationRow): Promise<RegistrationRow> {
  const now = new Date().toISOString();
  await db
    .updateTable('lti_registrations')
    .set({ status: 'disabled', disabled_at: now })
    .where('id', '=', row.id)
    .where('organization_id', '=', row.organization_id)
    .execute();
  return { ...row, status: 'disabled', disabled_at: now };
}
