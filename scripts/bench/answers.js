// Builds the answer set a real family would send for a published survey: every question answered, texts of typical length.
import { validateAnswers } from '@tandem/protocol';

const SAMPLE_LONG_TEXT =
  'My daughter likes the reading club a lot. Pickup at the side door is hard for us because of traffic, ' +
  'and the newsletter would help more if it came in Spanish too. Thank you to Ms. Rivera for her patience.';

function answerFor(question, index) {
  switch (question.type) {
    case 'single-choice':
      return question.options[index % question.options.length].id;
    case 'multiple-choice':
      return question.options.slice(0, Math.min(2, question.maxSelected ?? 2)).map((o) => o.id);
    case 'rating':
      return Math.min(4, question.scale);
    case 'yes-no':
      return true;
    case 'short-text':
      return 'Ana Lopez'.slice(0, question.maxLength ?? 200);
    case 'long-text':
      return SAMPLE_LONG_TEXT.slice(0, question.maxLength ?? 4000);
    default:
      throw new Error(`bench does not know question type "${question.type}"`);
  }
}

/** Answers to every question, checked with the same rules the server applies. */
export function buildSubmission(survey, locale) {
  const questions = survey.sections.flatMap((s) => s.questions);
  const answers = Object.fromEntries(questions.map((q, i) => [q.id, answerFor(q, i)]));
  const errors = validateAnswers(survey, answers);
  if (errors.length) throw new Error(`bench built invalid answers: ${JSON.stringify(errors)}`);
  return { answers, locale };
}
