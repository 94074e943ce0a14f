/** Registers every identity and messaging route. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { registerIdentityRoutes } from '../identity/routes.js';
import { registerFamilyMessageRoutes } from './family-routes.js';
import type { Messaging } from './messaging.js';
import { registerStaffMessageRoutes } from './staff-routes.js';

export function registerMessagingRoutes(app: FastifyInstance, ctx: AppContext, messaging: Messaging): void {
  registerIdentityRoutes(app, ctx, messaging);
  registerFamilyMessageRoutes(app, ctx, messaging);
  registerStaffMessageRoutes(app, ctx, messaging);
}
