/**
 * A resource being edited: what the builder's fields hold (texts per language, contact fields, opening hours as
 * typed), its conversion to and from the protocol's ResourceInput, and the checks the form runs before sending.
 * Kept as typed, so a refused save loses nothing.
 */
import {
  isValidEmail,
  isValidPhone,
  localesOf,
  resourceTexts,
  validateResourceContent,
  type FieldError,
  type LocalizedText,
  type PhoneType,
  type PublicResource,
  type Resource,
  type ResourceCategory,
  type ResourceClosure,
  type ResourceInput,
  type ResourcePatch,
  type ResourceStatus,
} from '@tandem/protocol';
import { keptText, marksFor, newId, optionalText, requiredText, type MachineMarks } from '../common/localized-text.js';
import type { TranslatableDraft, TranslatableField } from '../common/translate-missing.js';

export interface PhoneDraft {
  id: string;
  number: string;
  type: PhoneType;
  /** What the number is for ("Spanish line"). */
  description: LocalizedText;
}

/** One opening: `HH:MM` as a time input holds it; a closing earlier than the opening runs past midnight. */
export interface HoursDraft {
  id: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  opensAt: string;
  closesAt: string;
}

export interface ResourceDraft {
  /** Absent until the first save. */
  id?: string;
  status: ResourceStatus;
  /** Schools that list it; none means every school of the organization. */
  schoolIds: string[];
  defaultLocale: string;
  name: LocalizedText;
  description: LocalizedText;
  eligibility: LocalizedText;
  fees: LocalizedText;
  scheduleNotes: LocalizedText;
  organizationName: string;
  category: ResourceCategory;
  /** Further categories it also serves. */
  categories: ResourceCategory[];
  /** Languages spoken there, from the console's list. */
  languages: string[];
  /** Other language tags, as typed ("fr, pt-BR"). */
  otherLanguages: string;
  phones: PhoneDraft[];
  email: string;
  url: string;
  address: string;
  city: string;
  region: string;
  postalCode: string;
  mapUrl: string;
  timeZone: string;
  hours: HoursDraft[];
  /** Not edited here; kept so a save does not drop them. */
  closures: ResourceClosure[];
  /**
   * Unreviewed machine translations, keyed like the API except phones: `phone:<row id>` here, so a mark follows its
   * phone when rows are added or removed; `toInput` turns them into the API's `phone:<position>`.
   */
  marks: MachineMarks;
  /** One key per create, kept across retries so a create that reached the server is not made twice. */
  createKey: string;
  updatedAt?: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const WEB_URL = /^https?:\/\/\S+$/;
const CLOCK = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function isTimeZoneName(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.trim() !== '';
  } catch {
    return false;
  }
}

export const newPhone = (): PhoneDraft => ({ id: newId('p'), number: '', type: 'voice', description: {} });

export function newHours(weekday: number, after?: HoursDraft): HoursDraft {
  return { id: newId('h'), weekday, opensAt: after?.opensAt ?? '09:00', closesAt: after?.closesAt ?? '17:00' };
}

export function emptyDraft(schoolIds: string[], defaultLocale: string): ResourceDraft {
  return {
    status: 'draft',
    schoolIds,
    defaultLocale,
    name: {},
    description: {},
    eligibility: {},
    fees: {},
    scheduleNotes: {},
    organizationName: '',
    category: 'food',
    categories: [],
    languages: [defaultLocale],
    otherLanguages: '',
    phones: [newPhone()],
    email: '',
    url: '',
    address: '',
    city: '',
    region: '',
    postalCode: '',
    mapUrl: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/Chicago',
    hours: [],
    closures: [],
    marks: {},
    createKey: crypto.randomUUID(),
  };
}

