/** Pure helpers over a survey and its answers: pages, pointers, and what is actually sent. */
import { allQuestions, isBlank, type Answers, type FieldError, type PublicSurvey, type Question } from '@tandem/protocol';

/** The question id a problem+json pointer such as `/answers/q-visit` names, or undefined for other pointers. */
export function questionIdFromPointer(pointer: string): string | undefined {
  const prefix = '/answers/';
  if (!pointer.startsWith(prefix)) return undefined;
  return pointer.slice(prefix.length).replace(/~1/g, '/').replace(/~0/g, '~');
}

export function findQuestion(survey: PublicSurvey, questionId: string): Question | undefined {
  return allQuestions(survey).find((q) => q.id === questionId);
}

/** The page (section index) holding a question, or -1. */
export function pageOf(survey: PublicSurvey, questionId: string): number {
  return survey.sections.findIndex((s) => s.questions.some((q) => q.id === questionId));
}

/** Only answers to this survey's questions that say something: blank text and empty ticks are "no answer". */
export function answersToSend(survey: PublicSurvey, answers: Answers): Answers {
  const known = new Set(allQuestions(survey).map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id, value]) => known.has(id) && !isBlank(value)));
}

/** A restored draft may predate an edit of the survey: keep only answers to questions that still exist. */
export function keepKnownAnswers(survey: PublicSurvey, answers: Answers): Answers {
  const known = new Set(allQuestions(survey).map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => known.has(id)));
}

/** Field errors keyed by question id, in survey order; errors that name no question are returned apart. */
export function errorsByQuestion(survey: PublicSurvey, errors: FieldError[]): { byQuestion: Map<string, FieldError>; other: FieldError[] } {
  const byQuestion = new Map<string, FieldError>();
  const other: FieldError[] = [];
  const order = allQuestions(survey).map((q) => q.id);
  const sorted = [...errors].sort((a, b) => rank(order, a) - rank(order, b));
  for (const error of sorted) {
    const id = questionIdFromPointer(error.pointer);
    if (id !== undefined && order.includes(id)) {
      if (!byQuestion.has(id)) byQuestion.set(id, error);
    } else other.push(error);
  }
  return { byQuestion, other };
}

function rank(order: string[], error: FieldError): number {
  const id = questionIdFromPointer(error.pointer);
  const index = id === undefined ? -1 : order.indexOf(id);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}
