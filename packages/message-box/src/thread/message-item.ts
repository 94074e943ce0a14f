/** One message in a thread: the text (translated, with the original a click away), who and when, and for our own the delivery state. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { localeDisplayName } from '@tandem/core';
import type { Message } from '@tandem/protocol';
import { renderLinkedText } from './linkify.js';
import { ThreadController, type ThreadRow } from './thread-controller.js';

export interface MessageItemContext {
  locale: string;
  showingOriginal: ReadonlySet<string>;
  onToggleOriginal: (messageId: string) => void;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeOf(iso: string, locale: string): string {
  let format = timeFormats.get(locale);
  if (!format) timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(new Date(iso));
}

export function stateLabel(state: 'sending' | 'waiting' | 'sent' | 'read'): string {
  switch (state) {
    case 'sending':
      return msg('Sending…', { id: 'messages.state.sending' });
    case 'waiting':
      return msg('Waiting for connection', { id: 'messages.state.waiting' });
    case 'sent':
      return msg('Sent', { id: 'messages.state.sent' });
    case 'read':
      return msg('Read', { id: 'messages.state.read' });
  }
}

function renderBody(message: Message, own: boolean, ctx: MessageItemContext): TemplateResult {
  const translation = message.translation;
  if (own || !translation) return html`<p class="text" lang=${message.locale} dir="auto">${renderLinkedText(message.body)}</p>`;
  if (translation.status === 'failed') {
    return html`<p class="text" lang=${message.locale} dir="auto">${renderLinkedText(message.body)}</p>
      <p class="note">${msg('Translation is not available right now.', { id: 'messages.translation-failed' })}</p>`;
  }
  if (translation.status !== 'translated' || !translation.text) {
    return html`<p class="text" lang=${message.locale} dir="auto">${renderLinkedText(message.body)}</p>`;
  }
  const original = ctx.showingOriginal.has(message.id);
  const language = localeDisplayName(message.locale);
  return html`${
      original
        ? html`<p class="text" lang=${message.locale} dir="auto">${renderLinkedText(message.body)}</p>`
        : html`<p class="text" lang=${translation.locale} dir="auto">${renderLinkedText(translation.text)}</p>`
    }
    <p class="note">
      ${
        original
          ? html`<span>${msg(str`Original in ${language}`, { id: 'messages.original-in' })}</span>`
          : html`<span>${msg(str`Translated from ${language}`, { id: 'messages.translated-from' })}</span>`
      }
      <span aria-hidden="true">·</span>
      <button type="button" class="link-button" part="translation-toggle" @click=${() => ctx.onToggleOriginal(message.id)}>
        ${original ? msg('Show translation', { id: 'messages.show-translation' }) : msg('Show original', { id: 'messages.show-original' })}
      </button>
    </p>`;
}

export function renderMessageRow(row: ThreadRow, ctx: MessageItemContext): TemplateResult {
  if ('pending' in row) {
    return html`<div class="row row--own" data-key=${row.key}>
      <article class="bubble bubble--own" part="message own">
        <p class="text" dir="auto">${renderLinkedText(row.pending.body)}</p>
        <p class="meta"><span class="state" data-state=${row.state}>${stateLabel(row.state)}</span></p>
      </article>
    </div>`;
  }
  const { message, own } = row;
  return html`<div class="row ${own ? 'row--own' : ''}" data-key=${row.key}>
    <article
      class="bubble ${own ? 'bubble--own' : ''}"
      part=${own ? 'message own' : 'message'}
      aria-label=${own ? nothing : message.sender.name}
    >
      ${own ? nothing : html`<p class="sender">${message.sender.name}</p>`} ${renderBody(message, own, ctx)}
      <p class="meta">
        <time datetime=${message.createdAt}>${timeOf(message.createdAt, ctx.locale)}</time>
        ${
          own
            ? html`<span aria-hidden="true">·</span>
                <span class="state" data-state=${ThreadController.ownState(message)}
                  >${stateLabel(ThreadController.ownState(message))}</span
                >`
            : nothing
        }
      </p>
    </article>
  </div>`;
}
