/** Picks the renderer for a question's type. */
import type { TemplateResult } from 'lit';
import { renderMultipleChoice, renderSingleChoice, renderYesNo } from './choice.js';
import type { QuestionView } from './question-view.js';
import { renderRating } from './rating.js';
import { renderTextQuestion } from './text.js';

export function renderQuestion(view: QuestionView): TemplateResult {
  const q = view.question;
  switch (q.type) {
    case 'single-choice':
      return renderSingleChoice({ ...view, question: q });
    case 'multiple-choice':
      return renderMultipleChoice({ ...view, question: q });
    case 'rating':
      return renderRating({ ...view, question: q });
    case 'yes-no':
      return renderYesNo({ ...view, question: q });
    case 'short-text':
    case 'long-text':
      return renderTextQuestion({ ...view, question: q });
  }
}
