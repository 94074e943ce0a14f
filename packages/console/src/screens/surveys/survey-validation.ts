/**
 * The builder's checks before saving: the protocol's own content rules (validateSurveyContent, which the server
 * runs too) plus the schema limits a person can trip over in the builder (options per choice question, a school).
 */
import { validateSurveyContent, type FieldError } from '@tandem/protocol';
import { isChoice, toSurveyInput, type SurveyDraft } from './survey-draft.js';

/** Bounds from the protocol's TypeBox schemas (SingleChoiceQuestion.options, SurveyInput.sections, SurveySection.questions). */
export const LIMITS = { optionsMin: 2, optionsMax: 50, questionsMax: 100, sectionsMax: 30 } as const;

export function validateDraft(draft: SurveyDraft): FieldError[] {
  const errors: FieldError[] = [];
  if (!draft.schoolId) errors.push({ pointer: '/schoolId', code: 'required', detail: 'Choose a school.' });
  errors.push(...validateSurveyContent(toSurveyInput(draft)));
  draft.sections.forEach((section, s) => {
    section.questions.forEach((question, q) => {
      if (!isChoice(question.type)) return;
      const at = `/sections/${s}/questions/${q}`;
      if (question.options.length < LIMITS.optionsMin) {
        errors.push({ pointer: `${at}/options`, code: 'too-few', detail: 'Give at least 2 options.', params: { min: LIMITS.optionsMin } });
      }
      question.options.forEach((option, o) => {
        // The schema accepts an empty label, but families would see a blank choice.
        if (!option.label[draft.defaultLocale]?.trim()) {
          errors.push({ pointer: `${at}/options/${o}/label`, code: 'required', detail: 'The option needs text in the default language.' });
        }
      });
    });
  });
  return sortByPosition(errors);
}

/** Parts that come first on screen though not alphabetically. */
const FIRST: Record<string, string> = { schoolId: '0', title: '1', prompt: '2', id: '3' };

/** Errors in the order their fields appear, so "first error" is the first one on screen. */
function sortByPosition(errors: FieldError[]): FieldError[] {
  const rank = (pointer: string) =>
    pointer
      .split('/')
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? part.padStart(4, '0') : (FIRST[part] ?? part)))
      .join('/');
  return [...errors].sort((a, b) => (rank(a.pointer) < rank(b.pointer) ? -1 : rank(a.pointer) > rank(b.pointer) ? 1 : 0));
}
