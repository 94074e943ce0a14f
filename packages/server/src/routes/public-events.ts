/** The public event API families' widgets call: fetch an event, RSVP, change or cancel with the edit token, and calendars. */
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  PROBLEM_TYPES,
  holdsPlace,
  isSessionPast,
  matchSupportedLocale,
  partySize,
  validateRsvp,
  type RsvpInput,
  type RsvpPatch,
  type RsvpReceipt,
} from '@tandem/protocol';
import type { AppContext } from '../context.js';
import { calendarIcs } from '../ics.js';
import { HttpProblem, conflict, notFound, unauthorized, validationProblem } from '../problems.js';
import { canonicalJson, generateEditToken, sealWith, sha256Hex, tokenMatches, unsealWith } from '../secrets.js';
import {
  findEventWithSchool,
  loadSessions,
  parseEventContent,
  sessionStats,
  toPublicEvent,
  toSession,
  type EventRow,
} from '../store/events.js';
import { findStoredResult, toRow } from '../store/idempotency.js';
import {
  eventStatusNow,
  findRsvp,
  fits,
  lockSession,
  nextQueueSeq,
  promoteWaitlisted,
  takenPlaces,
  toPromotion,
  toReceipt,
  toRsvpView,
  waitlistPosition,
  type RsvpRow,
} from '../store/rsvps.js';
import { idempotencyKeyOf } from './public-surveys.js';
import { routeOptions } from './route-schema.js';

type EventParams = { eventId: string };
type RsvpParams = { rsvpId: string };

const eventNotFound = () => notFound('No published event has this id.');
const rsvpNotFound = () => notFound('No RSVP matches this id and edit token.');
const eventCancelled = () =>
  new HttpProblem({ status: 410, type: PROBLEM_TYPES.closed, title: 'Event cancelled', detail: 'This event was cancelled.' });
const sessionClosed = () =>
  new HttpProblem({ status: 410, type: PROBLEM_TYPES.closed, title: 'Session over', detail: 'This session has already taken place.' });

class KeyAlreadyTaken extends Error {}

/** A party larger than the whole session would wait forever; say so instead of waitlisting it. */
function checkFitsSession(capacity: number | null, input: RsvpInput): void {
  if (capacity === null || !holdsPlace(input.response) || partySize(input) <= capacity) return;
  throw validationProblem([
    {
      pointer: '/adults',
      code: 'out-of-range',
      detail: `This session holds at most ${capacity} people.`,
      params: { min: 1, max: capacity, partySize: partySize(input) },
    },
  ]);
}

/** What the idempotency table keeps for an RSVP: the receipt, with the edit token sealed under the raw key. */
interface StoredReceipt extends Omit<RsvpReceipt, 'editToken'> {
  sealedEditToken: string;
}

function sendReceipt(reply: FastifyReply, code: number, receipt: RsvpReceipt, replayed = false): FastifyReply {
  if (replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(code).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(receipt));
}

function editTokenOf(request: FastifyRequest): string {
  const value = request.headers['x-rsvp-token'];
  const token = Array.isArray(value) ? value[0] : value;
  if (!token?.trim()) throw unauthorized('Send the edit token given with the RSVP as "X-Rsvp-Token: <token>".');
  return token.trim();
}

