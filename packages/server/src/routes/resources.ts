/** The staff resource API: list, create, read, edit and translate, publish, unpublish, feedback, HSDS import and export — always within the token's organization. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { resourceTextsByKey, validateResourceContent, type FieldError, type ResourceInput, type ResourcePatch } from '@tandem/protocol';
import { principalOf, requireStaff, type StaffPrincipal } from '../auth.js';
import { checkListedSchools, requireOrganizationWide, seesListedContent } from '../console-auth/listed-schools.js';
import type { AppContext } from '../context.js';
import type { DatabaseSchema } from '../db/schema.js';
import { notFound, validationProblem } from '../problems.js';
import { editedMarks, withKeptMarks } from '../store/machine-marks.js';
import { applyPatch, sentMarks } from '../store/patch.js';
import { schoolBelongsTo } from '../store/organizations.js';
import { exportHsds, importHsds } from '../store/resource-import.js';
import {
  feedbackOverview,
  feedbackSummary,
  findOwnedResource,
  listResources,
  parseResourceContent,
  resourceColumns,
  toResource,
  type ResourceRow,
} from '../store/resources.js';
import { writeStatusChange } from '../store/status-change.js';
import { laterThan } from '../timestamps.js';
import { idempotencyKeyOf } from './public-surveys.js';
import { staffRouteOptions } from './route-schema.js';
import { writeOnce } from './write-once.js';

type Db = Kysely<DatabaseSchema>;
type ResourceParams = { resourceId: string };

/** HSDS files of a whole district are larger than one form's worth of JSON. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const resourceNotFound = () => notFound('No resource with this id in your organization.');

/** Content rules plus what only the database knows: every listed school is one of the organization's. */
export async function checkResourceContent(db: Db, organizationId: string, input: ResourceInput): Promise<void> {
  const errors: FieldError[] = validateResourceContent(input);
  for (const [i, schoolId] of input.schoolIds.entries()) {
    if (!(await schoolBelongsTo(db, schoolId, organizationId))) {
      errors.unshift({ pointer: `/schoolIds/${i}`, code: 'invalid-option', detail: 'No school with this id in your organization.' });
    }
  }
  if (errors.length > 0) throw validationProblem(errors);
}

