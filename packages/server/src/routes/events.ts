/** The staff event API: list, create, read, edit, publish, cancel, attendees with needs, CSV and check-in (and its undo), always within the token's organization. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import {
  eventTextsByKey,
  validateEventContent,
  type EventAttendees,
  type EventInput,
  type EventPatch,
  type FieldError,
  type TandemEvent,
} from '@tandem/protocol';
import { actsInSchool, principalOf, requireStaff } from '../auth.js';
import { recordAudit } from '../console-auth/audit.js';
import type { AppContext } from '../context.js';
import type { DatabaseSchema } from '../db/schema.js';
import { conflict, notFound, validationProblem } from '../problems.js';
import { csvDocument } from '../csv.js';
import { writeStatusChange } from '../store/status-change.js';
import { laterThan } from '../timestamps.js';
import { canonicalJson, sha256Hex } from '../secrets.js';
import {
  eventContentOf,
  findOwnedEvent,
  listEvents,
  loadSessions,
  parseEventContent,
  remainingPlaces,
  sessionStats,
  toEvent,
  toSession,
  toSessionRows,
  type EventRow,
  type SessionRow,
} from '../store/events.js';
import { findStoredResult, toRow } from '../store/idempotency.js';
import { editedMarks } from '../store/machine-marks.js';
import { sentMarks } from '../store/patch.js';
import { schoolBelongsTo } from '../store/organizations.js';
import { needsSummary, promoteWaitlisted, toAttendee, toPromotion, waitlistPosition, type RsvpRow } from '../store/rsvps.js';
import { idempotencyKeyOf, replay } from './public-surveys.js';
import { staffRouteOptions } from './route-schema.js';

type Db = Kysely<DatabaseSchema>;
type EventParams = { eventId: string };

/** Staff routes are for servers and the staff console, not for scripts on other sites. */

const eventNotFound = () => notFound('No event with this id in your organization.');

class KeyAlreadyTaken extends Error {}

async function checkContent(db: Db, organizationId: string, input: EventInput): Promise<void> {
  const errors: FieldError[] = validateEventContent(input);
  if (!(await schoolBelongsTo(db, input.schoolId, organizationId))) {
    errors.unshift({ pointer: '/schoolId', code: 'invalid-option', detail: 'No school with this id in your organization.' });
  }
  if (errors.length > 0) throw validationProblem(errors);
}

async function loadRsvps(db: Db, organizationId: string, eventId: string): Promise<RsvpRow[]> {
  return db
    .selectFrom('rsvps')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('queue_seq')
    .execute();
}

/** Waitlist positions of every waitlisted RSVP, computed from one list instead of a query each. */
function positions(rsvps: readonly RsvpRow[]): Map<string, number> {
  const bySession = new Map<string, RsvpRow[]>();
  for (const r of rsvps.filter((r) => r.status === 'waitlisted')) bySession.set(r.session_id, [...(bySession.get(r.session_id) ?? []), r]);
  const result = new Map<string, number>();
  for (const list of bySession.values()) [...list].sort((a, b) => a.queue_seq - b.queue_seq).forEach((r, i) => result.set(r.id, i + 1));
  return result;
}

function attendeesCsv(event: EventRow, sessions: readonly SessionRow[], rsvps: readonly RsvpRow[]): string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: event.time_zone, dateStyle: 'medium', timeStyle: 'short' });
  const sessionLabel = new Map(sessions.map((s) => [s.id, format.format(new Date(s.starts_at))]));
  const place = positions(rsvps);
  const header = [
    'RSVP ID',
    'Session',
    'Session starts',
    'Response',
    'Status',
    'Waitlist position',
    'Adults',
    'Children',
    'Names',
    'Email',
    'Phone',
    'Interpreter',
    'Childcare children',
    'Childcare ages',
    'Transportation',
    'Accessibility',
    'Note',
    'Language',
    'RSVP at',
    'Checked in at',
  ];
  const lines = [header];
  for (const rsvp of rsvps) {
    const attendee = toAttendee(rsvp, place.get(rsvp.id));
    const needs = attendee.needs;
    lines.push([
      rsvp.id,
      rsvp.session_id,
      sessionLabel.get(rsvp.session_id) ?? '',
      rsvp.response,
      rsvp.status,
      attendee.position === undefined ? '' : String(attendee.position),
      String(rsvp.adults),
      String(rsvp.children),
      attendee.names.join('; '),
      rsvp.email ?? '',
      rsvp.phone ?? '',
      needs.interpreter ?? '',
      needs.childcare ? String(needs.childcare.children) : '',
      needs.childcare?.ages?.join('; ') ?? '',
      needs.transportation ? 'yes' : '',
      needs.accessibility ?? '',
      rsvp.note ?? '',
      rsvp.locale,
      rsvp.created_at,
      rsvp.attended_at ?? '',
    ]);
  }
  return csvDocument(lines);
}

