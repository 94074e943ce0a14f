/**
 * RSVPs and the capacity rules. Every change that can take or free places runs in one transaction
 * that first locks the session row (PostgreSQL `FOR UPDATE`; SQLite transactions are already
 * serialized), then counts confirmed places, so two families can never both get the last one.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import { partySize, type Attendee, type NeedsSummary, type RsvpNeeds, type RsvpReceipt, type RsvpView } from '@tandem/protocol';
import type { DatabaseSchema, RsvpsTable } from '../db/schema.js';
import type { RsvpPromotion } from '../notifications.js';
import type { SessionRow } from './events.js';

type Db = Kysely<DatabaseSchema>;
type Trx = Transaction<DatabaseSchema>;
export type RsvpRow = Selectable<RsvpsTable>;
export type Dialect = 'sqlite' | 'postgres';

/** Locks the session row until the transaction ends; undefined when the session does not exist. */
export async function lockSession(trx: Trx, dialect: Dialect, eventId: string, sessionId: string): Promise<SessionRow | undefined> {
  return trx
    .selectFrom('event_sessions')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', sessionId)
    .$if(dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/**
 * The event's status, read inside the RSVP transaction. On PostgreSQL `FOR SHARE` waits for a staff
 * cancel in flight, so an RSVP cannot slip into an event that is being cancelled.
 */
export async function eventStatusNow(trx: Trx, dialect: Dialect, eventId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('events')
    .select('status')
    .where('id', '=', eventId)
    .$if(dialect === 'postgres', (qb) => qb.forShare())
    .executeTakeFirst();
  return row?.status;
}

/** People holding confirmed places in a session, optionally leaving one RSVP out. */
export async function takenPlaces(db: Db | Trx, eventId: string, sessionId: string, exceptRsvpId?: string): Promise<number> {
  const row = await db
    .selectFrom('rsvps')
    .select(sql<string | number>`coalesce(sum(adults + children), 0)`.as('people'))
    .where('event_id', '=', eventId)
    .where('session_id', '=', sessionId)
    .where('status', '=', 'confirmed')
    .$if(exceptRsvpId !== undefined, (qb) => qb.where('id', '!=', exceptRsvpId!))
    .executeTakeFirstOrThrow();
  return Number(row.people);
}

export async function nextQueueSeq(trx: Trx, eventId: string, sessionId: string): Promise<number> {
  const row = await trx
    .selectFrom('rsvps')
    .select(sql<string | number | null>`max(queue_seq)`.as('seq'))
    .where('event_id', '=', eventId)
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Number(row.seq ?? 0) + 1;
}

export function fits(capacity: number | null, taken: number, size: number): boolean {
  return capacity === null || taken + size <= Number(capacity);
}

/**
 * Gives freed places to waitlisted families in the order they joined. A party too large for what is
 * free keeps its place in line while smaller parties behind it are seated; it is next whenever enough frees up.
 */
export async function promoteWaitlisted(trx: Trx, session: SessionRow, now: string): Promise<RsvpRow[]> {
  const waiting = await trx
    .selectFrom('rsvps')
    .selectAll()
    .where('event_id', '=', session.event_id)
    .where('session_id', '=', session.id)
    .where('status', '=', 'waitlisted')
    .orderBy('queue_seq')
    .execute();
  if (waiting.length === 0) return [];
  let taken = await takenPlaces(trx, session.event_id, session.id);
  const promoted: RsvpRow[] = [];
  for (const rsvp of waiting) {
    const size = partySize(rsvp);
    if (!fits(session.capacity, taken, size)) continue;
    await trx.updateTable('rsvps').set({ status: 'confirmed', updated_at: now }).where('id', '=', rsvp.id).execute();
    taken += size;
    promoted.push({ ...rsvp, status: 'confirmed', updated_at: now });
  }
  return promoted;
}

/** 1 for the next family in line; undefined unless waitlisted. */
export async function waitlistPosition(db: Db | Trx, rsvp: Pick<RsvpRow, 'id' | 'event_id' | 'session_id' | 'status' | 'queue_seq'>) {
  if (rsvp.status !== 'waitlisted') return undefined;
  const row = await db
    .selectFrom('rsvps')
    .select(sql<string | number>`count(*)`.as('n'))
    .where('event_id', '=', rsvp.event_id)
    .where('session_id', '=', rsvp.session_id)
    .where('status', '=', 'waitlisted')
    .where('queue_seq', '<=', rsvp.queue_seq)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findRsvp(db: Db, rsvpId: string): Promise<RsvpRow | undefined> {
  return db.selectFrom('rsvps').selectAll().where('id', '=', rsvpId).executeTakeFirst();
}

export function toReceipt(rsvp: RsvpRow, position: number | undefined): RsvpReceipt {
  return {
    rsvpId: rsvp.id,
    eventId: rsvp.event_id,
    sessionId: rsvp.session_id,
    response: rsvp.response,
    status: rsvp.status === 'cancelled' ? 'declined' : rsvp.status,
    partySize: partySize(rsvp),
    ...(position !== undefined ? { position } : {}),
    ...(rsvp.status === 'cancelled' ? { cancelled: true } : {}),
    updatedAt: rsvp.updated_at,
  };
}

/** The family's own RSVP, for the holder of its edit token. */
export function toRsvpView(rsvp: RsvpRow, position: number | undefined): RsvpView {
  const attendee = toAttendee(rsvp, position);
  return {
    ...toReceipt(rsvp, position),
    adults: rsvp.adults,
    children: rsvp.children,
    names: attendee.names,
    contact: attendee.contact,
    needs: attendee.needs,
    ...(attendee.note ? { note: attendee.note } : {}),
    locale: rsvp.locale,
    createdAt: rsvp.created_at,
  };
}

export function toPromotion(rsvp: RsvpRow): RsvpPromotion {
  return {
    rsvpId: rsvp.id,
    eventId: rsvp.event_id,
    sessionId: rsvp.session_id,
    organizationId: rsvp.organization_id,
    schoolId: rsvp.school_id,
    locale: rsvp.locale,
    email: rsvp.email,
    phone: rsvp.phone,
    partySize: partySize(rsvp),
  };
}

export function parseNeeds(rsvp: Pick<RsvpRow, 'needs'>): RsvpNeeds {
  return JSON.parse(rsvp.needs) as RsvpNeeds;
}

export function toAttendee(rsvp: RsvpRow, position: number | undefined): Attendee {
  return {
    rsvpId: rsvp.id,
    sessionId: rsvp.session_id,
    response: rsvp.response,
    status: rsvp.status,
    adults: rsvp.adults,
    children: rsvp.children,
    partySize: partySize(rsvp),
    names: JSON.parse(rsvp.names) as string[],
    contact: { ...(rsvp.email ? { email: rsvp.email } : {}), ...(rsvp.phone ? { phone: rsvp.phone } : {}) },
    needs: parseNeeds(rsvp),
    ...(rsvp.note ? { note: rsvp.note } : {}),
    locale: rsvp.locale,
    ...(position !== undefined ? { position } : {}),
    createdAt: rsvp.created_at,
    updatedAt: rsvp.updated_at,
    ...(rsvp.attended_at ? { attendedAt: rsvp.attended_at } : {}),
  };
}

/** What the school must arrange for the families holding confirmed places. */
export function needsSummary(rsvps: readonly RsvpRow[]): NeedsSummary {
  const confirmed = rsvps.filter((r) => r.status === 'confirmed');
  const languages = new Map<string, number>();
  const summary: NeedsSummary = {
    families: confirmed.length,
    people: confirmed.reduce((n, r) => n + partySize(r), 0),
    interpreter: [],
    childcare: { families: 0, children: 0 },
    transportation: { families: 0 },
    accessibility: { families: 0 },
  };
  for (const rsvp of confirmed) {
    const needs = parseNeeds(rsvp);
    if (needs.interpreter) languages.set(needs.interpreter, (languages.get(needs.interpreter) ?? 0) + 1);
    if (needs.childcare && needs.childcare.children > 0) {
      summary.childcare.families += 1;
      summary.childcare.children += needs.childcare.children;
    }
    if (needs.transportation) summary.transportation.families += 1;
    if (needs.accessibility?.trim()) summary.accessibility.families += 1;
  }
  summary.interpreter = [...languages]
    .map(([language, families]) => ({ language, families }))
    .sort((a, b) => b.families - a.families || a.language.localeCompare(b.language));
  return summary;
}
