/** "Was this helpful?": yes, or no with an optional comment; then thanks (or "saved on this device" while offline). */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { savedOfflineMessage } from '@tandem/core';
import { renderFieldError } from '@tandem/core/ui.js';

export type FeedbackPhase = 'ask' | 'comment' | 'sending' | 'queued' | 'thanks' | 'given';

export interface FeedbackOptions {
  phase: FeedbackPhase;
  comment: string;
  commentError: string | undefined;
  notice: string | undefined;
  onYes(): void;
  onNo(): void;
  onComment(value: string): void;
  onSend(event: Event): void;
}

function outcome(tone: 'success' | 'info', text: string): TemplateResult {
  // Focusable so the family's focus lands on the answer when the buttons they pressed disappear.
  return html`<tandem-status class="focus-target" tone=${tone} tabindex="-1" data-feedback="outcome">${text}</tandem-status>`;
}

export function renderFeedback(o: FeedbackOptions): TemplateResult {
  const notice = o.notice ? html`<tandem-status tone="error">${o.notice}</tandem-status>` : nothing;
  let body: TemplateResult;
  switch (o.phase) {
    case 'thanks':
      body = outcome('success', msg('Thank you! Your answer helps the school keep this list useful.', { id: 'resource.feedback-thanks' }));
      break;
    case 'given':
      body = outcome('success', msg('You already told us about this resource. Thank you!', { id: 'resource.feedback-given' }));
      break;
    case 'queued':
      body = outcome('info', savedOfflineMessage());
      break;
    case 'ask':
      body = html`<p id="feedback-question" class="feedback-question">${msg('Was this helpful?', { id: 'resource.feedback-question' })}</p>
        <div class="choices" role="group" aria-labelledby="feedback-question">
          <button type="button" class="button" part="feedback-yes" @click=${o.onYes}>${msg('Yes', { id: 'resource.yes' })}</button>
          <button type="button" class="button" part="feedback-no" @click=${o.onNo}>${msg('No', { id: 'resource.no' })}</button>
        </div>
        ${notice}`;
      break;
    default: {
      const invalid = !!o.commentError;
      body = html`<form @submit=${o.onSend} novalidate>
        <label for="comment">${msg('What was missing or wrong? (optional)', { id: 'resource.feedback-comment' })}</label>
        <textarea
          id="comment"
          rows="3"
          .value=${o.comment}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'comment-error' : nothing}
          @input=${(e: Event) => o.onComment((e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${renderFieldError('comment-error', o.commentError)} ${notice}
        <div class="choices">
          <button type="submit" class="button button--primary" part="feedback-send" ?disabled=${o.phase === 'sending'}>
            ${msg('Send', { id: 'resource.feedback-send' })}
          </button>
        </div>
      </form>`;
    }
  }
  return html`<section class="feedback" part="feedback" aria-label=${msg('Feedback', { id: 'resource.feedback' })}>${body}</section>`;
}