export function registerStaffResourceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const preHandler = requireStaff(db);

  // A resource outside a school-scoped staff member's schools answers 404, as one of another organization does.
  const owned = async (principal: StaffPrincipal, resourceId: string) => {
    const row = await findOwnedResource(db, principal.organizationId, resourceId);
    if (!row || !seesListedContent(principal, parseResourceContent(row).schoolIds)) throw resourceNotFound();
    return row;
  };
  const visible = async (principal: StaffPrincipal) =>
    (await listResources(db, principal.organizationId)).filter((row) => seesListedContent(principal, parseResourceContent(row).schoolIds));
  const setStatus = async (organizationId: string, row: ResourceRow, status: ResourceRow['status'], actor: StaffPrincipal) => {
    if (row.status !== status) {
      await writeStatusChange(
        db,
        'resources',
        organizationId,
        row,
        (now) => ({
          status,
          published_at: status === 'published' ? now : null,
        }),
        actor,
      );
    }
    return toResource((await findOwnedResource(db, organizationId, row.id))!);
  };

  app.route({
    ...staffRouteOptions('listResources', preHandler),
    handler: async (request) => ({ items: (await visible(principalOf(request))).map(toResource) }),
  });

  app.route<{ Body: ResourceInput }>({
    ...staffRouteOptions('createResource', preHandler),
    handler: async (request, reply) => {
      const { organizationId } = principalOf(request);
      const key = idempotencyKeyOf(request, false);
      await checkResourceContent(db, organizationId, request.body);
      checkListedSchools(principalOf(request), request.body.schoolIds);
      return writeOnce(db, reply, request, { scope: `create-resource:${organizationId}`, key, statusCode: 201 }, async (trx, now) => {
        const row: ResourceRow = {
          id: randomUUID(),
          organization_id: organizationId,
          external_id: null,
          status: 'draft',
          ...resourceColumns(request.body),
          created_at: now,
          updated_at: now,
          published_at: null,
        };
        await trx.insertInto('resources').values(row).execute();
        return toResource(row);
      });
    },
  });

  app.route<{ Params: ResourceParams }>({
    ...staffRouteOptions('getResource', preHandler),
    handler: async (request) => toResource(await owned(principalOf(request), request.params.resourceId)),
  });

  app.route<{ Params: ResourceParams; Body: ResourcePatch }>({
    ...staffRouteOptions('updateResource', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const before = await owned(principalOf(request), request.params.resourceId);
      const stored = parseResourceContent(before);
      const edited = applyPatch(stored, request.body);
      const after = resourceTextsByKey(edited);
      const marks = editedMarks(sentMarks(request.body.machineTranslated), stored.machineTranslated, resourceTextsByKey(stored), after);
      const merged = withKeptMarks(edited, marks, after);
      await checkResourceContent(db, organizationId, merged);
      checkListedSchools(principalOf(request), merged.schoolIds, stored.schoolIds);
      await db
        .updateTable('resources')
        .set({ ...resourceColumns(merged), updated_at: laterThan(before.updated_at) })
        .where('id', '=', before.id)
        .where('organization_id', '=', organizationId)
        .execute();
      return toResource((await findOwnedResource(db, organizationId, before.id))!);
    },
  });

  app.route<{ Params: ResourceParams }>({
    ...staffRouteOptions('publishResource', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      return setStatus(organizationId, await owned(principalOf(request), request.params.resourceId), 'published', principalOf(request));
    },
  });

  app.route<{ Params: ResourceParams }>({
    ...staffRouteOptions('unpublishResource', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      return setStatus(organizationId, await owned(principalOf(request), request.params.resourceId), 'draft', principalOf(request));
    },
  });

  app.route<{ Params: ResourceParams }>({
    ...staffRouteOptions('getResourceFeedback', preHandler),
    handler: async (request, reply) => {
      const { organizationId } = principalOf(request);
      const row = await owned(principalOf(request), request.params.resourceId);
      reply.header('cache-control', 'no-store');
      return feedbackSummary(db, organizationId, row.id);
    },
  });

  app.route({
    ...staffRouteOptions('getResourceFeedbackOverview', preHandler),
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const principal = principalOf(request);
      const overview = await feedbackOverview(db, principal.organizationId);
      if (principal.schoolIds === undefined) return overview;
      const shown = new Set((await visible(principal)).map((row) => row.id));
      return { items: overview.items.filter((item) => shown.has(item.resourceId)) };
    },
  });

  app.route<{ Body: unknown; Querystring: { publish?: 'true' | 'false'; defaultLocale?: string; timeZone?: string } }>({
    ...staffRouteOptions('importResources', preHandler),
    bodyLimit: IMPORT_BODY_LIMIT,
    handler: async (request) => {
      const { publish, defaultLocale, timeZone } = request.query;
      // An HSDS file is a whole district's directory; it is not split by school.
      requireOrganizationWide(principalOf(request), 'import a resource directory');
      return importHsds(db, principalOf(request).organizationId, request.body, {
        publish: publish === 'true',
        ...(defaultLocale ? { defaultLocale } : {}),
        ...(timeZone ? { timeZone } : {}),
      });
    },
  });

  app.route<{ Querystring: { status?: 'draft' | 'published' } }>({
    ...staffRouteOptions('exportResources', preHandler, { successContentType: 'application/json' }),
    handler: async (request, reply) => {
      requireOrganizationWide(principalOf(request), 'export the whole resource directory');
      const document = await exportHsds(db, principalOf(request).organizationId, request.query.status);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="resources.hsds.json"')
        .header('cache-control', 'no-store')
        .send(JSON.stringify(document, null, 2));
    },
  });
}
