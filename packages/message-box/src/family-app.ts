/** The family side once its code is here: sign-in, the session, the conversation list, the live stream and the open thread. */
import { html, nothing, type ReactiveController } from 'lit';
import { msg } from '@lit/localize';
import { BackendError, backendErrorMessage, notConnectedMessage } from '@tandem/core';
import { normalizeInviteCode, pickText, type Conversation, type FamilyHome, type FamilySession } from '@tandem/protocol';
import { familyChannel, type MessagingChannel } from './client/channel.js';
import type { MessagingBackend } from './client/messaging-backend.js';
import { messagingFor } from './client/resolve.js';
import {
  FamilySessionStore,
  idbSessionStorage,
  isUnauthorized,
  type SessionStorage,
  type SignedOutReason,
} from './client/session-store.js';
import { StreamClient } from './client/stream-client.js';
import { conversationStreamHandlers } from './conversation-stream.js';
import type { TandemMessageBox } from './message-box.js';
import { TandemMessageSentEvent, TandemSignedInEvent, TandemSignedOutEvent, type SignedInDetail } from './message-box.events.js';
import type { WidgetApp } from './messaging-element.js';
import { OutboxSweeper } from './outbox-sweeper.js';
import { renderConversationList, type ListItem } from './views/conversation-list.js';
import { renderSignIn, type SignInState } from './views/sign-in.js';
import type * as ThreadUi from './thread/thread-ui.js';

export type FamilyPhase = 'loading' | 'no-backend' | 'signed-out' | 'home' | 'thread' | 'load-error';

