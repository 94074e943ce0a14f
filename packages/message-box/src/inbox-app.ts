/** The staff inbox once its code is here: conversations across schools (unread first), a filter, the shared thread, live updates, export. */
import { html, nothing, type ReactiveController } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { backendErrorMessage, localeDisplayName, notConnectedMessage } from '@tandem/core';
import type { Conversation } from '@tandem/protocol';
import { staffChannel, type MessagingChannel } from './client/channel.js';
import type { MessagingBackend } from './client/messaging-backend.js';
import { cookieSessionCredential, isPageOrigin } from './client/http-messaging.js';
import { messagingFor } from './client/resolve.js';
import { StreamClient } from './client/stream-client.js';
import { conversationStreamHandlers } from './conversation-stream.js';
import { loadThreadUi } from './family-app.js';
import type { TandemInbox } from './inbox.js';
import { TandemMessageSentEvent } from './message-box.events.js';
import type { WidgetApp } from './messaging-element.js';
import { OutboxSweeper } from './outbox-sweeper.js';
import { renderConversationList, type ListItem } from './views/conversation-list.js';
import type * as ThreadUi from './thread/thread-ui.js';

export type InboxPhase = 'loading' | 'no-backend' | 'no-token' | 'home' | 'thread' | 'load-error';

/** Outbox entries are kept per staff token without writing the token itself to the device. */
function tokenTag(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export class InboxApp implements WidgetApp, ReactiveController {
  phase: InboxPhase = 'loading';
  conversations: Conversation[] = [];
  filter = '';
  thread: ThreadUi.ThreadController | undefined;
  loadError: Error | undefined;
  exportError: string | undefined;

  readonly #host: TandemInbox;
  #backend: MessagingBackend | undefined;
  #token: string | undefined;
  #channel: MessagingChannel | undefined;
  #stream: StreamClient | undefined;
  #threadUi: typeof ThreadUi | undefined;
  #run = 0;
  #openedFrom: string | undefined;
  readonly #sweeper = new OutboxSweeper(
    () => this.#host,
    () => this.#channel,
    (entry, receipt) => {
      const conversation = this.conversations.find((c) => c.id === entry.target);
      if (!conversation) return;
      this.#host.emit(
        new TandemMessageSentEvent({
          conversationId: conversation.id,
          messageId: receipt.message.id,
          clientMessageId: entry.id,
          availability: receipt.availability,
        }),
      );
    },
  );

  constructor(host: TandemInbox) {
    this.#host = host;
    host.addController(this);
    void this.start();
  }

  get #locale(): string {
    return this.#host.uiLocale;
  }

  hostConnected(): void {
    this.#stream?.start();
  }

  hostDisconnected(): void {
    this.#stream?.stop();
  }

  /** The staff API token, else the console's cookie session when the server is this page's origin. */
  #credential(backend: MessagingBackend | undefined): string | undefined {
    if (this.#host.staffToken) return this.#host.staffToken;
    const csrf = this.#host.csrfToken;
    return csrf && backend && isPageOrigin(backend.key) ? cookieSessionCredential(csrf) : undefined;
  }

  hostUpdate(): void {
    const backend = messagingFor(this.#host.messaging, this.#host.resolveBackend());
    if (backend !== this.#backend || this.#credential(backend) !== this.#token) void this.start();
    else this.#followLocale();
  }

  #seenLocale: string | undefined;

  /** The reader switched language: translations on the stream and in the open thread follow. */
  #followLocale(): void {
    const locale = this.#locale;
    if (this.#seenLocale === undefined || this.#seenLocale === locale) {
      this.#seenLocale = locale;
      return;
    }
    this.#seenLocale = locale;
    if (!this.#stream) return;
    // Reconnects after the last event seen, now asking for the new language.
    this.#stream.stop();
    if (this.#host.isConnected) this.#stream.start();
    const open = this.phase === 'thread' ? this.thread?.conversation : undefined;
    if (open) void this.thread!.open(open);
  }

  async start(): Promise<void> {
    const run = ++this.#run;
    this.#stream?.stop();
    this.thread?.close();
    this.#sweeper.clear();
    const backend = (this.#backend = messagingFor(this.#host.messaging, this.#host.resolveBackend()));
    const token = (this.#token = this.#credential(backend));
    if (!backend) return this.#show('no-backend');
    if (!token) return this.#show('no-token');
    this.phase = 'loading';
    this.#host.requestUpdate();
    const channel = (this.#channel = staffChannel(backend, () => this.#credential(backend) ?? '', tokenTag(token)));
    this.#stream = new StreamClient({
      open: (lastEventId) => channel.openStream({ lang: this.#locale, lastEventId }),
      handlers: conversationStreamHandlers({
        reader: 'staff',
        conversations: () => this.conversations,
        thread: () => this.thread,
        isOpen: (id) => this.phase === 'thread' && this.thread?.conversation?.id === id,
        onUnknownConversation: () => void this.#reload(),
        requestUpdate: () => this.#host.requestUpdate(),
      }),
    });
    if (this.#host.isConnected) this.#stream.start();
    try {
      const [list, ui] = await Promise.all([channel.listConversations({ lang: this.#locale }), loadThreadUi()]);
      if (run !== this.#run) return;
      this.conversations = list.items;
      this.#ensureThread(ui);
      this.#show('home');
      void this.#sweeper.sweep();
    } catch (error) {
      if (run !== this.#run) return;
      this.loadError = error instanceof Error ? error : new Error(String(error));
      this.#host.emit('tandem-error', { error: this.loadError, message: backendErrorMessage(this.loadError) });
      this.#show('load-error');
    }
  }

  async #reload(): Promise<void> {
    const list = await this.#channel?.listConversations({ lang: this.#locale }).catch(() => undefined);
    if (list) {
      this.conversations = list.items;
      this.#host.requestUpdate();
    }
  }

  #ensureThread(ui: typeof ThreadUi): ThreadUi.ThreadController {
    this.#threadUi = ui;
    this.#host.adoptExtraStyles(ui.threadUiStyles);
    this.thread ??= new ui.ThreadController(this.#host, {
      channel: () => this.#channel,
      locale: () => this.#locale,
      onSent: (receipt, conversation, clientMessageId) => {
        conversation.lastMessage = {
          seq: receipt.message.seq,
          preview: receipt.message.body.slice(0, 140),
          senderKind: 'staff',
          createdAt: receipt.message.createdAt,
        };
        this.#host.emit(
          new TandemMessageSentEvent({
            conversationId: conversation.id,
            messageId: receipt.message.id,
            clientMessageId,
            availability: receipt.availability,
          }),
        );
      },
      onError: (error) => this.#host.emit('tandem-error', { error, message: backendErrorMessage(error) }),
    });
    return this.thread;
  }

  #show(phase: InboxPhase): void {
    this.phase = phase;
    this.#host.requestUpdate();
  }

  /** Unread first, then the most recent, as the server orders them; narrowed by the filter. */
  get items(): ListItem[] {
    const words = this.filter.toLocaleLowerCase(this.#locale).split(/\s+/).filter(Boolean);
    return [...this.conversations]
      .sort((a, b) => Number(b.unread > 0) - Number(a.unread > 0) || (b.lastMessage?.seq ?? 0) - (a.lastMessage?.seq ?? 0))
      .map((c) => ({
        key: c.id,
        name: c.family.name,
        details: [c.student?.name, c.with.name, c.schoolName].filter((d): d is string => !!d),
        unread: c.unread,
        preview: c.lastMessage?.preview,
      }))
      .filter((item) => {
        const haystack = [item.name, ...item.details].join(' ').toLocaleLowerCase(this.#locale);
        return words.every((w) => haystack.includes(w));
      });
  }

  readonly #open = async (key: string) => {
    const conversation = this.conversations.find((c) => c.id === key);
    const ui = this.#threadUi;
    if (!conversation || !ui) return;
    this.#openedFrom = key;
    this.exportError = undefined;
    const opening = this.#ensureThread(ui).open(conversation);
    this.phase = 'thread';
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('#thread-heading')?.focus();
    await opening;
  };

  readonly #back = async () => {
    this.thread?.close();
    void this.#sweeper.sweep();
    this.phase = 'home';
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const button = [...this.#host.renderRoot.querySelectorAll<HTMLElement>('[part~="conversation"]')].find(
      (b) => b.dataset['key'] === this.#openedFrom,
    );
    (button ?? this.#host.renderRoot.querySelector<HTMLElement>('#home-heading'))?.focus();
  };

  readonly #export = async () => {
    const conversation = this.thread?.conversation;
    const backend = this.#backend;
    const token = this.#credential(backend);
    if (!conversation || !backend || !token) return;
    try {
      const blob = await backend.exportConversation(token, conversation.id);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `conversation-${conversation.id}.csv`;
      // In the shadow root, so the page's own click handlers never see it.
      this.#host.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.exportError = undefined;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.exportError =
        (failure as { status?: number }).status === 403
          ? msg('Only an organization admin can export a thread.', { id: 'inbox.export-forbidden' })
          : backendErrorMessage(failure);
      this.#host.emit('tandem-error', { error: failure, message: this.exportError });
    }
    this.#host.requestUpdate();
  };

  render() {
    switch (this.phase) {
      case 'loading':
        return html`<div part="body" class="body skeleton" aria-busy="true"></div>
          <p class="visually-hidden" role="status">${msg('Loading the inbox…', { id: 'inbox.loading' })}</p>`;
      case 'no-backend':
        return html`<div part="body" class="body">
          <h3 id="state-heading" tabindex="-1">${msg('The inbox is not available yet', { id: 'inbox.no-backend-heading' })}</h3>
          <tandem-status tone="warning">${notConnectedMessage()}</tandem-status>
        </div>`;
      case 'no-token':
        return html`<div part="body" class="body">
          <h3 id="state-heading" tabindex="-1">${msg('Sign in to see the inbox', { id: 'inbox.no-token-heading' })}</h3>
          <tandem-status tone="info"
            >${msg('This page has not given the inbox a staff token yet.', { id: 'inbox.no-token' })}</tandem-status
          >
        </div>`;
      case 'load-error':
        return html`<div part="body" class="body">
          <h3 id="state-heading" tabindex="-1">${msg('The inbox could not be loaded', { id: 'inbox.load-error-heading' })}</h3>
          <tandem-status tone="error">${backendErrorMessage(this.loadError ?? new Error(''))}</tandem-status>
          <div>
            <button type="button" class="button" part="action" @click=${() => void this.start()}>
              ${msg('Try again', { id: 'inbox.retry' })}
            </button>
          </div>
        </div>`;
      case 'thread':
        if (this.thread?.conversation && this.#threadUi) return this.#renderThread(this.#threadUi, this.thread);
        return this.#renderHome();
      default:
        return this.#renderHome();
    }
  }

  #renderHome() {
    return html`<div part="body" class="body home">
      <h3 id="home-heading" tabindex="-1">${msg('Inbox', { id: 'inbox.heading' })}</h3>
      <div class="filter">
        <label for="inbox-filter" class="label">${msg('Filter by family, student or class', { id: 'inbox.filter' })}</label>
        <input
          id="inbox-filter"
          type="search"
          part="filter"
          .value=${live(this.filter)}
          @input=${(event: Event) => {
            this.filter = (event.target as HTMLInputElement).value;
            this.#host.requestUpdate();
          }}
        />
      </div>
      ${renderConversationList(this.items, (key) => void this.#open(key), msg('Conversations', { id: 'inbox.conversations-label' }))}
    </div>`;
  }

  #renderThread(ui: typeof ThreadUi, thread: ThreadUi.ThreadController) {
    const conversation = thread.conversation!;
    return ui.renderThread({
      thread,
      locale: this.#locale,
      title: conversation.family.name,
      subtitle: [conversation.student?.name, conversation.schoolName, localeDisplayName(conversation.family.locale)]
        .filter(Boolean)
        .join(' · '),
      actions: this.#host.canExport
        ? html`<button type="button" class="button" part="export" @click=${() => void this.#export()}>
              ${msg('Export thread (CSV)', { id: 'inbox.export' })}
            </button>
            ${this.exportError ? html`<p class="field-error" role="alert">${this.exportError}</p>` : nothing}`
        : nothing,
      onBack: () => void this.#back(),
      onSend: () => void thread.send(),
    });
  }
}
