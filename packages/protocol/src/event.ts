/** School events, their sessions, family RSVPs and staff attendee lists: constants, types and helpers. */
import type { Static } from '@sinclair/typebox';
import type * as Schemas from './schemas/event.js';

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Family needs an event form can ask about, in the order a form lists them. */
export const EVENT_NEEDS = ['interpreter', 'childcare', 'transportation', 'accessibility'] as const;
export type EventNeed = (typeof EVENT_NEEDS)[number];

export const RSVP_RESPONSES = ['going', 'maybe', 'not-going'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

/** What became of an RSVP: a place (`confirmed`), a place in line (`waitlisted`), or no place needed (`declined`). */
export const RSVP_STATUSES = ['confirmed', 'waitlisted', 'declined'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

/** Party size limits, adults and children together. */
export const PARTY_MIN = 1;
export const PARTY_MAX = 20;
export const RSVP_NOTE_MAX = 2000;
export const ACCESSIBILITY_NOTE_MAX = 1000;

// In a module of its own so the browser's HTTP client can take it without this module's rules and limits
// (which the RSVP form loads separately); re-exported here for every existing import.
export { RSVP_TOKEN_HEADER } from './rsvp-token.js';

export type EventPlace = Static<typeof Schemas.EventPlace>;
export type EventAudience = Static<typeof Schemas.EventAudience>;
export type EventSession = Static<typeof Schemas.EventSession>;
export type EventInput = Static<typeof Schemas.EventInput>;
export type EventPatch = Static<typeof Schemas.EventPatch>;
export type TandemEvent = Static<typeof Schemas.Event>;
export type EventList = Static<typeof Schemas.EventList>;
export type PublicEventSession = Static<typeof Schemas.PublicEventSession>;
export type PublicEvent = Static<typeof Schemas.PublicEvent>;
export type RsvpContact = Static<typeof Schemas.RsvpContact>;
export type RsvpNeeds = Static<typeof Schemas.RsvpNeeds>;
export type RsvpInput = Static<typeof Schemas.RsvpInput>;
export type RsvpPatch = Static<typeof Schemas.RsvpPatch>;
export type RsvpReceipt = Static<typeof Schemas.RsvpReceipt>;
export type RsvpView = Static<typeof Schemas.RsvpView>;
export type Attendee = Static<typeof Schemas.Attendee>;
export type NeedsSummary = Static<typeof Schemas.NeedsSummary>;
export type EventAttendees = Static<typeof Schemas.EventAttendees>;

/** Every text of an event under its `machineTranslated` key. */
export function eventTextsByKey(
  e: Pick<EventInput, 'title' | 'description' | 'location' | 'place'>,
): Map<string, Record<string, string> | undefined> {
  return new Map([
    ['title', e.title],
    ['description', e.description],
    ['location', e.location],
    ['placeName', e.place?.name],
  ]);
}

/** Whether a response holds places: `maybe` does, so the school plans for everyone who might come. */
export function holdsPlace(response: RsvpResponse): boolean {
  return response !== 'not-going';
}

export function partySize(input: { adults: number; children: number }): number {
  return input.adults + input.children;
}

/** True once the session has ended; RSVPs to it are closed. */
export function isSessionPast(session: { endsAt: string }, now: Date = new Date()): boolean {
  return Date.parse(session.endsAt) <= now.getTime();
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** Digits with the separators people type; 7–15 digits covers local and E.164 numbers. */
const PHONE = /^\+?[0-9 ().-]+$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value.trim());
}

export function isValidPhone(value: string): boolean {
  const trimmed = value.trim();
  if (!PHONE.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}
