/**
 * An event being edited: what the form holds (wall-clock times in the event's zone, capacity as typed) and its
 * conversion to and from the protocol's EventInput. Kept as typed so a refused save loses nothing.
 */
import {
  EVENT_NEEDS,
  validateEventContent,
  type EventInput,
  type EventNeed,
  type EventPatch,
  type EventStatus,
  type LocalizedText,
  type TandemEvent,
} from '@tandem/protocol';
import { keptText, marksFor, type MachineMarks } from '../common/localized-text.js';
import type { TranslatableDraft, TranslatableField } from '../common/translate-missing.js';

export interface SessionDraft {
  id: string;
  /** `YYYY-MM-DDTHH:mm` in the event's time zone, as a datetime-local input holds it. */
  start: string;
  end: string;
  /** As typed; blank means no limit. */
  capacity: string;
  /** People holding places or waiting: the server refuses to remove such a session. */
  booked: number;
}

export interface EventDraft {
  id?: string;
  status: EventStatus;
  schoolId: string;
  defaultLocale: string;
  title: Record<string, string>;
  description: Record<string, string>;
  placeName: Record<string, string>;
  address: string;
  /** Not edited here; kept so a save does not drop the map link. */
  mapUrl?: string;
  onlineUrl: string;
  timeZone: string;
  needsAsked: EventNeed[];
  sessions: SessionDraft[];
  /** Unreviewed machine translations, keyed as the API keys them (`title`, `description`, `placeName`, `location`). */
  marks: MachineMarks;
  /** The older free-text location: not edited here (a save leaves it as it is), kept so its marks are not dropped. */
  location: LocalizedText;
  /** One key per create, kept across retries so a create that reached the server is not made twice. */
  createKey: string;
}

export const CAPACITY_MAX = 100000;
const WEB_URL = /^https?:\/\/\S+$/;

export const newSessionId = () => `s${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** The zone's offset from UTC, in minutes, at an instant. */
function offsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** `2026-03-12T17:00` in `America/Chicago` → `2026-03-12T17:00:00-05:00`; undefined when not a date and time. */
export function zonedToIso(local: string, timeZone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  const wall = Date.parse(`${local}:00Z`);
  if (Number.isNaN(wall)) return undefined;
  // Twice: the offset at the guessed instant may differ across a daylight-saving change.
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return `${local}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** An instant as the wall-clock time a datetime-local input shows, in the event's zone. */
export function isoToZoned(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const local = new Date(ms + offsetMinutes(ms, timeZone) * 60000);
  return local.toISOString().slice(0, 16);
}

export function isTimeZoneName(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.trim() !== '';
  } catch {
    return false;
  }
}

export function emptyDraft(schoolId: string, defaultLocale: string): EventDraft {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/Chicago';
  return {
    status: 'draft',
    schoolId,
    defaultLocale,
    title: {},
    description: {},
    placeName: {},
    address: '',
    onlineUrl: '',
    timeZone: zone,
    needsAsked: [],
    sessions: [{ id: newSessionId(), start: '', end: '', capacity: '', booked: 0 }],
    marks: {},
    location: {},
    createKey: crypto.randomUUID(),
  };
}

export function draftOf(event: TandemEvent): EventDraft {
  return {
    id: event.id,
    status: event.status,
    schoolId: event.schoolId,
    defaultLocale: event.defaultLocale,
    title: { ...event.title },
    description: { ...(event.description ?? {}) },
    placeName: { ...(event.place?.name ?? {}) },
    address: event.place?.address ?? '',
    ...(event.place?.mapUrl ? { mapUrl: event.place.mapUrl } : {}),
    onlineUrl: event.onlineUrl ?? '',
    timeZone: event.timeZone,
    needsAsked: EVENT_NEEDS.filter((n) => event.needsAsked.includes(n)),
    sessions: event.sessions.map((s) => ({
      id: s.id,
      start: isoToZoned(s.startsAt, event.timeZone),
      end: isoToZoned(s.endsAt, event.timeZone),
      capacity: s.capacity === null ? '' : String(s.capacity),
      booked: s.taken + s.waitlisted,
    })),
    marks: structuredClone(event.machineTranslated ?? {}),
    location: { ...(event.location ?? {}) },
    createKey: crypto.randomUUID(),
  };
}

const texts = keptText;

