/** The public resource API the resource card and list call: a school's or district's resources, one resource, and "Was this helpful?". */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { validateFeedback, type ResourceFeedbackInput, type ResourceFeedbackReceipt, type ResourceQuery } from '@tandem/protocol';
import type { AppContext } from '../context.js';
import type { DatabaseSchema } from '../db/schema.js';
import { notFound, validationProblem } from '../problems.js';
import { findOrganizationBySlug } from '../store/organizations.js';
import { findPublicResources, toPublicResource } from '../store/resources.js';
import { idempotencyKeyOf } from './public-surveys.js';
import { routeOptions } from './route-schema.js';
import { publicWriteLimit, sendCacheable, writeOnce } from './write-once.js';

type ResourceParams = { resourceId: string };

const resourceNotFound = () => notFound('No published resource has this id.');

export function registerPublicResourceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  // Takes the executor, so a write can read inside its own transaction (SQLite has one connection).
  const publishedResource = async (resourceId: string, executor: Kysely<DatabaseSchema> = db) => {
    const row = await executor.selectFrom('resources').selectAll().where('id', '=', resourceId).executeTakeFirst();
    if (!row || row.status !== 'published') throw resourceNotFound();
    return row;
  };

  app.route<{ Querystring: ResourceQuery }>({
    ...routeOptions('listPublicResources'),
    handler: async (request, reply) => {
      const query = request.query;
      let scope: { organizationId: string; schoolId?: string } | undefined;
      if (query.school) {
        const school = await db.selectFrom('schools').select(['id', 'organization_id']).where('id', '=', query.school).executeTakeFirst();
        if (!school) throw notFound('No school has this id.');
        scope = { organizationId: school.organization_id, schoolId: school.id };
      } else if (query.organization) {
        const organization = await findOrganizationBySlug(db, query.organization);
        if (!organization) throw notFound('No organization has this slug.');
        scope = { organizationId: organization.id };
      }
      if (!scope) {
        // Every district's resources at once would mix tenants; the widget always knows its school or district.
        throw validationProblem([
          { pointer: '/querystring/school', code: 'required', detail: 'Say whose resources: ?school=ID or ?organization=SLUG.' },
        ]);
      }
      const items = await findPublicResources(db, scope, query);
      // "Open now" changes by the minute; the rest may be reused briefly.
      if (query.openNow === 'true') {
        reply.header('cache-control', 'no-cache');
        return reply.type('application/json; charset=utf-8').send(JSON.stringify({ items }));
      }
      return sendCacheable(request, reply, { items });
    },
  });

  app.route<{ Params: ResourceParams }>({
    ...routeOptions('getPublicResource'),
    handler: async (request, reply) => sendCacheable(request, reply, toPublicResource(await publishedResource(request.params.resourceId))),
  });

  app.route<{ Params: ResourceParams; Body: ResourceFeedbackInput }>({
    ...routeOptions('submitResourceFeedback'),
    bodyLimit: ctx.publicBodyLimit,
    config: publicWriteLimit(ctx.rateLimitPerMinute),
    handler: async (request, reply) => {
      const key = idempotencyKeyOf(request, true)!;
      const { resourceId } = request.params;
      return writeOnce(db, reply, request, { scope: `feedback:${resourceId}`, key, statusCode: 201 }, async (trx, now) => {
        const resource = await publishedResource(resourceId, trx);
        const input = request.body;
        const errors = validateFeedback(input);
        if (errors.length > 0) throw validationProblem(errors);
        const receipt: ResourceFeedbackReceipt = { feedbackId: randomUUID(), resourceId, receivedAt: now };
        await trx
          .insertInto('resource_feedback')
          .values({
            id: receipt.feedbackId,
            resource_id: resourceId,
            organization_id: resource.organization_id,
            helpful: input.helpful ? 1 : 0,
            locale: input.locale,
            comment: input.comment?.trim() || null,
            created_at: now,
          })
          .execute();
        return receipt;
      });
    },
  });
}