const SIGN_IN_FRAGMENT = /(?:^#|&)tandem-sign-in=([^&]+)/;
/** A printed invite's QR code opens the sign-in with its code here; the fragment keeps it out of server logs. */
const INVITE_FRAGMENT = /(?:^#|&)tandem-invite=([^&]+)/;
/** An address fragment as typed or scanned; a malformed escape is taken as it stands rather than failing. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

let threadUi: typeof ThreadUi | undefined;
export const loadThreadUi = async () => (threadUi ??= await import('./thread/thread-ui.js'));

/** Sessions are kept per page load in one storage, so two widgets on a page share it. */
let sharedStorage: SessionStorage | undefined;
const stores = new Map<string, FamilySessionStore>();
/** Tests use their own storage. */
export function useSessionStorage(storage: SessionStorage | undefined): void {
  sharedStorage = storage;
  stores.clear();
}
function sessionStoreFor(backend: MessagingBackend): FamilySessionStore {
  let store = stores.get(backend.key);
  if (!store || store.backend !== backend)
    stores.set(backend.key, (store = new FamilySessionStore(backend, (sharedStorage ??= idbSessionStorage()))));
  return store;
}

interface Item extends ListItem {
  conversation?: Conversation;
  start?: { schoolId: string; staffUserId?: string | undefined };
}

const emptySignIn = (): SignInState => ({
  code: '',
  name: '',
  studentName: '',
  needsName: false,
  busy: false,
  email: '',
  emailSent: false,
});

export class FamilyApp implements WidgetApp, ReactiveController {
  phase: FamilyPhase = 'loading';
  home: FamilyHome | undefined;
  conversations: Conversation[] = [];
  signIn: SignInState = emptySignIn();
  thread: ThreadUi.ThreadController | undefined;
  loadError: Error | undefined;

  readonly #host: TandemMessageBox;
  #backend: MessagingBackend | undefined;
  #sessions: FamilySessionStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #channel: MessagingChannel | undefined;
  #stream: StreamClient | undefined;
  #identityTokenUsed: string | undefined;
  #run = 0;
  /** The list item to give focus back to when the thread closes. */
  #openedFrom: string | undefined;

  constructor(host: TandemMessageBox) {
    this.#host = host;
    host.addController(this);
    void this.start();
  }

  get #locale(): string {
    return this.#host.uiLocale;
  }

  hostConnected(): void {
    if (this.#sessions && !this.#unsubscribe) this.#followSession(this.#sessions, this.#run);
    if (this.#channel) this.#stream?.start();
  }

  hostDisconnected(): void {
    this.#stream?.stop();
    // The session store outlives the element (it is shared per server): a removed widget must not stay subscribed.
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Hears the session end (signed out in another widget or tab, or refused at refresh). */
  #followSession(sessions: FamilySessionStore, run: number): void {
    this.#unsubscribe?.();
    this.#unsubscribe = sessions.subscribe((session, reason) => {
      if (!session && run === this.#run) this.#signedOut(reason ?? 'signed-out');
    });
  }

  hostUpdate(): void {
    // A new server, or a new identity from the host page, starts over.
    const backend = messagingFor(this.#host.messaging, this.#host.resolveBackend());
    const token = this.#host.identityToken;
    if (backend !== this.#backend || (token && token !== this.#identityTokenUsed && this.phase !== 'loading')) void this.start();
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

  /** Restores or creates the family's session: sign-in link in the address, host identity, then the device's own. */
  async start(): Promise<void> {
    const run = ++this.#run;
    // Noted before anything can fail, so an identity token that cannot be used is not tried on every render.
    this.#identityTokenUsed = this.#host.identityToken;
    this.#stopSession();
    const backend = (this.#backend = messagingFor(this.#host.messaging, this.#host.resolveBackend()));
    if (!backend) return this.#show('no-backend');
    this.phase = 'loading';
    this.#host.requestUpdate();
    const sessions = (this.#sessions = sessionStoreFor(backend));
    this.#followSession(sessions, run);
    const link = SIGN_IN_FRAGMENT.exec(location.hash)?.[1];
    const invite = INVITE_FRAGMENT.exec(location.hash)?.[1];
    if (invite) {
      this.#dropFragment('tandem-invite');
      // Shown as printed (dashes kept); the code is normalized when it is sent.
      this.signIn.code = safeDecode(invite).trim().toUpperCase().slice(0, 64);
    }
    const token = this.#host.identityToken;
    const organization = this.#host.organization;
    try {
      if (link) {
        this.#dropFragment('tandem-sign-in');
        try {
          return await this.#adopt(run, await backend.signInWithEmailLink(decodeURIComponent(link)), 'email-link');
        } catch (error) {
          if (!isUnauthorized(error)) throw error;
          this.signIn.note = msg('This sign-in link has expired or was already used. Please ask for a new one below.', {
            id: 'messages.sign-in.link-expired',
          });
        }
      } else if (token && organization) {
        try {
          return await this.#adopt(run, await backend.signInWithIdentity(organization, token), 'identity-token');
        } catch (error) {
          if (!isUnauthorized(error)) throw error;
          this.#host.emit('tandem-error', { error, message: backendErrorMessage(error as Error) });
        }
      }
      const restored = await sessions.restore();
      if (run !== this.#run) return;
      if (restored) return await this.#enter(run, restored, 'restored');
      this.#show('signed-out');
    } catch (error) {
      if (run !== this.#run) return;
      this.#fail(error);
    }
  }

  /** Takes a one-time value out of the address, so a reload or a shared link does not reuse it. */
  #dropFragment(name: string): void {
    const url = new URL(location.href);
    const rest = url.hash
      .replace(/^#/, '')
      .split('&')
      .filter((part) => !part.startsWith(`${name}=`));
    url.hash = rest.length ? `#${rest.join('&')}` : '';
    history.replaceState(history.state, '', url.href);
  }

  async #adopt(run: number, session: FamilySession, via: SignedInDetail['via']): Promise<void> {
    await this.#sessions!.adopt(session);
    if (run === this.#run) await this.#enter(run, session, via);
  }

  /** Signed in: load whom the family can write to and their conversations, and go live. */
  async #enter(run: number, session: FamilySession, via: SignedInDetail['via']): Promise<void> {
    const backend = this.#backend!;
    this.#channel = familyChannel(backend, this.#sessions!, session.family.id);
    this.#startStream();
    // The thread's code is fetched now, so opening a conversation does not wait for it.
    const threadLoaded = loadThreadUi();
    const [home] = await Promise.all([
      this.#sessions!.withAccess((t) => backend.familyHome(t)),
      this.#loadConversations(),
      threadLoaded.then((ui) => this.#ensureThread(ui)),
    ]);
    if (run !== this.#run) return;
    this.home = home;
    this.signIn = emptySignIn();
    this.#show('home');
    this.#host.emit(new TandemSignedInEvent({ familyId: session.family.id, name: session.family.name, via }));
    void this.#sweep();
  }

  async #loadConversations(): Promise<void> {
    const channel = this.#channel;
    if (!channel) return;
    const list = await channel.listConversations({ lang: this.#locale, studentId: this.#host.student || undefined });
    this.conversations = list.items;
    this.#host.requestUpdate();
  }

  #ensureThread(ui: typeof ThreadUi): ThreadUi.ThreadController {
    this.#host.adoptExtraStyles(ui.threadUiStyles);
    this.thread ??= new ui.ThreadController(this.#host, {
      channel: () => this.#channel,
      locale: () => this.#locale,
      onSent: (receipt, conversation, clientMessageId) => {
        conversation.lastMessage = {
          seq: receipt.message.seq,
          preview: receipt.message.body.slice(0, 140),
          senderKind: 'family',
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
      onError: (error) => this.#emitError(error),
    });
    return this.thread;
  }

  #startStream(): void {
    this.#stream?.stop();
    const channel = this.#channel!;
    this.#stream = new StreamClient({
      open: (lastEventId) => channel.openStream({ lang: this.#locale, lastEventId }),
      handlers: conversationStreamHandlers({
        reader: 'family',
        conversations: () => this.conversations,
        thread: () => this.thread,
        isOpen: (id) => this.phase === 'thread' && this.thread?.conversation?.id === id,
        onUnknownConversation: () => void this.#loadConversations().catch(() => undefined),
        requestUpdate: () => this.#host.requestUpdate(),
      }),
    });
    if (this.#host.isConnected) this.#stream.start();
  }

  readonly #sweeper = new OutboxSweeper(
    () => this.#host,
    () => this.#channel,
    (entry, receipt) => {
      const conversation = this.conversations.find((c) => c.id === entry.target);
      if (!conversation) return;
      conversation.lastMessage = {
        seq: receipt.message.seq,
        preview: receipt.message.body.slice(0, 140),
        senderKind: 'family',
        createdAt: receipt.message.createdAt,
      };
      this.#host.emit(
        new TandemMessageSentEvent({
          conversationId: conversation.id,
          messageId: receipt.message.id,
          clientMessageId: entry.id,
          availability: receipt.availability,
        }),
      );
      this.#host.requestUpdate();
    },
  );

  #sweep(): Promise<void> {
    return this.#sweeper.sweep();
  }

  #stopSession(): void {
    this.#sweeper.clear();
    this.#stream?.stop();
    this.#stream = undefined;
    this.#channel = undefined;
    this.thread?.close();
  }

  #signedOut(reason: SignedOutReason): void {
    const wasIn = this.phase === 'home' || this.phase === 'thread';
    this.#stopSession();
    this.home = undefined;
    this.conversations = [];
    this.signIn = emptySignIn();
    if (reason === 'expired') this.signIn.note = msg('Your session has ended. Please sign in again.', { id: 'messages.session-ended' });
    void this.#show('signed-out', wasIn);
    this.#host.emit(new TandemSignedOutEvent({ reason }));
  }

  async signOut(): Promise<void> {
    await this.#sessions?.signOut();
  }

  #fail(error: unknown): void {
    if (isUnauthorized(error)) return;
    this.loadError = error instanceof Error ? error : new Error(String(error));
    this.#emitError(this.loadError);
    this.#show('load-error');
    // Opened offline: start again by itself when the connection returns.
    if (this.loadError instanceof BackendError && this.loadError.kind === 'offline') {
      window.addEventListener('online', () => this.phase === 'load-error' && void this.start(), { once: true });
    }
  }

  #emitError(error: Error): void {
    this.#host.emit('tandem-error', { error, message: backendErrorMessage(error) });
  }

  async #show(phase: FamilyPhase, focus = this.#host.matches(':focus-within')): Promise<void> {
    this.phase = phase;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (focus) this.#host.renderRoot.querySelector<HTMLElement>('#state-heading, #home-heading')?.focus();
  }

  // ---- sign-in ---------------------------------------------------------------------------------

  readonly #changeSignIn = (patch: Partial<SignInState>) => {
    this.signIn = { ...this.signIn, ...patch };
    this.#host.requestUpdate();
  };

  readonly #signInWithCode = async () => {
    const backend = this.#backend;
    const state = this.signIn;
    if (!backend || state.busy) return;
    if (!normalizeInviteCode(state.code)) {
      this.#changeSignIn({ codeError: msg('Please type the invite code from the school.', { id: 'messages.sign-in.code-required' }) });
      return this.#focus('#invite-code');
    }
    if (state.needsName && !state.name.trim()) {
      this.#changeSignIn({ nameError: msg('Please write your name.', { id: 'messages.sign-in.name-required' }) });
      return this.#focus('#family-name');
    }
    this.#changeSignIn({ busy: true, codeError: undefined, nameError: undefined, note: undefined });
    const run = this.#run;
    try {
      const session = await backend.signInWithInvite({
        code: state.code,
        locale: this.#locale,
        ...(state.needsName
          ? { name: state.name.trim(), ...(state.studentName.trim() ? { studentName: state.studentName.trim() } : {}) }
          : {}),
      });
      this.#changeSignIn({ busy: false });
      await this.#adopt(run, session, 'invite');
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      const asksName = failure instanceof BackendError && failure.fieldErrors.some((e) => e.pointer === '/name');
      if (asksName) {
        this.#changeSignIn({
          busy: false,
          needsName: true,
          nameError: state.needsName ? msg('Please write your name.', { id: 'messages.sign-in.name-required' }) : undefined,
        });
        return this.#focus('#family-name');
      }
      this.#changeSignIn({
        busy: false,
        codeError: isUnauthorized(failure)
          ? msg('This code was not accepted: it may be mistyped, used up or expired. Check it, or ask the school for a new one.', {
              id: 'messages.sign-in.code-refused',
            })
          : backendErrorMessage(failure),
      });
      this.#emitError(failure);
      return this.#focus('#invite-code');
    }
  };

  readonly #requestEmail = async () => {
    const backend = this.#backend;
    const organization = this.#host.organization;
    const email = this.signIn.email.trim();
    if (!backend || !organization || this.signIn.busy) return;
    if (!EMAIL_PATTERN.test(email)) {
      this.#changeSignIn({
        emailError: msg('Please check the email address, for example name@example.org.', { id: 'messages.sign-in.email-invalid' }),
      });
      return this.#focus('#sign-in-email');
    }
    this.#changeSignIn({ busy: true, emailError: undefined, emailSent: false });
    const here = location.href.split('#')[0]!;
    const returnUrl = /^https?:/.test(here) ? here : undefined;
    try {
      try {
        await backend.requestEmailLink({ organization, email, locale: this.#locale, ...(returnUrl ? { returnUrl } : {}) });
      } catch (error) {
        // This page is not one the server may send links to: the link leads to the server's own sign-in page instead.
        const refusedPage = error instanceof BackendError && error.fieldErrors.some((e) => e.pointer === '/returnUrl');
        if (!refusedPage) throw error;
        await backend.requestEmailLink({ organization, email, locale: this.#locale });
      }
      this.#changeSignIn({ busy: false, emailSent: true });
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.#changeSignIn({ busy: false, emailError: backendErrorMessage(failure) });
      this.#emitError(failure);
    }
  };

  async #focus(selector: string): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ---- list and thread ---------------------------------------------------------------------------

  /** Conversations first (most recent first), then contacts not written to yet. */
  get items(): Item[] {
    const home = this.home;
    if (!home) return [];
    const school = this.#host.school;
    const student = this.#host.student;
    const studentName = (id: string | undefined) => home.family.students.find((s) => s.id === id)?.name;
    const items: Item[] = [];
    const schools = home.schools.filter((s) => !school || s.id === school);
    for (const conversation of this.conversations) {
      if (!schools.some((s) => s.id === conversation.schoolId)) continue;
      if (student && conversation.student && conversation.student.id !== student) continue;
      items.push({
        key: conversation.id,
        name: conversation.with.name,
        details: [conversation.schoolName, conversation.student?.name].filter((d): d is string => !!d),
        unread: conversation.unread,
        preview: conversation.lastMessage?.preview,
        conversation,
      });
    }
    for (const s of schools) {
      for (const contact of s.contacts) {
        const has = this.conversations.some((c) => c.schoolId === s.id && c.with.kind === contact.kind && c.with.id === contact.id);
        if (has) continue;
        items.push({
          key: `${s.id}|${contact.kind}|${contact.id ?? ''}`,
          name: contact.name,
          details: [s.name, studentName(student)].filter((d): d is string => !!d),
          unread: 0,
          start: { schoolId: s.id, staffUserId: contact.id },
        });
      }
    }
    return items;
  }

  readonly #open = async (key: string) => {
    const item = this.items.find((i) => i.key === key);
    if (!item) return;
    this.#openedFrom = key;
    try {
      let conversation = item.conversation;
      if (!conversation && item.start) {
        const channelBackend = this.#backend!;
        const student = this.#host.student;
        conversation = await this.#sessions!.withAccess((t) =>
          channelBackend.openFamilyConversation(t, {
            schoolId: item.start!.schoolId,
            ...(item.start!.staffUserId ? { staffUserId: item.start!.staffUserId } : {}),
            ...(student ? { studentId: student } : {}),
          }),
        );
        this.conversations = [conversation, ...this.conversations.filter((c) => c.id !== conversation!.id)];
        this.#openedFrom = conversation.id;
      }
      if (!conversation) return;
      const thread = this.#ensureThread(await loadThreadUi());
      const opening = thread.open(conversation);
      this.phase = 'thread';
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      this.#host.renderRoot.querySelector<HTMLElement>('#thread-heading')?.focus();
      await opening;
    } catch (error) {
      this.#emitError(error instanceof Error ? error : new Error(String(error)));
    }
  };

  readonly #back = async () => {
    this.thread?.close();
    void this.#sweep();
    this.phase = 'home';
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const button = [...this.#host.renderRoot.querySelectorAll<HTMLElement>('[part~="conversation"]')].find(
      (b) => b.dataset['key'] === this.#openedFrom,
    );
    (button ?? this.#host.renderRoot.querySelector<HTMLElement>('#home-heading'))?.focus();
  };

  readonly #send = async () => {
    await this.thread?.send();
  };

  // ---- render ------------------------------------------------------------------------------------

  #notice(schoolId: string | undefined) {
    const text = this.home?.schools.find((s) => s.id === schoolId)?.emergencyNotice;
    if (!text) return nothing;
    const picked = pickText(text, this.#locale, 'en');
    return html`<p class="notice" part="notice" lang=${picked.locale} dir="auto">${picked.text}</p>`;
  }

  render() {
    switch (this.phase) {
      case 'loading':
        return html`<div part="body" class="body skeleton" aria-busy="true"></div>
          <p class="visually-hidden" role="status">${msg('Loading messages…', { id: 'messages.loading' })}</p>`;
      case 'no-backend':
        return html`<div part="body" class="body">
          <h3 id="state-heading" tabindex="-1">${msg('Messages are not available yet', { id: 'messages.no-backend-heading' })}</h3>
          <tandem-status tone="warning"
            >${notConnectedMessage()} ${msg('Please contact the school.', { id: 'messages.no-backend' })}</tandem-status
          >
        </div>`;
      case 'load-error':
        return html`<div part="body" class="body">
          <h3 id="state-heading" tabindex="-1">${msg('Messages could not be loaded', { id: 'messages.load-error-heading' })}</h3>
          <tandem-status tone="error">${backendErrorMessage(this.loadError ?? new Error(''))}</tandem-status>
          <div>
            <button type="button" class="button" part="action" @click=${() => void this.start()}>
              ${msg('Try again', { id: 'messages.retry' })}
            </button>
          </div>
        </div>`;
      case 'signed-out':
        return renderSignIn({
          state: this.signIn,
          offerEmail: !!this.#host.organization,
          onChange: this.#changeSignIn,
          onSignIn: () => void this.#signInWithCode(),
          onEmail: () => void this.#requestEmail(),
        });
      default:
        return html`${this.#renderHeader()}${
          this.phase === 'thread' && this.thread?.conversation && threadUi ? this.#renderThread(threadUi, this.thread) : this.#renderHome()
        }`;
    }
  }

  #renderHeader() {
    const family = this.home?.family;
    return html`<div class="header" part="header">
      <p class="who">
        <span class="muted small">${msg('Signed in as', { id: 'messages.signed-in-as' })}</span>
        <span class="who-name">${family?.name ?? ''}</span>
      </p>
      <button type="button" class="button" part="sign-out" @click=${() => void this.signOut()}>
        ${msg('Sign out', { id: 'messages.sign-out' })}
      </button>
    </div>`;
  }

  #renderHome() {
    const items = this.items;
    const schools = this.home?.schools.filter((s) => !this.#host.school || s.id === this.#host.school) ?? [];
    return html`<div part="body" class="body home">
      <h3 id="home-heading" tabindex="-1">${msg('Messages', { id: 'messages.heading' })}</h3>
      ${renderConversationList(items, (key) => void this.#open(key), msg('Conversations', { id: 'messages.conversations-label' }))}
      ${schools.length === 1 ? this.#notice(schools[0]!.id) : nothing}
    </div>`;
  }

  #renderThread(ui: typeof ThreadUi, thread: ThreadUi.ThreadController) {
    const conversation = thread.conversation!;
    return ui.renderThread({
      thread,
      locale: this.#locale,
      title: conversation.with.name,
      subtitle: [conversation.schoolName, conversation.student?.name].filter(Boolean).join(' · '),
      notice: this.#notice(conversation.schoolId),
      afterSend: thread.lastReceipt
        ? ui.availabilityNotice(conversation.with.name, thread.lastReceipt.availability, this.#locale)
        : undefined,
      onBack: () => void this.#back(),
      onSend: () => void this.#send(),
    });
  }
}
