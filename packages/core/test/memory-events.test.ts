/** MemoryBackend's events follow the reference server's rules: capacity, waitlist, promotion, edit tokens, idempotency, closed events. */
import { expect } from '@open-wc/testing';
import { PROBLEM_TYPES, validateEventContent, type RsvpInput } from '@tandem/protocol';
import { BackendError, MemoryBackend, MemoryEvents, demoEvents, type MemoryEvent } from '../src/index.js';

function rejection(run: () => unknown): BackendError {
  try {
    run();
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const HOUR = 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * 24 * HOUR).toISOString();

/** One session for 10 people, a week from now. */
function smallEvent(capacity: number | null = 10): MemoryEvent {
  return {
    id: 'small',
    title: { en: 'Small workshop' },
    defaultLocale: 'en',
    locales: ['en'],
    timeZone: 'America/Chicago',
    needsAsked: ['interpreter'],
    status: 'published',
    school: { id: 'lincoln', name: 'Lincoln' },
    sessions: [
      { id: 'a', startsAt: inDays(7), endsAt: new Date(Date.parse(inDays(7)) + HOUR).toISOString(), capacity },
      { id: 'b', startsAt: inDays(8), endsAt: new Date(Date.parse(inDays(8)) + HOUR).toISOString(), capacity },
    ],
  };
}

let keys = 0;
function rsvp(events: MemoryEvents, adults: number, children = 0, extra: Partial<RsvpInput> = {}) {
  const input: RsvpInput = {
    sessionId: 'a',
    response: 'going',
    adults,
    children,
    contact: { email: 'f@example.org' },
    locale: 'en',
    ...extra,
  };
  return events.create('small', input, `key-${++keys}`);
}

function fresh(capacity?: number | null): MemoryEvents {
  const events = new MemoryEvents();
  events.add(smallEvent(capacity));
  return events;
}

const remaining = (events: MemoryEvents, session = 0) => events.publicEvent('small').sessions[session]!.remaining;

describe('MemoryEvents', () => {
  it('demo events are valid content, dated in the future except past-event, with full-event full', async () => {
    for (const event of demoEvents()) expect(validateEventContent(event), event.id).to.deep.equal([]);
    const backend = MemoryBackend.withDemoData();
    const full = await backend.getEvent('full-event');
    expect(full.sessions[0]).to.include({ remaining: 0, waitlistOpen: true, past: false });
    expect((await backend.getEvent('past-event')).sessions.every((s) => s.past)).to.equal(true);
    expect((await backend.getEvent('demo-event')).sessions.map((s) => [s.remaining, s.past])).to.deep.equal([
      [40, false],
      [40, false],
    ]);
    expect((await backend.getEvent('cancelled-event')).status).to.equal('cancelled');
  });

  it('confirms families while places last, then waitlists in arrival order; maybe holds places, not-going does not', () => {
    const events = fresh(10);
    expect(rsvp(events, 4).status).to.equal('confirmed');
    expect(rsvp(events, 2, 2, { response: 'maybe' }).status).to.equal('confirmed');
    expect(remaining(events)).to.equal(2);
    expect(rsvp(events, 1, 0, { response: 'not-going', contact: {} }).status).to.equal('declined');
    expect(remaining(events)).to.equal(2);
    const third = rsvp(events, 3);
    expect(third).to.include({ status: 'waitlisted', position: 1 });
    expect(rsvp(events, 1, 1)).to.include({ status: 'confirmed' });
    expect(events.publicEvent('small').sessions[0]).to.include({ remaining: 0, waitlistOpen: true });
    expect(rsvp(events, 1)).to.include({ status: 'waitlisted', position: 2 });
    // Unlimited sessions never fill.
    const open = fresh(null);
    expect(rsvp(open, 20).status).to.equal('confirmed');
    expect(remaining(open)).to.equal(null);
  });

  it('refuses a party larger than the whole session, naming the limit', () => {
    const error = rejection(() => rsvp(fresh(4), 3, 2));
    expect(error.kind).to.equal('invalid');
    expect(error.status).to.equal(422);
    expect(error.fieldErrors).to.deep.equal([
      {
        pointer: '/adults',
        code: 'out-of-range',
        detail: 'This session holds at most 4 people.',
        params: { min: 1, max: 4, partySize: 5 },
      },
    ]);
  });

  it('applies validateRsvp: party size, contact, needs not asked — and stores nothing', () => {
    const events = fresh();
    const pointers = (input: Partial<RsvpInput>) => rejection(() => rsvp(events, 1, 0, input)).fieldErrors.map((e) => e.pointer);
    expect(pointers({ adults: 0 })).to.deep.equal(['/adults']);
    expect(pointers({ adults: 15, children: 6 })).to.deep.equal(['/adults']);
    expect(pointers({ contact: {} })).to.deep.equal(['/contact']);
    expect(pointers({ contact: { email: 'nope', phone: '12' } })).to.deep.equal(['/contact/email', '/contact/phone']);
    expect(pointers({ needs: { transportation: true } })).to.deep.equal(['/needs/transportation']);
    expect(pointers({ sessionId: 'zzz' })).to.deep.equal(['/sessionId']);
    expect(events.list('small')).to.deep.equal([]);
  });

  it('promotes the waitlist in arrival order when a family cancels, as far as the freed places go', () => {
    const events = fresh(10);
    const first = rsvp(events, 6);
    rsvp(events, 4);
    const big = rsvp(events, 5);
    const small = rsvp(events, 2);
    expect([big.position, small.position]).to.deep.equal([1, 2]);
    const cancelled = events.cancelRsvp(first.rsvpId, first.editToken!);
    expect(cancelled).to.include({ cancelled: true, status: 'declined' });
    expect(events.get(big.rsvpId, big.editToken!).status).to.equal('confirmed');
    expect(events.get(small.rsvpId, small.editToken!)).to.include({ status: 'waitlisted', position: 1 });
    expect(remaining(events)).to.equal(1);
    // Cancelling twice answers the same and frees nothing more.
    expect(events.cancelRsvp(first.rsvpId, first.editToken!)).to.deep.equal(cancelled);
    expect(remaining(events)).to.equal(1);
  });

  it('a party too big for the freed places keeps its place in line while a smaller one behind it is seated', () => {
    const events = fresh(10);
    rsvp(events, 8);
    const leaving = rsvp(events, 2);
    const big = rsvp(events, 5);
    const small = rsvp(events, 2);
    events.cancelRsvp(leaving.rsvpId, leaving.editToken!);
    expect(events.get(small.rsvpId, small.editToken!).status).to.equal('confirmed');
    expect(events.get(big.rsvpId, big.editToken!)).to.include({ status: 'waitlisted', position: 1 });
  });

  it('a change re-checks capacity: a bigger party that no longer fits is refused with what is free (409), a smaller one frees places', () => {
    const events = fresh(10);
    const mine = rsvp(events, 2);
    rsvp(events, 6);
    const waiting = rsvp(events, 3);
    const error = rejection(() => events.update(mine.rsvpId, mine.editToken!, { adults: 5 }));
    expect(error.kind).to.equal('conflict');
    expect(error.status).to.equal(409);
    expect(error.fieldErrors[0]).to.include({ pointer: '/adults' });
    expect(error.fieldErrors[0]!.params).to.deep.equal({ max: 4 });
    expect(events.get(mine.rsvpId, mine.editToken!).adults).to.equal(2);
    expect(events.update(mine.rsvpId, mine.editToken!, { adults: 4 }).status).to.equal('confirmed');
    // Saying "can't go" frees the places, and the waitlisted family moves up.
    expect(events.update(mine.rsvpId, mine.editToken!, { response: 'not-going' }).status).to.equal('declined');
    expect(events.get(waiting.rsvpId, waiting.editToken!).status).to.equal('confirmed');
  });

  it('moving to another session takes a place there (or a place in line) and frees the old one', () => {
    const events = fresh(4);
    const mine = rsvp(events, 4);
    const waiting = rsvp(events, 2);
    const moved = events.update(mine.rsvpId, mine.editToken!, { sessionId: 'b' });
    expect(moved).to.include({ sessionId: 'b', status: 'confirmed' });
    expect(events.get(waiting.rsvpId, waiting.editToken!).status).to.equal('confirmed');
    expect([remaining(events, 0), remaining(events, 1)]).to.deep.equal([2, 0]);
  });

  it('reads, changes and cancels only with the right edit token; a cancelled RSVP cannot be changed', () => {
    const events = fresh();
    const mine = rsvp(events, 2, 1, { names: ['Ana'], needs: { interpreter: 'es' }, note: 'Hi' });
    expect(mine.editToken).to.be.a('string');
    expect(events.get(mine.rsvpId, mine.editToken!)).to.deep.include({
      adults: 2,
      children: 1,
      names: ['Ana'],
      needs: { interpreter: 'es' },
      note: 'Hi',
      contact: { email: 'f@example.org' },
    });
    for (const run of [
      () => events.get(mine.rsvpId, 'wrong'),
      () => events.update(mine.rsvpId, 'wrong', { adults: 1 }),
      () => events.cancelRsvp(mine.rsvpId, 'wrong'),
      () => events.get('no-such-rsvp', mine.editToken!),
    ]) {
      expect(rejection(run).kind).to.equal('not-found');
    }
    // Clearing the note and needs is possible with empty values.
    events.update(mine.rsvpId, mine.editToken!, { note: '', needs: {} });
    const view = events.get(mine.rsvpId, mine.editToken!);
    expect(view.note).to.equal(undefined);
    expect(view.needs).to.deep.equal({});
    events.cancelRsvp(mine.rsvpId, mine.editToken!);
    expect(rejection(() => events.update(mine.rsvpId, mine.editToken!, { adults: 1 })).kind).to.equal('conflict');
  });

  it('creating twice with one Idempotency-Key makes one RSVP and returns the same edit token; another body is refused', () => {
    const events = fresh();
    const input: RsvpInput = { sessionId: 'a', response: 'going', adults: 2, children: 0, contact: { phone: '6515550100' }, locale: 'hmn' };
    const first = events.create('small', input, 'same-key');
    const again = events.create('small', input, 'same-key');
    expect(again).to.deep.equal(first);
    expect(events.list('small')).to.have.length(1);
    const error = rejection(() => events.create('small', { ...input, adults: 3 }, 'same-key'));
    expect(error.kind).to.equal('invalid');
    expect(error.problem?.type).to.equal(PROBLEM_TYPES.idempotencyMismatch);
    expect(events.list('small')).to.have.length(1);
  });

  it('refuses RSVPs to cancelled events, past sessions and unknown events', async () => {
    const backend = MemoryBackend.withDemoData();
    const input: RsvpInput = {
      sessionId: 'only',
      response: 'going',
      adults: 1,
      children: 0,
      contact: { email: 'f@example.org' },
      locale: 'en',
    };
    const refused = async (eventId: string) => {
      try {
        await backend.createRsvp(eventId, input, `k-${eventId}`);
      } catch (error) {
        return error as BackendError;
      }
      throw new Error(`${eventId} took an RSVP`);
    };
    expect((await refused('cancelled-event')).status).to.equal(410);
    expect((await refused('past-event')).kind).to.equal('closed');
    expect((await refused('no-such-event')).kind).to.equal('not-found');
    expect(backend.events.list('cancelled-event')).to.deep.equal([]);
    expect(backend.events.list('past-event')).to.deep.equal([]);
    // Cancelling an event closes it for changes too.
    const events = fresh();
    const mine = rsvp(events, 1);
    events.cancelEvent('small');
    expect(events.publicEvent('small').status).to.equal('cancelled');
    expect(rejection(() => events.update(mine.rsvpId, mine.editToken!, { adults: 2 })).kind).to.equal('closed');
    expect(rejection(() => events.cancelRsvp(mine.rsvpId, mine.editToken!)).status).to.equal(410);
  });

  it('an RSVP to a session that has taken place can no longer be changed, not even moved to a later session', () => {
    const events = new MemoryEvents();
    const event = smallEvent();
    const past = { ...event.sessions[0]!, startsAt: inDays(-2), endsAt: inDays(-1) };
    const clock = { ...event, sessions: [{ ...event.sessions[0]!, startsAt: inDays(-1), endsAt: inDays(1) }, event.sessions[1]!] };
    // Made while the session was still open, then the session ended.
    events.add(clock);
    const mine = rsvp(events, 2);
    events.add({ ...clock, sessions: [past, event.sessions[1]!] });
    const error = rejection(() => events.update(mine.rsvpId, mine.editToken!, { sessionId: 'b' }));
    expect([error.kind, error.status]).to.deep.equal(['closed', 410]);
    expect(events.get(mine.rsvpId, mine.editToken!).sessionId).to.equal('a');
  });
});
