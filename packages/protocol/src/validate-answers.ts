/**
 * The one set of answer rules, run by the widget before it sends and by the server before it
 * stores, so a family sees the same verdict offline as online.
 */
import type { FieldError } from './problem.js';
import { allQuestions, LONG_TEXT_MAX, SHORT_TEXT_MAX, type AnswerValue, type Answers, type Question } from './survey.js';

export function answerPointer(questionId: string): string {
  return `/answers/${questionId.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** True when a value counts as "not answered" (empty text, nothing ticked). */
export function isBlank(value: AnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export function maxLengthOf(question: Question): number | undefined {
  if (question.type === 'short-text') return question.maxLength ?? SHORT_TEXT_MAX;
  if (question.type === 'long-text') return question.maxLength ?? LONG_TEXT_MAX;
  return undefined;
}

function error(question: Question, code: FieldError['code'], detail: string, params?: FieldError['params']): FieldError {
  return { pointer: answerPointer(question.id), code, detail, ...(params ? { params } : {}) };
}

/** Checks one answer; undefined means it is acceptable. */
export function validateAnswer(question: Question, value: AnswerValue | undefined): FieldError | undefined {
  if (isBlank(value)) {
    return question.required ? error(question, 'required', 'This question needs an answer.') : undefined;
  }
  switch (question.type) {
    case 'single-choice':
      if (typeof value !== 'string') return error(question, 'wrong-type', 'Expected one option id.');
      if (!question.options.some((o) => o.id === value)) return error(question, 'invalid-option', `"${value}" is not an option.`);
      return undefined;
    case 'multiple-choice': {
      if (!Array.isArray(value)) return error(question, 'wrong-type', 'Expected a list of option ids.');
      const unknown = value.find((v) => !question.options.some((o) => o.id === v));
      if (unknown !== undefined) return error(question, 'invalid-option', `"${unknown}" is not an option.`);
      if (new Set(value).size !== value.length) return error(question, 'invalid-option', 'An option is chosen twice.');
      if (question.maxSelected !== undefined && value.length > question.maxSelected) {
        return error(question, 'too-many', `Choose at most ${question.maxSelected}.`, { max: question.maxSelected });
      }
      return undefined;
    }
    case 'rating':
      if (typeof value !== 'number' || !Number.isInteger(value)) return error(question, 'wrong-type', 'Expected a whole number.');
      if (value < 1 || value > question.scale) {
        return error(question, 'out-of-range', `Choose from 1 to ${question.scale}.`, { min: 1, max: question.scale });
      }
      return undefined;
    case 'yes-no':
      return typeof value === 'boolean' ? undefined : error(question, 'wrong-type', 'Expected yes or no.');
    case 'short-text':
    case 'long-text': {
      if (typeof value !== 'string') return error(question, 'wrong-type', 'Expected text.');
      const max = maxLengthOf(question)!;
      // Count characters as people see them, so Hmong and Vietnamese diacritics are not counted twice.
      const length = [...value.normalize('NFC')].length;
      return length > max ? error(question, 'too-long', `Use at most ${max} characters.`, { max, length }) : undefined;
    }
  }
}

/** Checks a whole set of answers against a survey: every error, in question order. */
export function validateAnswers(survey: { sections: readonly { questions: readonly Question[] }[] }, answers: Answers): FieldError[] {
  const questions = allQuestions(survey);
  const known = new Set(questions.map((q) => q.id));
  const errors: FieldError[] = [];
  for (const question of questions) {
    const problem = validateAnswer(question, answers[question.id]);
    if (problem) errors.push(problem);
  }
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) errors.push({ pointer: answerPointer(id), code: 'unknown-field', detail: 'No such question in this survey.' });
  }
  return errors;
}

/** Checks what JSON Schema cannot: unique ids and text in the default language. */
export function validateSurveyContent(survey: {
  defaultLocale: string;
  title: Record<string, string>;
  sections: readonly { id: string; questions: readonly Question[] }[];
}): FieldError[] {
  const errors: FieldError[] = [];
  if (!survey.title[survey.defaultLocale]?.trim()) {
    errors.push({ pointer: '/title', code: 'required', detail: `The title needs text in the default language (${survey.defaultLocale}).` });
  }
  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  survey.sections.forEach((section, s) => {
    if (sectionIds.has(section.id))
      errors.push({ pointer: `/sections/${s}/id`, code: 'invalid-format', detail: `Section id "${section.id}" is used twice.` });
    sectionIds.add(section.id);
    section.questions.forEach((question, q) => {
      const at = `/sections/${s}/questions/${q}`;
      if (questionIds.has(question.id))
        errors.push({ pointer: `${at}/id`, code: 'invalid-format', detail: `Question id "${question.id}" is used twice.` });
      questionIds.add(question.id);
      if (!question.prompt[survey.defaultLocale]?.trim()) {
        errors.push({
          pointer: `${at}/prompt`,
          code: 'required',
          detail: `The question needs text in the default language (${survey.defaultLocale}).`,
        });
      }
      if (question.type === 'single-choice' || question.type === 'multiple-choice') {
        const optionIds = new Set<string>();
        question.options.forEach((option, o) => {
          if (optionIds.has(option.id))
            errors.push({ pointer: `${at}/options/${o}/id`, code: 'invalid-format', detail: `Option id "${option.id}" is used twice.` });
          optionIds.add(option.id);
        });
      }
    });
  });
  return errors;
}
