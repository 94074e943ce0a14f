/**
 * The one set of RSVP rules, run by the widget before it sends and by the server before it stores,
 * so a family sees the same verdict offline as online.
 */
import {
  ACCESSIBILITY_NOTE_MAX,
  PARTY_MAX,
  PARTY_MIN,
  RSVP_NOTE_MAX,
  holdsPlace,
  isValidEmail,
  isValidPhone,
  partySize,
  type EventNeed,
  type RsvpInput,
} from './event.js';
import type { FieldError } from './problem.js';

/** What validateRsvp needs to know about the event. */
export interface RsvpRulesEvent {
  needsAsked: readonly EventNeed[];
  sessions: readonly { id: string }[];
}

function textLength(value: string): number {
  return [...value.normalize('NFC')].length;
}

/** Checks an RSVP against its event: every error, in form order. */
export function validateRsvp(event: RsvpRulesEvent, input: RsvpInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!event.sessions.some((s) => s.id === input.sessionId)) {
    errors.push({ pointer: '/sessionId', code: 'invalid-option', detail: 'This event has no session with this id.' });
  }
  if (!Number.isInteger(input.adults) || input.adults < 1) {
    errors.push({
      pointer: '/adults',
      code: 'out-of-range',
      detail: 'At least one adult comes with the party.',
      params: { min: PARTY_MIN, max: PARTY_MAX },
    });
  } else if (!Number.isInteger(input.children) || input.children < 0) {
    errors.push({ pointer: '/children', code: 'out-of-range', detail: 'Children cannot be negative.', params: { min: 0, max: PARTY_MAX } });
  } else if (partySize(input) > PARTY_MAX) {
    errors.push({
      pointer: '/adults',
      code: 'too-many',
      detail: `A party is at most ${PARTY_MAX} people.`,
      params: { min: PARTY_MIN, max: PARTY_MAX, partySize: partySize(input) },
    });
  }
  if (input.names && input.names.length > partySize(input)) {
    errors.push({ pointer: '/names', code: 'too-many', detail: 'More names than people in the party.', params: { max: partySize(input) } });
  }

  const email = input.contact?.email?.trim() ?? '';
  const phone = input.contact?.phone?.trim() ?? '';
  if (email !== '' && !isValidEmail(email)) {
    errors.push({ pointer: '/contact/email', code: 'invalid-format', detail: 'This is not an email address.' });
  }
  if (phone !== '' && !isValidPhone(phone)) {
    errors.push({ pointer: '/contact/phone', code: 'invalid-format', detail: 'A phone number has 7 to 15 digits.' });
  }
  if (holdsPlace(input.response) && email === '' && phone === '') {
    errors.push({ pointer: '/contact', code: 'required', detail: 'Give an email address or a phone number so the school can reach you.' });
  }

  const needs = input.needs ?? {};
  for (const need of Object.keys(needs) as EventNeed[]) {
    if (!event.needsAsked.includes(need)) {
      errors.push({ pointer: `/needs/${need}`, code: 'unknown-field', detail: 'This event does not ask about this need.' });
    }
  }
  if (needs.childcare) {
    const { children, ages } = needs.childcare;
    if (children < 1 || children > PARTY_MAX) {
      errors.push({
        pointer: '/needs/childcare/children',
        code: 'out-of-range',
        detail: 'Childcare is for 1 to 20 children.',
        params: { min: 1, max: PARTY_MAX },
      });
    }
    if (ages && ages.length > children) {
      errors.push({ pointer: '/needs/childcare/ages', code: 'too-many', detail: 'More ages than children.', params: { max: children } });
    }
    ages?.forEach((age, i) => {
      if (age < 0 || age > 17) {
        errors.push({
          pointer: `/needs/childcare/ages/${i}`,
          code: 'out-of-range',
          detail: 'Ages are 0 to 17.',
          params: { min: 0, max: 17 },
        });
      }
    });
  }
  if (needs.accessibility !== undefined && textLength(needs.accessibility) > ACCESSIBILITY_NOTE_MAX) {
    errors.push({
      pointer: '/needs/accessibility',
      code: 'too-long',
      detail: `Use at most ${ACCESSIBILITY_NOTE_MAX} characters.`,
      params: { max: ACCESSIBILITY_NOTE_MAX },
    });
  }
  if (input.note !== undefined && textLength(input.note) > RSVP_NOTE_MAX) {
    errors.push({ pointer: '/note', code: 'too-long', detail: `Use at most ${RSVP_NOTE_MAX} characters.`, params: { max: RSVP_NOTE_MAX } });
  }
  return errors;
}

/** Checks what JSON Schema cannot in an event: title in the default language, unique sessions, sane times. */
export function validateEventContent(event: {
  defaultLocale: string;
  timeZone: string;
  title: Record<string, string>;
  sessions: readonly { id: string; startsAt: string; endsAt: string }[];
}): FieldError[] {
  const errors: FieldError[] = [];
  if (!event.title[event.defaultLocale]?.trim()) {
    errors.push({ pointer: '/title', code: 'required', detail: `The title needs text in the default language (${event.defaultLocale}).` });
  }
  if (!isTimeZone(event.timeZone)) {
    errors.push({ pointer: '/timeZone', code: 'invalid-option', detail: `"${event.timeZone}" is not an IANA time zone.` });
  }
  const ids = new Set<string>();
  event.sessions.forEach((session, i) => {
    if (ids.has(session.id))
      errors.push({ pointer: `/sessions/${i}/id`, code: 'invalid-format', detail: `Session id "${session.id}" is used twice.` });
    ids.add(session.id);
    const start = Date.parse(session.startsAt);
    const end = Date.parse(session.endsAt);
    if (Number.isNaN(start)) errors.push({ pointer: `/sessions/${i}/startsAt`, code: 'invalid-format', detail: 'Not a date and time.' });
    if (Number.isNaN(end)) errors.push({ pointer: `/sessions/${i}/endsAt`, code: 'invalid-format', detail: 'Not a date and time.' });
    else if (!Number.isNaN(start) && end <= start) {
      errors.push({ pointer: `/sessions/${i}/endsAt`, code: 'out-of-range', detail: 'A session ends after it starts.' });
    }
  });
  return errors;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
