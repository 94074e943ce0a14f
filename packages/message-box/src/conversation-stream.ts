/**
 * What a live message or read receipt changes on either side of the message box: the conversation list's preview
 * and unread count, then the open thread. The family app and the staff inbox differ only in who "we" are.
 */
import type { Conversation, Message, SenderKind } from '@tandem/protocol';
import type { StreamHandlers } from './client/stream-client.js';
import type * as ThreadUi from './thread/thread-ui.js';

export interface ConversationStreamView {
  /** Whose app this is: their own messages never count as unread, and their read receipts clear the count. */
  readonly reader: SenderKind;
  conversations(): Conversation[];
  thread(): ThreadUi.ThreadController | undefined;
  /** The thread is on screen, so new messages in it are read rather than counted. */
  isOpen(conversationId: string): boolean;
  /** A message for a conversation the list does not have yet: reload the list. */
  onUnknownConversation(): void;
  requestUpdate(): void;
}

const PREVIEW_LENGTH = 140;

export function conversationStreamHandlers(view: ConversationStreamView): StreamHandlers {
  return {
    onMessage(message: Message) {
      const conversation = view.conversations().find((c) => c.id === message.conversationId);
      if (!conversation) return view.onUnknownConversation();
      const thread = view.thread();
      if (conversation.lastMessage?.seq !== message.seq) {
        conversation.lastMessage = {
          seq: message.seq,
          preview: message.body.slice(0, PREVIEW_LENGTH),
          senderKind: message.sender.kind,
          createdAt: message.createdAt,
        };
        // A message the thread already holds arrived by another path (a page of history) and was counted then.
        const seen = view.isOpen(conversation.id) || thread?.messages.some((m) => m.id === message.id);
        if (message.sender.kind !== view.reader && !seen) conversation.unread += 1;
      }
      thread?.receive(message);
      view.requestUpdate();
    },
    onRead(receipt) {
      if (receipt.readerKind === view.reader) {
        const conversation = view.conversations().find((c) => c.id === receipt.conversationId);
        if (conversation) conversation.unread = 0;
      }
      view.thread()?.receiveRead(receipt);
      view.requestUpdate();
    },
  };
}
