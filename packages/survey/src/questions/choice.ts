/** Single choice, multiple choice and yes/no: native radios and checkboxes in a fieldset. */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { Question } from '@tandem/protocol';
import { localized } from '../localized-text.js';
import { groupFrame } from './question-frame.js';
import { fieldIds, type QuestionView } from './question-view.js';

type SingleChoice = Extract<Question, { type: 'single-choice' }>;
type MultipleChoice = Extract<Question, { type: 'multiple-choice' }>;
type YesNo = Extract<Question, { type: 'yes-no' }>;

function invalid(view: QuestionView) {
  return view.error ? 'true' : nothing;
}

export function renderSingleChoice(view: QuestionView<SingleChoice>) {
  const ids = fieldIds(view.question.id);
  const options = view.question.options.map(
    (option) =>
      html`<label class="option">
        <input
          type="radio"
          name=${ids.field}
          data-answer-for=${view.question.id}
          .value=${option.id}
          .checked=${live(view.value === option.id)}
          ?required=${view.question.required}
          aria-invalid=${invalid(view)}
          @change=${() => view.onValue(option.id)}
        />
        <span class="option-label">${localized(option.label, view.text)}</span>
      </label>`,
  );
  return groupFrame(view, html`<div class="options">${options}</div>`);
}

export function renderMultipleChoice(view: QuestionView<MultipleChoice>) {
  const ids = fieldIds(view.question.id);
  const chosen = Array.isArray(view.value) ? view.value : [];
  const max = view.question.maxSelected;
  const toggle = (optionId: string, on: boolean) => {
    const next = view.question.options.map((o) => o.id).filter((id) => (id === optionId ? on : chosen.includes(id)));
    view.onValue(next);
  };
  const options = view.question.options.map(
    (option) =>
      html`<label class="option">
        <input
          type="checkbox"
          name=${ids.field}
          data-answer-for=${view.question.id}
          .value=${option.id}
          .checked=${live(chosen.includes(option.id))}
          aria-invalid=${invalid(view)}
          @change=${(e: Event) => toggle(option.id, (e.target as HTMLInputElement).checked)}
        />
        <span class="option-label">${localized(option.label, view.text)}</span>
      </label>`,
  );
  // The limit is said up front and checked as they tick, rather than disabling boxes nobody can explain.
  // One answer gets its own sentence, so no language needs a plural form for "answers".
  const hint =
    max !== undefined && max < view.question.options.length
      ? html`<p class="hint" id=${ids.hint}>
          ${
            max === 1
              ? msg('You can choose only one answer.', { id: 'survey.choose-one' })
              : msg(str`You can choose up to ${max} answers.`, { id: 'survey.choose-up-to' })
          }
        </p>`
      : undefined;
  return groupFrame(view, html`<div class="options">${options}</div>`, hint ? { hint, hintId: ids.hint } : {});
}

export function renderYesNo(view: QuestionView<YesNo>) {
  const ids = fieldIds(view.question.id);
  const choice = (value: boolean, label: string) =>
    html`<label class="option option--inline">
      <input
        type="radio"
        name=${ids.field}
        data-answer-for=${view.question.id}
        .value=${String(value)}
        .checked=${live(view.value === value)}
        ?required=${view.question.required}
        aria-invalid=${invalid(view)}
        @change=${() => view.onValue(value)}
      />
      <span class="option-label">${label}</span>
    </label>`;
  return groupFrame(
    view,
    html`<div class="options options--inline">
      ${choice(true, msg('Yes', { id: 'survey.yes' }))} ${choice(false, msg('No', { id: 'survey.no' }))}
    </div>`,
  );
}
