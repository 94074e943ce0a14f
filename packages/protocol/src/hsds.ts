/**
 * Open Referral HSDS ↔ Tandem resources. A district can publish HSDS-style JSON (an HSDS 3 `/services`
 * page, `{ services: [...] }` or a bare array of services; HSDS 2 field names are read too) and the
 * resource list reads it with no Tandem server; the server imports and exports the same format.
 *
 * HSDS text is one language, so plain fields carry the default language and the extension object
 * `x_tandem` carries everything HSDS has no place for: translations, category, schools, time zone,
 * closures. Missing fields are fine; malformed ones are reported per service, never guessed.
 */
import { pickText, type LocalizedText } from './locales.js';
import type { FieldError } from './problem.js';
import {
  PHONE_TYPES,
  RESOURCE_CATEGORIES,
  localesOf,
  resourceTexts,
  validateResourceContent,
  type PhoneType,
  type PublicResource,
  type Resource,
  type ResourceCategory,
  type ResourceClosure,
  type ResourceInput,
  type WeeklyHours,
} from './resource.js';

type Json = Record<string, unknown>;

/** What Tandem keeps in `x_tandem` on each HSDS service. */
export interface HsdsExtension {
  defaultLocale?: string;
  timeZone?: string;
  category?: string;
  categories?: string[];
  schoolIds?: string[];
  mapUrl?: string;
  closures?: ResourceClosure[];
  /** Full LocalizedText for fields whose plain HSDS value holds only the default language. */
  translations?: {
    name?: LocalizedText;
    description?: LocalizedText;
    eligibility?: LocalizedText;
    fees?: LocalizedText;
    scheduleNotes?: LocalizedText;
    phones?: (LocalizedText | null)[];
  };
}

export interface HsdsItem {
  /** Position of the service in the document. */
  index: number;
  /** The service's HSDS id, when it has one. */
  externalId?: string;
  /** The resource, when the service could be read; absent when `errors` is not empty. */
  resource?: ResourceInput;
  /** Why it was refused; pointers are into the HSDS service. */
  errors: FieldError[];
}

export interface HsdsReadOptions {
  /** Language of the plain HSDS text when the document does not say (default `en`). */
  defaultLocale?: string;
  /** Zone of the opening hours when the document does not say (default `America/Chicago`). */
  timeZone?: string;
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** ISO 639-3 and English names of common family languages, to BCP 47 tags. */
const LANGUAGE_ALIASES: Record<string, string> = {
  eng: 'en',
  english: 'en',
  spa: 'es',
  spanish: 'es',
  español: 'es',
  hmong: 'hmn',
  som: 'so',
  somali: 'so',
  vie: 'vi',
  vietnamese: 'vi',
  ara: 'ar',
  arabic: 'ar',
  zho: 'zh',
  chinese: 'zh',
  hat: 'ht',
  'haitian creole': 'ht',
  kar: 'kar',
  karen: 'kar',
  orm: 'om',
  oromo: 'om',
  amh: 'am',
  amharic: 'am',
  fra: 'fr',
  french: 'fr',
  rus: 'ru',
  russian: 'ru',
  asl: 'ase',
  'american sign language': 'ase',
};

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const slug = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s_&/]+/g, '-');

/** The services of an HSDS-style document, however it is wrapped. */
export function hsdsServices(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return [];
  if (Array.isArray(document.contents)) return document.contents;
  if (Array.isArray(document.services)) return document.services;
  // A list of organizations, each with its services (HSDS 3 `/organizations?full_service=true`).
  return list(document.organizations).flatMap((o) =>
    isObject(o) ? list(o.services).map((s) => (isObject(s) && !s.organization ? { ...s, organization: o } : s)) : [],
  );
}

/** Reads every service of an HSDS-style document; each comes back as a resource or with its errors. */
export function resourcesFromHsds(document: unknown, options: HsdsReadOptions = {}): HsdsItem[] {
  const services = hsdsServices(document);
  if (services.length === 0 && !Array.isArray(document) && !(isObject(document) && (document.contents || document.services))) {
    return [
      {
        index: 0,
        errors: [{ pointer: '', code: 'wrong-type', detail: 'Expected HSDS services: an array, { contents } or { services }.' }],
      },
    ];
  }
  return services.map((service, index) => readService(service, index, options));
}

