/**
 * Events and RSVPs for MemoryBackend, with the reference server's rules: validation, closed and past
 * sessions, capacity with a waitlist in arrival order, promotion when places free up, and edit tokens.
 */
import {
  PROBLEM_TYPES,
  holdsPlace,
  isSessionPast,
  partySize,
  validateRsvp,
  type FieldError,
  type PublicEvent,
  type PublicEventSession,
  type RsvpInput,
  type RsvpPatch,
  type RsvpReceipt,
  type RsvpStatus,
  type RsvpView,
} from '@tandem/protocol';
import { BackendError } from './backend.js';
import { newId } from './new-id.js';

/** An event as MemoryBackend keeps it: public content, sessions with their capacity, and its status. */
export type MemoryEvent = Omit<PublicEvent, 'sessions'> & {
  sessions: Pick<PublicEventSession, 'id' | 'startsAt' | 'endsAt' | 'capacity'>[];
};

interface StoredRsvp {
  view: RsvpView;
  editToken: string;
  /** Arrival order, for the waitlist. */
  seq: number;
}

const problem = (kind: BackendError['kind'], status: number, type: string, title: string, errors?: FieldError[]) =>
  new BackendError(kind, title, status, { type, title, status, ...(errors ? { errors } : {}) });

const notFound = (what: string) => problem('not-found', 404, PROBLEM_TYPES.notFound, what);
const closed = (title: string) => problem('closed', 410, PROBLEM_TYPES.closed, title);
const invalid = (errors: FieldError[]) => problem('invalid', 422, PROBLEM_TYPES.validation, 'Some answers need attention', errors);
const conflict = (title: string, errors?: FieldError[]) => problem('conflict', 409, PROBLEM_TYPES.conflict, title, errors);

export class MemoryEvents {
  private readonly events = new Map<string, MemoryEvent>();
  private readonly rsvps = new Map<string, StoredRsvp>();
  private readonly replays = new Map<string, { body: string; receipt: RsvpReceipt }>();
  private seq = 0;

  add(event: MemoryEvent): void {
    this.events.set(event.id, structuredClone(event));
  }

  /** Cancels the event, as staff would: families then see it as cancelled. */
  cancelEvent(eventId: string): void {
    const event = this.events.get(eventId);
    if (event) event.status = 'cancelled';
  }

  /** Every RSVP to an event, in arrival order (copies). */
  list(eventId: string): RsvpView[] {
    return [...this.rsvps.values()]
      .filter((r) => r.view.eventId === eventId)
      .sort((a, b) => a.seq - b.seq)
      .map((r) => structuredClone(r.view));
  }

