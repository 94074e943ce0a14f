/**
 * The lesson being edited, as the builder holds it: every text a full LocalizedText (blank while typing), lists
 * with ids of their own so they can be reordered and keep their machine-translation marks, minutes as typed.
 * `toLessonInput` turns it into what the API accepts; `toPublicLesson` into what a family's widget receives.
 */
import type {
  Lesson,
  LessonGradeBand,
  LessonInput,
  LessonSection,
  LessonStatus,
  LessonSubject,
  LocalizedText,
  PublicLesson,
} from '@tandem/protocol';
import { keptText, localesWithText, marksFor, newId, requiredText, type MachineMarks } from '../common/localized-text.js';
import type { TranslatableDraft, TranslatableField } from '../common/translate-missing.js';

export { moveItem, newId } from '../common/localized-text.js';

export interface DraftSection {
  id: string;
  heading: LocalizedText;
  body: LocalizedText;
  /** Whether the section has a picture; its fields are kept when switched off until saved, in case of a slip. */
  hasImage: boolean;
  imageUrl: string;
  imageAlt: LocalizedText;
  /** Recording URL per language. */
  audio: Record<string, string>;
}

/** A step of the activity or a question to talk about: one text, with an id only the builder uses. */
export interface DraftItem {
  id: string;
  text: LocalizedText;
}

export interface LessonDraft {
  /** Absent until the first save. */
  id?: string;
  status: LessonStatus;
  /** Schools that offer the lesson; none means every school of the organization. */
  schoolIds: string[];
  defaultLocale: string;
  title: LocalizedText;
  summary: LocalizedText;
  gradeBand: LessonGradeBand;
  subject: LessonSubject;
  /** As typed, so "1o" stays on screen with its error rather than turning into a number. */
  minutes: string;
  sections: DraftSection[];
  steps: DraftItem[];
  questions: DraftItem[];
  tip: LocalizedText;
  /**
   * Text key → languages whose text is an unreviewed machine translation. Steps and questions are keyed by the
   * builder's own item ids here (so a mark follows its text when reordered); `toLessonInput` turns them into the
   * API's positional keys and `draftFromLesson` back.
   */
  machineTranslated: MachineMarks;
  completions: number;
  /** Sent with the create request and kept until it succeeds, so a retry after a dropped connection makes one lesson. */
  createKey: string;
}

export function newSection(): DraftSection {
  return { id: newId('s'), heading: {}, body: {}, hasImage: false, imageUrl: '', imageAlt: {}, audio: {} };
}

export function newItem(text: LocalizedText = {}): DraftItem {
  return { id: newId('i'), text };
}

export function newDraft(defaultLocale = 'en', schoolIds: string[] = []): LessonDraft {
  return {
    status: 'draft',
    schoolIds,
    defaultLocale,
    title: {},
    summary: {},
    gradeBand: 'k-2',
    subject: 'reading',
    minutes: '15',
    sections: [newSection()],
    steps: [],
    questions: [],
    tip: {},
    machineTranslated: {},
    completions: 0,
    createKey: crypto.randomUUID(),
  };
}

function sectionFrom(section: LessonSection): DraftSection {
  return {
    id: section.id,
    heading: { ...section.heading },
    body: { ...section.body },
    hasImage: section.image !== undefined,
    imageUrl: section.image?.url ?? '',
    imageAlt: { ...section.image?.alt },
    audio: { ...section.audio },
  };
}

/** A list key of the API (`step:2`) and of the builder (`step:<item id>`) name the same text. */
const LIST_KEY = /^(step|question):(.+)$/;

function listOf(draft: Pick<LessonDraft, 'steps' | 'questions'>, kind: string): DraftItem[] {
  return kind === 'step' ? draft.steps : draft.questions;
}

/** The lesson's marks with the builder's keys for steps and questions. */
function marksFromLesson(lesson: Lesson, draft: Pick<LessonDraft, 'steps' | 'questions'>): MachineMarks {
  const marks: MachineMarks = {};
  for (const [key, locales] of Object.entries(lesson.machineTranslated ?? {})) {
    const list = LIST_KEY.exec(key);
    const item = list ? listOf(draft, list[1]!)[Number(list[2])] : undefined;
    if (list && !item) continue;
    marks[item ? `${list![1]}:${item.id}` : key] = [...locales];
  }
  return marks;
}

/** The draft's marks as the API keys them, only those whose text still has words in that language. */
function marksForApi(draft: LessonDraft): MachineMarks {
  const marks: MachineMarks = {};
  for (const [key, locales] of Object.entries(marksFor(draft.machineTranslated, textFields(draft)))) {
    const list = LIST_KEY.exec(key);
    const index = list ? listOf(draft, list[1]!).findIndex((item) => item.id === list[2]) : -1;
    marks[list ? `${list[1]}:${index}` : key] = locales;
  }
  return marks;
}