export function registerStaffEventRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const dialect = ctx.database.dialect;
  const preHandler = requireStaff(db);

  const ownedEvent = async (organizationId: string, eventId: string) => {
    const row = await findOwnedEvent(db, organizationId, eventId);
    if (!row) throw eventNotFound();
    return row;
  };
  const present = async (row: EventRow): Promise<TandemEvent> =>
    toEvent(row, await loadSessions(db, row.id), await sessionStats(db, row.id));
  const notify = async (promoted: readonly RsvpRow[], request: FastifyRequest) => {
    for (const rsvp of promoted) {
      try {
        await ctx.notifications.rsvpPromoted(toPromotion(rsvp));
      } catch (error) {
        request.log.error({ err: error, rsvpId: rsvp.id }, 'notifying a promoted family failed');
      }
    }
  };

  app.route({
    ...staffRouteOptions('listEvents', preHandler),
    handler: async (request) => {
      const principal = principalOf(request);
      return { items: (await listEvents(db, principal.organizationId)).filter((e) => actsInSchool(principal, e.schoolId)) };
    },
  });

  app.route<{ Body: EventInput }>({
    ...staffRouteOptions('createEvent', preHandler),
    handler: async (request, reply: FastifyReply) => {
      const { organizationId } = principalOf(request);
      const key = idempotencyKeyOf(request, false);
      const scope = `create-event:${organizationId}`;
      const requestHash = sha256Hex(canonicalJson(request.body));
      if (key) {
        const stored = await findStoredResult(db, scope, key, requestHash);
        if (stored) return replay(reply, stored);
      }
      const input = request.body;
      await checkContent(db, organizationId, input);
      const now = new Date().toISOString();
      const row: EventRow = {
        id: randomUUID(),
        organization_id: organizationId,
        school_id: input.schoolId,
        status: 'draft',
        default_locale: input.defaultLocale,
        time_zone: input.timeZone,
        content: JSON.stringify(eventContentOf(input)),
        created_at: now,
        updated_at: now,
        published_at: null,
        cancelled_at: null,
      };
      const sessions = toSessionRows(row.id, organizationId, input.sessions);
      const body = JSON.stringify(toEvent(row, sessions, new Map()));
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('events').values(row).execute();
          await trx.insertInto('event_sessions').values(sessions).execute();
          if (key) {
            const taken = await trx
              .insertInto('idempotency_keys')
              .values(toRow({ scope, key, requestHash, statusCode: 201, body, createdAt: now }))
              .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
              .returning('key')
              .execute();
            if (taken.length === 0) throw new KeyAlreadyTaken();
          }
        });
      } catch (error) {
        if (!(error instanceof KeyAlreadyTaken) || !key) throw error;
        const winner = await findStoredResult(db, scope, key, requestHash);
        if (!winner) throw error;
        return replay(reply, winner);
      }
      return reply.code(201).type('application/json; charset=utf-8').send(body);
    },
  });

  app.route<{ Params: EventParams }>({
    ...staffRouteOptions('getEvent', preHandler),
    handler: async (request) => present(await ownedEvent(principalOf(request).organizationId, request.params.eventId)),
  });

  app.route<{ Params: EventParams; Body: EventPatch }>({
    ...staffRouteOptions('updateEvent', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const before = await ownedEvent(organizationId, request.params.eventId);
      const current = parseEventContent(before);
      const patch = request.body;
      // Left out keeps the stored value; null removes it (a description or online link emptied in the console).
      const pick = <K extends keyof EventPatch & keyof typeof current>(k: K) => {
        const value = patch[k] === null ? undefined : (patch[k] ?? current[k]);
        return value === undefined ? {} : { [k]: value };
      };
      const merged: EventInput = {
        schoolId: patch.schoolId ?? before.school_id,
        title: patch.title ?? current.title,
        defaultLocale: patch.defaultLocale ?? before.default_locale,
        timeZone: patch.timeZone ?? before.time_zone,
        needsAsked: patch.needsAsked ?? current.needsAsked,
        sessions: patch.sessions ?? (await loadSessions(db, before.id)).map(toSession),
        ...pick('description'),
        ...pick('location'),
        ...pick('place'),
        ...pick('onlineUrl'),
        ...pick('audience'),
      };
      const marks = editedMarks(
        sentMarks(patch.machineTranslated),
        current.machineTranslated,
        eventTextsByKey(current),
        eventTextsByKey(merged),
      );
      if (marks) merged.machineTranslated = marks;
      await checkContent(db, organizationId, merged);
      const now = laterThan(before.updated_at);
      const promoted = await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('events')
          .set({
            school_id: merged.schoolId,
            default_locale: merged.defaultLocale,
            time_zone: merged.timeZone,
            content: JSON.stringify(eventContentOf(merged)),
            updated_at: now,
          })
          .where('id', '=', before.id)
          .where('organization_id', '=', organizationId)
          .execute();
        if (!patch.sessions) return [];
        const kept = new Set(merged.sessions.map((s) => s.id));
        const existing = await trx
          .selectFrom('event_sessions')
          .selectAll()
          .where('event_id', '=', before.id)
          .$if(dialect === 'postgres', (qb) => qb.forUpdate())
          .execute();
        const removed = existing.filter((s) => !kept.has(s.id)).map((s) => s.id);
        if (removed.length > 0) {
          const used = await trx
            .selectFrom('rsvps')
            .select('session_id')
            .distinct()
            .where('event_id', '=', before.id)
            .where('session_id', 'in', removed)
            .where('status', '!=', 'cancelled')
            .execute();
          if (used.length > 0) {
            throw conflict(
              'Sessions with RSVPs cannot be removed; cancel the event or keep the session.',
              used.map((u) => ({
                pointer: '/sessions',
                code: 'required',
                detail: `Session "${u.session_id}" has RSVPs.`,
                params: { sessionId: u.session_id },
              })),
            );
          }
          await trx.deleteFrom('event_sessions').where('event_id', '=', before.id).where('id', 'in', removed).execute();
        }
        const promotedRows: RsvpRow[] = [];
        for (const session of toSessionRows(before.id, organizationId, merged.sessions)) {
          const exists = existing.some((s) => s.id === session.id);
          if (exists) {
            await trx
              .updateTable('event_sessions')
              .set({ position: session.position, starts_at: session.starts_at, ends_at: session.ends_at, capacity: session.capacity })
              .where('event_id', '=', before.id)
              .where('id', '=', session.id)
              .execute();
            // More places may have opened: the waitlist comes first.
            promotedRows.push(...(await promoteWaitlisted(trx, session, now)));
          } else await trx.insertInto('event_sessions').values(session).execute();
        }
        return promotedRows;
      });
      await notify(promoted, request);
      return present((await findOwnedEvent(db, organizationId, before.id))!);
    },
  });

  app.route<{ Params: EventParams }>({
    ...staffRouteOptions('publishEvent', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const row = await ownedEvent(organizationId, request.params.eventId);
      if (row.status === 'cancelled') throw conflict('A cancelled event stays cancelled; create a new event instead.');
      if (row.status === 'draft') {
        await writeStatusChange(
          db,
          'events',
          organizationId,
          row,
          (now) => ({ status: 'published', published_at: now }),
          principalOf(request),
        );
      }
      return present((await findOwnedEvent(db, organizationId, row.id))!);
    },
  });

  app.route<{ Params: EventParams }>({
    ...staffRouteOptions('cancelEvent', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const row = await ownedEvent(organizationId, request.params.eventId);
      if (row.status === 'draft') throw conflict('A draft was never open to families; edit it or leave it unpublished.');
      if (row.status === 'published') {
        await writeStatusChange(
          db,
          'events',
          organizationId,
          row,
          (now) => ({ status: 'cancelled', cancelled_at: now }),
          principalOf(request),
        );
      }
      return present((await findOwnedEvent(db, organizationId, row.id))!);
    },
  });

  app.route<{ Params: EventParams }>({
    ...staffRouteOptions('getEventAttendees', preHandler),
    handler: async (request, reply): Promise<EventAttendees> => {
      const { organizationId } = principalOf(request);
      const row = await ownedEvent(organizationId, request.params.eventId);
      const sessions = await loadSessions(db, row.id);
      const rsvps = await loadRsvps(db, organizationId, row.id);
      const place = positions(rsvps);
      reply.header('cache-control', 'no-store');
      return {
        eventId: row.id,
        sessions: sessions.map((s) => {
          const own = rsvps.filter((r) => r.session_id === s.id);
          const needs = needsSummary(own);
          return {
            id: s.id,
            startsAt: s.starts_at,
            capacity: s.capacity,
            taken: needs.people,
            remaining: remainingPlaces(s.capacity, needs.people),
            waitlisted: own.filter((r) => r.status === 'waitlisted').length,
            needs,
          };
        }),
        needs: needsSummary(rsvps),
        attendees: rsvps.map((r) => toAttendee(r, place.get(r.id))),
      };
    },
  });

  app.route<{ Params: EventParams }>({
    ...staffRouteOptions('getEventAttendeesCsv', preHandler, { successContentType: 'text/csv' }),
    handler: async (request, reply) => {
      const { organizationId } = principalOf(request);
      const row = await ownedEvent(organizationId, request.params.eventId);
      const csv = attendeesCsv(row, await loadSessions(db, row.id), await loadRsvps(db, organizationId, row.id));
      await recordAudit(db, principalOf(request), 'event.attendees-exported', { kind: 'event', id: row.id });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="event-${row.id}-attendees.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  });

  app.route<{ Params: EventParams & { rsvpId: string } }>({
    ...staffRouteOptions('checkInRsvp', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const event = await ownedEvent(organizationId, request.params.eventId);
      const find = () =>
        db
          .selectFrom('rsvps')
          .selectAll()
          .where('id', '=', request.params.rsvpId)
          .where('event_id', '=', event.id)
          .where('organization_id', '=', organizationId)
          .executeTakeFirst();
      const rsvp = await find();
      if (!rsvp) throw notFound('No RSVP with this id for this event.');
      if (rsvp.status === 'cancelled') throw conflict('This RSVP was cancelled.');
      // Checking in twice keeps the first arrival time.
      await db
        .updateTable('rsvps')
        .set({ attended_at: new Date().toISOString() })
        .where('id', '=', rsvp.id)
        .where('attended_at', 'is', null)
        .execute();
      const updated = (await find())!;
      return toAttendee(updated, await waitlistPosition(db, updated));
    },
  });

  app.route<{ Params: EventParams & { rsvpId: string } }>({
    ...staffRouteOptions('undoCheckInRsvp', preHandler),
    handler: async (request) => {
      const principal = principalOf(request);
      const event = await ownedEvent(principal.organizationId, request.params.eventId);
      const find = () =>
        db
          .selectFrom('rsvps')
          .selectAll()
          .where('id', '=', request.params.rsvpId)
          .where('event_id', '=', event.id)
          .where('organization_id', '=', principal.organizationId)
          .executeTakeFirst();
      const rsvp = await find();
      if (!rsvp) throw notFound('No RSVP with this id for this event.');
      // Undoing twice (a double tap at the door) answers the same; only a real change is audited.
      if (rsvp.attended_at !== null) {
        await db.updateTable('rsvps').set({ attended_at: null }).where('id', '=', rsvp.id).execute();
        await recordAudit(
          db,
          principal,
          'event.check-in-undone',
          { kind: 'rsvp', id: rsvp.id },
          { eventId: event.id, was: rsvp.attended_at },
        );
      }
      const updated = (await find())!;
      return toAttendee(updated, await waitlistPosition(db, updated));
    },
  });
}