function readService(service: unknown, index: number, options: HsdsReadOptions): HsdsItem {
  if (!isObject(service)) return { index, errors: [{ pointer: '', code: 'wrong-type', detail: 'A service is a JSON object.' }] };
  const externalId = str(service.id);
  const x: HsdsExtension = isObject(service.x_tandem) ? (service.x_tandem as HsdsExtension) : {};
  const t = isObject(x.translations) ? x.translations : {};
  const defaultLocale = str(x.defaultLocale) ?? options.defaultLocale ?? 'en';
  const errors: FieldError[] = [];
  const text = (plain: unknown, translated: unknown): LocalizedText | undefined => {
    const merged: LocalizedText = {};
    if (isObject(translated)) for (const [k, v] of Object.entries(translated)) if (typeof v === 'string') merged[k] = v;
    const value = str(plain);
    if (value !== undefined) merged[defaultLocale] = value;
    return Object.keys(merged).length > 0 ? merged : undefined;
  };
  const organization = isObject(service.organization) ? service.organization : {};
  const location = firstLocation(service);
  const address = firstAddress(location);

  const name = text(service.name, t.name) ?? {};
  const description = text(service.description, t.description) ?? {};
  const eligibility = text(service.eligibility_description ?? service.eligibility, t.eligibility);
  const fees = text(service.fees_description ?? service.fees, t.fees);
  const phoneSource = [service.phones, location?.phones, organization.phones].find((p) => Array.isArray(p) && p.length > 0);
  const phones = list(phoneSource).flatMap((p, i) => {
    if (!isObject(p) || !str(p.number)) return [];
    const type = str(p.type)?.toLowerCase();
    const descriptionText = text(p.description, t.phones?.[i]);
    return [
      {
        number: str(p.number)!,
        type: (PHONE_TYPES as readonly string[]).includes(type ?? '') ? (type as PhoneType) : 'voice',
        ...(descriptionText ? { description: descriptionText } : {}),
      },
    ];
  });
  const category = categoryOf(x.category) ?? categoryFromTerms(service) ?? 'other';
  const categories = list(x.categories)
    .map(categoryOf)
    .filter((c): c is ResourceCategory => c !== undefined && c !== category);
  const languages = [
    ...new Set(
      list(service.languages)
        .map(languageOf)
        .filter((l): l is string => l !== undefined),
    ),
  ];
  const { regular, closures } = readHours(service, errors);
  const scheduleNotes = text(undefined, t.scheduleNotes);
  const allClosures = [
    ...closures,
    ...list(x.closures)
      .filter(isObject)
      .map((c) => c as unknown as ResourceClosure),
  ];
  const url = str(service.url) ?? str(organization.website) ?? str(organization.url);
  const email = str(service.email) ?? str(organization.email);
  const mapUrl = str(x.mapUrl) ?? osmLink(location);

  const resource: ResourceInput = {
    schoolIds: list(x.schoolIds).filter((s): s is string => typeof s === 'string'),
    name,
    organizationName: str(organization.name) ?? str(service.organization_name) ?? '',
    description,
    category,
    ...(categories.length > 0 ? { categories: [...new Set(categories)] } : {}),
    languages,
    ...(eligibility ? { eligibility } : {}),
    ...(fees ? { fees } : {}),
    phones,
    ...(email ? { email } : {}),
    ...(url ? { url } : {}),
    ...(address
      ? {
          location: {
            address: [str(address.address_1), str(address.address_2)].filter(Boolean).join(', '),
            city: str(address.city) ?? '',
            region: str(address.region) ?? str(address.state_province) ?? '',
            postalCode: str(address.postal_code) ?? '',
            ...(mapUrl ? { mapUrl } : {}),
          },
        }
      : {}),
    timeZone: str(x.timeZone) ?? options.timeZone ?? 'America/Chicago',
    ...(regular.length > 0 || allClosures.length > 0 || scheduleNotes
      ? {
          schedule: {
            regular,
            ...(allClosures.length > 0 ? { closures: allClosures } : {}),
            ...(scheduleNotes ? { notes: scheduleNotes } : {}),
          },
        }
      : {}),
    defaultLocale,
  };
  if (url && !/^https?:\/\/\S+$/.test(url))
    errors.push({ pointer: '/url', code: 'invalid-format', detail: 'A website starts with http:// or https://.' });
  for (const error of validateResourceContent(resource)) errors.push({ ...error, pointer: hsdsPointer(error.pointer) });
  return { index, ...(externalId ? { externalId } : {}), ...(errors.length === 0 ? { resource } : {}), errors };
}

/** Our field pointers, translated to where the value sits in an HSDS service. */
function hsdsPointer(pointer: string): string {
  const map: [RegExp, string][] = [
    [/^\/organizationName/, '/organization/name'],
    [/^\/eligibility/, '/eligibility_description'],
    [/^\/fees/, '/fees_description'],
    [/^\/languages\/(\d+)/, '/languages/$1/code'],
    [/^\/(timeZone|category|schoolIds)/, '/x_tandem/$1'],
    [/^\/schedule\/closures/, '/x_tandem/closures'],
    [/^\/schedule\/regular\/\d+/, '/schedules'],
    [/^\/location\/mapUrl/, '/x_tandem/mapUrl'],
  ];
  for (const [pattern, replacement] of map) if (pattern.test(pointer)) return pointer.replace(pattern, replacement);
  return pointer;
}

