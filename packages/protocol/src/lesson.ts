/** Take-home lessons for families: constants, types and the shared content and completion rules. */
import type { Static } from '@sinclair/typebox';
import type * as Schemas from './schemas/lesson.js';
import type { LocalizedText } from './locales.js';
import type { FieldError } from './problem.js';

export const LESSON_STATUSES = ['draft', 'published'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

/** Grade bands, in the order a filter lists them. */
export const LESSON_GRADE_BANDS = ['pre-k', 'k-2', '3-5', '6-8', '9-12', 'all'] as const;
export type LessonGradeBand = (typeof LESSON_GRADE_BANDS)[number];

export const LESSON_SUBJECTS = [
  'reading',
  'writing',
  'math',
  'science',
  'social-emotional',
  'health',
  'arts',
  'school-and-family',
  'other',
] as const;
export type LessonSubject = (typeof LESSON_SUBJECTS)[number];

/** Longest "We tried it!" reflection, in characters. */
export const REFLECTION_MAX = 2000;

export type LessonImage = Static<typeof Schemas.LessonImage>;
export type LessonSection = Static<typeof Schemas.LessonSection>;
export type LessonInput = Static<typeof Schemas.LessonInput>;
export type LessonPatch = Static<typeof Schemas.LessonPatch>;
export type Lesson = Static<typeof Schemas.Lesson>;
export type LessonList = Static<typeof Schemas.LessonList>;
export type PublicLesson = Static<typeof Schemas.PublicLesson>;
export type LessonCompletionInput = Static<typeof Schemas.LessonCompletionInput>;
export type LessonCompletionReceipt = Static<typeof Schemas.LessonCompletionReceipt>;
export type LessonCompletions = Static<typeof Schemas.LessonCompletions>;

/** Every LocalizedText of a lesson, for `localesOf`. */
export function lessonTexts(l: Pick<LessonInput, 'title' | 'summary' | 'sections' | 'steps' | 'questions' | 'tip'>): LocalizedText[] {
  return [
    l.title,
    l.summary,
    l.tip,
    ...l.steps,
    ...l.questions,
    ...l.sections.flatMap((s) => [s.body, ...(s.heading ? [s.heading] : []), ...(s.image ? [s.image.alt] : [])]),
  ];
}

/** Every text of a lesson under its `machineTranslated` key (steps and questions by position). */
export function lessonTextsByKey(
  l: Pick<LessonInput, 'title' | 'summary' | 'sections' | 'steps' | 'questions' | 'tip'>,
): Map<string, LocalizedText | undefined> {
  const texts = new Map<string, LocalizedText | undefined>([
    ['title', l.title],
    ['summary', l.summary],
    ['tip', l.tip],
  ]);
  for (const s of l.sections) {
    texts.set(`section:${s.id}:heading`, s.heading);
    texts.set(`section:${s.id}:body`, s.body);
    texts.set(`section:${s.id}:imageAlt`, s.image?.alt);
  }
  l.steps.forEach((step, n) => texts.set(`step:${n}`, step));
  l.questions.forEach((question, n) => texts.set(`question:${n}`, question));
  return texts;
}

function textLength(value: string): number {
  return [...value.normalize('NFC')].length;
}

function requireDefault(errors: FieldError[], pointer: string, text: LocalizedText | undefined, defaultLocale: string, what: string) {
  if (!text?.[defaultLocale]?.trim()) {
    errors.push({ pointer, code: 'required', detail: `${what} needs text in the default language (${defaultLocale}).` });
  }
}

/**
 * Checks what JSON Schema cannot in a lesson: every text present in the default language (a family
 * reading another language falls back to it), unique section ids, and alt text for every image.
 */
export function validateLessonContent(lesson: LessonInput): FieldError[] {
  const errors: FieldError[] = [];
  const { defaultLocale } = lesson;
  requireDefault(errors, '/title', lesson.title, defaultLocale, 'The title');
  requireDefault(errors, '/summary', lesson.summary, defaultLocale, 'The summary');
  const ids = new Set<string>();
  lesson.sections.forEach((section, i) => {
    if (ids.has(section.id))
      errors.push({ pointer: `/sections/${i}/id`, code: 'invalid-format', detail: `Section id "${section.id}" is used twice.` });
    ids.add(section.id);
    if (section.heading) requireDefault(errors, `/sections/${i}/heading`, section.heading, defaultLocale, 'The heading');
    requireDefault(errors, `/sections/${i}/body`, section.body, defaultLocale, 'The text');
    if (section.image) requireDefault(errors, `/sections/${i}/image/alt`, section.image.alt, defaultLocale, 'The picture description');
  });
  lesson.steps.forEach((step, i) => requireDefault(errors, `/steps/${i}`, step, defaultLocale, 'The step'));
  lesson.questions.forEach((q, i) => requireDefault(errors, `/questions/${i}`, q, defaultLocale, 'The question'));
  requireDefault(errors, '/tip', lesson.tip, defaultLocale, 'The tip');
  if (!Number.isInteger(lesson.minutes) || lesson.minutes < 1 || lesson.minutes > 240) {
    errors.push({ pointer: '/minutes', code: 'out-of-range', detail: 'A lesson takes 1 to 240 minutes.', params: { min: 1, max: 240 } });
  }
  return errors;
}

/** Checks a "We tried it!" before it is sent and before it is stored. */
export function validateCompletion(input: LessonCompletionInput): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof input.locale !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.locale)) {
    errors.push({ pointer: '/locale', code: 'invalid-format', detail: 'Not a language tag.' });
  }
  if (input.reflection !== undefined && textLength(input.reflection) > REFLECTION_MAX) {
    errors.push({
      pointer: '/reflection',
      code: 'too-long',
      detail: `Use at most ${REFLECTION_MAX} characters.`,
      params: { max: REFLECTION_MAX },
    });
  }
  return errors;
}
