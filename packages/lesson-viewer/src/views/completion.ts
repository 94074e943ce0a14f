/** "We tried it!": the form with an optional reflection, then thanks (or "saved on this device" while offline). */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { savedOfflineMessage } from '@tandem/core';
import { renderFieldError } from '@tandem/core/ui.js';
import { REFLECTION_MAX } from '@tandem/protocol';

export type CompletionState = 'form' | 'sending' | 'queued' | 'done';

export interface CompletionOptions {
  state: CompletionState;
  reflection: string;
  error: string | undefined;
  notice: string | undefined;
  onInput(e: Event): void;
  onSubmit(e: Event): void;
  onSendNow(): void;
}

export function renderCompletion(options: CompletionOptions): TemplateResult {
  switch (options.state) {
    case 'done':
      return html`<div class="complete" part="footer done">
        <h3 id="complete-heading" tabindex="-1">${msg('Thank you for trying it together!', { id: 'lesson.done-heading' })}</h3>
        <tandem-status tone="success"
          >${msg('We let the school know that your family tried this lesson.', { id: 'lesson.done' })}</tandem-status
        >
      </div>`;
    case 'queued':
      return html`<div class="complete" part="footer queued">
        <h3 id="complete-heading" tabindex="-1">${msg('Thank you for trying it together!', { id: 'lesson.done-heading' })}</h3>
        <tandem-status tone="info">${savedOfflineMessage()}</tandem-status>
        <button type="button" class="button" part="action" @click=${options.onSendNow}>
          ${msg('Send now', { id: 'lesson.send-now' })}
        </button>
      </div>`;
    default: {
      const sending = options.state === 'sending';
      return html`<form class="complete" part="footer" novalidate @submit=${options.onSubmit}>
        <h3 id="complete-heading" tabindex="-1">${msg('Did you try it?', { id: 'lesson.complete-heading' })}</h3>
        <label for="reflection">${msg('What did you notice? (optional)', { id: 'lesson.reflection' })}</label>
        <p id="reflection-hint" class="hint">${msg(str`Up to ${REFLECTION_MAX} characters.`, { id: 'lesson.reflection-hint' })}</p>
        <textarea
          id="reflection"
          name="reflection"
          rows="3"
          .value=${options.reflection}
          aria-invalid=${options.error ? 'true' : 'false'}
          aria-describedby="reflection-hint reflection-error"
          @input=${options.onInput}
        ></textarea>
        ${renderFieldError('reflection-error', options.error)}
        ${options.notice ? html`<tandem-status tone="error">${options.notice}</tandem-status>` : nothing}
        <div>
          <button type="submit" class="button button--primary" part="submit" ?disabled=${sending}>
            ${msg('We tried it!', { id: 'lesson.submit' })}
          </button>
        </div>
      </form>`;
    }
  }
}
