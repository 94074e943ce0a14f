/** TypeBox schemas for community resources (an HSDS-shaped service), family feedback and HSDS import results. */
import { Type } from '@sinclair/typebox';
import { FEEDBACK_COMMENT_MAX, PHONE_TYPES, RESOURCE_CATEGORIES, RESOURCE_STATUSES } from '../resource.js';
import { LocaleCode, LocalizedText, MachineTranslated } from './locales.js';
import { FieldError } from './problem.js';
import { RemovablePatch } from './patch.js';
import { Id } from './survey.js';

const WebUrl = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'An http(s) URL' });
/** Wall-clock time in the resource's zone; `24:00` ends a day. */
export const ClockTime = Type.String({ pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', description: 'HH:MM, 24-hour clock' });
/** A calendar day in the resource's zone. */
export const LocalDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });

export const ResourceCategory = Type.Union(RESOURCE_CATEGORIES.map((c) => Type.Literal(c)));
export const ResourceStatus = Type.Union(RESOURCE_STATUSES.map((s) => Type.Literal(s)));
export const PhoneType = Type.Union(PHONE_TYPES.map((t) => Type.Literal(t)));

export const ResourcePhone = Type.Object(
  {
    number: Type.String({ minLength: 3, maxLength: 40 }),
    type: PhoneType,
    /** What the number is for, e.g. "Spanish line" or "after hours". */
    description: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);

export const ResourceLocation = Type.Object(
  {
    address: Type.String({ minLength: 1, maxLength: 300 }),
    city: Type.String({ maxLength: 100 }),
    region: Type.String({ maxLength: 100, description: 'State or province, e.g. MN' }),
    postalCode: Type.String({ maxLength: 20 }),
    mapUrl: Type.Optional(WebUrl),
  },
  { additionalProperties: false },
);

export const WeeklyHours = Type.Object(
  {
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: Type.Integer({ minimum: 1, maximum: 7 }),
    opensAt: ClockTime,
    /** Earlier than `opensAt` means the hours run past midnight into the next day. */
    closesAt: ClockTime,
  },
  { additionalProperties: false },
);

export const ResourceClosure = Type.Object({ date: LocalDate, note: Type.Optional(LocalizedText) }, { additionalProperties: false });

export const ResourceSchedule = Type.Object(
  {
    regular: Type.Array(WeeklyHours, { maxItems: 50 }),
    /** Whole days the resource is closed despite its regular hours (holidays). */
    closures: Type.Optional(Type.Array(ResourceClosure, { maxItems: 366 })),
    /** Plain words about hours: "Walk-ins until 3:00; call first on Fridays". */
    notes: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);

const resourceContent = {
  /** Schools that list this resource; empty means every school of the organization. */
  schoolIds: Type.Array(Id, { maxItems: 200, uniqueItems: true }),
  name: LocalizedText,
  /** Who runs it, as the provider names itself. */
  organizationName: Type.String({ minLength: 1, maxLength: 200 }),
  description: LocalizedText,
  category: ResourceCategory,
  /** Further categories it also serves, for filtering. */
  categories: Type.Optional(Type.Array(ResourceCategory, { maxItems: RESOURCE_CATEGORIES.length, uniqueItems: true })),
  /** Languages staff speak there, BCP 47 (`es`, `hmn`, `so`). */
  languages: Type.Array(LocaleCode, { maxItems: 50, uniqueItems: true }),
  /** Who can use it, in plain words. */
  eligibility: Type.Optional(LocalizedText),
  /** What it costs, in plain words ("Free"). */
  fees: Type.Optional(LocalizedText),
  phones: Type.Array(ResourcePhone, { maxItems: 10 }),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  url: Type.Optional(WebUrl),
  location: Type.Optional(ResourceLocation),
  /** IANA zone its hours are in, e.g. `America/Chicago`. */
  timeZone: Type.String({ maxLength: 64 }),
  schedule: Type.Optional(ResourceSchedule),
  defaultLocale: LocaleCode,
  /**
   * Unreviewed machine translations. Keys (see `resourceTextsByKey`): `name`, `description`, `eligibility`,
   * `fees`, `scheduleNotes`, `phone:<n>` (the description of the n-th phone, from 0) and `closure:<YYYY-MM-DD>`
   * (that closure's note). An edit that sends it replaces it; one that leaves it out keeps it.
   */
  machineTranslated: Type.Optional(MachineTranslated),
};

/** What staff write when they create or edit a resource. */
export const ResourceInput = Type.Object(resourceContent, { additionalProperties: false });

/** A partial edit; omitted fields stay, given fields (LocalizedText included) replace the whole value, `null` removes an optional one. */
export const ResourcePatch = RemovablePatch(ResourceInput);

/** A resource as staff see it. */
export const Resource = Type.Object({
  id: Id,
  ...resourceContent,
  /** Languages the content has text in, default first. */
  locales: Type.Array(LocaleCode),
  status: ResourceStatus,
  /** The id it had in the HSDS file it was imported from, if any. */
  externalId: Type.Optional(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Optional(Type.String({ format: 'date-time' })),
});

export const ResourceList = Type.Object({ items: Type.Array(Resource) });

/** A resource as a family's widget receives it. */
export const PublicResource = Type.Object({
  id: Id,
  ...Type.Omit(Type.Object(resourceContent), ['schoolIds']).properties,
  schoolIds: Type.Array(Id),
  locales: Type.Array(LocaleCode),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const PublicResourceList = Type.Object({ items: Type.Array(PublicResource) });

/** Filters of the public list; `school` or `organization` says whose resources. */
export const ResourceQuery = Type.Object(
  {
    /** School id: its own resources and its organization's organization-wide ones. */
    school: Type.Optional(Type.String({ maxLength: 64 })),
    /** Organization slug: every published resource of the organization. */
    organization: Type.Optional(Type.String({ maxLength: 64 })),
    category: Type.Optional(ResourceCategory),
    /** A spoken language; `es-MX` also matches `es`. */
    language: Type.Optional(Type.String({ maxLength: 35 })),
    /** Words to find in name, organization, description (any language) and category. */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    /** `true`: only those open at this moment in their own time zone. */
    openNow: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  },
  // Host pages add tracking and cache-busting parameters; they must not break a family's list.
  { additionalProperties: true },
);

export const ResourceFeedbackInput = Type.Object(
  {
    helpful: Type.Boolean(),
    locale: LocaleCode,
    comment: Type.Optional(Type.String({ maxLength: FEEDBACK_COMMENT_MAX * 4 })),
  },
  { additionalProperties: false },
);

export const ResourceFeedbackReceipt = Type.Object({
  feedbackId: Type.String(),
  resourceId: Id,
  receivedAt: Type.String({ format: 'date-time' }),
});

const HelpfulCounts = { helpful: Type.Integer({ minimum: 0 }), notHelpful: Type.Integer({ minimum: 0 }) };

/** What families said about one resource. */
export const ResourceFeedbackSummary = Type.Object({
  resourceId: Id,
  ...HelpfulCounts,
  byLocale: Type.Array(Type.Object({ locale: Type.String(), ...HelpfulCounts })),
  /** Comments, newest first. */
  comments: Type.Array(
    Type.Object({ id: Type.String(), helpful: Type.Boolean(), locale: Type.String(), comment: Type.String(), createdAt: Type.String() }),
  ),
});

/** Helpful / not helpful per resource across the organization, most feedback first. */
export const ResourceFeedbackOverview = Type.Object({
  items: Type.Array(
    Type.Object({
      resourceId: Id,
      name: LocalizedText,
      defaultLocale: Type.String(),
      ...HelpfulCounts,
      lastFeedbackAt: Type.Optional(Type.String()),
    }),
  ),
});

/** An HSDS-style document: an HSDS 3 page `{ contents: [service…] }`, `{ services: […] }` or a bare array. */
export const HsdsDocument = Type.Union([
  Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 5000 }),
  Type.Record(Type.String(), Type.Unknown()),
]);

export const HsdsImportItemResult = Type.Object({
  /** Position of the service in the document. */
  index: Type.Integer({ minimum: 0 }),
  /** The service's HSDS id, when it had one. */
  externalId: Type.Optional(Type.String()),
  /** The Tandem resource id it was stored as; absent when refused. */
  resourceId: Type.Optional(Type.String()),
  outcome: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('refused')]),
  /** Why it was refused; pointers are relative to the service. */
  errors: Type.Optional(Type.Array(FieldError)),
});

export const HsdsImportResult = Type.Object({
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  refused: Type.Integer({ minimum: 0 }),
  items: Type.Array(HsdsImportItemResult),
});
