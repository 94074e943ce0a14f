/** <tandem-inbox>: staff read and answer families' messages across their schools, each in their own language, live. */
import { css, html, type PropertyDeclarations } from 'lit';
import { msg } from '@lit/localize';
import { baseStyles, lazyUi } from '@tandem/core';
import { shellStyles } from './message-box.styles.js';
import { MessagingElement, type WidgetApp } from './messaging-element.js';
import type * as InboxUiModule from './inbox-ui.js';

const loadUi = lazyUi(
  () => import('./inbox-ui.js'),
  (ui: typeof InboxUiModule) => ui.defineTandemUi(),
);
// Fetched as soon as the tag is defined, in parallel with the first paint; a failure is retried on connect.
loadUi().catch(() => undefined);

/**
 * The staff side of the message box: conversations of the staff member's schools (unread first), a filter,
 * threads with translation and read receipts, replies (offline too) and, for organization admins, CSV export.
 *
 * @tagname tandem-inbox
 * @summary Staff inbox: families' conversations across schools, translated threads, replies, export.
 * @attr lang - Language the staff member reads (default en): UI and translations
 * @attr can-export - Offer "Export thread (CSV)" (the server allows it to organization admins only)
 * @attr backend - Base URL of a Tandem-compatible server (or set the `backend` / `messaging` property)
 *
 * @fires tandem-message-sent - a reply was stored on the server; `detail: { conversationId, messageId, clientMessageId, availability }`
 * @fires tandem-error - loading or sending failed; `detail: { error, message }`
 * @csspart base - the whole widget
 * @csspart body - the list, or a state's message
 * @csspart filter - the filter field
 * @csspart conversations - the list of conversations
 * @csspart conversation - one conversation (a button)
 * @csspart unread - the unread count of a conversation
 * @csspart thread - the open thread
 * @csspart back - Back to conversations
 * @csspart export - Export thread (CSV)
 * @csspart messages - the scrolling list of messages
 * @csspart message - one message (`own` added for the staff member's own)
 * @csspart translation-toggle - Show original / Show translation
 * @csspart composer - the reply form
 * @csspart message-field - the Message text area
 * @csspart send - the Send button
 * @cssprop --tandem-thread-height - height of the message list (default min(60vh, 520px))
 */
export class TandemInbox extends MessagingElement {
  static override styles = css`
    ${baseStyles} ${shellStyles}
  `;

  static override properties: PropertyDeclarations = {
    staffToken: { attribute: false },
    csrfToken: { attribute: false },
    canExport: { attribute: 'can-export', type: Boolean },
  };

  /** A staff API token (tied to a staff member). A property only, so it never appears in the page's HTML. */
  staffToken?: string;
  /**
   * The staff console's CSRF token. With no `staffToken` and the server on this page's own origin, the inbox uses
   * the console's session cookie instead of a token, and sends this on every write.
   */
  csrfToken?: string;
  /** Offer the CSV export of a thread. */
  canExport = false;

  protected override async startApp(): Promise<WidgetApp> {
    const ui = await loadUi();
    this.adoptExtraStyles(ui.uiStyles);
    return new ui.InboxApp(this);
  }

  protected override renderLoading() {
    return html`<div part="body" class="body skeleton" aria-busy="true"></div>
      <p class="visually-hidden" role="status">${msg('Loading the inbox…', { id: 'inbox.loading' })}</p>`;
  }
}
