/** Two-way family–staff messages: conversations, threads, read receipts, translation, office hours and the event stream. */
import type { Static } from '@sinclair/typebox';
import type { FieldError } from './problem.js';
import type * as Schemas from './schemas/message.js';

/** Longest message a family or staff member may send, in characters. */
export const MESSAGE_BODY_MAX = 5000;
/** Messages in one thread page. */
export const MESSAGE_PAGE_SIZE = 50;

export const SENDER_KINDS = ['family', 'staff'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

/** `sent`: stored on the server; `read`: the other side has read it. (Sending and waiting states live in the client's outbox.) */
export const MESSAGE_STATES = ['sent', 'read'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** `translated`: `text` holds it; `failed`: the provider did not answer, show the original; `unavailable`: no provider or no pair for these languages. */
export const TRANSLATION_STATUSES = ['translated', 'failed', 'unavailable'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

/**
 * Server-sent event names on the family and inbox streams. `ready` comes first on every connection and carries, as
 * its id, the point the stream starts from: a client that reconnects before any other event still resumes there.
 */
export const STREAM_EVENTS = { message: 'message', read: 'read', ready: 'ready' } as const;

export type MessageTranslation = Static<typeof Schemas.MessageTranslation>;
export type Message = Static<typeof Schemas.Message>;
export type MessagePage = Static<typeof Schemas.MessagePage>;
export type MessageInput = Static<typeof Schemas.MessageInput>;
export type MessageReceipt = Static<typeof Schemas.MessageReceipt>;
export type Availability = Static<typeof Schemas.Availability>;
export type ConversationPeer = Static<typeof Schemas.ConversationPeer>;
export type Conversation = Static<typeof Schemas.Conversation>;
export type ConversationList = Static<typeof Schemas.ConversationList>;
export type ConversationInput = Static<typeof Schemas.ConversationInput>;
export type ReadInput = Static<typeof Schemas.ReadInput>;
export type ReadReceipt = Static<typeof Schemas.ReadReceipt>;
export type OfficeHours = Static<typeof Schemas.OfficeHours>;
export type SchoolMessagingInput = Static<typeof Schemas.SchoolMessagingInput>;
export type SchoolMessaging = Static<typeof Schemas.SchoolMessaging>;
export type StaffMessagingInput = Static<typeof Schemas.StaffMessagingInput>;
export type StaffMessaging = Static<typeof Schemas.StaffMessaging>;
export type FamilyHome = Static<typeof Schemas.FamilyHome>;

/** Checks what a schema cannot: a message that is only whitespace is empty. */
export function validateMessage(input: Pick<MessageInput, 'body'>): FieldError[] {
  if (input.body.trim() === '') return [{ pointer: '/body', code: 'required', detail: 'Write a message first.' }];
  if ([...input.body].length > MESSAGE_BODY_MAX) {
    return [{ pointer: '/body', code: 'too-long', detail: `At most ${MESSAGE_BODY_MAX} characters.`, params: { max: MESSAGE_BODY_MAX } }];
  }
  return [];
}
