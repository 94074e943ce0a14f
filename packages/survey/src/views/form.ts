/** The survey form for the current page: progress, page heading, error summary, questions, buttons. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { fieldErrorMessage } from '@tandem/core';
import type { AnswerValue, Answers, FieldError, PublicSurvey, Question } from '@tandem/protocol';
import { fallsBack, localized, type TextContext } from '../localized-text.js';
import { requiredLabel } from '../questions/question-frame.js';
import { renderQuestion } from '../questions/render-question.js';
import { renderErrorSummary } from './error-summary.js';
import { pageLabel, renderFooter, renderProgress } from './pager.js';

export interface FormOptions {
  survey: PublicSurvey;
  text: TextContext;
  page: number;
  answers: Answers;
  errors: ReadonlyMap<string, FieldError>;
  showSummary: boolean;
  notice: string | undefined;
  submitting: boolean;
  anonymous: boolean;
  onAnswer(question: Question, value: AnswerValue | undefined): void;
  onSubmit(event: Event): void;
  onBack(): void;
  onGoToQuestion(questionId: string): void;
}

/** Whether staff marked any text of the question in `locale` as a machine translation they have not reviewed. */
function isMachineTranslated(survey: PublicSurvey, questionId: string, locale: string): boolean {
  return Object.entries(survey.machineTranslated ?? {}).some(
    ([key, locales]) => (key.startsWith(`question:${questionId}:`) || key.startsWith(`option:${questionId}:`)) && locales.includes(locale),
  );
}

/** Quotes the marker itself, so no translation can drift from the "(required)" shown after each prompt. */
function requiredNote(): string {
  const marker = requiredLabel();
  return msg(str`Questions marked ${marker} need an answer.`, { id: 'survey.required-note' });
}

export function renderForm(options: FormOptions) {
  const { survey, text, page } = options;
  const section = survey.sections[page]!;
  const total = survey.sections.length;
  // With the whole survey marked once in the header, marking every question again would be noise.
  const markFallback = !fallsBack(survey.title, text);
  const pageErrors = section.questions.filter((q) => options.errors.has(q.id));
  const heading = section.title ? localized(section.title, text) : total > 1 ? pageLabel(page, total) : undefined;
  const summary = options.showSummary
    ? renderErrorSummary(
        pageErrors.map((q) => ({
          questionId: q.id,
          prompt: localized(q.prompt, { ...text, second: undefined }),
          message: fieldErrorMessage(options.errors.get(q.id)!),
        })),
        options.onGoToQuestion,
      )
    : nothing;
  return html`<form class="form" novalidate aria-labelledby="survey-title" @submit=${options.onSubmit}>
    <div part="body" class="body">
      ${renderProgress(page, total)} ${heading ? html`<h3 class="page-heading" id="page-heading" tabindex="-1">${heading}</h3>` : nothing}
      ${section.description ? html`<p class="page-description">${localized(section.description, text)}</p>` : nothing} ${summary}
      ${section.questions.some((q) => q.required) ? html`<p class="required-note">${requiredNote()}</p>` : nothing}
      <div class="questions">
        ${section.questions.map((question) => {
          const error = options.errors.get(question.id);
          return renderQuestion({
            question,
            value: options.answers[question.id],
            error: error ? fieldErrorMessage(error) : undefined,
            text,
            markFallback,
            machineTranslated: isMachineTranslated(survey, question.id, text.locale),
            onValue: (value) => options.onAnswer(question, value),
          });
        })}
      </div>
    </div>
    ${options.notice ? html`<tandem-status class="notice" tone="error">${options.notice}</tandem-status>` : nothing}
    ${renderFooter({ page, total, submitting: options.submitting, anonymous: options.anonymous, onBack: options.onBack })}
  </form>`;
}
