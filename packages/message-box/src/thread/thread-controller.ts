/**
 * One open thread, for the family widget and the staff inbox alike: pages of messages (older ones on
 * demand), live messages and read receipts, sending through the outbox, marking read while visible.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BackendError, OutboxController, type OutboxEntry } from '@tandem/core';
import {
  validateMessage,
  type Conversation,
  type Message,
  type MessageInput,
  type MessageReceipt,
  type ReadReceipt,
} from '@tandem/protocol';
import type { MessagingChannel } from '../client/channel.js';

export type OwnState = 'sending' | 'waiting' | 'sent' | 'read';

/** A row of the thread: a stored message, or one of ours not yet stored. */
export type ThreadRow =
  | { key: string; message: Message; own: boolean }
  | { key: string; pending: { body: string; locale: string; createdAt: string }; state: 'sending' | 'waiting' };

export type DraftProblem = 'required' | 'too-long' | 'refused' | 'not-saved';

export interface ThreadOptions {
  channel: () => MessagingChannel | undefined;
  /** The reader's language: messages are written in it and translated into it. */
  locale: () => string;
  onSent?: (receipt: MessageReceipt, conversation: Conversation, clientMessageId: string) => void;
  onError?: (error: Error) => void;
  /** A live message from the other side arrived in this thread. */
  onIncoming?: (message: Message) => void;
}

type Payload = Pick<MessageInput, 'body' | 'locale'>;

export class ThreadController implements ReactiveController {
  conversation: Conversation | undefined;
  messages: Message[] = [];
  hasMore = false;
  loading = false;
  loadingOlder = false;
  loadError: Error | undefined;
  /** Messages shown in their original language rather than translated. */
  readonly showingOriginal = new Set<string>();
  draft = '';
  draftProblem: DraftProblem | undefined;
  /** The refusal's own words, for `refused`. */
  draftDetail: string | undefined;
  /** After a send: when a reply can be expected. */
  lastReceipt: MessageReceipt | undefined;
  /** Lines read out by the role="log" region: new messages from the other side, keyed by message id so each is added once. */
  announcements: { key: string; text: string }[] = [];
  /** Rows of messages prepended by the last older-page load; the view keeps its place by them. */
  prepended = 0;
  /** Ask the view to show the newest message (after open, send, or a new one while at the bottom). */
  stickToEnd = true;
  /** Rows the reader can see now, as the virtualizer last reported. */
  visibleRange = { first: 0, last: -1 };

