/**
 * Staff authentication: a bearer API token (automation) or the console's session cookie. Both give the
 * same principal, so every staff route serves the console exactly as it serves scripts.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { CSRF_HEADER, PROBLEM_TYPES } from '@tandem/protocol';
import { isCrossSite, type ConsoleAuthConfig } from './console-auth/config.js';
import { checkSchoolScope, schoolScopeOf } from './console-auth/school-scope.js';
import { csrfTokenMatches, resumeSession } from './console-auth/sessions.js';
import type { DatabaseSchema } from './db/schema.js';
import { HttpProblem, unauthorized } from './problems.js';
import { authenticateToken, type TokenPrincipal } from './store/organizations.js';

/**
 * Who is calling a staff route. `tokenId` names an API token, or `session:<id>` for a console session.
 * `schoolIds` limits a principal to some schools of the organization; absent, it acts in all of them
 * (organization admins, and API tokens as ever).
 */
export interface StaffPrincipal extends TokenPrincipal {
  via: 'token' | 'session';
  staffUserId?: string;
  sessionId?: string;
  /** The session cookie's secret, kept only for this request to check the CSRF token against. */
  sessionSecret?: string;
  schoolIds?: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: StaffPrincipal;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export const forbiddenProblem = (detail: string) =>
  new HttpProblem({ status: 403, type: PROBLEM_TYPES.forbidden, title: 'Forbidden', detail });

/** The console session cookie's secret, if the request carries one. */
export function sessionSecretOf(request: FastifyRequest): string | undefined {
  const name = request.server.consoleAuth?.cookieName;
  const value = name ? request.cookies?.[name] : undefined;
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

/** Resolves the console session cookie to a principal (no CSRF check: see requireStaff). */
export async function authenticateSession(db: Kysely<DatabaseSchema>, request: FastifyRequest): Promise<StaffPrincipal | undefined> {
  const config = request.server.consoleAuth;
  const secret = sessionSecretOf(request);
  if (!config || !secret) return undefined;
  const principal = await sessionPrincipal(db, config, { secret });
  return principal && { ...principal, sessionSecret: secret };
}

/** The `tokenId` a console session acts under, e.g. as the subject of an inbox stream ticket. */
export const SESSION_TOKEN_PREFIX = 'session:';

async function sessionPrincipal(
  db: Kysely<DatabaseSchema>,
  config: ConsoleAuthConfig,
  by: { secret: string } | { id: string },
): Promise<StaffPrincipal | undefined> {
  const session = await resumeSession(db, config, by);
  if (!session) return undefined;
  const scope = await schoolScopeOf(db, session);
  return {
    tokenId: `${SESSION_TOKEN_PREFIX}${session.id}`,
    organizationId: session.organizationId,
    role: session.role,
    via: 'session',
    staffUserId: session.staffUserId,
    sessionId: session.id,
    ...(scope ? { schoolIds: scope } : {}),
  };
}

/**
 * The principal behind a stream ticket's subject: an API token id, or `session:<id>` for a console session that
 * is still live. EventSource cannot send headers, so streams authenticate with tickets (or the cookie itself).
 */
export async function principalForTicketSubject(
  db: Kysely<DatabaseSchema>,
  request: FastifyRequest,
  ticket: { organizationId: string; subjectId: string },
): Promise<StaffPrincipal | undefined> {
  const config = request.server.consoleAuth;
  if (ticket.subjectId.startsWith(SESSION_TOKEN_PREFIX)) {
    if (!config) return undefined;
    const principal = await sessionPrincipal(db, config, { id: ticket.subjectId.slice(SESSION_TOKEN_PREFIX.length) });
    return principal?.organizationId === ticket.organizationId ? principal : undefined;
  }
  const token = await db
    .selectFrom('api_tokens')
    .select(['id', 'organization_id', 'role'])
    .where('id', '=', ticket.subjectId)
    .where('organization_id', '=', ticket.organizationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return token && { tokenId: token.id, organizationId: token.organization_id, role: token.role, via: 'token' };
}

/**
 * Refuses a cookie-authenticated write that another site could have caused: it must come from the console's
 * origin and carry the session's CSRF token in `X-Tandem-CSRF`.
 */
export function checkCsrf(request: FastifyRequest, principal: StaffPrincipal): void {
  if (principal.via !== 'session' || !UNSAFE_METHODS.has(request.method)) return;
  if (isCrossSite(request.server.consoleAuth, request))
    throw forbiddenProblem('This request came from another site; sign in to the console on its own address.');
  const presented = request.headers[CSRF_HEADER.toLowerCase()];
  if (typeof presented !== 'string' || !csrfTokenMatches(principal.sessionSecret!, presented)) {
    throw forbiddenProblem(`Send the session's CSRF token (from GET /api/v1/session) as "${CSRF_HEADER}".`);
  }
}

/** A preHandler that resolves the API token or the console session, or refuses with 401 problem+json. */
export function requireStaff(db: Kysely<DatabaseSchema>) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerTokenOf(request);
    let principal: StaffPrincipal | undefined;
    if (token) {
      const fromToken = await authenticateToken(db, token);
      if (!fromToken) throw unauthorized('This API token is not valid or was revoked.');
      principal = { ...fromToken, via: 'token' };
    } else {
      principal = await authenticateSession(db, request);
      if (!principal) {
        throw unauthorized(
          sessionSecretOf(request)
            ? 'Your console session ended; sign in again.'
            : 'Send an API token as "Authorization: Bearer <token>", or sign in to the console.',
        );
      }
      checkCsrf(request, principal);
    }
    await checkSchoolScope(db, request, principal);
    request.principal = principal;
  };
}

export function principalOf(request: FastifyRequest): StaffPrincipal {
  if (!request.principal) throw unauthorized('Not signed in.');
  return request.principal;
}

/** Whether the principal may act in this school (organization-wide principals may act in every one). */
export function actsInSchool(principal: StaffPrincipal, schoolId: string): boolean {
  return principal.schoolIds === undefined || principal.schoolIds.includes(schoolId);
}
