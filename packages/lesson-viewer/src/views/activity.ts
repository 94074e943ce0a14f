/** The activity steps (an ordered list), the questions to talk about, and the "try this at home" tip. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { renderMachineNote } from '@tandem/core/ui.js';
import { showsMachineTranslation, type PublicLesson } from '@tandem/protocol';
import { pairedText } from '../localized-text.js';

export function renderActivity(lesson: PublicLesson, languages: readonly string[]): TemplateResult {
  // The quiet note follows each text the family reads (the first language) that a machine translated unreviewed.
  const text = (t: Record<string, string>, key: string) =>
    html`${pairedText(languages, t, lesson.defaultLocale, 'div')}${
      showsMachineTranslation(lesson.machineTranslated, key, t, languages[0]!, lesson.defaultLocale) ? renderMachineNote() : nothing
    }`;
  return html`${
      lesson.steps.length > 0
        ? html`<section class="block" part="steps" aria-labelledby="steps-heading">
            <h3 id="steps-heading">${msg('Try it together', { id: 'lesson.steps' })}</h3>
            <ol class="steps">
              ${lesson.steps.map((step, n) => html`<li>${text(step, `step:${n}`)}</li>`)}
            </ol>
          </section>`
        : nothing
    }
    ${
      lesson.questions.length > 0
        ? html`<section class="block" part="questions" aria-labelledby="questions-heading">
            <h3 id="questions-heading">${msg('Talk about it', { id: 'lesson.questions' })}</h3>
            <ul class="questions">
              ${lesson.questions.map((question, n) => html`<li>${text(question, `question:${n}`)}</li>`)}
            </ul>
          </section>`
        : nothing
    }
    <aside class="tip" part="tip" aria-labelledby="tip-heading">
      <h3 id="tip-heading">${msg('Try this at home', { id: 'lesson.tip' })}</h3>
      ${text(lesson.tip, 'tip')}
    </aside>`;
}
