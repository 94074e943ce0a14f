/** The composer: a labelled "Message" field (Enter sends, Shift+Enter starts a new line), the limit, and Send. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { renderFieldError } from '@tandem/core/ui.js';
import { MESSAGE_BODY_MAX } from '@tandem/protocol';
import type { DraftProblem } from './thread-controller.js';

export interface ComposerProps {
  locale: string;
  draft: string;
  problem: DraftProblem | undefined;
  detail: string | undefined;
  onInput: (text: string) => void;
  onSend: () => void;
}

function problemText(problem: DraftProblem | undefined, detail: string | undefined, count: number, locale: string): string | undefined {
  const max = MESSAGE_BODY_MAX.toLocaleString(locale);
  switch (problem) {
    case 'required':
      return msg('Write a message first.', { id: 'messages.error.required' });
    case 'too-long': {
      const over = (count - MESSAGE_BODY_MAX).toLocaleString(locale);
      return count > MESSAGE_BODY_MAX
        ? msg(str`Messages can be at most ${max} characters. Please remove ${over} characters or send it in two parts.`, {
            id: 'messages.error.too-long',
          })
        : msg(str`Messages can be at most ${max} characters.`, { id: 'messages.error.too-long-sent' });
    }
    case 'refused':
      return msg(str`The message could not be sent: ${detail ?? ''} Your text is still here.`, { id: 'messages.error.refused' });
    case 'not-saved':
      return msg('The message could not be saved on this device. Please try again.', { id: 'messages.error.not-saved' });
    default:
      return undefined;
  }
}

export function renderComposer(props: ComposerProps): TemplateResult {
  const count = [...props.draft].length;
  const error = problemText(props.problem, props.detail, count, props.locale);
  // The count appears as the limit gets near, so it is news only when it matters.
  const nearLimit = count > MESSAGE_BODY_MAX * 0.9;
  const onKeydown = (event: KeyboardEvent) => {
    // While composing with an input method, Enter picks a candidate; it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    props.onSend();
  };
  return html`<form
    class="composer"
    part="composer"
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      props.onSend();
    }}
  >
    <label for="message-field" class="label">${msg('Message', { id: 'messages.field.label' })}</label>
    <textarea
      id="message-field"
      name="message"
      rows="3"
      part="message-field"
      .value=${live(props.draft)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby="message-hint message-error"
      @input=${(event: InputEvent) => props.onInput((event.target as HTMLTextAreaElement).value)}
      @keydown=${onKeydown}
    ></textarea>
    <p id="message-hint" class="hint">
      ${msg('Press Enter to send, Shift+Enter for a new line.', { id: 'messages.field.hint' })}
      ${
        nearLimit
          ? html`<span class="count"
              >${msg(str`${count.toLocaleString(props.locale)} of ${MESSAGE_BODY_MAX.toLocaleString(props.locale)} characters`, { id: 'messages.field.count' })}</span
            >`
          : nothing
      }
    </p>
    ${renderFieldError('message-error', error)}
    <div class="composer-actions">
      <button type="submit" class="button button--primary" part="send">${msg('Send', { id: 'messages.send' })}</button>
    </div>
  </form>`;
}
