/** TypeBox schemas for events, sessions, RSVPs and attendee lists. */
import { Type } from '@sinclair/typebox';
import { ACCESSIBILITY_NOTE_MAX, EVENT_NEEDS, EVENT_STATUSES, PARTY_MAX, RSVP_NOTE_MAX, RSVP_RESPONSES, RSVP_STATUSES } from '../event.js';
import { LocaleCode, LocalizedText, MachineTranslated } from './locales.js';
import { RemovablePatch } from './patch.js';
import { Id } from './survey.js';

/** Links families may follow; `javascript:` and other schemes are refused. */
const WebUrl = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'An http(s) URL' });
/** A moment with its UTC offset, e.g. `2026-03-12T17:00:00-05:00`. */
const Moment = Type.String({ format: 'date-time', description: 'ISO 8601 date-time with offset' });

export const EventNeedName = Type.Union(EVENT_NEEDS.map((n) => Type.Literal(n)));
export const EventStatus = Type.Union(EVENT_STATUSES.map((s) => Type.Literal(s)));
export const RsvpResponse = Type.Union(RSVP_RESPONSES.map((r) => Type.Literal(r)));
export const RsvpStatus = Type.Union(RSVP_STATUSES.map((s) => Type.Literal(s)));

export const EventPlace = Type.Object(
  { name: LocalizedText, address: Type.String({ maxLength: 500 }), mapUrl: Type.Optional(WebUrl) },
  { additionalProperties: false },
);

export const EventAudience = Type.Object(
  { grades: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 20 })) },
  { additionalProperties: false },
);

export const EventSession = Type.Object(
  {
    id: Id,
    startsAt: Moment,
    endsAt: Moment,
    /** People (adults and children) the session holds; null means unlimited. */
    capacity: Type.Union([Type.Integer({ minimum: 1, maximum: 100000 }), Type.Null()]),
  },
  { additionalProperties: false },
);

const eventContent = {
  title: LocalizedText,
  description: Type.Optional(LocalizedText),
  location: Type.Optional(LocalizedText),
  defaultLocale: LocaleCode,
  /** IANA zone the event happens in, e.g. `America/Chicago`. */
  timeZone: Type.String({ maxLength: 64 }),
  place: Type.Optional(EventPlace),
  onlineUrl: Type.Optional(WebUrl),
  audience: Type.Optional(EventAudience),
  /** The family needs the RSVP form asks about. */
  needsAsked: Type.Array(EventNeedName, { uniqueItems: true, maxItems: EVENT_NEEDS.length }),
  sessions: Type.Array(EventSession, { minItems: 1, maxItems: 200 }),
  /**
   * Unreviewed machine translations. Keys (see `eventTextsByKey`): `title`, `description`, `location` and
   * `placeName` (sessions and the needs asked carry no text of their own). An edit that sends it replaces it;
   * one that leaves it out keeps it.
   */
  machineTranslated: Type.Optional(MachineTranslated),
};

/** What staff write when they create or edit an event. */
export const EventInput = Type.Object({ schoolId: Id, ...eventContent }, { additionalProperties: false });

/** A partial edit; omitted fields stay as they are, `null` removes an optional one. */
export const EventPatch = RemovablePatch(EventInput);

export const StaffEventSession = Type.Object({
  ...EventSession.properties,
  /** People holding a confirmed place. */
  taken: Type.Integer({ minimum: 0 }),
  /** Families waiting for a place. */
  waitlisted: Type.Integer({ minimum: 0 }),
});

/** An event as staff see it. */
export const Event = Type.Object({
  id: Id,
  schoolId: Id,
  ...eventContent,
  sessions: Type.Array(StaffEventSession),
  status: EventStatus,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Optional(Type.String({ format: 'date-time' })),
  cancelledAt: Type.Optional(Type.String({ format: 'date-time' })),
});

export const EventList = Type.Object({ items: Type.Array(Event) });

export const PublicEventSession = Type.Object({
  id: Id,
  startsAt: Moment,
  endsAt: Moment,
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  /** Places left; null when unlimited. */
  remaining: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** True when the session is full, so a new RSVP joins the waitlist. */
  waitlistOpen: Type.Boolean(),
  /** True once the session has ended; it takes no RSVPs. */
  past: Type.Boolean(),
});

/** An event as a family's widget receives it: content and remaining places, never attendee data. */
export const PublicEvent = Type.Object({
  id: Id,
  title: LocalizedText,
  description: Type.Optional(LocalizedText),
  location: Type.Optional(LocalizedText),
  defaultLocale: LocaleCode,
  /** Languages the content has been written in, default first. */
  locales: Type.Array(LocaleCode),
  timeZone: Type.String(),
  place: Type.Optional(EventPlace),
  onlineUrl: Type.Optional(WebUrl),
  audience: Type.Optional(EventAudience),
  needsAsked: Type.Array(EventNeedName),
  status: Type.Union([Type.Literal('published'), Type.Literal('cancelled')]),
  sessions: Type.Array(PublicEventSession),
  school: Type.Object({ id: Id, name: Type.String() }),
  /** Texts that are unreviewed machine translations, so the widget can say so quietly. */
  machineTranslated: Type.Optional(MachineTranslated),
});

