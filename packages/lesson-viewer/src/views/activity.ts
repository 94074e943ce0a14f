/** The activity steps (an ordered list), the questions to talk about, and the "try this at home" tip. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { PublicLesson } from '@tandem/protocol';
import { pairedText } from '../localized-text.js';

export function renderActivity(lesson: PublicLesson, languages: readonly string[]): TemplateResult {
  const text = (t: Record<string, string>) => pairedText(languages, t, lesson.defaultLocale, 'div');
  return html`${
      lesson.steps.length > 0
        ? html`<section class="block" part="steps" aria-labelledby="steps-heading">
            <h3 id="steps-heading">${msg('Try it together', { id: 'lesson.steps' })}</h3>
            <ol class="steps">
              ${lesson.steps.map((step) => html`<li>${text(step)}</li>`)}
            </ol>
          </section>`
        : nothing
    }
    ${
      lesson.questions.length > 0
        ? html`<section class="block" part="questions" aria-labelledby="questions-heading">
            <h3 id="questions-heading">${msg('Talk about it', { id: 'lesson.questions' })}</h3>
            <ul class="questions">
              ${lesson.questions.map((question) => html`<li>${text(question)}</li>`)}
            </ul>
          </section>`
        : nothing
    }
    <aside class="tip" part="tip" aria-labelledby="tip-heading">
      <h3 id="tip-heading">${msg('Try this at home', { id: 'lesson.tip' })}</h3>
      ${text(lesson.tip)}
    </aside>`;
}
