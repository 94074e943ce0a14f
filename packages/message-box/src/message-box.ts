/** <tandem-message-box>: a family writes to school staff and reads their replies, each in their own language, live and offline. */
import { css, html, type PropertyDeclarations } from 'lit';
import { msg } from '@lit/localize';
import { baseStyles, lazyUi } from '@tandem/core';
import { shellStyles } from './message-box.styles.js';
import { MessagingElement, type WidgetApp } from './messaging-element.js';
import type * as FamilyUiModule from './message-box-ui.js';

const loadUi = lazyUi(
  () => import('./message-box-ui.js'),
  (ui: typeof FamilyUiModule) => ui.defineTandemUi(),
);
// Fetched as soon as the tag is defined, in parallel with the first paint; a failure is retried on connect.
loadUi().catch(() => undefined);

/**
 * Two-way messaging between a family and school staff, with translation both ways (the original always a
 * click away), live updates, read receipts, office hours and an offline outbox.
 *
 * @tagname tandem-message-box
 * @summary Family–school messaging: sign in, conversations, threads with translation, offline sending.
 * @attr lang - Language of the widget and of translations; a language the family picked wins
 * @attr identity-token - A family identity signed by the host site (JWT); signs the family in without a code
 * @attr organization - The organization's slug; needed for `identity-token` and for email sign-in links
 * @attr school - Only show contacts and conversations of this school (id)
 * @attr student - Only show conversations about this student (id); new conversations are about them
 * @attr backend - Base URL of a Tandem-compatible server (or set the `backend` / `messaging` property)
 *
 * @fires tandem-signed-in - the family signed in, or a session kept on this device was restored; `detail: { familyId, name, via }`
 * @fires tandem-signed-out - the session ended; `detail: { reason: 'signed-out' | 'expired' }`
 * @fires tandem-message-sent - a message was stored on the server; `detail: { conversationId, messageId, clientMessageId, availability }`
 * @fires tandem-error - loading or sending failed; `detail: { error, message }`
 * @csspart base - the whole widget
 * @csspart header - family name and Sign out
 * @csspart body - the sign-in panel, the conversation list or a state's message
 * @csspart submit - the Sign in button
 * @csspart email-link - the Email me a sign-in link button
 * @csspart sign-out - the Sign out button
 * @csspart conversations - the list of conversations
 * @csspart conversation - one conversation (a button)
 * @csspart unread - the unread count of a conversation
 * @csspart thread - the open thread
 * @csspart back - Back to conversations
 * @csspart messages - the scrolling list of messages
 * @csspart message - one message (`own` added for the family's own)
 * @csspart translation-toggle - Show original / Show translation
 * @csspart notice - the school's not-for-emergencies notice
 * @csspart availability - when a reply can be expected, after sending
 * @csspart composer - the message form
 * @csspart message-field - the Message text area
 * @csspart send - the Send button
 * @csspart field-error - the message under a refused field
 * @cssprop --tandem-thread-height - height of the message list (default min(60vh, 520px))
 * @cssprop --tandem-accent - buttons, own messages, unread badges (default #1d4ed8)
 * @cssprop --tandem-on-accent - text on the accent colour
 * @cssprop --tandem-text - text colour (default: inherited)
 * @cssprop --tandem-muted-text - hints, times and notes
 * @cssprop --tandem-surface - widget background (default transparent)
 * @cssprop --tandem-field-surface - background of inputs
 * @cssprop --tandem-field-text - text in inputs
 * @cssprop --tandem-border - borders
 * @cssprop --tandem-radius - corner radius (default 8px)
 * @cssprop --tandem-font-size - base text size (default 16px)
 * @cssprop --tandem-line-height - line height (default 1.5)
 * @cssprop --tandem-space - spacing unit (default 16px)
 * @cssprop --tandem-focus - focus ring colour
 * @cssprop --tandem-error - error text and borders
 * @cssprop --tandem-success - confirmations
 * @cssprop --tandem-warning - waiting messages and the emergency notice
 */
export class TandemMessageBox extends MessagingElement {
  static override styles = css`
    ${baseStyles} ${shellStyles}
  `;

  static override properties: PropertyDeclarations = {
    identityToken: { attribute: 'identity-token' },
    organization: {},
    school: {},
    student: {},
  };

  /** A host-signed family identity (JWT); needs `organization`. */
  identityToken?: string;
  /** The organization's slug. */
  organization?: string;
  /** Narrow to one school. */
  school?: string;
  /** Narrow to one student. */
  student?: string;

  /** Ends the family's session on this device and on the server. */
  async signOut(): Promise<void> {
    await (this.app as { signOut?: () => Promise<void> } | undefined)?.signOut?.();
  }

  protected override async startApp(): Promise<WidgetApp> {
    const ui = await loadUi();
    this.adoptExtraStyles(ui.uiStyles);
    return new ui.FamilyApp(this);
  }

  protected override renderLoading() {
    return html`<div part="body" class="body skeleton" aria-busy="true"></div>
      <p class="visually-hidden" role="status">${msg('Loading messages…', { id: 'messages.loading' })}</p>`;
  }
}