export function registerPublicEventRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const dialect = ctx.database.dialect;
  const rateLimit = ctx.rateLimitPerMinute > 0 ? { rateLimit: { max: ctx.rateLimitPerMinute, timeWindow: '1 minute' } } : {};

  /** Tells families whose place was confirmed; a failing sink never fails the request that freed the place. */
  const notifyPromoted = async (promoted: readonly RsvpRow[], request: FastifyRequest) => {
    for (const rsvp of promoted) {
      try {
        await ctx.notifications.rsvpPromoted(toPromotion(rsvp));
      } catch (error) {
        request.log.error({ err: error, rsvpId: rsvp.id }, 'notifying a promoted family failed');
      }
    }
  };

  /** An event families may see: published or cancelled. */
  const visibleEvent = async (eventId: string) => {
    const row = await findEventWithSchool(db, eventId);
    if (!row || row.status === 'draft') throw eventNotFound();
    return row;
  };

  /** The RSVP behind an id and edit token, its event open for changes. */
  const ownedRsvp = async (request: FastifyRequest<{ Params: RsvpParams }>) => {
    const token = editTokenOf(request);
    const rsvp = await findRsvp(db, request.params.rsvpId);
    if (!rsvp || !tokenMatches(token, rsvp.edit_token_hash)) throw rsvpNotFound();
    const event = await visibleEvent(rsvp.event_id);
    if (event.status === 'cancelled') throw eventCancelled();
    return { rsvp, event };
  };

  app.route<{ Params: EventParams }>({
    ...routeOptions('getPublicEvent'),
    handler: async (request, reply) => {
      const row = await visibleEvent(request.params.eventId);
      reply.header('cache-control', 'no-cache');
      return toPublicEvent(row, row.school_name, await loadSessions(db, row.id), await sessionStats(db, row.id));
    },
  });

  app.route<{ Params: EventParams; Body: RsvpInput }>({
    ...routeOptions('createRsvp'),
    bodyLimit: ctx.publicBodyLimit,
    config: rateLimit,
    handler: async (request, reply) => {
      const rawKey = idempotencyKeyOf(request, true)!;
      const { eventId } = request.params;
      const scope = `rsvp:${eventId}`;
      // The raw key unseals the stored edit token, so only its hash is kept.
      const key = sha256Hex(rawKey);
      const requestHash = sha256Hex(canonicalJson(request.body));
      const replayStored = (stored: { statusCode: number; body: string }) => {
        const { sealedEditToken, ...receipt } = JSON.parse(stored.body) as StoredReceipt;
        const editToken = unsealWith(rawKey, sealedEditToken);
        return sendReceipt(reply, stored.statusCode, { ...receipt, ...(editToken ? { editToken } : {}) }, true);
      };
      const stored = await findStoredResult(db, scope, key, requestHash);
      if (stored) return replayStored(stored);

      const event = await visibleEvent(eventId);
      if (event.status === 'cancelled') throw eventCancelled();
      const content = parseEventContent(event);
      const sessions = await loadSessions(db, eventId);
      const input = request.body;
      const errors = validateRsvp({ needsAsked: content.needsAsked, sessions: sessions.map(toSession) }, input);
      if (errors.length > 0) throw validationProblem(errors);
      const session = sessions.find((s) => s.id === input.sessionId)!;
      if (isSessionPast(toSession(session))) throw sessionClosed();
      checkFitsSession(session.capacity, input);

      let familyId: string | null = null;
      if (input.identityToken !== undefined) {
        const identity = await ctx.identityVerifier.verify(input.identityToken, event.organization_id);
        if (!identity) throw unauthorized('The identity token was not accepted. Send the RSVP without it to answer anonymously.');
        familyId = identity.familyId;
      }

      const editToken = generateEditToken();
      const now = new Date().toISOString();
      let receipt: RsvpReceipt;
      try {
        receipt = await db.transaction().execute(async (trx) => {
          if ((await eventStatusNow(trx, dialect, eventId)) !== 'published') throw eventCancelled();
          const locked = await lockSession(trx, dialect, eventId, input.sessionId);
          if (!locked) throw eventNotFound();
          let status: RsvpRow['status'] = 'declined';
          if (holdsPlace(input.response)) {
            status = fits(locked.capacity, await takenPlaces(trx, eventId, locked.id), partySize(input)) ? 'confirmed' : 'waitlisted';
          }
          const row: RsvpRow = {
            id: randomUUID(),
            event_id: eventId,
            session_id: locked.id,
            organization_id: event.organization_id,
            school_id: event.school_id,
            response: input.response,
            status,
            adults: input.adults,
            children: input.children,
            names: JSON.stringify(input.names ?? []),
            email: input.contact?.email?.trim() || null,
            phone: input.contact?.phone?.trim() || null,
            needs: JSON.stringify(input.needs ?? {}),
            note: input.note?.trim() || null,
            locale: input.locale,
            family_id: familyId,
            edit_token_hash: sha256Hex(editToken),
            queue_seq: await nextQueueSeq(trx, eventId, locked.id),
            created_at: now,
            updated_at: now,
            cancelled_at: null,
            attended_at: null,
          };
          await trx.insertInto('rsvps').values(row).execute();
          const result = toReceipt(row, await waitlistPosition(trx, row));
          const storedBody: StoredReceipt = { ...result, sealedEditToken: sealWith(rawKey, editToken) };
          const taken = await trx
            .insertInto('idempotency_keys')
            .values(toRow({ scope, key, requestHash, statusCode: 201, body: JSON.stringify(storedBody), createdAt: now }))
            .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
            .returning('key')
            .execute();
          // Rolling back keeps the RSVP and its key together: both or neither.
          if (taken.length === 0) throw new KeyAlreadyTaken();
          return result;
        });
      } catch (error) {
        if (!(error instanceof KeyAlreadyTaken)) throw error;
        const winner = await findStoredResult(db, scope, key, requestHash);
        if (!winner) throw error;
        return replayStored(winner);
      }
      return sendReceipt(reply, 201, { ...receipt, editToken });
    },
  });

  app.route<{ Params: RsvpParams }>({
    ...routeOptions('getRsvp', { headers: editTokenHeader }),
    handler: async (request, reply) => {
      const token = editTokenOf(request);
      const rsvp = await findRsvp(db, request.params.rsvpId);
      if (!rsvp || !tokenMatches(token, rsvp.edit_token_hash)) throw rsvpNotFound();
      // A cancelled event still answers here, so the family's page can say it was cancelled.
      await visibleEvent(rsvp.event_id);
      reply.header('cache-control', 'no-store');
      return toRsvpView(rsvp, await waitlistPosition(db, rsvp));
    },
  });

  app.route<{ Params: RsvpParams; Body: RsvpPatch }>({
    ...routeOptions('updateRsvp', { headers: editTokenHeader }),
    bodyLimit: ctx.publicBodyLimit,
    config: rateLimit,
    handler: async (request, reply) => {
      const { rsvp: before, event } = await ownedRsvp(request);
      if (before.status === 'cancelled') throw conflict('This RSVP was cancelled; make a new one instead.');
      const patch = request.body;
      const merged: RsvpInput = {
        sessionId: patch.sessionId ?? before.session_id,
        response: patch.response ?? before.response,
        adults: patch.adults ?? before.adults,
        children: patch.children ?? before.children,
        names: patch.names ?? (JSON.parse(before.names) as string[]),
        contact: patch.contact ?? {
          ...(before.email ? { email: before.email } : {}),
          ...(before.phone ? { phone: before.phone } : {}),
        },
        needs: patch.needs ?? JSON.parse(before.needs),
        ...((patch.note ?? before.note) ? { note: (patch.note ?? before.note)! } : {}),
        locale: patch.locale ?? before.locale,
      };
      const content = parseEventContent(event);
      const sessions = await loadSessions(db, event.id);
      const errors = validateRsvp({ needsAsked: content.needsAsked, sessions: sessions.map(toSession) }, merged);
      if (errors.length > 0) throw validationProblem(errors);
      for (const id of new Set([before.session_id, merged.sessionId])) {
        if (isSessionPast(toSession(sessions.find((s) => s.id === id)!))) throw sessionClosed();
      }
      checkFitsSession(sessions.find((s) => s.id === merged.sessionId)!.capacity, merged);

      const now = new Date().toISOString();
      const { after, promoted } = await db.transaction().execute(async (trx) => {
        if ((await eventStatusNow(trx, dialect, event.id)) !== 'published') throw eventCancelled();
        // Lock in a fixed order so two edits moving families between the same sessions cannot deadlock.
        const locked = new Map<string, NonNullable<Awaited<ReturnType<typeof lockSession>>>>();
        for (const id of [...new Set([before.session_id, merged.sessionId])].sort()) {
          const session = await lockSession(trx, dialect, event.id, id);
          if (!session) throw eventNotFound();
          locked.set(id, session);
        }
        const current = await trx.selectFrom('rsvps').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow();
        if (current.status === 'cancelled') throw conflict('This RSVP was cancelled; make a new one instead.');
        if (current.session_id !== before.session_id) throw conflict('This RSVP changed meanwhile; load it again and retry.');
        const target = locked.get(merged.sessionId)!;
        const sameSession = merged.sessionId === current.session_id;
        let status: RsvpRow['status'];
        let queueSeq = current.queue_seq;
        if (!holdsPlace(merged.response)) status = 'declined';
        else if (sameSession && current.status === 'confirmed') {
          const others = await takenPlaces(trx, event.id, target.id, current.id);
          if (!fits(target.capacity, others, partySize(merged))) {
            const remaining = Math.max(0, Number(target.capacity) - others);
            throw conflict(`Only ${remaining} places are free for this party; the RSVP was not changed.`, [
              {
                pointer: '/adults',
                code: 'out-of-range',
                detail: `At most ${remaining} people fit in this session.`,
                params: { max: remaining },
              },
            ]);
          }
          status = 'confirmed';
        } else if (sameSession && current.status === 'waitlisted') status = 'waitlisted';
        else {
          status = fits(target.capacity, await takenPlaces(trx, event.id, target.id, current.id), partySize(merged))
            ? 'confirmed'
            : 'waitlisted';
          queueSeq = await nextQueueSeq(trx, event.id, target.id);
        }
        await trx
          .updateTable('rsvps')
          .set({
            session_id: merged.sessionId,
            response: merged.response,
            status,
            adults: merged.adults,
            children: merged.children,
            names: JSON.stringify(merged.names ?? []),
            email: merged.contact?.email?.trim() || null,
            phone: merged.contact?.phone?.trim() || null,
            needs: JSON.stringify(merged.needs ?? {}),
            note: merged.note?.trim() || null,
            locale: merged.locale,
            queue_seq: queueSeq,
            updated_at: now,
          })
          .where('id', '=', current.id)
          .execute();
        const promotedRows: RsvpRow[] = [];
        for (const session of locked.values()) promotedRows.push(...(await promoteWaitlisted(trx, session, now)));
        const updated = await trx.selectFrom('rsvps').selectAll().where('id', '=', current.id).executeTakeFirstOrThrow();
        return {
          after: toReceipt(updated, await waitlistPosition(trx, updated)),
          promoted: promotedRows.filter((r) => r.id !== current.id),
        };
      });
      await notifyPromoted(promoted, request);
      return sendReceipt(reply, 200, after);
    },
  });

  app.route<{ Params: RsvpParams }>({
    ...routeOptions('cancelRsvp', { headers: editTokenHeader }),
    config: rateLimit,
    handler: async (request, reply) => {
      const { rsvp: before, event } = await ownedRsvp(request);
      const now = new Date().toISOString();
      const { after, promoted } = await db.transaction().execute(async (trx) => {
        const session = await lockSession(trx, dialect, event.id, before.session_id);
        if (!session) throw eventNotFound();
        const current = await trx.selectFrom('rsvps').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow();
        // Cancelling twice answers the same: the family's retry must not fail.
        if (current.status === 'cancelled') return { after: toReceipt(current, undefined), promoted: [] };
        await trx
          .updateTable('rsvps')
          .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
          .where('id', '=', current.id)
          .execute();
        const promotedRows = await promoteWaitlisted(trx, session, now);
        return {
          after: toReceipt({ ...current, status: 'cancelled', cancelled_at: now, updated_at: now }, undefined),
          promoted: promotedRows,
        };
      });
      await notifyPromoted(promoted, request);
      return sendReceipt(reply, 200, after);
    },
  });

  const icsLocale = (request: FastifyRequest, fallback: string) => {
    const lang = (request.query as { lang?: string } | undefined)?.lang;
    return matchSupportedLocale(lang) ?? fallback;
  };
  const sendIcs = (reply: FastifyReply, body: string, filename: string) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'public, max-age=300')
      .send(body);

  app.route<{ Params: EventParams }>({
    ...routeOptions('getEventIcs', { successContentType: 'text/calendar', querystring: langQuery }),
    handler: async (request, reply) => {
      const row = await visibleEvent(request.params.eventId);
      const body = calendarIcs([{ row, content: parseEventContent(row), sessions: await loadSessions(db, row.id) }], {
        locale: icsLocale(request, row.default_locale),
      });
      return sendIcs(reply, body, `${row.id}.ics`);
    },
  });

  app.route<{ Params: { schoolId: string } }>({
    ...routeOptions('getSchoolCalendar', { successContentType: 'text/calendar', querystring: langQuery }),
    handler: async (request, reply) => {
      const school = await db.selectFrom('schools').select(['id', 'name']).where('id', '=', request.params.schoolId).executeTakeFirst();
      if (!school) throw notFound('No school has this id.');
      const rows: EventRow[] = await db
        .selectFrom('events')
        .selectAll()
        .where('school_id', '=', school.id)
        .where('status', 'in', ['published', 'cancelled'])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const events = await Promise.all(
        rows.map(async (row) => ({ row, content: parseEventContent(row), sessions: await loadSessions(db, row.id) })),
      );
      const locale = icsLocale(request, 'en');
      return sendIcs(reply, calendarIcs(events, { locale, name: school.name }), `${school.id}.ics`);
    },
  });
}

/** Declared for OpenAPI readers; a missing token is answered by the handler with a 401 problem. */
const editTokenHeader = Type.Object({
  'x-rsvp-token': Type.Optional(Type.String({ maxLength: 200, description: 'The editToken returned when the RSVP was made' })),
});

const langQuery = {
  type: 'object',
  properties: { lang: { type: 'string', maxLength: 35, description: 'Language of the text (default: the event default)' } },
} as const;
