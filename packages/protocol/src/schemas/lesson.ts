/** TypeBox schemas for take-home lessons, "We tried it!" completions and the staff view of them. */
import { Type } from '@sinclair/typebox';
import { LESSON_GRADE_BANDS, LESSON_STATUSES, LESSON_SUBJECTS, REFLECTION_MAX } from '../lesson.js';
import { LocaleCode, LocalizedText, MachineTranslated } from './locales.js';
import { Id } from './survey.js';

const HttpsUrl = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, description: 'An http(s) URL' });

export const LessonStatus = Type.Union(LESSON_STATUSES.map((s) => Type.Literal(s)));
export const LessonGradeBand = Type.Union(LESSON_GRADE_BANDS.map((g) => Type.Literal(g)));
export const LessonSubject = Type.Union(LESSON_SUBJECTS.map((s) => Type.Literal(s)));

export const LessonImage = Type.Object(
  {
    url: HttpsUrl,
    /** What the picture shows, for people who cannot see it; required in the default language. */
    alt: LocalizedText,
  },
  { additionalProperties: false },
);

export const LessonSection = Type.Object(
  {
    id: Id,
    heading: Type.Optional(LocalizedText),
    /** Safe Markdown (see `parseMarkdown`): paragraphs, lists, *emphasis*, **strong**, links. */
    body: LocalizedText,
    image: Type.Optional(LessonImage),
    /** A recording of the section read aloud, per language. */
    audio: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }), HttpsUrl)),
  },
  { additionalProperties: false },
);

const lessonContent = {
  /** Schools that offer the lesson; empty means every school of the organization. */
  schoolIds: Type.Array(Id, { maxItems: 200, uniqueItems: true }),
  title: LocalizedText,
  summary: LocalizedText,
  gradeBand: LessonGradeBand,
  subject: LessonSubject,
  /** About how long it takes at home. */
  minutes: Type.Integer({ minimum: 1, maximum: 240 }),
  defaultLocale: LocaleCode,
  sections: Type.Array(LessonSection, { minItems: 1, maxItems: 30 }),
  /** The activity, one step each, in order. */
  steps: Type.Array(LocalizedText, { maxItems: 30 }),
  /** Questions to talk about together. */
  questions: Type.Array(LocalizedText, { maxItems: 30 }),
  /** The "try this at home" tip. */
  tip: LocalizedText,
  /**
   * Unreviewed machine translations. Keys (see `lessonTextsByKey`): `title`, `summary`, `tip`,
   * `section:<id>:heading`, `section:<id>:body`, `section:<id>:imageAlt`, `step:<n>` and `question:<n>`
   * (steps and questions by position, from 0). An edit that sends it replaces it; one that leaves it out keeps it.
   */
  machineTranslated: Type.Optional(MachineTranslated),
};

/** What staff write when they create or edit a lesson. */
export const LessonInput = Type.Object(lessonContent, { additionalProperties: false });

/** A partial edit; omitted fields stay, given fields replace the whole value (a LocalizedText, the sections list). */
export const LessonPatch = Type.Partial(LessonInput, { additionalProperties: false });

/** A lesson as staff see it. */
export const Lesson = Type.Object({
  id: Id,
  ...lessonContent,
  locales: Type.Array(LocaleCode),
  status: LessonStatus,
  /** Families who said "We tried it!". */
  completions: Type.Integer({ minimum: 0 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Optional(Type.String({ format: 'date-time' })),
});

export const LessonList = Type.Object({ items: Type.Array(Lesson) });

/** A lesson as a family's widget receives it (and may keep for reading offline). */
export const PublicLesson = Type.Object({
  id: Id,
  ...Type.Omit(Type.Object(lessonContent), ['schoolIds']).properties,
  /** Languages the content has text in, default first. */
  locales: Type.Array(LocaleCode),
  /** Changes whenever the content does; the widget's offline copy compares it. */
  updatedAt: Type.String({ format: 'date-time' }),
});

export const LessonCompletionInput = Type.Object(
  {
    /** The language the family read the lesson in. */
    locale: LocaleCode,
    /** What they noticed, optional, at most 2000 characters. */
    reflection: Type.Optional(Type.String({ maxLength: REFLECTION_MAX * 4 })),
  },
  { additionalProperties: false },
);

export const LessonCompletionReceipt = Type.Object({
  completionId: Type.String(),
  lessonId: Id,
  completedAt: Type.String({ format: 'date-time' }),
});

/** Who tried a lesson, for staff: counts per language and every reflection. */
export const LessonCompletions = Type.Object({
  lessonId: Id,
  total: Type.Integer({ minimum: 0 }),
  byLocale: Type.Array(Type.Object({ locale: Type.String(), count: Type.Integer({ minimum: 0 }) })),
  items: Type.Array(
    Type.Object({ id: Type.String(), locale: Type.String(), reflection: Type.Optional(Type.String()), completedAt: Type.String() }),
  ),
});
