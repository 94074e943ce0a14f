/** GET /healthz: the process is up and the database answers a real query. */
import type { FastifyInstance } from 'fastify';
import { routes } from '@tandem/protocol';
import type { AppContext } from '../context.js';
import { ping } from '../db/database.js';
import { HttpProblem } from '../problems.js';
import { routeSchema } from './route-schema.js';

export function registerHealthRoute(app: FastifyInstance, ctx: AppContext): void {
  const spec = routes.health;
  app.route({
    method: spec.method,
    url: spec.path,
    schema: routeSchema('health'),
    handler: async () => {
      try {
        await ping(ctx.database);
      } catch (error) {
        app.log.error({ err: error }, 'database health check failed');
        throw new HttpProblem({ status: 503, title: 'Service unavailable', detail: 'The database is not answering.' });
      }
      return { status: 'ok' as const, database: ctx.database.dialect };
    },
  });
}
