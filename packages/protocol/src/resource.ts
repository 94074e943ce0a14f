/** Community resources (food, health, tutoring…): constants, types, opening hours and the shared content rules. */
import type { Static } from '@sinclair/typebox';
import type * as Schemas from './schemas/resource.js';
import { isValidEmail, isValidPhone } from './event.js';
import { SUPPORTED_LOCALES, type LocalizedText } from './locales.js';
import type { FieldError } from './problem.js';
import { isTimeZone } from './validate-rsvp.js';

/** Categories a resource is filed under, in the order a filter lists them. */
export const RESOURCE_CATEGORIES = [
  'food',
  'health',
  'mental-health',
  'tutoring',
  'housing',
  'after-school',
  'clothing',
  'legal',
  'employment',
  'transportation',
  'childcare',
  'other',
] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];

export const RESOURCE_STATUSES = ['draft', 'published'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** Phone kinds, as HSDS names them; `text` numbers take SMS, `textphone` is TTY. */
export const PHONE_TYPES = ['voice', 'text', 'cell', 'fax', 'textphone', 'video', 'pager'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

/** Longest "Was this helpful?" comment, in characters. */
export const FEEDBACK_COMMENT_MAX = 1000;

export type ResourcePhone = Static<typeof Schemas.ResourcePhone>;
export type ResourceLocation = Static<typeof Schemas.ResourceLocation>;
export type WeeklyHours = Static<typeof Schemas.WeeklyHours>;
export type ResourceClosure = Static<typeof Schemas.ResourceClosure>;
export type ResourceSchedule = Static<typeof Schemas.ResourceSchedule>;
export type ResourceInput = Static<typeof Schemas.ResourceInput>;
export type ResourcePatch = Static<typeof Schemas.ResourcePatch>;
export type Resource = Static<typeof Schemas.Resource>;
export type ResourceList = Static<typeof Schemas.ResourceList>;
export type PublicResource = Static<typeof Schemas.PublicResource>;
export type PublicResourceList = Static<typeof Schemas.PublicResourceList>;
export type ResourceQuery = Static<typeof Schemas.ResourceQuery>;
export type ResourceFeedbackInput = Static<typeof Schemas.ResourceFeedbackInput>;
export type ResourceFeedbackReceipt = Static<typeof Schemas.ResourceFeedbackReceipt>;
export type ResourceFeedbackSummary = Static<typeof Schemas.ResourceFeedbackSummary>;
export type ResourceFeedbackOverview = Static<typeof Schemas.ResourceFeedbackOverview>;
export type HsdsImportResult = Static<typeof Schemas.HsdsImportResult>;
export type HsdsImportItemResult = Static<typeof Schemas.HsdsImportItemResult>;

/** Every language some text is in: the default first, then Tandem's usual order, then the rest by tag. */
export function localesOf(defaultLocale: string, texts: readonly (LocalizedText | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) for (const [locale, value] of Object.entries(text ?? {})) if (value.trim()) found.add(locale);
  found.delete(defaultLocale);
  const order = (locale: string) => {
    const index = (SUPPORTED_LOCALES as readonly string[]).indexOf(locale);
    return index === -1 ? SUPPORTED_LOCALES.length : index;
  };
  return [defaultLocale, ...[...found].sort((a, b) => order(a) - order(b) || a.localeCompare(b))];
}

/** Every LocalizedText of a resource, for `localesOf`. */
export function resourceTexts(r: Pick<ResourceInput, 'name' | 'description' | 'eligibility' | 'fees' | 'schedule' | 'phones'>) {
  return [r.name, r.description, r.eligibility, r.fees, r.schedule?.notes, ...r.phones.map((p) => p.description)];
}

/** Every text of a resource under its `machineTranslated` key (phones by position, closures by date). */
export function resourceTextsByKey(
  r: Pick<ResourceInput, 'name' | 'description' | 'eligibility' | 'fees' | 'schedule' | 'phones'>,
): Map<string, LocalizedText | undefined> {
  const texts = new Map<string, LocalizedText | undefined>([
    ['name', r.name],
    ['description', r.description],
    ['eligibility', r.eligibility],
    ['fees', r.fees],
    ['scheduleNotes', r.schedule?.notes],
  ]);
  r.phones.forEach((phone, n) => texts.set(`phone:${n}`, phone.description));
  for (const closure of r.schedule?.closures ?? []) texts.set(`closure:${closure.date}`, closure.note);
  return texts;
}

// ---- Opening hours -------------------------------------------------------------------------------

export interface OpenStatus {
  open: boolean;
  /** While open: when the current opening ends (`HH:MM`, `24:00` = midnight), in the resource's zone. */
  closesAt?: string;
  /** While closed: the next opening within a week, in the resource's zone; absent when none is listed. */
  opensAt?: {
    weekday: number;
    time: string;
    /** The local calendar day, `YYYY-MM-DD`. */
    date: string;
    /** 0 = later today, 1 = tomorrow, … */
    inDays: number;
  };
  /** While closed because today is a listed closure: that closure, so the card can say why ("Thanksgiving"). */
  closure?: ResourceClosure;
}

interface LocalNow {
  date: string;
  weekday: number;
  minutes: number;
}

const WEEKDAY_NUMBERS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in `timeZone` at `now`; Intl applies the zone's DST rules for that moment. */
function localNow(timeZone: string, now: Date): LocalNow {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAY_NUMBERS[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The calendar day `days` after `date`; plain date arithmetic, no zone involved. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const shiftWeekday = (weekday: number, days: number) => ((((weekday - 1 + days) % 7) + 7) % 7) + 1;

/**
 * Whether a resource is open at `now`, judged on the wall clock of its own time zone, and when it
 * closes or next opens. Hours whose `closesAt` is not after `opensAt` run past midnight. A closure
 * day cancels the openings that start on it.
 */
export function openStatus(schedule: ResourceSchedule | undefined, timeZone: string, now: Date = new Date()): OpenStatus {
  const hours = schedule?.regular ?? [];
  if (hours.length === 0) return { open: false };
  const today = localNow(timeZone, now);
  const closed = new Set((schedule?.closures ?? []).map((c) => c.date));
  const yesterday = addDays(today.date, -1);
  let closesAt: string | undefined;
  for (const h of hours) {
    const opens = minutesOf(h.opensAt);
    const closes = minutesOf(h.closesAt);
    const overnight = closes <= opens;
    if (h.weekday === today.weekday && !closed.has(today.date) && today.minutes >= opens && (overnight || today.minutes < closes)) {
      closesAt = later(closesAt, h.closesAt, overnight);
    }
    if (overnight && h.weekday === shiftWeekday(today.weekday, -1) && !closed.has(yesterday) && today.minutes < closes) {
      closesAt = later(closesAt, h.closesAt, false);
    }
  }
  if (closesAt !== undefined) return { open: true, closesAt };
  const closure = schedule?.closures?.find((c) => c.date === today.date);
  const why = closure ? { closure } : {};
  for (let inDays = 0; inDays <= 7; inDays++) {
    const date = addDays(today.date, inDays);
    if (closed.has(date)) continue;
    const weekday = shiftWeekday(today.weekday, inDays);
    const next = hours
      .filter((h) => h.weekday === weekday && (inDays > 0 || minutesOf(h.opensAt) > today.minutes))
      .sort((a, b) => minutesOf(a.opensAt) - minutesOf(b.opensAt))[0];
    if (next) return { open: false, opensAt: { weekday, time: next.opensAt, date, inDays }, ...why };
  }
  return { open: false, ...why };
}

/** Of two closing times for overlapping hours, the later one; an overnight closing is later than any same-day one. */
function later(current: string | undefined, candidate: string, overnight: boolean): string {
  if (overnight || current === undefined) return candidate;
  return minutesOf(candidate) > minutesOf(current) ? candidate : current;
}

export function isOpenNow(schedule: ResourceSchedule | undefined, timeZone: string, now: Date = new Date()): boolean {
  return openStatus(schedule, timeZone, now).open;
}

// ---- Content rules -------------------------------------------------------------------------------

function textLength(value: string): number {
  return [...value.normalize('NFC')].length;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function requireDefault(errors: FieldError[], pointer: string, text: LocalizedText | undefined, defaultLocale: string, what: string) {
  if (!text?.[defaultLocale]?.trim()) {
    errors.push({ pointer, code: 'required', detail: `${what} needs text in the default language (${defaultLocale}).` });
  }
}

/** Checks what JSON Schema cannot in a resource: default-language text, a real zone, sane hours, reachable contacts. */
export function validateResourceContent(resource: ResourceInput): FieldError[] {
  const errors: FieldError[] = [];
  const { defaultLocale } = resource;
  requireDefault(errors, '/name', resource.name, defaultLocale, 'The name');
  if (!resource.organizationName?.trim()) {
    errors.push({ pointer: '/organizationName', code: 'required', detail: 'Say who runs this resource.' });
  }
  requireDefault(errors, '/description', resource.description, defaultLocale, 'The description');
  if (resource.eligibility) requireDefault(errors, '/eligibility', resource.eligibility, defaultLocale, 'Eligibility');
  if (resource.fees) requireDefault(errors, '/fees', resource.fees, defaultLocale, 'Fees');
  if (!(RESOURCE_CATEGORIES as readonly string[]).includes(resource.category)) {
    errors.push({ pointer: '/category', code: 'invalid-option', detail: `Use one of: ${RESOURCE_CATEGORIES.join(', ')}.` });
  }
  resource.languages.forEach((tag, i) => {
    if (!LANGUAGE_TAG.test(tag))
      errors.push({ pointer: `/languages/${i}`, code: 'invalid-format', detail: `"${tag}" is not a language tag.` });
  });
  resource.phones.forEach((phone, i) => {
    if (!isValidPhone(phone.number)) {
      errors.push({ pointer: `/phones/${i}/number`, code: 'invalid-format', detail: 'A phone number has 7 to 15 digits.' });
    }
  });
  if (resource.email !== undefined && !isValidEmail(resource.email)) {
    errors.push({ pointer: '/email', code: 'invalid-format', detail: 'This is not an email address.' });
  }
  if (resource.phones.length === 0 && !resource.email && !resource.url && !resource.location) {
    errors.push({
      pointer: '/phones',
      code: 'required',
      detail: 'Give families at least one way to reach it: phone, email, website or address.',
    });
  }
  if (!isTimeZone(resource.timeZone)) {
    errors.push({ pointer: '/timeZone', code: 'invalid-option', detail: `"${resource.timeZone}" is not an IANA time zone.` });
  }
  resource.schedule?.regular.forEach((h, i) => {
    if (h.opensAt === h.closesAt) {
      errors.push({ pointer: `/schedule/regular/${i}/closesAt`, code: 'out-of-range', detail: 'Closing time equals opening time.' });
    }
    if (h.opensAt === '24:00') {
      errors.push({ pointer: `/schedule/regular/${i}/opensAt`, code: 'out-of-range', detail: 'Use 00:00 for an opening at midnight.' });
    }
  });
  resource.schedule?.closures?.forEach((c, i) => {
    if (Number.isNaN(Date.parse(`${c.date}T00:00:00Z`))) {
      errors.push({ pointer: `/schedule/closures/${i}/date`, code: 'invalid-format', detail: 'Not a calendar date.' });
    }
  });
  return errors;
}

/** Checks a family's "Was this helpful?" answer. */
export function validateFeedback(input: ResourceFeedbackInput): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof input.helpful !== 'boolean') errors.push({ pointer: '/helpful', code: 'required', detail: 'Say whether it helped.' });
  if (typeof input.locale !== 'string' || !LANGUAGE_TAG.test(input.locale)) {
    errors.push({ pointer: '/locale', code: 'invalid-format', detail: 'Not a language tag.' });
  }
  if (input.comment !== undefined && textLength(input.comment) > FEEDBACK_COMMENT_MAX) {
    errors.push({
      pointer: '/comment',
      code: 'too-long',
      detail: `Use at most ${FEEDBACK_COMMENT_MAX} characters.`,
      params: { max: FEEDBACK_COMMENT_MAX },
    });
  }
  return errors;
}