function firstLocation(service: Json): Json | undefined {
  for (const sal of list(service.service_at_locations)) if (isObject(sal) && isObject(sal.location)) return sal.location;
  return list(service.locations).find(isObject) ?? (isObject(service.location) ? service.location : undefined);
}

function firstAddress(location: Json | undefined): Json | undefined {
  if (!location) return undefined;
  const addresses = [...list(location.addresses), ...list(location.physical_addresses)].filter(isObject);
  return addresses.find((a) => a.address_type === 'physical') ?? addresses.find((a) => str(a.address_1));
}

function osmLink(location: Json | undefined): string | undefined {
  const lat = Number(location?.latitude);
  const lon = Number(location?.longitude);
  if (!location || location.latitude == null || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

function categoryOf(value: unknown): ResourceCategory | undefined {
  const s = str(value);
  if (!s) return undefined;
  const key = slug(s);
  return (RESOURCE_CATEGORIES as readonly string[]).includes(key) ? (key as ResourceCategory) : undefined;
}

/** A category from HSDS 3 taxonomy terms, HSDS 2 `categories`, or an ad-hoc `category` field. */
function categoryFromTerms(service: Json): ResourceCategory | undefined {
  const terms = [
    service.category,
    ...list(service.categories),
    ...list(service.attributes).flatMap((a) =>
      isObject(a) && isObject(a.taxonomy_term) ? [a.taxonomy_term.code, a.taxonomy_term.name] : [],
    ),
  ];
  for (const term of terms) {
    const found = categoryOf(isObject(term) ? (term.code ?? term.name) : term);
    if (found) return found;
  }
  return undefined;
}

function languageOf(value: unknown): string | undefined {
  const raw = isObject(value) ? (str(value.code) ?? str(value.name)) : str(value);
  if (!raw) return undefined;
  const lower = raw.toLowerCase();
  const tag = LANGUAGE_ALIASES[lower] ?? lower;
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(tag)
    ? tag.replace(/-([a-z]{4})(?=-|$)/, (_, s: string) => `-${s[0]!.toUpperCase()}${s.slice(1)}`)
    : undefined;
}

function weekdayOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7) return value;
  const s = str(value)?.toLowerCase();
  if (!s) return undefined;
  const code = DAY_CODES.indexOf(s.toUpperCase().slice(0, 2));
  const name = DAY_NAMES.findIndex((d) => d.startsWith(s.slice(0, 3)));
  return /^[1-7]$/.test(s) ? Number(s) : code >= 0 && s.length === 2 ? code + 1 : name >= 0 ? name + 1 : undefined;
}

/** `9:00`, `09:00:00`, `0900` → `09:00`; undefined when it is not a time. */
function clockOf(value: unknown): string | undefined {
  const m = /^(\d{1,2}):?(\d{2})(?::\d{2})?$/.exec(str(value) ?? '');
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) return undefined;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** Weekly hours from HSDS 3 `schedules` (RRULE-style `byday`) or HSDS 2 `regular_schedule`; closed days from `holiday_schedules`. */
function readHours(service: Json, errors: FieldError[]): { regular: WeeklyHours[]; closures: ResourceClosure[] } {
  const regular: WeeklyHours[] = [];
  const add = (days: unknown[], opens: unknown, closes: unknown, pointer: string) => {
    const opensAt = clockOf(opens);
    const closesAt = clockOf(closes);
    if (opens === undefined && closes === undefined) return;
    if (!opensAt || !closesAt) {
      errors.push({ pointer, code: 'invalid-format', detail: 'Opening hours are times like 09:00.' });
      return;
    }
    for (const day of days) {
      const weekday = weekdayOf(day);
      if (weekday === undefined) errors.push({ pointer, code: 'invalid-format', detail: `"${String(day)}" is not a day of the week.` });
      else regular.push({ weekday, opensAt, closesAt });
    }
  };
  list(service.schedules).forEach((s, i) => {
    if (!isObject(s) || (str(s.freq) && str(s.freq)!.toUpperCase() !== 'WEEKLY')) return;
    const days =
      str(s.byday)
        ?.split(',')
        .map((d) => d.trim().replace(/^[+-]?\d+/, '')) ?? (s.weekday !== undefined ? [s.weekday] : []);
    add(days, s.opens_at, s.closes_at, `/schedules/${i}`);
  });
  list(service.regular_schedule).forEach((s, i) => {
    if (isObject(s)) add([s.weekday], s.opens_at, s.closes_at, `/regular_schedule/${i}`);
  });
  const closures: ResourceClosure[] = [];
  // A year of closures at most (the schema's limit), counted across entries, so a file of many long
  // holiday ranges cannot make an import expand them without end.
  for (const h of list(service.holiday_schedules)) {
    if (closures.length >= MAX_CLOSURES) break;
    if (!isObject(h) || h.closed !== true) continue;
    const start = str(h.start_date);
    const end = str(h.end_date) ?? start;
    if (!start || !/^\d{4}-\d{2}-\d{2}$/.test(start) || !end) continue;
    for (let day = start; day <= end && closures.length < MAX_CLOSURES;) {
      closures.push({ date: day });
      day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    }
  }
  return { regular, closures };
}

