/** Surveys, their questions, family responses and staff results: constants, types and helpers. */
import type { Static } from '@sinclair/typebox';
import type * as Schemas from './schemas/survey.js';

export const QUESTION_TYPES = ['single-choice', 'multiple-choice', 'rating', 'yes-no', 'short-text', 'long-text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Default text limits; a question may lower them. */
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 4000;

export const SURVEY_STATUSES = ['draft', 'published', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

// Types come from the schemas (type-only imports), so browsers get the shapes without TypeBox itself.
export type ChoiceOption = Static<typeof Schemas.ChoiceOption>;
export type Question = Static<typeof Schemas.Question>;
export type SurveySection = Static<typeof Schemas.SurveySection>;
export type SurveyInput = Static<typeof Schemas.SurveyInput>;
export type SurveyPatch = Static<typeof Schemas.SurveyPatch>;
export type Survey = Static<typeof Schemas.Survey>;
export type PublicSurvey = Static<typeof Schemas.PublicSurvey>;
/**
 * One answer. Its shape follows the question type: an option id (single choice), option ids
 * (multiple choice), an integer (rating), a boolean (yes/no), or a string (text).
 */
export type AnswerValue = Static<typeof Schemas.AnswerValue>;
export type Answers = Record<string, AnswerValue>;
export type ResponseSubmission = Static<typeof Schemas.ResponseSubmission>;
export type ResponseReceipt = Static<typeof Schemas.ResponseReceipt>;
export type QuestionResult = Static<typeof Schemas.QuestionResult>;
export type SurveyResults = Static<typeof Schemas.SurveyResults>;
export type SurveyList = Static<typeof Schemas.SurveyList>;

/** All questions of a survey in order, across its sections. */
export function allQuestions(survey: { sections: readonly { questions: readonly Question[] }[] }): Question[] {
  return survey.sections.flatMap((s) => s.questions);
}
