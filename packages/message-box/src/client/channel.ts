/** One side of the conversation (family or staff), with its credentials bound in, so the thread and composer serve both widgets. */
import type { ConversationList, MessageInput, MessagePage, MessageReceipt, ReadReceipt, SenderKind } from '@tandem/protocol';
import type { EventSourceLike, MessagingBackend, PageRequest, StreamRequest } from './messaging-backend.js';
import type { FamilySessionStore } from './session-store.js';

export interface MessagingChannel {
  /** Who reads through this channel: their own messages are the other kind's to read. */
  readonly reader: SenderKind;
  /** Outbox backend key: server, and whose messages (family or token). */
  readonly outboxKey: string;
  listConversations(query: { lang: string; studentId?: string | undefined }): Promise<ConversationList>;
  listMessages(conversationId: string, page: PageRequest): Promise<MessagePage>;
  send(conversationId: string, input: MessageInput, idempotencyKey: string): Promise<MessageReceipt>;
  markRead(conversationId: string, upToSeq?: number): Promise<ReadReceipt>;
  openStream(request: StreamRequest): Promise<EventSourceLike>;
}

export function familyChannel(backend: MessagingBackend, sessions: FamilySessionStore, familyId: string): MessagingChannel {
  const as = sessions.withAccess.bind(sessions);
  return {
    reader: 'family',
    outboxKey: `${backend.key}|family:${familyId}`,
    listConversations: (query) => as((t) => backend.listFamilyConversations(t, query)),
    listMessages: (id, page) => as((t) => backend.listFamilyMessages(t, id, page)),
    send: (id, input, key) => as((t) => backend.sendFamilyMessage(t, id, input, key)),
    markRead: (id, upTo) => as((t) => backend.markFamilyRead(t, id, upTo)),
    openStream: (request) => as((t) => backend.openFamilyStream(t, request)),
  };
}

export function staffChannel(backend: MessagingBackend, token: () => string, staffKey: string): MessagingChannel {
  return {
    reader: 'staff',
    outboxKey: `${backend.key}|staff:${staffKey}`,
    listConversations: (query) => backend.getInbox(token(), query),
    listMessages: (id, page) => backend.listStaffMessages(token(), id, page),
    send: (id, input, key) => backend.sendStaffMessage(token(), id, input, key),
    markRead: (id, upTo) => backend.markStaffRead(token(), id, upTo),
    openStream: (request) => backend.openInboxStream(token(), request),
  };
}
