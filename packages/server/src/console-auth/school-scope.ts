/**
 * School scope: a console user who is not an organization admin acts only in the schools they belong to
 * (as staff or as school admin). Checked once, before any staff route runs, from what the request names:
 * a school in the path or the body, or a survey or event (by the school it belongs to).
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseSchema, StaffRole } from '../db/schema.js';
import { HttpProblem } from '../problems.js';
import { PROBLEM_TYPES, type SchoolRole } from '@tandem/protocol';
import type { StaffPrincipal } from '../auth.js';

type Db = Kysely<DatabaseSchema>;

export interface Membership {
  schoolId: string;
  role: SchoolRole;
}

export async function membershipsOf(db: Db, organizationId: string, staffUserId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('staff_school_members')
    .select(['school_id', 'role'])
    .where('staff_user_id', '=', staffUserId)
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map((r) => ({ schoolId: r.school_id, role: r.role === 'admin' ? 'admin' : 'staff' }));
}

/** The schools a session may act in: undefined (all of them) for an organization admin. */
export async function schoolScopeOf(
  db: Db,
  session: { organizationId: string; staffUserId: string; role: StaffRole },
): Promise<string[] | undefined> {
  if (session.role === 'admin') return undefined;
  return (await membershipsOf(db, session.organizationId, session.staffUserId)).map((m) => m.schoolId);
}

const outOfScope = (what: string) =>
  new HttpProblem({
    status: 403,
    type: PROBLEM_TYPES.forbidden,
    title: 'Forbidden',
    detail: `This ${what} belongs to a school you are not a member of; an organization admin can add you.`,
  });

/** Content whose rows carry the school they belong to, by the path parameter that names them. */
const SCHOOL_OWNED = { surveyId: 'surveys', eventId: 'events' } as const;

export async function checkSchoolScope(db: Db, request: FastifyRequest, principal: StaffPrincipal): Promise<void> {
  const scope = principal.schoolIds;
  if (scope === undefined) return;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const body = request.body as Record<string, unknown> | null | undefined;
  for (const schoolId of [params.schoolId, body && typeof body === 'object' ? body.schoolId : undefined]) {
    if (typeof schoolId === 'string' && !scope.includes(schoolId)) throw outOfScope('school');
  }
  for (const [param, table] of Object.entries(SCHOOL_OWNED) as [keyof typeof SCHOOL_OWNED, 'surveys' | 'events'][]) {
    const id = params[param];
    if (typeof id !== 'string') continue;
    const row = await db
      .selectFrom(table)
      .select('school_id')
      .where('id', '=', id)
      .where('organization_id', '=', principal.organizationId)
      .executeTakeFirst();
    // Unknown ids fall through to the route, which answers 404 as it does for everyone.
    if (row && !scope.includes(row.school_id)) throw outOfScope(param === 'surveyId' ? 'survey' : 'event');
  }
}
