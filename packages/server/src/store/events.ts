/** Events and their sessions: rows ↔ protocol shapes, tenancy-scoped reads, and places taken per session. */
import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import {
  SUPPORTED_LOCALES,
  eventTextsByKey,
  isSessionPast,
  type EventAudience,
  type EventInput,
  type EventNeed,
  type EventPlace,
  type EventSession,
  type LocalizedText,
  type MachineTranslated,
  type PublicEvent,
  type TandemEvent,
} from '@tandem/protocol';
import type { DatabaseSchema, EventSessionsTable, EventsTable } from '../db/schema.js';
import { withKeptMarks } from './machine-marks.js';

type Db = Kysely<DatabaseSchema>;
export type EventRow = Selectable<EventsTable>;
export type SessionRow = Selectable<EventSessionsTable>;

export interface EventContent {
  title: LocalizedText;
  description?: LocalizedText;
  location?: LocalizedText;
  place?: EventPlace;
  onlineUrl?: string;
  audience?: EventAudience;
  needsAsked: EventNeed[];
  /** Texts that are unreviewed machine translations, only those the content still has. */
  machineTranslated?: MachineTranslated;
}

export interface SessionStats {
  /** People holding confirmed places. */
  taken: number;
  /** Families on the waitlist. */
  waitlisted: number;
}

export function parseEventContent(row: Pick<EventRow, 'content'>): EventContent {
  return JSON.parse(row.content) as EventContent;
}

export function eventContentOf(input: Omit<EventInput, 'schoolId' | 'defaultLocale' | 'timeZone' | 'sessions'>): EventContent {
  const content: EventContent = {
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    ...(input.location ? { location: input.location } : {}),
    ...(input.place ? { place: input.place } : {}),
    ...(input.onlineUrl ? { onlineUrl: input.onlineUrl } : {}),
    ...(input.audience ? { audience: input.audience } : {}),
    needsAsked: input.needsAsked,
  };
  return withKeptMarks(content, input.machineTranslated, eventTextsByKey(content));
}

export function toSessionRows(eventId: string, organizationId: string, sessions: readonly EventSession[]): SessionRow[] {
  return sessions.map((s, position) => ({
    event_id: eventId,
    id: s.id,
    organization_id: organizationId,
    position,
    starts_at: s.startsAt,
    ends_at: s.endsAt,
    capacity: s.capacity,
  }));
}

export function toSession(row: SessionRow): EventSession {
  return { id: row.id, startsAt: row.starts_at, endsAt: row.ends_at, capacity: row.capacity === null ? null : Number(row.capacity) };
}

export async function loadSessions(db: Db, eventId: string): Promise<SessionRow[]> {
  return db.selectFrom('event_sessions').selectAll().where('event_id', '=', eventId).orderBy('position').execute();
}

/** Places taken and families waiting, per session of one event. */
export async function sessionStats(db: Db, eventId: string): Promise<Map<string, SessionStats>> {
  const rows = await db
    .selectFrom('rsvps')
    .select(['session_id', 'status'])
    .select([sql<string | number>`coalesce(sum(adults + children), 0)`.as('people'), sql<string | number>`count(*)`.as('families')])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .groupBy(['session_id', 'status'])
    .execute();
  const stats = new Map<string, SessionStats>();
  for (const row of rows) {
    const entry = stats.get(row.session_id) ?? { taken: 0, waitlisted: 0 };
    if (row.status === 'confirmed') entry.taken = Number(row.people);
    else entry.waitlisted = Number(row.families);
    stats.set(row.session_id, entry);
  }
  return stats;
}

export function toEvent(row: EventRow, sessions: readonly SessionRow[], stats: Map<string, SessionStats>): TandemEvent {
  const content = parseEventContent(row);
  return {
    id: row.id,
    schoolId: row.school_id,
    ...content,
    defaultLocale: row.default_locale,
    timeZone: row.time_zone,
    sessions: sessions.map((s) => ({ ...toSession(s), taken: stats.get(s.id)?.taken ?? 0, waitlisted: stats.get(s.id)?.waitlisted ?? 0 })),
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
    ...(row.cancelled_at ? { cancelledAt: row.cancelled_at } : {}),
  };
}

/** Every language the content has text in: the default first, then Tandem's usual order. */
export function eventLocales(content: EventContent, defaultLocale: string): string[] {
  const found = new Set<string>(Object.keys(content.title));
  for (const text of [content.description, content.location, content.place?.name]) for (const l of Object.keys(text ?? {})) found.add(l);
  found.delete(defaultLocale);
  const order = (locale: string) => {
    const index = (SUPPORTED_LOCALES as readonly string[]).indexOf(locale);
    return index === -1 ? SUPPORTED_LOCALES.length : index;
  };
  return [defaultLocale, ...[...found].sort((a, b) => order(a) - order(b) || a.localeCompare(b))];
}

export function remainingPlaces(capacity: number | null, taken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - taken);
}

export function toPublicEvent(
  row: EventRow,
  schoolName: string,
  sessions: readonly SessionRow[],
  stats: Map<string, SessionStats>,
  now = new Date(),
): PublicEvent {
  const content = parseEventContent(row);
  return {
    id: row.id,
    ...content,
    defaultLocale: row.default_locale,
    locales: eventLocales(content, row.default_locale),
    timeZone: row.time_zone,
    status: row.status as 'published' | 'cancelled',
    sessions: sessions.map((s) => {
      const session = toSession(s);
      const remaining = remainingPlaces(session.capacity, stats.get(s.id)?.taken ?? 0);
      return { ...session, remaining, waitlistOpen: remaining === 0, past: isSessionPast(session, now) };
    }),
    school: { id: row.school_id, name: schoolName },
  };
}

/** An event only if it belongs to the organization; every staff read goes through here. */
export async function findOwnedEvent(db: Db, organizationId: string, eventId: string): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', eventId).where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function findEventWithSchool(db: Db, eventId: string) {
  return db
    .selectFrom('events')
    .innerJoin('schools', 'schools.id', 'events.school_id')
    .selectAll('events')
    .select('schools.name as school_name')
    .where('events.id', '=', eventId)
    .executeTakeFirst();
}

export async function listEvents(db: Db, organizationId: string): Promise<TandemEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return Promise.all(rows.map(async (row) => toEvent(row, await loadSessions(db, row.id), await sessionStats(db, row.id))));
}