export function draftFromLesson(lesson: Lesson): LessonDraft {
  const steps = lesson.steps.map((t) => newItem({ ...t }));
  const questions = lesson.questions.map((t) => newItem({ ...t }));
  return {
    id: lesson.id,
    status: lesson.status,
    schoolIds: [...lesson.schoolIds],
    defaultLocale: lesson.defaultLocale,
    title: { ...lesson.title },
    summary: { ...lesson.summary },
    gradeBand: lesson.gradeBand,
    subject: lesson.subject,
    minutes: String(lesson.minutes),
    sections: lesson.sections.map(sectionFrom),
    steps,
    questions,
    tip: { ...lesson.tip },
    machineTranslated: marksFromLesson(lesson, { steps, questions }),
    completions: lesson.completions,
    createKey: crypto.randomUUID(),
  };
}

/** Minutes as the API takes them; what is not a whole number becomes NaN, which the checks refuse. */
export function minutesOf(draft: LessonDraft): number {
  return /^\s*\d+\s*$/.test(draft.minutes) ? Number(draft.minutes) : Number.NaN;
}

export function toLessonInput(draft: LessonDraft): LessonInput {
  const dl = draft.defaultLocale;
  return {
    schoolIds: [...draft.schoolIds],
    title: requiredText(draft.title, dl),
    summary: requiredText(draft.summary, dl),
    gradeBand: draft.gradeBand,
    subject: draft.subject,
    minutes: minutesOf(draft),
    defaultLocale: dl,
    sections: draft.sections.map((s) => {
      const heading = keptText(s.heading);
      const audio = Object.fromEntries(Object.entries(s.audio).filter(([, url]) => url.trim() !== ''));
      return {
        id: s.id,
        ...(Object.keys(heading).length > 0 ? { heading } : {}),
        body: requiredText(s.body, dl),
        ...(s.hasImage ? { image: { url: s.imageUrl.trim(), alt: requiredText(s.imageAlt, dl) } } : {}),
        ...(Object.keys(audio).length > 0 ? { audio: Object.fromEntries(Object.entries(audio).map(([l, url]) => [l, url.trim()])) } : {}),
      };
    }),
    steps: draft.steps.map((s) => requiredText(s.text, dl)),
    questions: draft.questions.map((q) => requiredText(q.text, dl)),
    tip: requiredText(draft.tip, dl),
    // Always sent: an edit replaces the marks, so reviewing the last one clears them on the server too.
    machineTranslated: marksForApi(draft),
  };
}

/** Every text of the draft in reading order. */
export function textFields(draft: LessonDraft): TranslatableField[] {
  const fields: TranslatableField[] = [
    { key: 'title', pointer: '/title', text: draft.title, required: true },
    { key: 'summary', pointer: '/summary', text: draft.summary, required: true },
  ];
  draft.sections.forEach((s, i) => {
    const at = `/sections/${i}`;
    fields.push({ key: `section:${s.id}:heading`, pointer: `${at}/heading`, text: s.heading, required: false });
    fields.push({ key: `section:${s.id}:body`, pointer: `${at}/body`, text: s.body, required: true });
    if (s.hasImage) fields.push({ key: `section:${s.id}:imageAlt`, pointer: `${at}/image/alt`, text: s.imageAlt, required: true });
  });
  draft.steps.forEach((step, i) => fields.push({ key: `step:${step.id}`, pointer: `/steps/${i}`, text: step.text, required: true }));
  draft.questions.forEach((q, i) => fields.push({ key: `question:${q.id}`, pointer: `/questions/${i}`, text: q.text, required: true }));
  fields.push({ key: 'tip', pointer: '/tip', text: draft.tip, required: true });
  return fields;
}

/** What "Translate missing languages" works on: the draft's texts, edited in place, and its marks. */
export function translatable(draft: LessonDraft): TranslatableDraft {
  return { defaultLocale: draft.defaultLocale, fields: textFields(draft), marks: draft.machineTranslated };
}

/** Languages the lesson has text in, default first (as the server reports `locales`). */
export function draftLocales(draft: LessonDraft): string[] {
  return localesWithText(
    draft.defaultLocale,
    textFields(draft).map((f) => f.text),
  );
}

/** The draft as a family's widget receives it, under `id`; minutes the checks would refuse show as 1. */
export function toPublicLesson(draft: LessonDraft, id: string): PublicLesson {
  const { schoolIds: _, ...content } = toLessonInput(draft);
  const minutes = Number.isInteger(content.minutes) && content.minutes >= 1 && content.minutes <= 240 ? content.minutes : 1;
  return { ...content, id, minutes, locales: draftLocales(draft), updatedAt: new Date().toISOString() };
}