  publicEvent(eventId: string): PublicEvent {
    const event = this.#event(eventId);
    const now = new Date();
    const sessions = event.sessions.map((session): PublicEventSession => {
      const remaining = session.capacity === null ? null : Math.max(0, session.capacity - this.#taken(eventId, session.id));
      return { ...session, remaining, waitlistOpen: remaining === 0, past: isSessionPast(session, now) };
    });
    return structuredClone({ ...event, sessions });
  }

  create(eventId: string, input: RsvpInput, idempotencyKey: string): RsvpReceipt {
    const body = JSON.stringify(input);
    const replay = this.replays.get(idempotencyKey);
    if (replay) {
      if (replay.body !== body) throw problem('invalid', 422, PROBLEM_TYPES.idempotencyMismatch, 'Idempotency-Key reused');
      return structuredClone(replay.receipt);
    }
    const event = this.#openEvent(eventId);
    this.#check(event, input);
    const seq = ++this.seq;
    const status = this.#statusFor(event, input);
    const now = new Date().toISOString();
    const view: RsvpView = {
      rsvpId: newId(),
      eventId,
      sessionId: input.sessionId,
      response: input.response,
      status,
      partySize: partySize(input),
      adults: input.adults,
      children: input.children,
      names: input.names ?? [],
      contact: input.contact ?? {},
      needs: input.needs ?? {},
      ...(input.note ? { note: input.note } : {}),
      locale: input.locale,
      createdAt: now,
      updatedAt: now,
    };
    const stored: StoredRsvp = { view, editToken: newId(), seq };
    this.rsvps.set(view.rsvpId, stored);
    const receipt = { ...this.#receipt(stored), editToken: stored.editToken };
    this.replays.set(idempotencyKey, { body, receipt });
    return structuredClone(receipt);
  }

  get(rsvpId: string, editToken: string): RsvpView {
    const stored = this.#owned(rsvpId, editToken);
    return structuredClone({ ...stored.view, ...this.#position(stored) });
  }

  update(rsvpId: string, editToken: string, patch: RsvpPatch): RsvpReceipt {
    const stored = this.#owned(rsvpId, editToken);
    if (stored.view.cancelled) throw conflict('This RSVP was cancelled; make a new one instead.');
    const before = stored.view;
    const merged: RsvpInput = {
      sessionId: before.sessionId,
      response: before.response,
      adults: before.adults,
      children: before.children,
      names: before.names,
      contact: before.contact,
      needs: before.needs,
      ...(before.note ? { note: before.note } : {}),
      locale: before.locale,
      ...patch,
    };
    const event = this.#openEvent(before.eventId);
    this.#check(event, merged);
    // As the server: a family cannot move away from (or edit) a session that has already taken place.
    if (isSessionPast(event.sessions.find((s) => s.id === before.sessionId)!)) throw closed('This session has already taken place.');
    let status: RsvpStatus;
    if (!holdsPlace(merged.response)) status = 'declined';
    else if (merged.sessionId === before.sessionId && before.status === 'confirmed') {
      const session = event.sessions.find((s) => s.id === merged.sessionId)!;
      const others = this.#taken(event.id, session.id, rsvpId);
      if (session.capacity !== null && others + partySize(merged) > session.capacity) {
        const remaining = Math.max(0, session.capacity - others);
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
    } else if (merged.sessionId === before.sessionId && before.status === 'waitlisted') status = 'waitlisted';
    else {
      status = this.#statusFor(event, merged, rsvpId);
      // A family moving sessions, or rejoining after declining, goes to the back of the line.
      stored.seq = ++this.seq;
    }
    stored.view = {
      ...before,
      sessionId: merged.sessionId,
      response: merged.response,
      status,
      partySize: partySize(merged),
      adults: merged.adults,
      children: merged.children,
      names: merged.names ?? [],
      contact: merged.contact ?? {},
      needs: merged.needs ?? {},
      locale: merged.locale,
      updatedAt: new Date().toISOString(),
    };
    if (merged.note) stored.view.note = merged.note;
    else delete stored.view.note;
    for (const sessionId of new Set([before.sessionId, merged.sessionId])) this.#promote(event, sessionId);
    return structuredClone(this.#receipt(stored));
  }

  cancelRsvp(rsvpId: string, editToken: string): RsvpReceipt {
    const stored = this.#owned(rsvpId, editToken);
    // As the server: once the school cancelled the event there is nothing left to cancel.
    const event = this.#openEvent(stored.view.eventId);
    // Cancelling twice answers the same, so a family's retry never fails.
    if (!stored.view.cancelled) {
      stored.view = { ...stored.view, status: 'declined', cancelled: true, updatedAt: new Date().toISOString() };
      this.#promote(event, stored.view.sessionId);
    }
    return structuredClone(this.#receipt(stored));
  }

  #event(eventId: string): MemoryEvent {
    const event = this.events.get(eventId);
    if (!event) throw notFound(`No published event "${eventId}"`);
    return event;
  }

  #openEvent(eventId: string): MemoryEvent {
    const event = this.#event(eventId);
    if (event.status === 'cancelled') throw closed('This event was cancelled.');
    return event;
  }

  #check(event: MemoryEvent, input: RsvpInput): void {
    const errors = validateRsvp(event, input);
    if (errors.length > 0) throw invalid(errors);
    const session = event.sessions.find((s) => s.id === input.sessionId)!;
    if (isSessionPast(session)) throw closed('This session has already taken place.');
    if (session.capacity !== null && holdsPlace(input.response) && partySize(input) > session.capacity) {
      throw invalid([
        {
          pointer: '/adults',
          code: 'out-of-range',
          detail: `This session holds at most ${session.capacity} people.`,
          params: { min: 1, max: session.capacity, partySize: partySize(input) },
        },
      ]);
    }
  }

  /** As the server decides: a place if the party fits what is free now, else a place in line. */
  #statusFor(event: MemoryEvent, input: RsvpInput, except?: string): RsvpStatus {
    if (!holdsPlace(input.response)) return 'declined';
    const session = event.sessions.find((s) => s.id === input.sessionId)!;
    const taken = this.#taken(event.id, session.id, except);
    return session.capacity === null || taken + partySize(input) <= session.capacity ? 'confirmed' : 'waitlisted';
  }

  #live(eventId: string, sessionId: string): StoredRsvp[] {
    return [...this.rsvps.values()]
      .filter((r) => r.view.eventId === eventId && r.view.sessionId === sessionId && !r.view.cancelled)
      .sort((a, b) => a.seq - b.seq);
  }

  #taken(eventId: string, sessionId: string, except?: string): number {
    return this.#live(eventId, sessionId)
      .filter((r) => r.view.status === 'confirmed' && r.view.rsvpId !== except)
      .reduce((sum, r) => sum + r.view.partySize, 0);
  }

  /** Seats waitlisted families in arrival order; a party too large for what is free keeps its place in line. */
  #promote(event: MemoryEvent, sessionId: string): void {
    const session = event.sessions.find((s) => s.id === sessionId);
    if (!session) return;
    let taken = this.#taken(event.id, sessionId);
    for (const rsvp of this.#live(event.id, sessionId).filter((r) => r.view.status === 'waitlisted')) {
      if (session.capacity !== null && taken + rsvp.view.partySize > session.capacity) continue;
      rsvp.view = { ...rsvp.view, status: 'confirmed', updatedAt: new Date().toISOString() };
      taken += rsvp.view.partySize;
    }
  }

  #owned(rsvpId: string, editToken: string): StoredRsvp {
    const stored = this.rsvps.get(rsvpId);
    if (!stored || stored.editToken !== editToken) throw notFound('No RSVP matches this id and edit token.');
    return stored;
  }

  #position(stored: StoredRsvp): { position?: number } {
    if (stored.view.status !== 'waitlisted' || stored.view.cancelled) return {};
    const line = this.#live(stored.view.eventId, stored.view.sessionId).filter((r) => r.view.status === 'waitlisted');
    return { position: line.indexOf(stored) + 1 };
  }

  #receipt(stored: StoredRsvp): RsvpReceipt {
    const { rsvpId, eventId, sessionId, response, status, partySize: size, cancelled, updatedAt } = stored.view;
    return {
      rsvpId,
      eventId,
      sessionId,
      response,
      status,
      partySize: size,
      ...(cancelled ? { cancelled } : {}),
      ...this.#position(stored),
      updatedAt,
    };
  }
}
