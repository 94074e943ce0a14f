/** Tandem content an LMS link may point at: the registration's school's published surveys, events, resources, lessons and its message box. */
import { sql, type Kysely } from 'kysely';
import { pickText, type LocalizedText } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import type { RegistrationRow } from './registrations.js';

type Db = Kysely<DatabaseSchema>;

export const LINKABLE_WIDGETS = ['survey', 'event-rsvp', 'resource-card', 'lesson-viewer', 'message-box'] as const;
export type LinkableWidget = (typeof LINKABLE_WIDGETS)[number];

export interface LinkableItem {
  widget: LinkableWidget;
  id: string;
  title: string;
}

export interface LinkableGroups {
  surveys: LinkableItem[];
  events: LinkableItem[];
  resources: LinkableItem[];
  lessons: LinkableItem[];
  messages: LinkableItem[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function titleOf(content: string, field: 'title' | 'name', locale: string, defaultLocale: string): string {
  try {
    const parsed = JSON.parse(content) as Record<string, unknown>;
    return pickText(parsed[field] as LocalizedText | undefined, locale, defaultLocale).text;
  } catch {
    return '';
  }
}

/** Resources and lessons list the schools they are for; none listed means every school of the organization. */
function forSchool(content: string, schoolId: string): boolean {
  try {
    const ids = (JSON.parse(content) as { schoolIds?: unknown }).schoolIds;
    return !Array.isArray(ids) || ids.length === 0 || ids.includes(schoolId);
  } catch {
    return false;
  }
}

/** Where each kind of linkable content lives: surveys and events belong to one school, resources and lessons list theirs. */
const SOURCES = [
  { group: 'surveys', table: 'surveys', widget: 'survey', titleField: 'title', schoolColumn: true },
  { group: 'events', table: 'events', widget: 'event-rsvp', titleField: 'title', schoolColumn: true },
  { group: 'resources', table: 'resources', widget: 'resource-card', titleField: 'name', schoolColumn: false },
  { group: 'lessons', table: 'lessons', widget: 'lesson-viewer', titleField: 'title', schoolColumn: false },
] as const;

export async function linkableContent(
  db: Db,
  registration: RegistrationRow,
  locale: string,
  messageBoxTitle: string,
): Promise<LinkableGroups> {
  const school = registration.school_id;
  const groups: LinkableGroups = { surveys: [], events: [], resources: [], lessons: [], messages: [] };
  if (!school) return groups;
  for (const source of SOURCES) {
    let query = db
      .selectFrom(source.table)
      .select(['id', 'content', 'default_locale'])
      .where('organization_id', '=', registration.organization_id)
      .where('status', '=', 'published')
      .orderBy('created_at', 'desc');
    if (source.schoolColumn) query = query.where(sql.ref<string>('school_id'), '=', school);
    const rows = await query.execute();
    groups[source.group] = rows
      .filter((r) => source.schoolColumn || forSchool(r.content, school))
      .map((r) => ({ widget: source.widget, id: r.id, title: titleOf(r.content, source.titleField, locale, r.default_locale) || r.id }));
  }
  groups.messages = [{ widget: 'message-box', id: school, title: messageBoxTitle }];
  return groups;
}

/** Whether a link's `{ widget, id }` names published content of the registration's school. */
export async function isLinkable(db: Db, registration: RegistrationRow, widget: string, id: string): Promise<boolean> {
  const org = registration.organization_id;
  const school = registration.school_id;
  if (!school || !ID.test(id)) return false;
  switch (widget) {
    case 'survey':
    case 'event-rsvp': {
      const row = await db
        .selectFrom(widget === 'survey' ? 'surveys' : 'events')
        .select('id')
        .where('id', '=', id)
        .where('organization_id', '=', org)
        .where('school_id', '=', school)
        // A closed survey still shows families that it closed.
        .where('status', 'in', widget === 'survey' ? ['published', 'closed'] : ['published', 'cancelled'])
        .executeTakeFirst();
      return row !== undefined;
    }
    case 'resource-card':
    case 'lesson-viewer': {
      const row = await db
        .selectFrom(widget === 'resource-card' ? 'resources' : 'lessons')
        .select('content')
        .where('id', '=', id)
        .where('organization_id', '=', org)
        .where('status', '=', 'published')
        .executeTakeFirst();
      return row !== undefined && forSchool(row.content, school);
    }
    case 'message-box':
      return id === school;
    default:
      return false;
  }
}