export function draftOf(resource: Resource, locales: readonly string[]): ResourceDraft {
  const known = resource.languages.filter((l) => locales.includes(l));
  const draft: ResourceDraft = {
    id: resource.id,
    status: resource.status,
    schoolIds: [...resource.schoolIds],
    defaultLocale: resource.defaultLocale,
    name: { ...resource.name },
    description: { ...resource.description },
    eligibility: { ...(resource.eligibility ?? {}) },
    fees: { ...(resource.fees ?? {}) },
    scheduleNotes: { ...(resource.schedule?.notes ?? {}) },
    organizationName: resource.organizationName,
    category: resource.category,
    categories: [...(resource.categories ?? [])],
    languages: known,
    otherLanguages: resource.languages.filter((l) => !locales.includes(l)).join(', '),
    // One row even without phones: it is where "give a way to reach it" is said, and where a number is typed.
    phones: resource.phones.length
      ? resource.phones.map((p) => ({ id: newId('p'), number: p.number, type: p.type, description: { ...(p.description ?? {}) } }))
      : [newPhone()],
    email: resource.email ?? '',
    url: resource.url ?? '',
    address: resource.location?.address ?? '',
    city: resource.location?.city ?? '',
    region: resource.location?.region ?? '',
    postalCode: resource.location?.postalCode ?? '',
    mapUrl: resource.location?.mapUrl ?? '',
    timeZone: resource.timeZone,
    hours: (resource.schedule?.regular ?? []).map((h) => ({ id: newId('h'), ...h })),
    closures: structuredClone(resource.schedule?.closures ?? []),
    marks: {},
    createKey: crypto.randomUUID(),
    updatedAt: resource.updatedAt,
  };
  draft.marks = marksFromApi(resource.machineTranslated ?? {}, draft.phones);
  return draft;
}

/** The API's marks with `phone:<position>` turned into `phone:<row id>` (rows are in the API's order). */
function marksFromApi(marks: MachineMarks, phones: readonly PhoneDraft[]): MachineMarks {
  const renamed: MachineMarks = {};
  for (const [key, locales] of Object.entries(marks)) {
    const phone = /^phone:(\d+)$/.exec(key);
    const row = phone ? phones[Number(phone[1])] : undefined;
    if (phone && !row) continue;
    renamed[row ? `phone:${row.id}` : key] = [...locales];
  }
  return renamed;
}

/** The draft's marks as the API keys them, only those that still stand for a text. */
function marksForApi(draft: ResourceDraft): MachineMarks {
  const rows = phoneRows(draft);
  const renamed: MachineMarks = {};
  for (const [key, locales] of Object.entries(marksFor(draft.marks, markableFields(draft)))) {
    const phone = /^phone:(.+)$/.exec(key);
    if (!phone) renamed[key] = locales;
    else if (rows.some((p) => p.id === phone[1])) renamed[`phone:${rows.findIndex((p) => p.id === phone[1])}`] = locales;
  }
  return renamed;
}

