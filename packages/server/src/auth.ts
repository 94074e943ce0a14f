/** Bearer API-token authentication for staff routes. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './db/schema.js';
import { unauthorized } from './problems.js';
import { authenticateToken, type TokenPrincipal } from './store/organizations.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: TokenPrincipal;
  }
}

export function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** A preHandler that resolves the token or refuses with 401 problem+json. */
export function requireStaff(db: Kysely<DatabaseSchema>) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerTokenOf(request);
    if (!token) throw unauthorized('Send an API token as "Authorization: Bearer <token>".');
    const principal = await authenticateToken(db, token);
    if (!principal) throw unauthorized('This API token is not valid or was revoked.');
    request.principal = principal;
  };
}

export function principalOf(request: FastifyRequest): TokenPrincipal {
  if (!request.principal) throw unauthorized('Not signed in.');
  return request.principal;
}