export function toInput(draft: EventDraft): EventInput {
  const zone = isTimeZoneName(draft.timeZone) ? draft.timeZone : 'UTC';
  const placeName = texts(draft.placeName);
  const description = texts(draft.description);
  return {
    schoolId: draft.schoolId,
    title: texts(draft.title),
    defaultLocale: draft.defaultLocale,
    timeZone: draft.timeZone.trim(),
    needsAsked: [...draft.needsAsked],
    sessions: draft.sessions.map((s) => ({
      id: s.id,
      startsAt: zonedToIso(s.start, zone) ?? s.start,
      endsAt: zonedToIso(s.end, zone) ?? s.end,
      capacity: s.capacity.trim() === '' ? null : Number(s.capacity),
    })),
    ...(Object.keys(description).length ? { description } : {}),
    ...(Object.keys(placeName).length || draft.address.trim()
      ? { place: { name: placeName, address: draft.address.trim(), ...(draft.mapUrl ? { mapUrl: draft.mapUrl } : {}) } }
      : {}),
    ...(draft.onlineUrl.trim() ? { onlineUrl: draft.onlineUrl.trim() } : {}),
    // Always sent, even empty: an edit that sends marks replaces them, so marks reviewed away are gone on the server too.
    machineTranslated: marksFor(draft.marks, [...textFields(draft), { key: 'location', text: draft.location }]),
  };
}

/** Optional fields the form can empty; an edit names them `null`, because a field an edit leaves out stays as it was. */
const REMOVABLE = ['description', 'place', 'onlineUrl'] as const;

/** The draft as an edit of a saved event: like `toInput`, with emptied optional fields sent as `null` (remove). */
export function toPatch(draft: EventDraft): EventPatch {
  const input = toInput(draft);
  const patch: EventPatch = { ...input };
  for (const key of REMOVABLE) if (input[key] === undefined) patch[key] = null;
  return patch;
}

/** The texts this editor edits, in reading order, for "Translate missing languages" and marks. */
export function textFields(draft: EventDraft): TranslatableField[] {
  return [
    { key: 'title', pointer: '/title', text: draft.title, required: true },
    { key: 'description', pointer: '/description', text: draft.description, required: false },
    { key: 'placeName', pointer: '/place/name', text: draft.placeName, required: false },
  ];
}

export function translatable(draft: EventDraft): TranslatableDraft {
  return { defaultLocale: draft.defaultLocale, fields: textFields(draft), marks: draft.marks };
}

/** What the form checks before sending, as pointers with codes; the server checks the same and more. */
export interface Problem {
  pointer: string;
  code: 'required' | 'invalid-format' | 'out-of-range' | 'invalid-option';
}

export function checkDraft(draft: EventDraft): Problem[] {
  const problems: Problem[] = [];
  const input = toInput(draft);
  const zoneOk = isTimeZoneName(draft.timeZone);
  for (const e of validateEventContent({ ...input, timeZone: zoneOk ? input.timeZone : '' })) {
    // The draft's own session checks below say more precisely what is missing.
    if (e.pointer.startsWith('/sessions/')) continue;
    problems.push({ pointer: e.pointer, code: e.code as Problem['code'] });
  }
  if (draft.onlineUrl.trim() && !WEB_URL.test(draft.onlineUrl.trim())) problems.push({ pointer: '/onlineUrl', code: 'invalid-format' });
  if (draft.sessions.length === 0) problems.push({ pointer: '/sessions', code: 'required' });
  draft.sessions.forEach((s, i) => {
    const start = zonedToIso(s.start, zoneOk ? draft.timeZone : 'UTC');
    const end = zonedToIso(s.end, zoneOk ? draft.timeZone : 'UTC');
    if (!start) problems.push({ pointer: `/sessions/${i}/startsAt`, code: 'required' });
    if (!end) problems.push({ pointer: `/sessions/${i}/endsAt`, code: 'required' });
    else if (start && Date.parse(end) <= Date.parse(start)) problems.push({ pointer: `/sessions/${i}/endsAt`, code: 'out-of-range' });
    const cap = s.capacity.trim();
    if (cap !== '' && !(/^\d+$/.test(cap) && Number(cap) >= 1 && Number(cap) <= CAPACITY_MAX)) {
      problems.push({ pointer: `/sessions/${i}/capacity`, code: 'out-of-range' });
    }
  });
  return problems;
}

/** The form control standing for a pointer, so errors (ours or the server's) land on the field to fix. */
export function fieldIdOf(pointer: string, defaultLocale: string): string {
  const session = /^\/sessions\/(\d+)\/(startsAt|endsAt|capacity)/.exec(pointer);
  if (session) return `session-${session[1]}-${session[2] === 'startsAt' ? 'start' : session[2] === 'endsAt' ? 'end' : 'capacity'}`;
  if (pointer.startsWith('/title')) return `title-${defaultLocale}`;
  if (pointer.startsWith('/description')) return `description-${defaultLocale}`;
  if (pointer.startsWith('/place/name')) return `place-${defaultLocale}`;
  if (pointer.startsWith('/place')) return 'address';
  if (pointer.startsWith('/onlineUrl')) return 'online-url';
  if (pointer.startsWith('/timeZone')) return 'time-zone';
  if (pointer.startsWith('/sessions')) return 'sessions';
  return 'form';
}