/** The typed "other languages", split into tags. */
export function otherLanguageTags(draft: ResourceDraft): string[] {
  return draft.otherLanguages
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

export function toInput(draft: ResourceDraft): ResourceInput {
  const dl = draft.defaultLocale;
  const location = [draft.address, draft.city, draft.region, draft.postalCode, draft.mapUrl].some((v) => v.trim() !== '');
  const eligibility = optionalText(draft.eligibility);
  const fees = optionalText(draft.fees);
  const notes = optionalText(draft.scheduleNotes);
  const languages = [...new Set([...draft.languages, ...otherLanguageTags(draft)])];
  return {
    schoolIds: [...draft.schoolIds],
    name: requiredText(draft.name, dl),
    organizationName: draft.organizationName.trim(),
    description: requiredText(draft.description, dl),
    category: draft.category,
    // Always sent, even empty: an edit replaces what it names, so an empty list is how a category or hours are removed.
    categories: draft.categories.filter((c) => c !== draft.category),
    languages,
    ...(eligibility ? { eligibility } : {}),
    ...(fees ? { fees } : {}),
    phones: draft.phones
      .filter((p) => p.number.trim() !== '' || Object.keys(keptText(p.description)).length > 0)
      .map((p) => {
        const description = optionalText(p.description);
        return { number: p.number.trim(), type: p.type, ...(description ? { description } : {}) };
      }),
    ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
    ...(draft.url.trim() ? { url: draft.url.trim() } : {}),
    ...(location
      ? {
          location: {
            address: draft.address.trim(),
            city: draft.city.trim(),
            region: draft.region.trim(),
            postalCode: draft.postalCode.trim(),
            ...(draft.mapUrl.trim() ? { mapUrl: draft.mapUrl.trim() } : {}),
          },
        }
      : {}),
    timeZone: draft.timeZone.trim(),
    schedule: {
      regular: draft.hours.map((h) => ({ weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt })),
      ...(draft.closures.length ? { closures: structuredClone(draft.closures) } : {}),
      ...(notes ? { notes } : {}),
    },
    defaultLocale: dl,
    // Always sent, even empty: an edit that sends marks replaces them, so marks reviewed away are gone on the server too.
    machineTranslated: marksForApi(draft),
  };
}

/** Optional fields the form can empty; an edit names them `null`, because a field an edit leaves out stays as it was. */
const REMOVABLE = ['eligibility', 'fees', 'email', 'url', 'location'] as const;

/** The draft as an edit of a saved resource: like `toInput`, with emptied optional fields sent as `null` (remove). */
export function toPatch(draft: ResourceDraft): ResourcePatch {
  const input = toInput(draft);
  const patch: ResourcePatch = { ...input };
  for (const key of REMOVABLE) if (input[key] === undefined) patch[key] = null;
  return patch;
}

/** Pointers of phones in the input skip blank rows; this maps an input index back to the draft's row. */
function phoneRows(draft: ResourceDraft): PhoneDraft[] {
  return draft.phones.filter((p) => p.number.trim() !== '' || Object.keys(keptText(p.description)).length > 0);
}

/** Every text of the draft in reading order, for "Translate missing languages" and marks. */
export function textFields(draft: ResourceDraft): TranslatableField[] {
  return [
    { key: 'name', pointer: '/name', text: draft.name, required: true },
    { key: 'description', pointer: '/description', text: draft.description, required: true },
    { key: 'eligibility', pointer: '/eligibility', text: draft.eligibility, required: false },
    { key: 'fees', pointer: '/fees', text: draft.fees, required: false },
    { key: 'scheduleNotes', pointer: '/schedule/notes', text: draft.scheduleNotes, required: false },
    ...draft.phones.map((p) => ({ key: `phone:${p.id}`, pointer: '', text: p.description, required: false })),
  ];
}

export function translatable(draft: ResourceDraft): TranslatableDraft {
  return { defaultLocale: draft.defaultLocale, fields: textFields(draft), marks: draft.marks };
}

/** Languages the resource has text in, default first. */
export function draftLocales(draft: ResourceDraft): string[] {
  return localesOf(draft.defaultLocale, resourceTexts(toInput(draft)));
}

/** Texts that can carry a mark: the editable ones, and closure notes, which this builder keeps without editing. */
function markableFields(draft: ResourceDraft): { key: string; text: LocalizedText | undefined }[] {
  return [...textFields(draft), ...draft.closures.map((c) => ({ key: `closure:${c.date}`, text: c.note }))];
}

/** Drops marks whose text was emptied or removed. */
export function tidyMarks(draft: ResourceDraft): void {
  draft.marks = marksFor(draft.marks, markableFields(draft));
}

/** The draft as a family's widget receives it, for the preview. */
export function toPublicResource(draft: ResourceDraft, id: string): PublicResource {
  const input = toInput(draft);
  return { ...input, id, locales: localesOf(input.defaultLocale, resourceTexts(input)), updatedAt: new Date().toISOString() };
}

/** What the form checks before sending, as pointers with codes; the server checks the same and more. */
export function checkDraft(draft: ResourceDraft, { schoolScoped = false } = {}): FieldError[] {
  const input = toInput(draft);
  const errors: FieldError[] = validateResourceContent(input).filter(
    // Checked below with the row the person sees, not the position in the input.
    (e) => !e.pointer.startsWith('/phones/') && !e.pointer.startsWith('/languages/') && !e.pointer.startsWith('/email'),
  );
  const add = (pointer: string, code: FieldError['code']) => errors.push({ pointer, code, detail: '' });
  // Only an organization admin may share a resource with every school (the server refuses an empty list from others).
  if (schoolScoped && draft.schoolIds.length === 0) add('/schoolIds', 'required');
  phoneRows(draft).forEach((p, i) => {
    if (!isValidPhone(p.number)) add(`/phones/${i}/number`, p.number.trim() ? 'invalid-format' : 'required');
  });
  if (draft.email.trim() && !isValidEmail(draft.email.trim())) add('/email', 'invalid-format');
  if (draft.url.trim() && !WEB_URL.test(draft.url.trim())) add('/url', 'invalid-format');
  if (draft.mapUrl.trim() && !WEB_URL.test(draft.mapUrl.trim())) add('/location/mapUrl', 'invalid-format');
  if (input.location && !input.location.address) add('/location/address', 'required');
  if (otherLanguageTags(draft).some((t) => !LANGUAGE_TAG.test(t))) add('/languages', 'invalid-format');
  draft.hours.forEach((h, i) => {
    if (!CLOCK.test(h.opensAt)) add(`/schedule/regular/${i}/opensAt`, 'required');
    if (!CLOCK.test(h.closesAt)) add(`/schedule/regular/${i}/closesAt`, 'required');
  });
  // One message per field: the first problem found.
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.pointer) ? false : (seen.add(e.pointer), true)));
}

