/** The public lesson API the lesson viewer calls: read a published lesson (cacheable for offline reading) and "We tried it!". */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { validateCompletion, type LessonCompletionInput, type LessonCompletionReceipt } from '@tandem/protocol';
import type { AppContext } from '../context.js';
import type { DatabaseSchema } from '../db/schema.js';
import { notFound, validationProblem } from '../problems.js';
import { toPublicLesson } from '../store/lessons.js';
import { idempotencyKeyOf } from './public-surveys.js';
import { routeOptions } from './route-schema.js';
import { publicWriteLimit, sendCacheable, writeOnce } from './write-once.js';

type LessonParams = { lessonId: string };

const lessonNotFound = () => notFound('No published lesson has this id.');

export function registerPublicLessonRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  const publishedLesson = async (lessonId: string, executor: Kysely<DatabaseSchema> = db) => {
    const row = await executor.selectFrom('lessons').selectAll().where('id', '=', lessonId).executeTakeFirst();
    if (!row || row.status !== 'published') throw lessonNotFound();
    return row;
  };

  app.route<{ Params: LessonParams }>({
    ...routeOptions('getPublicLesson'),
    handler: async (request, reply) => sendCacheable(request, reply, toPublicLesson(await publishedLesson(request.params.lessonId))),
  });

  app.route<{ Params: LessonParams; Body: LessonCompletionInput }>({
    ...routeOptions('completeLesson'),
    bodyLimit: ctx.publicBodyLimit,
    config: publicWriteLimit(ctx.rateLimitPerMinute),
    handler: async (request, reply) => {
      const key = idempotencyKeyOf(request, true)!;
      const { lessonId } = request.params;
      return writeOnce(db, reply, request, { scope: `complete:${lessonId}`, key, statusCode: 201 }, async (trx, now) => {
        const lesson = await publishedLesson(lessonId, trx);
        const errors = validateCompletion(request.body);
        if (errors.length > 0) throw validationProblem(errors);
        const receipt: LessonCompletionReceipt = { completionId: randomUUID(), lessonId, completedAt: now };
        await trx
          .insertInto('lesson_completions')
          .values({
            id: receipt.completionId,
            lesson_id: lessonId,
            organization_id: lesson.organization_id,
            locale: request.body.locale,
            reflection: request.body.reflection?.trim() || null,
            completed_at: now,
          })
          .execute();
        return receipt;
      });
    },
  });
}
