/** Staff results: aggregates per question and the CSV export, computed from stored responses. */
import { allQuestions, pickText, type AnswerValue, type LocalizedText, type QuestionResult, type SurveyResults } from '@tandem/protocol';
import { csvDocument } from './csv.js';
import type { SurveyContent } from './store/surveys.js';

export interface StoredResponse {
  id: string;
  locale: string;
  answers: Record<string, AnswerValue>;
  submittedAt: string;
}

/** Labels for yes/no answers, since those questions carry no options of their own. */
export const YES_NO_LABELS: Record<'yes' | 'no', LocalizedText> = {
  yes: { en: 'Yes', es: 'Sí', hmn: 'Yog', vi: 'Có', so: 'Haa', ar: 'نعم', 'zh-Hans': '是', ht: 'Wi' },
  no: { en: 'No', es: 'No', hmn: 'Tsis yog', vi: 'Không', so: 'Maya', ar: 'لا', 'zh-Hans': '否', ht: 'Non' },
};

function isAnswered(value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function computeResults(surveyId: string, content: SurveyContent, responses: readonly StoredResponse[]): SurveyResults {
  const locales: Record<string, number> = {};
  for (const response of responses) locales[response.locale] = (locales[response.locale] ?? 0) + 1;

  const questions = allQuestions(content).map((question): QuestionResult => {
    const given = responses
      .map((response) => ({ response, value: response.answers[question.id] }))
      .filter((entry): entry is { response: StoredResponse; value: AnswerValue } => isAnswered(entry.value));
    const base = { questionId: question.id, type: question.type, prompt: question.prompt, answered: given.length };
    switch (question.type) {
      case 'single-choice':
      case 'multiple-choice': {
        const counts = new Map(question.options.map((o) => [o.id, 0]));
        for (const { value } of given) {
          for (const optionId of Array.isArray(value) ? value : [value]) {
            if (typeof optionId === 'string' && counts.has(optionId)) counts.set(optionId, counts.get(optionId)! + 1);
          }
        }
        return { ...base, options: question.options.map((o) => ({ optionId: o.id, label: o.label, count: counts.get(o.id)! })) };
      }
      case 'yes-no': {
        const yes = given.filter((g) => g.value === true).length;
        const no = given.filter((g) => g.value === false).length;
        return {
          ...base,
          options: [
            { optionId: 'yes', label: YES_NO_LABELS.yes, count: yes },
            { optionId: 'no', label: YES_NO_LABELS.no, count: no },
          ],
        };
      }
      case 'rating': {
        const distribution = Array.from({ length: question.scale }, () => 0);
        let sum = 0;
        let n = 0;
        for (const { value } of given) {
          if (typeof value === 'number' && value >= 1 && value <= question.scale) {
            distribution[value - 1]! += 1;
            sum += value;
            n += 1;
          }
        }
        return { ...base, average: n === 0 ? null : sum / n, distribution };
      }
      case 'short-text':
      case 'long-text':
        return {
          ...base,
          texts: given
            .filter((g) => typeof g.value === 'string')
            .map((g) => ({ text: g.value as string, locale: g.response.locale, submittedAt: g.response.submittedAt })),
        };
    }
  });

  return { surveyId, responseCount: responses.length, locales, questions };
}

/** One row per response, one column per question headed by its prompt in the survey's default language. */
export function resultsCsv(content: SurveyContent, defaultLocale: string, responses: readonly StoredResponse[]): string {
  const questions = allQuestions(content);
  const label = (text: LocalizedText) => pickText(text, defaultLocale, defaultLocale).text;
  const header = ['Response ID', 'Submitted at', 'Language', ...questions.map((q) => label(q.prompt))];
  const lines = [header];
  for (const response of responses) {
    const cells = questions.map((question) => {
      const value = response.answers[question.id];
      if (!isAnswered(value)) return '';
      switch (question.type) {
        case 'single-choice':
        case 'multiple-choice':
          return (Array.isArray(value) ? value : [value])
            .map((id) => {
              const option = question.options.find((o) => o.id === id);
              return option ? label(option.label) : String(id);
            })
            .join('; ');
        case 'yes-no':
          return label(value === true ? YES_NO_LABELS.yes : YES_NO_LABELS.no);
        default:
          return String(value);
      }
    });
    lines.push([response.id, response.submittedAt, response.locale, ...cells]);
  }
  return csvDocument(lines);
}
