/** Take-home lessons and "We tried it!" completions: rows ↔ protocol shapes and tenancy-scoped reads. */
import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import { lessonTexts, localesOf, type Lesson, type LessonCompletions, type LessonInput, type PublicLesson } from '@tandem/protocol';
import type { DatabaseSchema, LessonsTable } from '../db/schema.js';

type Db = Kysely<DatabaseSchema>;
export type LessonRow = Selectable<LessonsTable>;

export function parseLessonContent(row: Pick<LessonRow, 'content'>): LessonInput {
  return JSON.parse(row.content) as LessonInput;
}

export function toLesson(row: LessonRow, completions: number): Lesson {
  const content = parseLessonContent(row);
  return {
    id: row.id,
    ...content,
    locales: localesOf(content.defaultLocale, lessonTexts(content)),
    status: row.status,
    completions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
  };
}

export function toPublicLesson(row: LessonRow): PublicLesson {
  const { schoolIds: _schools, ...content } = parseLessonContent(row);
  return { id: row.id, ...content, locales: localesOf(content.defaultLocale, lessonTexts(content)), updatedAt: row.updated_at };
}

/** A lesson only if it belongs to the organization; every staff read goes through here. */
export async function findOwnedLesson(db: Db, organizationId: string, lessonId: string): Promise<LessonRow | undefined> {
  return db.selectFrom('lessons').selectAll().where('id', '=', lessonId).where('organization_id', '=', organizationId).executeTakeFirst();
}

/** Completions per lesson of one organization. */
export async function completionCounts(db: Db, organizationId: string, lessonId?: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('lesson_completions')
    .select('lesson_id')
    .select(sql<string | number>`count(*)`.as('n'))
    .where('organization_id', '=', organizationId)
    .$if(lessonId !== undefined, (qb) => qb.where('lesson_id', '=', lessonId!))
    .groupBy('lesson_id')
    .execute();
  return new Map(rows.map((r) => [r.lesson_id, Number(r.n)]));
}

export async function listLessons(db: Db, organizationId: string): Promise<Lesson[]> {
  const rows = await db
    .selectFrom('lessons')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const counts = await completionCounts(db, organizationId);
  return rows.map((row) => toLesson(row, counts.get(row.id) ?? 0));
}

/** Who tried a lesson: counts per language (most first) and every reflection, newest first. */
export async function lessonCompletions(db: Db, organizationId: string, lessonId: string): Promise<LessonCompletions> {
  const rows = await db
    .selectFrom('lesson_completions')
    .selectAll()
    .where('lesson_id', '=', lessonId)
    .where('organization_id', '=', organizationId)
    .orderBy('completed_at', 'desc')
    .orderBy('id')
    .execute();
  const byLocale = new Map<string, number>();
  for (const row of rows) byLocale.set(row.locale, (byLocale.get(row.locale) ?? 0) + 1);
  return {
    lessonId,
    total: rows.length,
    byLocale: [...byLocale]
      .map(([locale, count]) => ({ locale, count }))
      .sort((a, b) => b.count - a.count || a.locale.localeCompare(b.locale)),
    items: rows.map((r) => ({
      id: r.id,
      locale: r.locale,
      ...(r.reflection ? { reflection: r.reflection } : {}),
      completedAt: r.completed_at,
    })),
  };
}