  readonly #optimistic = new Map<string, ThreadRow & { pending: object }>();
  #before: number | undefined;
  #run = 0;
  #markingRead = false;
  #markAgain = false;
  #localCount = 0;
  /** Bumped whenever rows change other than through `messages` or the outbox. */
  #version = 0;
  #rowsMemo: { messages: Message[]; pending: unknown; version: number; rows: ThreadRow[] } | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ThreadOptions;
  readonly outbox: OutboxController<Payload, MessageReceipt>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ThreadOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.outbox = new OutboxController<Payload, MessageReceipt>(host, {
      kind: 'message',
      target: () => this.conversation?.id ?? '',
      backendKey: () => options.channel()?.outboxKey ?? '',
      send: (entry) => this.#channel().send(entry.target, { ...entry.payload, clientMessageId: entry.id }, entry.id),
      onSent: (entry, receipt) => this.#sent(entry, receipt),
      onFailed: (entry, error) => void this.#refused(entry, error),
    });
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  #channel(): MessagingChannel {
    const channel = this.#options.channel();
    if (!channel) throw new BackendError('unauthorized', 'Not signed in', 401);
    return channel;
  }

  /** Opens `conversation` at its newest page. */
  async open(conversation: Conversation): Promise<void> {
    const run = ++this.#run;
    // Opened again (in another language, say): what the reader was typing stays.
    const same = this.conversation?.id === conversation.id;
    Object.assign(this, {
      conversation,
      messages: [],
      hasMore: false,
      loading: true,
      loadError: undefined,
      draft: same ? this.draft : '',
      draftProblem: same ? this.draftProblem : undefined,
      lastReceipt: undefined,
      announcements: [],
      prepended: 0,
      stickToEnd: true,
      visibleRange: { first: 0, last: -1 },
    });
    this.showingOriginal.clear();
    this.#optimistic.clear();
    this.#version++;
    this.#host.requestUpdate();
    // Messages this device still has to send to this conversation go now, or show as waiting.
    void this.outbox.flush().catch(() => undefined);
    try {
      const page = await this.#channel().listMessages(conversation.id, { lang: this.#options.locale() });
      if (run !== this.#run) return;
      this.#merge(page.items);
      this.hasMore = page.hasMore;
      this.#before = page.before;
    } catch (error) {
      if (run !== this.#run) return;
      this.loadError = error instanceof Error ? error : new Error(String(error));
      this.#options.onError?.(this.loadError);
    } finally {
      if (run === this.#run) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
    if (run === this.#run && conversation.unread > 0) this.markRead();
  }

  close(): void {
    this.#run++;
    this.conversation = undefined;
    this.messages = [];
    this.#host.requestUpdate();
  }

  /** The page before the oldest shown; the view keeps the reader's place. */
  async loadOlder(): Promise<void> {
    const conversation = this.conversation;
    if (!conversation || !this.hasMore || this.loadingOlder || this.#before === undefined) return;
    const run = this.#run;
    this.loadingOlder = true;
    this.#host.requestUpdate();
    try {
      const page = await this.#channel().listMessages(conversation.id, { lang: this.#options.locale(), before: this.#before });
      if (run !== this.#run) return;
      const before = this.messages.length;
      this.#merge(page.items);
      this.prepended = this.messages.length - before;
      this.stickToEnd = false;
      this.hasMore = page.hasMore;
      this.#before = page.before;
    } catch (error) {
      if (run === this.#run) this.#options.onError?.(error instanceof Error ? error : new Error(String(error)));
    } finally {
      if (run === this.#run) {
        this.loadingOlder = false;
        this.#host.requestUpdate();
      }
    }
  }

  /** Shows a message in its original language, or back in translation. */
  toggleOriginal(messageId: string): void {
    if (this.showingOriginal.has(messageId)) this.showingOriginal.delete(messageId);
    else this.showingOriginal.add(messageId);
    this.#version++;
    this.#host.requestUpdate();
  }

  /** Rows to show, oldest first: stored messages, then ours still on their way. One array while nothing changed, so typing does not re-lay out a long thread. */
  get rows(): ThreadRow[] {
    const memo = this.#rowsMemo;
    if (memo && memo.messages === this.messages && memo.pending === this.outbox.pending && memo.version === this.#version) return memo.rows;
    const rows = this.#buildRows();
    this.#rowsMemo = { messages: this.messages, pending: this.outbox.pending, version: this.#version, rows };
    return rows;
  }

  #buildRows(): ThreadRow[] {
    const reader = this.#options.channel()?.reader;
    const stored = new Set(this.messages.map((m) => m.clientMessageId).filter(Boolean));
    const rows: ThreadRow[] = this.messages.map((message) => ({ key: message.id, message, own: message.sender.kind === reader }));
    for (const entry of this.outbox.pending) {
      if (stored.has(entry.id) || entry.target !== this.conversation?.id || entry.lastError?.kind === 'invalid') continue;
      rows.push({ key: entry.id, pending: { ...entry.payload, createdAt: entry.createdAt }, state: 'waiting' });
    }
    rows.push(...this.#optimistic.values());
    return rows;
  }

  static ownState(message: Message): OwnState {
    return message.state === 'read' ? 'read' : 'sent';
  }

  /** A live message from the stream: added once (the receipt may have brought it already). */
  receive(message: Message): void {
    if (message.conversationId !== this.conversation?.id) return;
    const known = this.messages.some((m) => m.id === message.id);
    // Follow the conversation only if the reader was at its end; someone reading older messages stays put.
    const atEnd = this.visibleRange.last >= this.rows.length - 2;
    this.#merge([message]);
    if (!known && atEnd) this.stickToEnd = true;
    if (known) return this.#host.requestUpdate();
    const reader = this.#options.channel()?.reader;
    if (message.sender.kind !== reader) {
      const text = message.translation?.status === 'translated' && message.translation.text ? message.translation.text : message.body;
      this.announcements = [...this.announcements.slice(-4), { key: message.id, text: `${message.sender.name}: ${text}` }];
      this.#options.onIncoming?.(message);
      this.markRead();
    }
    this.#host.requestUpdate();
  }

  /** The other side read up to a message: our messages up to it show Read. */
  receiveRead(receipt: ReadReceipt): void {
    const reader = this.#options.channel()?.reader;
    if (receipt.conversationId !== this.conversation?.id || receipt.readerKind === reader) return;
    let changed = false;
    this.messages = this.messages.map((m) => {
      if (m.sender.kind !== reader || m.state === 'read' || m.seq > receipt.lastReadSeq) return m;
      changed = true;
      return { ...m, state: 'read' };
    });
    if (changed) this.#host.requestUpdate();
  }

  /**
   * Marks the thread read, up to the newest message this reader has been shown, when they can see it (page
   * visible). A call made while one is on its way runs again after it, so a message that arrived meanwhile is
   * not left unread; a failure is retried next time.
   */
  markRead(): void {
    const conversation = this.conversation;
    if (!conversation || document.visibilityState !== 'visible') return;
    if (this.#markingRead) {
      this.#markAgain = true;
      return;
    }
    const upToSeq = this.messages.reduce((max, m) => Math.max(max, m.seq), 0);
    if (upToSeq === 0) return;
    this.#markingRead = true;
    this.#channel()
      .markRead(conversation.id, upToSeq)
      .then((receipt) => {
        if (this.conversation === conversation && receipt.lastReadSeq >= upToSeq) conversation.unread = 0;
      })
      .catch(() => undefined)
      .finally(() => {
        this.#markingRead = false;
        if (this.#markAgain) {
          this.#markAgain = false;
          this.markRead();
        }
      });
  }

  readonly #onVisible = () => {
    if (document.visibilityState === 'visible' && this.conversation) this.markRead();
  };

  setDraft(text: string): void {
    this.draft = text;
    // Say "too long" as soon as it is, and stop saying it as soon as it is not; other problems wait for Send.
    const tooLong = validateMessage({ body: text }).some((e) => e.code === 'too-long');
    if (tooLong) this.draftProblem = 'too-long';
    else if (this.draftProblem === 'too-long' || (this.draftProblem === 'required' && text.trim())) this.draftProblem = undefined;
    this.#host.requestUpdate();
  }

  /** Sends the draft through the outbox; false (and a problem on the field) when it cannot go. */
  async send(): Promise<boolean> {
    const conversation = this.conversation;
    if (!conversation) return false;
    const errors = validateMessage({ body: this.draft });
    if (errors.length) {
      this.draftProblem = errors[0]!.code === 'too-long' ? 'too-long' : 'required';
      this.#host.requestUpdate();
      return false;
    }
    const payload: Payload = { body: this.draft, locale: this.#options.locale() };
    const key = `local-${++this.#localCount}`;
    this.#version++;
    this.#optimistic.set(key, { key, pending: { ...payload, createdAt: new Date().toISOString() }, state: 'sending' });
    Object.assign(this, { draft: '', draftProblem: undefined, draftDetail: undefined, stickToEnd: true });
    this.#host.requestUpdate();
    try {
      const result = await this.outbox.enqueue(payload);
      this.#optimistic.delete(key);
      this.#version++;
      if (result.status === 'sent') {
        if (result.result) this.#sent(result.entry, result.result);
      } else if (result.status === 'failed') await this.#refused(result.entry, result.error);
      this.#host.requestUpdate();
      return result.status !== 'failed';
    } catch (error) {
      // Not even kept on the device: the text goes back into the field.
      this.#optimistic.delete(key);
      this.#version++;
      Object.assign(this, { draft: payload.body, draftProblem: 'not-saved' });
      this.#options.onError?.(error instanceof Error ? error : new Error(String(error)));
      this.#host.requestUpdate();
      return false;
    }
  }

  #sent(entry: OutboxEntry<Payload>, receipt: MessageReceipt): void {
    if (entry.target === this.conversation?.id) {
      this.#merge([receipt.message]);
      this.lastReceipt = receipt;
      this.stickToEnd = true;
      this.#host.requestUpdate();
    }
    const conversation = this.conversation?.id === entry.target ? this.conversation : undefined;
    if (conversation) this.#options.onSent?.(receipt, conversation, entry.id);
  }

  /** Refused for good (too long, not allowed): the text comes back into the field with the reason. */
  async #refused(entry: OutboxEntry<Payload>, error: BackendError): Promise<void> {
    await this.outbox.discard(entry.id).catch(() => undefined);
    if (entry.target === this.conversation?.id) {
      if (!this.draft.trim()) this.draft = entry.payload.body;
      const tooLong = error.fieldErrors.some((e) => e.code === 'too-long');
      this.draftProblem = tooLong ? 'too-long' : 'refused';
      this.draftDetail = error.fieldErrors[0]?.detail ?? error.message;
    }
    this.#options.onError?.(error);
    this.#host.requestUpdate();
  }

  #merge(incoming: Message[]): void {
    const byId = new Map(this.messages.map((m) => [m.id, m]));
    for (const m of incoming) {
      const existing = byId.get(m.id);
      // A read state learnt from a receipt stays, whichever copy arrives later.
      byId.set(m.id, existing?.state === 'read' ? { ...m, state: 'read' } : m);
    }
    this.messages = [...byId.values()].sort((a, b) => a.seq - b.seq);
  }
}