export const RsvpContact = Type.Object(
  { email: Type.Optional(Type.String({ maxLength: 254 })), phone: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);

export const RsvpNeeds = Type.Object(
  {
    /** Language the family needs an interpreter for. */
    interpreter: Type.Optional(LocaleCode),
    childcare: Type.Optional(
      Type.Object(
        {
          children: Type.Integer({ minimum: 0, maximum: PARTY_MAX }),
          ages: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 30 }), { maxItems: PARTY_MAX })),
        },
        { additionalProperties: false },
      ),
    ),
    transportation: Type.Optional(Type.Boolean()),
    accessibility: Type.Optional(Type.String({ maxLength: ACCESSIBILITY_NOTE_MAX * 4 })),
  },
  { additionalProperties: false },
);

const rsvpFields = {
  sessionId: Id,
  response: RsvpResponse,
  /** Adults 1–20, children 0–20, at most 20 people together (checked by validateRsvp). */
  adults: Type.Integer({ minimum: 0, maximum: PARTY_MAX }),
  children: Type.Integer({ minimum: 0, maximum: PARTY_MAX }),
  names: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: PARTY_MAX })),
  /** Email or phone; at least one when going or maybe. */
  contact: Type.Optional(RsvpContact),
  needs: Type.Optional(RsvpNeeds),
  note: Type.Optional(Type.String({ maxLength: RSVP_NOTE_MAX * 4 })),
  /** The language the family answered in; staff and notifications use it. */
  locale: LocaleCode,
};

export const RsvpInput = Type.Object(
  {
    ...rsvpFields,
    /** A host-signed family identity; absent means anonymous. */
    identityToken: Type.Optional(Type.String({ maxLength: 8192 })),
  },
  { additionalProperties: false },
);

/** A change to an RSVP; omitted fields stay as they are. `needs`, `names`, `contact` replace the whole value. */
export const RsvpPatch = Type.Partial(Type.Object(rsvpFields), { additionalProperties: false });

export const RsvpReceipt = Type.Object({
  rsvpId: Type.String(),
  eventId: Id,
  sessionId: Id,
  response: RsvpResponse,
  status: RsvpStatus,
  partySize: Type.Integer(),
  /** Secret that lets the family change or cancel later (header `X-Rsvp-Token`); returned only when the RSVP is made. */
  editToken: Type.Optional(Type.String()),
  /** Place in the waitlist, 1 = next in line. */
  position: Type.Optional(Type.Integer({ minimum: 1 })),
  /** True once the RSVP was cancelled. */
  cancelled: Type.Optional(Type.Boolean()),
  updatedAt: Type.String({ format: 'date-time' }),
});

/** An RSVP as its own family sees it (with the edit token): to show its state and prefill a change. */
export const RsvpView = Type.Object({
  ...Type.Omit(RsvpReceipt, ['editToken']).properties,
  adults: Type.Integer(),
  children: Type.Integer(),
  names: Type.Array(Type.String()),
  contact: RsvpContact,
  needs: RsvpNeeds,
  note: Type.Optional(Type.String()),
  locale: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

/** One family's RSVP as staff see it. */
export const Attendee = Type.Object({
  rsvpId: Type.String(),
  sessionId: Id,
  response: RsvpResponse,
  status: Type.Union([RsvpStatus, Type.Literal('cancelled')]),
  adults: Type.Integer(),
  children: Type.Integer(),
  partySize: Type.Integer(),
  names: Type.Array(Type.String()),
  contact: RsvpContact,
  needs: RsvpNeeds,
  note: Type.Optional(Type.String()),
  locale: Type.String(),
  position: Type.Optional(Type.Integer()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  attendedAt: Type.Optional(Type.String()),
});

/** Needs of confirmed families: what the school must arrange. */
export const NeedsSummary = Type.Object({
  families: Type.Integer(),
  people: Type.Integer(),
  /** Families needing an interpreter, per language, most first. */
  interpreter: Type.Array(Type.Object({ language: Type.String(), families: Type.Integer() })),
  childcare: Type.Object({ families: Type.Integer(), children: Type.Integer() }),
  transportation: Type.Object({ families: Type.Integer() }),
  accessibility: Type.Object({ families: Type.Integer() }),
});

export const EventAttendees = Type.Object({
  eventId: Id,
  sessions: Type.Array(
    Type.Object({
      id: Id,
      startsAt: Type.String(),
      capacity: Type.Union([Type.Integer(), Type.Null()]),
      taken: Type.Integer(),
      remaining: Type.Union([Type.Integer(), Type.Null()]),
      waitlisted: Type.Integer(),
      needs: NeedsSummary,
    }),
  ),
  needs: NeedsSummary,
  attendees: Type.Array(Attendee),
});
