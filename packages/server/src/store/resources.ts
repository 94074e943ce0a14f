/** Community resources and family feedback on them: rows ↔ protocol shapes, tenancy-scoped reads, public filters. */
import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import {
  compareResourceNames,
  localesOf,
  matchesResourceQuery,
  resourceTexts,
  resourceTextsByKey,
  type PublicResource,
  type Resource,
  type ResourceFeedbackOverview,
  type ResourceFeedbackSummary,
  type ResourceInput,
  type ResourceQuery,
} from '@tandem/protocol';
import type { DatabaseSchema, ResourcesTable } from '../db/schema.js';
import { withKeptMarks } from './machine-marks.js';

type Db = Kysely<DatabaseSchema>;
export type ResourceRow = Selectable<ResourcesTable>;

export function parseResourceContent(row: Pick<ResourceRow, 'content'>): ResourceInput {
  return JSON.parse(row.content) as ResourceInput;
}

/** The columns a resource's content decides; `content` keeps the whole input so nothing is lost. */
export function resourceColumns(input: ResourceInput) {
  // Marks of texts the input does not have (or has no words for in that language) are not kept.
  const content = withKeptMarks(input, input.machineTranslated, resourceTextsByKey(input));
  return { default_locale: input.defaultLocale, time_zone: input.timeZone, category: input.category, content: JSON.stringify(content) };
}

export function toResource(row: ResourceRow): Resource {
  const content = parseResourceContent(row);
  return {
    id: row.id,
    ...content,
    locales: localesOf(content.defaultLocale, resourceTexts(content)),
    status: row.status,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
  };
}

export function toPublicResource(row: ResourceRow): PublicResource {
  const content = parseResourceContent(row);
  return { id: row.id, ...content, locales: localesOf(content.defaultLocale, resourceTexts(content)), updatedAt: row.updated_at };
}

/** A resource only if it belongs to the organization; every staff read goes through here. */
export async function findOwnedResource(db: Db, organizationId: string, resourceId: string): Promise<ResourceRow | undefined> {
  return db
    .selectFrom('resources')
    .selectAll()
    .where('id', '=', resourceId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function listResources(db: Db, organizationId: string): Promise<ResourceRow[]> {
  return db.selectFrom('resources').selectAll().where('organization_id', '=', organizationId).orderBy('created_at').orderBy('id').execute();
}

/**
 * Published resources of one organization that a school (or the whole organization) lists, filtered as
 * a family asked. Filters run here rather than in SQL: languages and schools live in the JSON content,
 * a district has hundreds of resources at most, and "open now" needs each resource's own time zone.
 */
export async function findPublicResources(
  db: Db,
  scope: { organizationId: string; schoolId?: string },
  query: ResourceQuery,
  now = new Date(),
): Promise<PublicResource[]> {
  const rows = await db
    .selectFrom('resources')
    .selectAll()
    .where('organization_id', '=', scope.organizationId)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  // The same rules the list widget runs over a static resources.json (protocol's resource-filter).
  const filters: ResourceQuery = { ...query, ...(scope.schoolId ? { school: scope.schoolId } : {}) };
  return rows
    .map((row) => ({ row, content: parseResourceContent(row) }))
    .filter(({ content }) => matchesResourceQuery(content, filters, now))
    .sort((a, b) => compareResourceNames(a.content, b.content))
    .map(({ row }) => toPublicResource(row));
}

export async function feedbackSummary(db: Db, organizationId: string, resourceId: string): Promise<ResourceFeedbackSummary> {
  const rows = await db
    .selectFrom('resource_feedback')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const byLocale = new Map<string, { locale: string; helpful: number; notHelpful: number }>();
  for (const row of rows) {
    const entry = byLocale.get(row.locale) ?? { locale: row.locale, helpful: 0, notHelpful: 0 };
    if (Number(row.helpful) === 1) entry.helpful++;
    else entry.notHelpful++;
    byLocale.set(row.locale, entry);
  }
  const helpful = rows.filter((r) => Number(r.helpful) === 1).length;
  return {
    resourceId,
    helpful,
    notHelpful: rows.length - helpful,
    byLocale: [...byLocale.values()].sort(
      (a, b) => b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || a.locale.localeCompare(b.locale),
    ),
    comments: rows.flatMap((r) =>
      r.comment ? [{ id: r.id, helpful: Number(r.helpful) === 1, locale: r.locale, comment: r.comment, createdAt: r.created_at }] : [],
    ),
  };
}

export async function feedbackOverview(db: Db, organizationId: string): Promise<ResourceFeedbackOverview> {
  const counts = await db
    .selectFrom('resource_feedback')
    .select(['resource_id', 'helpful'])
    .select([sql<string | number>`count(*)`.as('n'), sql<string>`max(created_at)`.as('last_at')])
    .where('organization_id', '=', organizationId)
    .groupBy(['resource_id', 'helpful'])
    .execute();
  const resources = await listResources(db, organizationId);
  const items = resources.map((row) => {
    const content = parseResourceContent(row);
    const own = counts.filter((c) => c.resource_id === row.id);
    const count = (helpful: number) => Number(own.find((c) => Number(c.helpful) === helpful)?.n ?? 0);
    const last = own
      .map((c) => c.last_at)
      .sort()
      .at(-1);
    return {
      resourceId: row.id,
      name: content.name,
      defaultLocale: content.defaultLocale,
      helpful: count(1),
      notHelpful: count(0),
      ...(last ? { lastFeedbackAt: last } : {}),
    };
  });
  items.sort((a, b) => b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || a.resourceId.localeCompare(b.resourceId));
  return { items };
}