/** The control that stands for a pointer, so errors (the form's or the server's) land on the field to fix. */
export function controlIdOf(pointer: string, draft: ResourceDraft): string {
  const dl = draft.defaultLocale;
  const hours = /^\/schedule\/regular\/(\d+)(?:\/(opensAt|closesAt))?/.exec(pointer);
  if (hours) {
    const row = draft.hours[Number(hours[1])];
    return row ? `hours-${row.id}-${hours[2] === 'closesAt' ? 'closes' : 'opens'}` : 'hours';
  }
  if (pointer === '/phones') return draft.phones[0] ? `phone-${draft.phones[0].id}-number` : 'add-phone';
  const phone = /^\/phones\/(\d+)(?:\/(number|type|description))?/.exec(pointer);
  if (phone) {
    const row = phoneRows(draft)[Number(phone[1])];
    if (!row) return 'phones';
    return phone[2] === 'type'
      ? `phone-${row.id}-type`
      : phone[2] === 'description'
        ? `phone-${row.id}-description-${dl}`
        : `phone-${row.id}-number`;
  }
  const fixed: [string, string][] = [
    ['/name', `name-${dl}`],
    ['/description', `description-${dl}`],
    ['/eligibility', `eligibility-${dl}`],
    ['/fees', `fees-${dl}`],
    ['/schedule/notes', `notes-${dl}`],
    ['/schedule', 'hours'],
    ['/organizationName', 'organization'],
    ['/categories', 'categories'],
    ['/category', 'category'],
    ['/languages', 'languages-other'],
    ['/email', 'email'],
    ['/url', 'url'],
    ['/location/mapUrl', 'map-url'],
    ['/location/city', 'city'],
    ['/location/region', 'region'],
    ['/location/postalCode', 'postal-code'],
    ['/location', 'address'],
    ['/timeZone', 'time-zone'],
    ['/schoolIds', 'schools'],
    ['/defaultLocale', 'default-locale'],
  ];
  return fixed.find(([prefix]) => pointer === prefix || pointer.startsWith(`${prefix}/`))?.[1] ?? 'resource-form';
}
