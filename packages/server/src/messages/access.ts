/**
 * Who reads and writes messages: a family through its session's bearer access token, staff through an
 * API token tied to a staff member. Families see only their own conversations; staff only those of
 * their schools (admins: every school of the organization), and of those only the office's and their own.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { RouteName } from '@tandem/protocol';
import { bearerTokenOf } from '../auth.js';
import type { DatabaseSchema, StaffRole } from '../db/schema.js';
import { authenticateFamily, type FamilyPrincipal } from '../identity/family-sessions.js';
import { HttpProblem, unauthorized } from '../problems.js';
import { PROBLEM_TYPES } from '@tandem/protocol';
import type { TokenPrincipal } from '../store/organizations.js';
import { routeOptions, type RouteExtra } from '../routes/route-schema.js';
import type { ConversationRow } from './store.js';

type Db = Kysely<DatabaseSchema>;

declare module 'fastify' {
  interface FastifyRequest {
    family?: FamilyPrincipal;
  }
}

/** An id no row has (ids never start with '-'); a safe stand-in where SQL needs a value that matches nothing. */
export const NO_MATCH = '-';

export const forbidden = (detail: string) => new HttpProblem({ status: 403, type: PROBLEM_TYPES.forbidden, title: 'Forbidden', detail });

/** A preHandler that resolves the family's access token or refuses with 401 problem+json. */
export function requireFamily(db: Db) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerTokenOf(request);
    if (!token) throw unauthorized('Sign in first: send the access token as "Authorization: Bearer <token>".');
    const family = await authenticateFamily(db, token);
    if (!family) throw unauthorized('This access token is not valid, expired or was signed out; refresh the session or sign in again.');
    request.family = family;
  };
}

export function familyOf(request: FastifyRequest): FamilyPrincipal {
  if (!request.family) throw unauthorized('Not signed in.');
  return request.family;
}

/** A family route: called from any site that embeds the message box, with the family's bearer token. */
export function familyRouteOptions(name: RouteName, preHandler: (request: FastifyRequest) => Promise<void>, extra: RouteExtra = {}) {
  const options = routeOptions(name, extra);
  return { ...options, schema: { ...options.schema, security: [{ familyBearer: [] }] }, preHandler };
}

export interface StaffReader {
  organizationId: string;
  tokenId: string;
  role: StaffRole;
  staffUserId: string | null;
  name: string;
  locale: string;
  schoolIds: string[];
}

export async function staffReader(db: Db, principal: TokenPrincipal & { staffUserId?: string }): Promise<StaffReader> {
  // A console session is its staff member; an API token may act for one.
  const token = principal.staffUserId
    ? await db
        .selectFrom('staff_users')
        .select(['staff_users.id as staff_user_id', 'staff_users.name', 'staff_users.locale', 'staff_users.organization_id'])
        .where('staff_users.id', '=', principal.staffUserId)
        .executeTakeFirst()
    : await db
        .selectFrom('api_tokens')
        .leftJoin('staff_users', 'staff_users.id', 'api_tokens.staff_user_id')
        .select(['api_tokens.staff_user_id', 'staff_users.name', 'staff_users.locale', 'staff_users.organization_id'])
        .where('api_tokens.id', '=', principal.tokenId)
        .executeTakeFirst();
  // A token tied to a staff user of another organization is never honoured as that user.
  const staffUserId = token?.staff_user_id && token.organization_id === principal.organizationId ? token.staff_user_id : null;
  let schoolIds: string[];
  if (principal.role === 'admin') {
    schoolIds = (await db.selectFrom('schools').select('id').where('organization_id', '=', principal.organizationId).execute()).map(
      (s) => s.id,
    );
  } else if (staffUserId) {
    schoolIds = (
      await db
        .selectFrom('staff_school_members')
        .select('school_id')
        .where('staff_user_id', '=', staffUserId)
        .where('organization_id', '=', principal.organizationId)
        .execute()
    ).map((s) => s.school_id);
  } else schoolIds = [];
  return {
    organizationId: principal.organizationId,
    tokenId: principal.tokenId,
    role: principal.role,
    staffUserId,
    name: (staffUserId && token?.name) || 'School staff',
    locale: (staffUserId && token?.locale) || 'en',
    schoolIds,
  };
}

export function staffCanSee(reader: StaffReader, conversation: ConversationRow): boolean {
  return (
    conversation.organization_id === reader.organizationId &&
    reader.schoolIds.includes(conversation.school_id) &&
    (reader.role === 'admin' || conversation.staff_user_id === null || conversation.staff_user_id === reader.staffUserId)
  );
}
