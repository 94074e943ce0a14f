/** Rating scale 1–5 or 1–10: a radio group of large, wrapping targets with its labelled ends shown and announced. */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Question } from '@tandem/protocol';
import { localized } from '../localized-text.js';
import { groupFrame } from './question-frame.js';
import { fieldIds, type QuestionView } from './question-view.js';

type Rating = Extract<Question, { type: 'rating' }>;

export function renderRating(view: QuestionView<Rating>) {
  const ids = fieldIds(view.question.id);
  const { scale, lowLabel, highLabel } = view.question;
  const lowId = `${ids.field}-low`;
  const highId = `${ids.field}-high`;
  const points = Array.from({ length: scale }, (_, i) => i + 1);
  // The end labels describe the first and last points, so "1, Not at all" is heard on the radio itself.
  const endFor = (point: number) => (point === 1 && lowLabel ? lowId : point === scale && highLabel ? highId : undefined);
  const controls = html`<div class="scale" data-scale=${scale}>
      ${points.map(
        (point) =>
          html`<label class="scale-point">
            <input
              type="radio"
              name=${ids.field}
              data-answer-for=${view.question.id}
              .value=${String(point)}
              .checked=${live(view.value === point)}
              ?required=${view.question.required}
              aria-invalid=${view.error ? 'true' : nothing}
              aria-describedby=${endFor(point) ?? nothing}
              @change=${() => view.onValue(point)}
            />
            <span class="scale-number">${point}</span>
          </label>`,
      )}
    </div>
    ${
      lowLabel || highLabel
        ? html`<div class="scale-ends">
            <span class="scale-end scale-end--low" id=${lowId}
              >${lowLabel ? html`<span class="scale-end-number">1</span> ${localized(lowLabel, view.text)}` : nothing}</span
            >
            <span class="scale-end scale-end--high" id=${highId}
              >${highLabel ? html`<span class="scale-end-number">${scale}</span> ${localized(highLabel, view.text)}` : nothing}</span
            >
          </div>`
        : nothing
    }`;
  return groupFrame(view, controls);
}
