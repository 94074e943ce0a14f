/**
 * The staff API for an organization's allowed embedding sites. Any staff member may read the list (the
 * console shows it beside every embed snippet); only organization admins change it, since it decides
 * where every school's widgets may appear.
 */
import type { FastifyInstance } from 'fastify';
import { checkEmbedOrigins, type EmbedOrigins } from '@tandem/protocol';
import { forbiddenProblem, principalOf, requireStaff } from '../auth.js';
import { recordAudit } from '../console-auth/audit.js';
import type { AppContext } from '../context.js';
import { validationProblem } from '../problems.js';
import { staffRouteOptions } from '../routes/route-schema.js';
import type { EmbedOriginCache } from './store.js';
import { readEmbedOrigins, replaceEmbedOrigins } from './store.js';

export function registerEmbedOriginRoutes(app: FastifyInstance, ctx: AppContext, policies: EmbedOriginCache): void {
  const db = ctx.database.db;
  const preHandler = requireStaff(db);

  app.route({
    ...staffRouteOptions('getEmbedOrigins', preHandler),
    handler: async (request, reply): Promise<EmbedOrigins> => {
      reply.header('cache-control', 'no-store');
      return { origins: await readEmbedOrigins(db, principalOf(request).organizationId) };
    },
  });

  app.route<{ Body: EmbedOrigins }>({
    ...staffRouteOptions('setEmbedOrigins', preHandler),
    handler: async (request, reply): Promise<EmbedOrigins> => {
      const principal = principalOf(request);
      if (principal.role !== 'admin' || principal.schoolIds !== undefined) {
        throw forbiddenProblem('Only an organization admin chooses which sites may embed its widgets.');
      }
      const { origins, errors } = checkEmbedOrigins(request.body.origins);
      if (errors.length > 0) throw validationProblem(errors);
      const before = await readEmbedOrigins(db, principal.organizationId);
      await replaceEmbedOrigins(db, principal.organizationId, origins);
      policies.invalidate(principal.organizationId);
      await recordAudit(
        db,
        principal,
        'organization.embed-origins-changed',
        { kind: 'organization', id: principal.organizationId },
        { before, after: origins },
        request.ip,
      );
      reply.header('cache-control', 'no-store');
      return { origins };
    },
  });
}
