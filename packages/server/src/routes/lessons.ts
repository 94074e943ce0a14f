/** The staff lesson API: list, create, read, edit and translate, publish, unpublish and completions — always within the token's organization. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { lessonTextsByKey, validateLessonContent, type FieldError, type LessonInput, type LessonPatch } from '@tandem/protocol';
import { principalOf, requireStaff, type StaffPrincipal } from '../auth.js';
import { checkListedSchools, seesListedContent } from '../console-auth/listed-schools.js';
import type { AppContext } from '../context.js';
import type { DatabaseSchema } from '../db/schema.js';
import { notFound, validationProblem } from '../problems.js';
import {
  completionCounts,
  findOwnedLesson,
  lessonCompletions,
  listLessons,
  parseLessonContent,
  toLesson,
  type LessonRow,
} from '../store/lessons.js';
import { editedMarks, withKeptMarks } from '../store/machine-marks.js';
import { schoolBelongsTo } from '../store/organizations.js';
import { writeStatusChange } from '../store/status-change.js';
import { laterThan } from '../timestamps.js';
import { idempotencyKeyOf } from './public-surveys.js';
import { staffRouteOptions } from './route-schema.js';
import { writeOnce } from './write-once.js';

type Db = Kysely<DatabaseSchema>;
type LessonParams = { lessonId: string };

const lessonNotFound = () => notFound('No lesson with this id in your organization.');

async function checkLessonContent(db: Db, organizationId: string, input: LessonInput): Promise<void> {
  const errors: FieldError[] = validateLessonContent(input);
  for (const [i, schoolId] of input.schoolIds.entries()) {
    if (!(await schoolBelongsTo(db, schoolId, organizationId))) {
      errors.unshift({ pointer: `/schoolIds/${i}`, code: 'invalid-option', detail: 'No school with this id in your organization.' });
    }
  }
  if (errors.length > 0) throw validationProblem(errors);
}

export function registerStaffLessonRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const preHandler = requireStaff(db);

  // A lesson outside a school-scoped staff member's schools answers 404, as one of another organization does.
  const owned = async (principal: StaffPrincipal, lessonId: string) => {
    const row = await findOwnedLesson(db, principal.organizationId, lessonId);
    if (!row || !seesListedContent(principal, parseLessonContent(row).schoolIds)) throw lessonNotFound();
    return row;
  };
  const present = async (organizationId: string, lessonId: string) => {
    const row = (await findOwnedLesson(db, organizationId, lessonId))!;
    return toLesson(row, (await completionCounts(db, organizationId, row.id)).get(row.id) ?? 0);
  };
  const setStatus = async (organizationId: string, row: LessonRow, status: LessonRow['status'], actor: StaffPrincipal) => {
    if (row.status !== status) {
      await writeStatusChange(
        db,
        'lessons',
        organizationId,
        row,
        (now) => ({ status, published_at: status === 'published' ? now : null }),
        actor,
      );
    }
    return present(organizationId, row.id);
  };

  app.route({
    ...staffRouteOptions('listLessons', preHandler),
    handler: async (request) => {
      const principal = principalOf(request);
      return {
        items: (await listLessons(db, principal.organizationId)).filter((lesson) => seesListedContent(principal, lesson.schoolIds)),
      };
    },
  });

  app.route<{ Body: LessonInput }>({
    ...staffRouteOptions('createLesson', preHandler),
    handler: async (request, reply) => {
      const { organizationId } = principalOf(request);
      const key = idempotencyKeyOf(request, false);
      await checkLessonContent(db, organizationId, request.body);
      checkListedSchools(principalOf(request), request.body.schoolIds);
      const content = withKeptMarks(request.body, request.body.machineTranslated, lessonTextsByKey(request.body));
      return writeOnce(db, reply, request, { scope: `create-lesson:${organizationId}`, key, statusCode: 201 }, async (trx, now) => {
        const row: LessonRow = {
          id: randomUUID(),
          organization_id: organizationId,
          status: 'draft',
          default_locale: request.body.defaultLocale,
          content: JSON.stringify(content),
          created_at: now,
          updated_at: now,
          published_at: null,
        };
        await trx.insertInto('lessons').values(row).execute();
        return toLesson(row, 0);
      });
    },
  });

  app.route<{ Params: LessonParams }>({
    ...staffRouteOptions('getLesson', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      return present(organizationId, (await owned(principalOf(request), request.params.lessonId)).id);
    },
  });

  app.route<{ Params: LessonParams; Body: LessonPatch }>({
    ...staffRouteOptions('updateLesson', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const before = await owned(principalOf(request), request.params.lessonId);
      const stored = parseLessonContent(before);
      const edited: LessonInput = { ...stored, ...request.body };
      const after = lessonTextsByKey(edited);
      const marks = editedMarks(request.body.machineTranslated, stored.machineTranslated, lessonTextsByKey(stored), after);
      const merged = withKeptMarks(edited, marks, after);
      await checkLessonContent(db, organizationId, merged);
      checkListedSchools(principalOf(request), merged.schoolIds, stored.schoolIds);
      await db
        .updateTable('lessons')
        .set({ default_locale: merged.defaultLocale, content: JSON.stringify(merged), updated_at: laterThan(before.updated_at) })
        .where('id', '=', before.id)
        .where('organization_id', '=', organizationId)
        .execute();
      return present(organizationId, before.id);
    },
  });

  app.route<{ Params: LessonParams }>({
    ...staffRouteOptions('publishLesson', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      return setStatus(organizationId, await owned(principalOf(request), request.params.lessonId), 'published', principalOf(request));
    },
  });

  app.route<{ Params: LessonParams }>({
    ...staffRouteOptions('unpublishLesson', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      return setStatus(organizationId, await owned(principalOf(request), request.params.lessonId), 'draft', principalOf(request));
    },
  });

  app.route<{ Params: LessonParams }>({
    ...staffRouteOptions('getLessonCompletions', preHandler),
    handler: async (request, reply) => {
      const { organizationId } = principalOf(request);
      const row = await owned(principalOf(request), request.params.lessonId);
      reply.header('cache-control', 'no-store');
      return lessonCompletions(db, organizationId, row.id);
    },
  });
}
