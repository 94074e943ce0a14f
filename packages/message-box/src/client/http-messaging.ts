/**
 * MessagingBackend over Tandem's REST API, through core's HttpBackend (timeouts, retries, problem+json) with bearer
 * tokens, or — for the staff console on the server's own origin — with its session cookie and CSRF token.
 */
import { BackendError, HttpBackend, kindForStatus } from '@tandem/core';
import {
  CSRF_HEADER,
  routes,
  type Conversation,
  type ConversationInput,
  type ConversationList,
  type EmailLinkRequest,
  type FamilyHome,
  type FamilySession,
  type InviteSessionRequest,
  type MessageInput,
  type MessagePage,
  type MessageReceipt,
  type ReadReceipt,
  type RouteSpec,
  type StreamTicket,
} from '@tandem/protocol';
import type { EventSourceLike, MessagingBackend, PageRequest, StreamRequest } from './messaging-backend.js';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * A staff credential that is not an API token: "use the console session cookie, and send this CSRF token on writes".
 * It travels where staff tokens do (the MessagingBackend contract takes strings), so the inbox, its channel and its
 * outbox need no second code path; only this class reads it.
 */
const COOKIE_SESSION_PREFIX = 'cookie-session:';
export const cookieSessionCredential = (csrfToken: string): string => `${COOKIE_SESSION_PREFIX}${csrfToken}`;
const csrfTokenOf = (credential: string | undefined): string | undefined =>
  credential?.startsWith(COOKIE_SESSION_PREFIX) ? credential.slice(COOKIE_SESSION_PREFIX.length) : undefined;

/** Whether a server (a backend key or URL) is this page's own origin: only then may the session cookie be used. */
export function isPageOrigin(serverUrl: string): boolean {
  try {
    return new URL(serverUrl).origin === globalThis.location?.origin;
  } catch {
    return false;
  }
}

export interface HttpMessagingOptions {
  /** Injected by tests; defaults to the browser's EventSource. */
  eventSource?: (url: string) => EventSourceLike;
  fetch?: typeof fetch;
}

export class HttpMessagingBackend implements MessagingBackend {
  readonly #http: HttpBackend;
  readonly #eventSource: (url: string) => EventSourceLike;
  readonly #fetch: typeof fetch;
  #cookieHttp: HttpBackend | undefined;

