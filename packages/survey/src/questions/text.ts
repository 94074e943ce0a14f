/** Short text (input) and long text (textarea) with a live character count as the limit nears. */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { maxLengthOf, type Question } from '@tandem/protocol';
import { describedBy, textFrame } from './question-frame.js';
import { fieldIds, type QuestionView } from './question-view.js';

type TextQuestion = Extract<Question, { type: 'short-text' | 'long-text' }>;

/** Counting starts to show at this share of the limit, early enough to plan, late enough not to nag. */
const COUNT_FROM = 0.8;

/** Characters as people see them, matching the rule protocol's validateAnswer applies. */
function characterCount(value: string): number {
  return [...value.normalize('NFC')].length;
}

function countText(length: number, max: number): string {
  // Worded around the numbers ("Characters left: 1") so no plural forms are needed in any language.
  if (length > max) return msg(str`Too long: ${length} characters. The limit is ${max}.`, { id: 'survey.count-over' });
  const left = max - length;
  return msg(str`Characters left: ${left} of ${max}.`, { id: 'survey.count-left' });
}

export function renderTextQuestion(view: QuestionView<TextQuestion>) {
  const ids = fieldIds(view.question.id);
  const value = typeof view.value === 'string' ? view.value : '';
  const max = maxLengthOf(view.question)!;
  const length = characterCount(value);
  const near = length >= max * COUNT_FROM;
  const onInput = (e: Event) => view.onValue((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  const describe = describedBy(view, [near && ids.count]) || nothing;
  const invalid = view.error ? 'true' : nothing;
  // No maxlength attribute: it silently cuts pasted text, and the count plus validation explain the limit instead.
  const control =
    view.question.type === 'long-text'
      ? html`<textarea
          id=${ids.field}
          class="text-input text-input--long"
          rows="5"
          data-answer-for=${view.question.id}
          .value=${live(value)}
          ?required=${view.question.required}
          aria-invalid=${invalid}
          aria-describedby=${describe}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id=${ids.field}
          class="text-input"
          type="text"
          data-answer-for=${view.question.id}
          .value=${live(value)}
          ?required=${view.question.required}
          aria-invalid=${invalid}
          aria-describedby=${describe}
          @input=${onInput}
        />`;
  // The live region is always in the tree so the first announcement is not lost; it speaks only near the limit.
  const count = html`<p class="count ${length > max ? 'count--over' : ''}" id=${ids.count} aria-live="polite">
    ${near ? countText(length, max) : ''}
  </p>`;
  return textFrame(view, control, count);
}
