/** The organization's audit log: who signed in, reset a password, opened or closed content, took data out. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditPage } from '@tandem/protocol';
import type { StaffPrincipal } from '../auth.js';
import type { DatabaseSchema } from '../db/schema.js';

type Db = Kysely<DatabaseSchema>;

/** Who did it: a staff route's principal, or the server itself on a staff member's behalf (sign-in, reset). */
export type AuditActor =
  | Pick<StaffPrincipal, 'organizationId' | 'via' | 'tokenId' | 'staffUserId'>
  | { via: 'system'; organizationId: string; staffUserId?: string };

export interface AuditTarget {
  kind: string;
  id: string;
}

export async function recordAudit(
  db: Db,
  actor: AuditActor,
  action: string,
  target?: AuditTarget,
  details?: Record<string, unknown>,
  ip?: string,
): Promise<void> {
  let actorKind: 'staff' | 'token' | 'system';
  let actorId: string | null = null;
  let actorName: string | null = null;
  if (actor.via === 'session' && actor.staffUserId) {
    actorKind = 'staff';
    actorId = actor.staffUserId;
  } else if (actor.via === 'token') {
    actorKind = 'token';
    actorId = actor.tokenId;
    const token = await db.selectFrom('api_tokens').select('name').where('id', '=', actor.tokenId).executeTakeFirst();
    actorName = token?.name ?? null;
  } else {
    actorKind = 'system';
    actorId = actor.staffUserId ?? null;
  }
  if (actorKind !== 'token' && actorId) {
    const user = await db.selectFrom('staff_users').select('name').where('id', '=', actorId).executeTakeFirst();
    actorName = user?.name ?? null;
  }
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      organization_id: actor.organizationId,
      at: new Date().toISOString(),
      actor_kind: actorKind,
      actor_id: actorId,
      actor_name: actorName,
      action,
      target_kind: target?.kind ?? null,
      target_id: target?.id ?? null,
      details: details && Object.keys(details).length ? JSON.stringify(details) : null,
      ip: ip ?? null,
    })
    .execute();
}

/** `at|id` of the last entry of a page, so the next page starts strictly after it even when times tie. */
function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return at && id ? { at, id } : undefined;
}

export async function auditPage(db: Db, organizationId: string, options: { before?: string; limit: number }): Promise<AuditPage> {
  let query = db.selectFrom('audit_log').selectAll().where('organization_id', '=', organizationId);
  const cursor = options.before ? decodeCursor(options.before) : undefined;
  if (cursor) {
    query = query.where((eb) => eb.or([eb('at', '<', cursor.at), eb.and([eb('at', '=', cursor.at), eb('id', '<', cursor.id)])]));
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const items: AuditEntry[] = rows.slice(0, options.limit).map((row) => ({
    id: row.id,
    at: row.at,
    actor: {
      kind: row.actor_kind,
      ...(row.actor_id ? { id: row.actor_id } : {}),
      ...(row.actor_name ? { name: row.actor_name } : {}),
    },
    action: row.action,
    ...(row.target_kind && row.target_id ? { target: { kind: row.target_kind, id: row.target_id } } : {}),
    ...(row.details ? { details: JSON.parse(row.details) as Record<string, unknown> } : {}),
    ...(row.ip ? { ip: row.ip } : {}),
  }));
  const last = items[items.length - 1];
  return { items, ...(rows.length > options.limit && last ? { next: encodeCursor(last.at, last.id) } : {}) };
}
