/**
 * The survey being edited, as the builder holds it: every text a full LocalizedText (empty strings allowed
 * while typing), every list reorderable. `toSurveyInput` turns it into what the API accepts.
 */
import type { LocalizedText, QuestionType, Survey, SurveyInput, SurveyPatch, SurveyStatus } from '@tandem/protocol';
import { localesWithText, marksFor, newId, requiredText as cleanText, withOptional, type MachineMarks } from '../common/localized-text.js';
import type { TranslatableDraft, TranslatableField } from '../common/translate-missing.js';

export { moveItem, newId } from '../common/localized-text.js';

export interface DraftOption {
  id: string;
  label: LocalizedText;
}

export interface DraftQuestion {
  id: string;
  type: QuestionType;
  prompt: LocalizedText;
  help: LocalizedText;
  required: boolean;
  /** Choice questions. */
  options: DraftOption[];
  /** Rating questions. */
  scale: 5 | 10;
  lowLabel: LocalizedText;
  highLabel: LocalizedText;
}

export interface DraftSection {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  questions: DraftQuestion[];
}

export interface SurveyDraft {
  /** Absent until the first save. */
  id?: string;
  status: SurveyStatus;
  schoolId: string;
  defaultLocale: string;
  title: LocalizedText;
  description: LocalizedText;
  sections: DraftSection[];
  /** Text key → languages whose text is an unreviewed machine translation. */
  machineTranslated: MachineMarks;
  responseCount: number;
}

export const isChoice = (type: QuestionType) => type === 'single-choice' || type === 'multiple-choice';

export function newOption(): DraftOption {
  return { id: newId('o'), label: {} };
}

export function newQuestion(type: QuestionType = 'short-text'): DraftQuestion {
  return {
    id: newId('q'),
    type,
    prompt: {},
    help: {},
    required: false,
    options: isChoice(type) ? [newOption(), newOption()] : [],
    scale: 5,
    lowLabel: {},
    highLabel: {},
  };
}

export function newSection(): DraftSection {
  return { id: newId('s'), title: {}, description: {}, questions: [newQuestion()] };
}

export function newDraft(schoolId: string, defaultLocale = 'en'): SurveyDraft {
  return {
    status: 'draft',
    schoolId,
    defaultLocale,
    title: {},
    description: {},
    sections: [newSection()],
    machineTranslated: {},
    responseCount: 0,
  };
}

/** Choice questions need options; switching to one adds two empty ones rather than failing validation at once. */
export function changeType(question: DraftQuestion, type: QuestionType): void {
  question.type = type;
  if (isChoice(type) && question.options.length === 0) question.options = [newOption(), newOption()];
}

export function draftFromSurvey(survey: Survey): SurveyDraft {
  return {
    id: survey.id,
    status: survey.status,
    schoolId: survey.schoolId,
    defaultLocale: survey.defaultLocale,
    title: { ...survey.title },
    description: { ...survey.description },
    responseCount: survey.responseCount,
    machineTranslated: structuredClone(survey.machineTranslated ?? {}),
    sections: survey.sections.map((s) => ({
      id: s.id,
      title: { ...s.title },
      description: { ...s.description },
      questions: s.questions.map((q) => ({
        ...newQuestion(q.type),
        id: q.id,
        prompt: { ...q.prompt },
        help: { ...q.help },
        required: q.required ?? false,
        options: 'options' in q ? q.options.map((o) => ({ id: o.id, label: { ...o.label } })) : [],
        scale: q.type === 'rating' ? q.scale : 5,
        lowLabel: q.type === 'rating' ? { ...q.lowLabel } : {},
        highLabel: q.type === 'rating' ? { ...q.highLabel } : {},
        // Limits the builder does not edit yet are carried through untouched.
        ...('maxLength' in q && q.maxLength !== undefined ? { maxLength: q.maxLength } : {}),
        ...('maxSelected' in q && q.maxSelected !== undefined ? { maxSelected: q.maxSelected } : {}),
      })),
    })),
  };
}

/** The draft as an edit of a saved survey: an emptied introduction is sent as `null`, since a left-out field stays. */
export function toSurveyPatch(draft: SurveyDraft): SurveyPatch {
  const input = toSurveyInput(draft);
  return input.description === undefined ? { ...input, description: null } : input;
}

