/** What GET /api/v1/session answers: the staff member, their console role, organization and schools. */
import type { Kysely } from 'kysely';
import type { ConsoleRole, ConsoleSchool, ConsoleSession } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import type { ConsoleAuthConfig } from './config.js';
import { membershipsOf } from './school-scope.js';
import { csrfTokenFor, idleExpiry, type SessionRecord } from './sessions.js';

export async function consoleSessionView(
  db: Kysely<DatabaseSchema>,
  config: ConsoleAuthConfig,
  session: Pick<SessionRecord, 'organizationId' | 'staffUserId' | 'lastSeenAt' | 'expiresAt'>,
  secret: string,
): Promise<ConsoleSession> {
  const user = await db
    .selectFrom('staff_users')
    .select(['id', 'name', 'email', 'role', 'locale'])
    .where('id', '=', session.staffUserId)
    .executeTakeFirstOrThrow();
  const organization = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name'])
    .where('id', '=', session.organizationId)
    .executeTakeFirstOrThrow();
  const schoolRows = await db
    .selectFrom('schools')
    .select(['id', 'name'])
    .where('organization_id', '=', session.organizationId)
    .orderBy('name')
    .execute();
  let schools: ConsoleSchool[];
  let role: ConsoleRole;
  if (user.role === 'admin') {
    role = 'organization-admin';
    schools = schoolRows.map((s) => ({ id: s.id, name: s.name, role: 'admin' }));
  } else {
    const memberships = new Map((await membershipsOf(db, session.organizationId, user.id)).map((m) => [m.schoolId, m.role]));
    schools = schoolRows.filter((s) => memberships.has(s.id)).map((s) => ({ id: s.id, name: s.name, role: memberships.get(s.id)! }));
    role = schools.some((s) => s.role === 'admin') ? 'school-admin' : 'staff';
  }
  return {
    user: { id: user.id, name: user.name, email: user.email, role, locale: user.locale ?? 'en' },
    organization,
    schools,
    csrfToken: csrfTokenFor(secret),
    idleExpiresAt: idleExpiry(config, session),
    expiresAt: session.expiresAt,
  };
}