/** Closed days one resource may list: a year's worth. */
const MAX_CLOSURES = 366;

/** Resources a widget can show straight from an HSDS-style file; services that cannot be read are left out. */
export function publicResourcesFromHsds(document: unknown, options: HsdsReadOptions = {}): PublicResource[] {
  return resourcesFromHsds(document, options).flatMap(({ resource, externalId, index }) =>
    resource
      ? [
          {
            ...resource,
            id: externalId && /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(externalId) ? externalId : `hsds-${index}`,
            locales: localesOf(resource.defaultLocale, resourceTexts(resource)),
            updatedAt: '1970-01-01T00:00:00.000Z',
          },
        ]
      : [],
  );
}

type Exportable = (Resource | PublicResource | (ResourceInput & { id: string })) & { externalId?: string };

/** Resources as one HSDS 3 `/services` page, with Tandem's extras in `x_tandem`. */
export function resourcesToHsds(resources: readonly Exportable[]): Json {
  const contents = resources.map(serviceOf);
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}

function serviceOf(r: Exportable): Json {
  const plain = (text: LocalizedText | undefined) => (text ? pickText(text, r.defaultLocale, r.defaultLocale).text : undefined);
  const id = r.externalId ?? r.id;
  const byHours = new Map<string, number[]>();
  for (const h of r.schedule?.regular ?? [])
    byHours.set(`${h.opensAt}-${h.closesAt}`, [...(byHours.get(`${h.opensAt}-${h.closesAt}`) ?? []), h.weekday]);
  const location = r.location
    ? {
        id: `${id}-location`,
        name: plain(r.name),
        addresses: [
          {
            id: `${id}-address`,
            address_1: r.location.address,
            city: r.location.city,
            region: r.location.region,
            state_province: r.location.region,
            postal_code: r.location.postalCode,
            country: 'US',
            address_type: 'physical',
          },
        ],
      }
    : undefined;
  const x: HsdsExtension = {
    defaultLocale: r.defaultLocale,
    timeZone: r.timeZone,
    category: r.category,
    ...(r.categories?.length ? { categories: r.categories } : {}),
    schoolIds: r.schoolIds,
    ...(r.location?.mapUrl ? { mapUrl: r.location.mapUrl } : {}),
    ...(r.schedule?.closures?.length ? { closures: r.schedule.closures } : {}),
    translations: {
      name: r.name,
      description: r.description,
      ...(r.eligibility ? { eligibility: r.eligibility } : {}),
      ...(r.fees ? { fees: r.fees } : {}),
      ...(r.schedule?.notes ? { scheduleNotes: r.schedule.notes } : {}),
      ...(r.phones.some((p) => p.description) ? { phones: r.phones.map((p) => p.description ?? null) } : {}),
    },
  };
  return {
    id,
    name: plain(r.name),
    description: plain(r.description),
    ...(r.url ? { url: r.url } : {}),
    ...(r.email ? { email: r.email } : {}),
    status: 'active',
    ...(r.eligibility ? { eligibility_description: plain(r.eligibility) } : {}),
    ...(r.fees ? { fees_description: plain(r.fees) } : {}),
    organization: { id: `${id}-organization`, name: r.organizationName },
    phones: r.phones.map((p, i) => ({
      id: `${id}-phone-${i + 1}`,
      number: p.number,
      type: p.type,
      ...(p.description ? { description: plain(p.description) } : {}),
    })),
    schedules: [...byHours].map(([hours, days], i) => {
      const [opens_at, closes_at] = hours.split('-');
      return {
        id: `${id}-schedule-${i + 1}`,
        freq: 'WEEKLY',
        byday: days.map((d) => DAY_CODES[d - 1]).join(','),
        opens_at,
        closes_at,
        ...(i === 0 && r.schedule?.notes ? { notes: plain(r.schedule.notes) } : {}),
      };
    }),
    languages: r.languages.map((code) => ({ code, name: languageName(code) })),
    attributes: [r.category, ...(r.categories ?? [])].map((c) => ({
      taxonomy_term: { code: c, name: c, taxonomy: 'tandem-resource-category' },
    })),
    service_at_locations: location ? [{ id: `${id}-at-location`, location }] : [],
    x_tandem: x,
  };
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
