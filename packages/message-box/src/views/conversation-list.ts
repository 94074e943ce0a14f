/** Conversations (and contacts not written to yet) as a list of buttons, each named by whom it is with and how many messages are unread. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

export interface ListItem {
  /** Stable across renders, so focus can come back to it after the thread closes. */
  key: string;
  /** Whom the conversation is with (a contact) or, in the inbox, the family. */
  name: string;
  details: string[];
  unread: number;
  preview?: string | undefined;
}

export function unreadText(count: number): string {
  return count === 1
    ? msg('1 unread message', { id: 'messages.unread-one' })
    : msg(str`${count} unread messages`, { id: 'messages.unread-many' });
}

export function renderConversationList(items: ListItem[], onOpen: (key: string) => void, label: string): TemplateResult {
  if (items.length === 0) return html`<p class="muted">${msg('No conversations yet.', { id: 'messages.no-conversations' })}</p>`;
  return html`<ul class="conversations" part="conversations" aria-label=${label}>
    ${items.map(
      (item) =>
        html`<li>
          <button type="button" class="conversation" part="conversation" data-key=${item.key} @click=${() => onOpen(item.key)}>
            <span class="conversation-name">${item.name}</span>
            ${item.details.length ? html`<span class="conversation-details">${item.details.join(' · ')}</span>` : nothing}
            ${item.preview ? html`<span class="conversation-preview" dir="auto">${item.preview}</span>` : nothing}
            ${item.unread > 0 ? html`<span class="badge" part="unread">${unreadText(item.unread)}</span>` : nothing}
          </button>
        </li>`,
    )}
  </ul>`;
}
