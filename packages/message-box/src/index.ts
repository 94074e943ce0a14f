/** @tandem/message-box: family–school messaging. Import `@tandem/message-box/tandem-message-box.js` (and `/tandem-inbox.js`) to define the tags. */
export { TandemMessageBox } from './message-box.js';
export { TandemInbox } from './inbox.js';
export {
  TandemMessageSentEvent,
  TandemSignedInEvent,
  TandemSignedOutEvent,
  type MessageSentDetail,
  type SignedInDetail,
  type SignedOutDetail,
} from './message-box.events.js';
export type { EventSourceLike, MessagingBackend, PageRequest, StreamRequest } from './client/messaging-backend.js';
export { HttpMessagingBackend, type HttpMessagingOptions } from './client/http-messaging.js';
export {
  MemoryMessaging,
  MemoryEventSource,
  demoTranslate,
  type MemoryMessagingOptions,
  type Translate,
} from './client/memory-messaging.js';
export {
  FamilySessionStore,
  idbSessionStorage,
  memorySessionStorage,
  REFRESH_AHEAD_MS,
  type SessionStorage,
} from './client/session-store.js';
export { StreamClient, type StreamClientOptions, type StreamHandlers } from './client/stream-client.js';
export { linkParts } from './thread/linkify.js';
