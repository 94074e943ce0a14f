/**
 * The builder's checks before saving: the protocol's own content rules (validateLessonContent, which the server
 * runs too) plus the schema rules a person can trip over here (web addresses, text length, list sizes), so the
 * server seldom has to refuse anything and, when it does, says it with the same pointers.
 */
import { isSafeHref, validateLessonContent, type FieldError, type LocalizedText } from '@tandem/protocol';
import { toLessonInput, type LessonDraft } from './lesson-draft.js';

/** Bounds from the protocol's TypeBox schemas (LessonInput, LocalizedText, LessonImage). */
export const LIMITS = { sectionsMax: 30, itemsMax: 30, textMax: 10000, urlMax: 2000 } as const;

/** The schema's HttpsUrl pattern. */
const WEB_ADDRESS = /^https?:\/\/[^\s]+$/;

function checkUrl(errors: FieldError[], pointer: string, url: string, required: boolean): void {
  const value = url.trim();
  if (!value) {
    if (required) errors.push({ pointer, code: 'required', detail: 'Enter the web address.' });
  } else if (!WEB_ADDRESS.test(value) || value.length > LIMITS.urlMax) {
    errors.push({ pointer, code: 'invalid-format', detail: 'Enter a web address that starts with https://.' });
  }
}

/**
 * Everything the server would refuse. `schoolRequired`: the staff member is not an organization admin, so the
 * server wants at least one of their schools (only an organization admin offers a lesson to every school).
 */
export function validateDraft(draft: LessonDraft, schoolRequired = false): FieldError[] {
  const input = toLessonInput(draft);
  const errors = validateLessonContent(input);
  if (schoolRequired && draft.schoolIds.length === 0) {
    errors.push({ pointer: '/schoolIds', code: 'required', detail: 'Choose at least one of your schools.' });
  }
  draft.sections.forEach((section, i) => {
    if (section.hasImage) checkUrl(errors, `/sections/${i}/image/url`, section.imageUrl, true);
    for (const [locale, url] of Object.entries(section.audio)) checkUrl(errors, `/sections/${i}/audio/${locale}`, url, false);
  });
  for (const [pointer, text] of textsOf(input)) {
    for (const [locale, value] of Object.entries(text)) {
      if (value.length > LIMITS.textMax) {
        errors.push({
          pointer,
          code: 'too-long',
          detail: `At most ${LIMITS.textMax} characters (${locale}).`,
          params: { max: LIMITS.textMax },
        });
      }
    }
  }
  return sortByPosition(errors);
}

function textsOf(input: ReturnType<typeof toLessonInput>): [string, Record<string, string>][] {
  return [
    ['/title', input.title],
    ['/summary', input.summary],
    ...input.sections.flatMap((s, i): [string, Record<string, string>][] => [
      ...(s.heading ? [[`/sections/${i}/heading`, s.heading] as [string, Record<string, string>]] : []),
      [`/sections/${i}/body`, s.body],
      ...(s.image ? [[`/sections/${i}/image/alt`, s.image.alt] as [string, Record<string, string>]] : []),
    ]),
    ...input.steps.map((t, i): [string, Record<string, string>] => [`/steps/${i}`, t]),
    ...input.questions.map((t, i): [string, Record<string, string>] => [`/questions/${i}`, t]),
    ['/tip', input.tip],
  ];
}

/** Where each part of the lesson appears on screen, top to bottom. */
const ORDER: Record<string, string> = {
  title: '1',
  summary: '2',
  gradeBand: '3',
  subject: '4',
  minutes: '5',
  schoolIds: '6',
  sections: '7',
  steps: '8',
  questions: '9',
  tip: '9z',
  heading: 'a',
  body: 'b',
  image: 'c',
  audio: 'd',
  url: 'e',
  alt: 'f',
};

/** Errors in the order their fields appear, so "first error" is the first one on screen. */
export function sortByPosition(errors: FieldError[]): FieldError[] {
  const rank = (pointer: string) =>
    pointer
      .split('/')
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? part.padStart(4, '0') : (ORDER[part] ?? part)))
      .join('/');
  return [...errors].sort((a, b) => (rank(a.pointer) < rank(b.pointer) ? -1 : rank(a.pointer) > rank(b.pointer) ? 1 : 0));
}

/** `[words](target)` in lesson text; the viewer shows only the words when the target is not a safe link. */
const LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g;

/** Link targets in any language of a text that families would get as plain words (not http(s), mailto or tel). */
export function unsafeLinks(text: LocalizedText): string[] {
  const found = new Set<string>();
  for (const value of Object.values(text))
    for (const match of value.matchAll(LINK)) if (!isSafeHref(match[2]!.trim())) found.add(match[2]!);
  return [...found];
}
