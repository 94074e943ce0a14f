/** The messaging contract the message box and the inbox talk to: family sign-in and threads, staff inbox and threads, event streams. */
import type {
  ConversationInput,
  ConversationList,
  Conversation,
  EmailLinkRequest,
  FamilyHome,
  FamilySession,
  InviteSessionRequest,
  MessageInput,
  MessagePage,
  MessageReceipt,
  ReadReceipt,
} from '@tandem/protocol';

/** What the widgets need of an `EventSource`: the browser's, or the in-memory backend's stand-in. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent | Event) => void): void;
  close(): void;
}

export interface StreamRequest {
  /** The reader's language, for translations on the stream. */
  lang: string;
  /** Resume after this event id (the last `seq` seen). */
  lastEventId?: number | undefined;
}

export interface PageRequest {
  lang: string;
  /** Older messages than this seq. */
  before?: number | undefined;
}

/** Bearer-authenticated calls take the access token (family) or API token (staff) first. */
export interface MessagingBackend {
  /** Identifies the server: outbox entries and stored sessions are kept per key. */
  readonly key: string;

  signInWithIdentity(organization: string, identityToken: string): Promise<FamilySession>;
  signInWithInvite(input: InviteSessionRequest): Promise<FamilySession>;
  signInWithEmailLink(token: string): Promise<FamilySession>;
  /** Always succeeds for a well-formed request, whether or not the address is known. */
  requestEmailLink(input: EmailLinkRequest): Promise<void>;
  refreshSession(refreshToken: string): Promise<FamilySession>;
  signOut(accessToken: string): Promise<void>;

  familyHome(accessToken: string): Promise<FamilyHome>;
  listFamilyConversations(accessToken: string, query: { lang: string; studentId?: string | undefined }): Promise<ConversationList>;
  openFamilyConversation(accessToken: string, input: ConversationInput): Promise<Conversation>;
  listFamilyMessages(accessToken: string, conversationId: string, page: PageRequest): Promise<MessagePage>;
  sendFamilyMessage(accessToken: string, conversationId: string, input: MessageInput, idempotencyKey: string): Promise<MessageReceipt>;
  markFamilyRead(accessToken: string, conversationId: string, upToSeq?: number): Promise<ReadReceipt>;
  /** Trades the token for a one-use ticket and opens the family's event stream with it. */
  openFamilyStream(accessToken: string, request: StreamRequest): Promise<EventSourceLike>;

  getInbox(staffToken: string, query: { lang: string; studentId?: string | undefined }): Promise<ConversationList>;
  listStaffMessages(staffToken: string, conversationId: string, page: PageRequest): Promise<MessagePage>;
  sendStaffMessage(staffToken: string, conversationId: string, input: MessageInput, idempotencyKey: string): Promise<MessageReceipt>;
  markStaffRead(staffToken: string, conversationId: string, upToSeq?: number): Promise<ReadReceipt>;
  openInboxStream(staffToken: string, request: StreamRequest): Promise<EventSourceLike>;
  /** The whole thread as CSV (organization admins only). */
  exportConversation(staffToken: string, conversationId: string): Promise<Blob>;
}