export function toSurveyInput(draft: SurveyDraft): SurveyInput {
  const dl = draft.defaultLocale;
  // Marks follow the texts: a removed question or an emptied field takes its mark with it.
  const machineTranslated = marksFor(draft.machineTranslated, textFields(draft));
  return {
    schoolId: draft.schoolId,
    title: cleanText(draft.title, dl),
    ...withOptional('description', draft.description),
    defaultLocale: dl,
    sections: draft.sections.map((s) => ({
      id: s.id,
      ...withOptional('title', s.title),
      ...withOptional('description', s.description),
      questions: s.questions.map((q) => {
        const base = { id: q.id, prompt: cleanText(q.prompt, dl), ...withOptional('help', q.help), required: q.required };
        const extra = q as DraftQuestion & { maxLength?: number; maxSelected?: number };
        switch (q.type) {
          case 'single-choice':
            return { ...base, type: q.type, options: q.options.map((o) => ({ id: o.id, label: cleanText(o.label, dl) })) };
          case 'multiple-choice':
            return {
              ...base,
              type: q.type,
              options: q.options.map((o) => ({ id: o.id, label: cleanText(o.label, dl) })),
              ...(extra.maxSelected !== undefined ? { maxSelected: extra.maxSelected } : {}),
            };
          case 'rating':
            return {
              ...base,
              type: q.type,
              scale: q.scale,
              ...withOptional('lowLabel', q.lowLabel),
              ...withOptional('highLabel', q.highLabel),
            };
          case 'yes-no':
            return { ...base, type: q.type };
          case 'short-text':
          case 'long-text':
            return { ...base, type: q.type, ...(extra.maxLength !== undefined ? { maxLength: extra.maxLength } : {}) };
        }
      }),
    })),
    // Always sent, even empty: an edit that sends marks replaces them, so marks reviewed away are gone on the server too.
    machineTranslated,
  };
}

/** One editable text of the survey: where it lives (JSON pointer into SurveyInput) and its stable review key. */
export type TextField = TranslatableField;

/** Every text of the draft in reading order. */
export function textFields(draft: SurveyDraft): TextField[] {
  const fields: TextField[] = [
    { key: 'title', pointer: '/title', text: draft.title, required: true },
    { key: 'description', pointer: '/description', text: draft.description, required: false },
  ];
  draft.sections.forEach((s, si) => {
    const sp = `/sections/${si}`;
    fields.push({ key: `section:${s.id}:title`, pointer: `${sp}/title`, text: s.title, required: false });
    fields.push({ key: `section:${s.id}:description`, pointer: `${sp}/description`, text: s.description, required: false });
    s.questions.forEach((q, qi) => {
      const qp = `${sp}/questions/${qi}`;
      fields.push({ key: `question:${q.id}:prompt`, pointer: `${qp}/prompt`, text: q.prompt, required: true });
      fields.push({ key: `question:${q.id}:help`, pointer: `${qp}/help`, text: q.help, required: false });
      if (q.type === 'rating') {
        fields.push({ key: `question:${q.id}:lowLabel`, pointer: `${qp}/lowLabel`, text: q.lowLabel, required: false });
        fields.push({ key: `question:${q.id}:highLabel`, pointer: `${qp}/highLabel`, text: q.highLabel, required: false });
      }
      if (isChoice(q.type)) {
        q.options.forEach((o, oi) =>
          fields.push({ key: `option:${q.id}:${o.id}`, pointer: `${qp}/options/${oi}/label`, text: o.label, required: true }),
        );
      }
    });
  });
  return fields;
}

/** Languages the survey has any text in besides the default, default first. */
export function draftLocales(draft: SurveyDraft): string[] {
  return localesWithText(
    draft.defaultLocale,
    textFields(draft).map((f) => f.text),
  );
}

/** The survey's texts and marks, for "Translate missing languages". */
export function translatable(draft: SurveyDraft): TranslatableDraft {
  return { defaultLocale: draft.defaultLocale, fields: textFields(draft), marks: draft.machineTranslated };
}