  constructor(http: HttpBackend, options: HttpMessagingOptions = {}) {
    this.#http = http;
    this.#eventSource = options.eventSource ?? ((url) => new EventSource(url));
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /**
   * The same server through an HttpBackend that sends the page's cookies (core's leaves them out for public
   * routes), keeping its timeouts, retries and problem+json handling.
   */
  get #withCookies(): HttpBackend {
    this.#cookieHttp ??= new HttpBackend(this.#http.baseUrl, {
      fetch: (input, init) => this.#fetch(input, { ...init, mode: 'same-origin', credentials: 'same-origin' }),
    });
    return this.#cookieHttp;
  }

  get key(): string {
    return this.#http.key;
  }

  #call<T>(
    route: RouteSpec,
    params: Record<string, string>,
    token: string | undefined,
    options: Parameters<HttpBackend['request']>[2] = {},
  ) {
    const csrfToken = csrfTokenOf(token);
    if (csrfToken !== undefined) {
      if (!isPageOrigin(this.#http.baseUrl)) throw new BackendError('unauthorized', 'The console session only works on its own server.');
      const csrf: Record<string, string> = route.method === 'GET' ? {} : { [CSRF_HEADER]: csrfToken };
      return this.#withCookies.request<T>(route, params, { ...options, headers: { ...options.headers, ...csrf } });
    }
    return this.#http.request<T>(route, params, { ...options, headers: { ...options.headers, ...(token ? bearer(token) : {}) } });
  }

  signInWithIdentity(organization: string, identityToken: string): Promise<FamilySession> {
    return this.#call(routes.createIdentitySession, {}, undefined, { body: { organization, identityToken } });
  }

  signInWithInvite(input: InviteSessionRequest): Promise<FamilySession> {
    return this.#call(routes.createInviteSession, {}, undefined, { body: input });
  }

  signInWithEmailLink(token: string): Promise<FamilySession> {
    return this.#call(routes.createEmailLinkSession, {}, undefined, { body: { token } });
  }

  async requestEmailLink(input: EmailLinkRequest): Promise<void> {
    await this.#call(routes.requestEmailLink, {}, undefined, { body: input });
  }

  refreshSession(refreshToken: string): Promise<FamilySession> {
    return this.#call(routes.refreshFamilySession, {}, undefined, { body: { refreshToken } });
  }

  async signOut(accessToken: string): Promise<void> {
    await this.#call(routes.signOutFamily, {}, accessToken);
  }

  familyHome(accessToken: string): Promise<FamilyHome> {
    return this.#call(routes.getFamilyHome, {}, accessToken);
  }

  listFamilyConversations(accessToken: string, query: { lang: string; studentId?: string | undefined }): Promise<ConversationList> {
    return this.#call(routes.listFamilyConversations, {}, accessToken, { query });
  }

  openFamilyConversation(accessToken: string, input: ConversationInput): Promise<Conversation> {
    return this.#call(routes.openFamilyConversation, {}, accessToken, { body: input });
  }

  listFamilyMessages(accessToken: string, conversationId: string, page: PageRequest): Promise<MessagePage> {
    return this.#call(routes.listFamilyMessages, { conversationId }, accessToken, { query: pageQuery(page) });
  }

  sendFamilyMessage(accessToken: string, conversationId: string, input: MessageInput, idempotencyKey: string): Promise<MessageReceipt> {
    return this.#call(routes.sendFamilyMessage, { conversationId }, accessToken, { body: input, idempotencyKey });
  }

  markFamilyRead(accessToken: string, conversationId: string, upToSeq?: number): Promise<ReadReceipt> {
    return this.#call(routes.markFamilyRead, { conversationId }, accessToken, { body: upToSeq ? { upToSeq } : {} });
  }

  async openFamilyStream(accessToken: string, request: StreamRequest): Promise<EventSourceLike> {
    const { ticket } = await this.#call<StreamTicket>(routes.createFamilyStreamTicket, {}, accessToken);
    return this.#eventSource(this.#streamUrl(routes.familyStream, ticket, request));
  }

  getInbox(staffToken: string, query: { lang: string; studentId?: string | undefined }): Promise<ConversationList> {
    return this.#call(routes.getInbox, {}, staffToken, { query });
  }

  listStaffMessages(staffToken: string, conversationId: string, page: PageRequest): Promise<MessagePage> {
    return this.#call(routes.listStaffMessages, { conversationId }, staffToken, { query: pageQuery(page) });
  }

  sendStaffMessage(staffToken: string, conversationId: string, input: MessageInput, idempotencyKey: string): Promise<MessageReceipt> {
    return this.#call(routes.sendStaffMessage, { conversationId }, staffToken, { body: input, idempotencyKey });
  }

  markStaffRead(staffToken: string, conversationId: string, upToSeq?: number): Promise<ReadReceipt> {
    return this.#call(routes.markStaffRead, { conversationId }, staffToken, { body: upToSeq ? { upToSeq } : {} });
  }

  async openInboxStream(staffToken: string, request: StreamRequest): Promise<EventSourceLike> {
    const { ticket } = await this.#call<StreamTicket>(routes.createInboxStreamTicket, {}, staffToken);
    return this.#eventSource(this.#streamUrl(routes.inboxStream, ticket, request));
  }

  /** Not JSON, so fetched here rather than through request(); the bearer token keeps it out of a plain link. */
  async exportConversation(staffToken: string, conversationId: string): Promise<Blob> {
    const cookieSession = csrfTokenOf(staffToken) !== undefined;
    let response: Response;
    try {
      response = await this.#fetch(this.#http.url(routes.exportConversation, { conversationId }), {
        headers: { ...(cookieSession ? {} : bearer(staffToken)), Accept: 'text/csv, application/problem+json' },
        credentials: cookieSession ? 'same-origin' : 'omit',
        mode: cookieSession ? 'same-origin' : 'cors',
      });
    } catch (error) {
      throw new BackendError('offline', error instanceof Error ? error.message : 'Network request failed');
    }
    if (!response.ok) throw new BackendError(kindForStatus(response.status), `HTTP ${response.status}`, response.status);
    return response.blob();
  }

  /** EventSource sends no headers: the one-use ticket goes in the URL, and so does the resume point. */
  #streamUrl(route: RouteSpec, ticket: string, request: StreamRequest): string {
    const url = new URL(this.#http.url(route));
    url.searchParams.set('ticket', ticket);
    url.searchParams.set('lang', request.lang);
    if (request.lastEventId) url.searchParams.set('lastEventId', String(request.lastEventId));
    return url.href;
  }
}

function pageQuery(page: PageRequest): Record<string, string | undefined> {
  return { lang: page.lang, before: page.before === undefined ? undefined : String(page.before) };
}
