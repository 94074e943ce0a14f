/** What every question renderer receives: the question, its answer, its error and how to report a change. */
import type { AnswerValue, Question } from '@tandem/protocol';
import type { TextContext } from '../localized-text.js';

export interface QuestionView<Q extends Question = Question> {
  question: Q;
  value: AnswerValue | undefined;
  /** The error to show under the field, already in the family's language. */
  error?: string | undefined;
  text: TextContext;
  /** Show "This question is in English"-style notes on this question (off when the whole survey is marked once). */
  markFallback: boolean;
  /** Some of this question's text in the family's language is an unreviewed machine translation. */
  machineTranslated?: boolean;
  onValue(value: AnswerValue | undefined): void;
}

/** Element ids inside the shadow root for one question; question ids are URL-safe, so they are safe here. */
export function fieldIds(questionId: string) {
  const base = `q-${questionId}`;
  return {
    field: base,
    prompt: `${base}-prompt`,
    help: `${base}-help`,
    note: `${base}-note`,
    hint: `${base}-hint`,
    count: `${base}-count`,
    error: `${base}-error`,
  };
}
