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
  /** What to call it in the log; looked up for known kinds when left out. */
  label?: string;
  /** The schools it concerns (school admins read those entries); looked up for known kinds when left out. */
  schoolIds?: readonly string[];
}

/** Text of a content title in its default language (the log is read long after, whatever changed since). */
function titleOf(content: string, field: string, defaultLocale: string): string | undefined {
  const text = (JSON.parse(content) as Record<string, unknown>)[field];
  if (!text || typeof text !== 'object') return undefined;
  const values = text as Record<string, string>;
  return values[defaultLocale] ?? Object.values(values)[0];
}

async function schoolsOfStaff(db: Db, organizationId: string, staffUserId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_school_members')
    .select('school_id')
    .where('staff_user_id', '=', staffUserId)
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map((r) => r.school_id);
}

/**
 * A target's label and schools, as they are now. Content carries its school (surveys, events, RSVPs,
 * conversations) or lists them (resources, lessons); a staff member's account events and sign-ins concern
 * the schools they belong to; the organization itself concerns no single school.
 */
async function describeTarget(
  db: Db,
  organizationId: string,
  target: AuditTarget,
  actorStaffId: string | undefined,
): Promise<{ label?: string; schoolIds: readonly string[] }> {
  const inOrg = <T extends { organization_id: string }>(row: T | undefined) => (row?.organization_id === organizationId ? row : undefined);
  switch (target.kind) {
    case 'survey':
    case 'event': {
      const row = inOrg(
        await db
          .selectFrom(target.kind === 'survey' ? 'surveys' : ('events' as 'surveys'))
          .select(['organization_id', 'school_id', 'content', 'default_locale'])
          .where('id', '=', target.id)
          .executeTakeFirst(),
      );
      return row ? { label: titleOf(row.content, 'title', row.default_locale), schoolIds: [row.school_id] } : { schoolIds: [] };
    }
    case 'rsvp': {
      const row = inOrg(
        await db
          .selectFrom('rsvps as r')
          .innerJoin('events as e', 'e.id', 'r.event_id')
          .select(['r.organization_id', 'r.school_id', 'e.content', 'e.default_locale'])
          .where('r.id', '=', target.id)
          .executeTakeFirst(),
      );
      return row ? { label: titleOf(row.content, 'title', row.default_locale), schoolIds: [row.school_id] } : { schoolIds: [] };
    }
    case 'resource':
    case 'lesson': {
      const row = inOrg(
        await db
          .selectFrom(target.kind === 'resource' ? 'resources' : ('lessons' as 'resources'))
          .select(['organization_id', 'content', 'default_locale'])
          .where('id', '=', target.id)
          .executeTakeFirst(),
      );
      if (!row) return { schoolIds: [] };
      const schoolIds = (JSON.parse(row.content) as { schoolIds?: string[] }).schoolIds ?? [];
      return { label: titleOf(row.content, target.kind === 'resource' ? 'name' : 'title', row.default_locale), schoolIds };
    }
    case 'conversation': {
      const row = inOrg(
        await db.selectFrom('conversations').select(['organization_id', 'school_id']).where('id', '=', target.id).executeTakeFirst(),
      );
      return { schoolIds: row ? [row.school_id] : [] };
    }
    case 'school': {
      const row = inOrg(await db.selectFrom('schools').select(['organization_id', 'name']).where('id', '=', target.id).executeTakeFirst());
      return row ? { label: row.name, schoolIds: [target.id] } : { schoolIds: [] };
    }
    case 'staff-user': {
      const row = inOrg(
        await db.selectFrom('staff_users').select(['organization_id', 'name']).where('id', '=', target.id).executeTakeFirst(),
      );
      return row ? { label: row.name, schoolIds: await schoolsOfStaff(db, organizationId, target.id) } : { schoolIds: [] };
    }
    case 'session':
      return { schoolIds: actorStaffId ? await schoolsOfStaff(db, organizationId, actorStaffId) : [] };
    case 'organization': {
      const row = await db.selectFrom('organizations').select('name').where('id', '=', target.id).executeTakeFirst();
      return { ...(row && target.id === organizationId ? { label: row.name } : {}), schoolIds: [] };
    }
    default:
      return { schoolIds: [] };
  }
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
  let described: { label?: string; schoolIds: readonly string[] } = { schoolIds: [] };
  if (target) {
    const looked =
      target.label === undefined || target.schoolIds === undefined
        ? await describeTarget(db, actor.organizationId, target, actorKind === 'token' ? undefined : (actorId ?? undefined))
        : { schoolIds: [] };
    const label = target.label ?? looked.label;
    described = { ...(label !== undefined ? { label } : {}), schoolIds: target.schoolIds ?? looked.schoolIds };
  }
  const id = randomUUID();
  // The entry and its schools together; a caller already inside a transaction writes within it.
  const write = async (trx: Db) => {
    await trx
      .insertInto('audit_log')
      .values({
        id,
        organization_id: actor.organizationId,
        at: new Date().toISOString(),
        actor_kind: actorKind,
        actor_id: actorId,
        actor_name: actorName,
        action,
        target_kind: target?.kind ?? null,
        target_id: target?.id ?? null,
        target_label: described.label?.slice(0, 300) ?? null,
        details: details && Object.keys(details).length ? JSON.stringify(details) : null,
        ip: ip ?? null,
      })
      .execute();
    const schoolIds = [...new Set(described.schoolIds)];
    if (schoolIds.length > 0) {
      await trx
        .insertInto('audit_log_schools')
        .values(schoolIds.map((schoolId) => ({ audit_id: id, organization_id: actor.organizationId, school_id: schoolId })))
        .execute();
    }
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

/** `at|id` of the last entry of a page, so the next page starts strictly after it even when times tie. */
function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return at && id ? { at, id } : undefined;
}

export interface AuditFilter {
  before?: string;
  limit: number;
  /** An actor id (staff member or token), or a staff member's email (contains `@`). */
  actor?: string;
  /** An exact action, or a kind without a dot (`survey`) for all of its actions. */
  action?: string;
  /** ISO instants, already normalized: entries with `from <= at < toExclusive`. */
  from?: string;
  toExclusive?: string;
  /** Only entries about these schools (a school admin's view); absent: the whole organization. */
  schoolIds?: readonly string[];
}

export async function auditPage(db: Db, organizationId: string, options: AuditFilter): Promise<AuditPage> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('staff_users as u', (join) =>
      join.onRef('u.id', '=', 'a.actor_id').on('a.actor_kind', '!=', 'token').on('u.organization_id', '=', organizationId),
    )
    .selectAll('a')
    .select('u.email as actor_email')
    .where('a.organization_id', '=', organizationId);
  const cursor = options.before ? decodeCursor(options.before) : undefined;
  if (cursor) {
    query = query.where((eb) => eb.or([eb('a.at', '<', cursor.at), eb.and([eb('a.at', '=', cursor.at), eb('a.id', '<', cursor.id)])]));
  }
  if (options.actor) {
    query = options.actor.includes('@')
      ? query.where('u.email', '=', options.actor.trim().toLowerCase())
      : query.where('a.actor_id', '=', options.actor);
  }
  if (options.action) {
    query = options.action.includes('.')
      ? query.where('a.action', '=', options.action)
      : query.where('a.action', 'like', `${options.action}.%`);
  }
  if (options.from) query = query.where('a.at', '>=', options.from);
  if (options.toExclusive) query = query.where('a.at', '<', options.toExclusive);
  const scope = options.schoolIds;
  if (scope) {
    if (scope.length === 0) return { items: [] };
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('audit_log_schools as s')
          .select('s.audit_id')
          .whereRef('s.audit_id', '=', 'a.id')
          .where('s.school_id', 'in', [...scope]),
      ),
    );
  }
  const rows = await query
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const items: AuditEntry[] = rows.slice(0, options.limit).map((row) => ({
    id: row.id,
    at: row.at,
    actor: {
      kind: row.actor_kind,
      ...(row.actor_id ? { id: row.actor_id } : {}),
      ...(row.actor_name ? { name: row.actor_name } : {}),
      ...(row.actor_email ? { email: row.actor_email } : {}),
    },
    action: row.action,
    ...(row.target_kind && row.target_id
      ? { target: { kind: row.target_kind, id: row.target_id, ...(row.target_label ? { label: row.target_label } : {}) } }
      : {}),
    ...(row.details ? { details: JSON.parse(row.details) as Record<string, unknown> } : {}),
    ...(row.ip ? { ip: row.ip } : {}),
  }));
  const last = items[items.length - 1];
  return { items, ...(rows.length > options.limit && last ? { next: encodeCursor(last.at, last.id) } : {}) };
}
