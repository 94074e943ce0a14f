/** TypeBox schemas for conversations, messages, read receipts, office hours and the family's home view. */
import { Type } from '@sinclair/typebox';
import { MESSAGE_BODY_MAX, MESSAGE_STATES, SENDER_KINDS, TRANSLATION_STATUSES } from '../message.js';
import { FamilyProfile } from './identity.js';
import { LocaleCode, LocalizedText } from './locales.js';
import { ResourceSchedule } from './resource.js';
import { Id } from './survey.js';

const Instant = Type.String({ format: 'date-time' });
const Seq = Type.Integer({ minimum: 1, description: 'Position in the server-wide message log; later messages have larger numbers' });

export const MessageTranslation = Type.Object({
  status: Type.Union(TRANSLATION_STATUSES.map((s) => Type.Literal(s))),
  /** The reader's language. */
  locale: Type.String(),
  text: Type.Optional(Type.String()),
  provider: Type.Optional(Type.String()),
});

export const Message = Type.Object({
  id: Type.String(),
  seq: Seq,
  conversationId: Type.String(),
  sender: Type.Object({ kind: Type.Union(SENDER_KINDS.map((k) => Type.Literal(k))), id: Type.String(), name: Type.String() }),
  /** The original text, as written. */
  body: Type.String(),
  /** The language it was written in. */
  locale: Type.String(),
  clientMessageId: Type.Optional(Type.String()),
  createdAt: Instant,
  state: Type.Union(MESSAGE_STATES.map((s) => Type.Literal(s))),
  /** Present when the reader's language differs from `locale`. */
  translation: Type.Optional(MessageTranslation),
});

/** Oldest first; `before` fetches the previous page. */
export const MessagePage = Type.Object({
  items: Type.Array(Message),
  hasMore: Type.Boolean(),
  /** Pass as `?before=` to get older messages. */
  before: Type.Optional(Seq),
});

export const MessageInput = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: MESSAGE_BODY_MAX * 2 }),
    locale: LocaleCode,
    /** The client's own id (e.g. its outbox entry), kept for ordering and matching. */
    clientMessageId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

/** When a reply can be expected: now (`open`), or at the next opening on the staff member's or office's own clock. */
export const Availability = Type.Object({
  open: Type.Boolean(),
  /** No office hours set: no promise either way. */
  hoursSet: Type.Boolean(),
  timeZone: Type.Optional(Type.String()),
  nextOpening: Type.Optional(Type.Object({ weekday: Type.Integer(), time: Type.String(), date: Type.String(), inDays: Type.Integer() })),
});

export const MessageReceipt = Type.Object({
  message: Message,
  availability: Availability,
  /** The school's standing notice (not for emergencies; whom to call). */
  emergencyNotice: Type.Optional(LocalizedText),
});

export const ConversationPeer = Type.Object({
  kind: Type.Union([Type.Literal('staff'), Type.Literal('office')]),
  id: Type.Optional(Type.String()),
  name: Type.String(),
});

export const Conversation = Type.Object({
  id: Type.String(),
  schoolId: Type.String(),
  schoolName: Type.String(),
  student: Type.Optional(Type.Object({ id: Type.String(), name: Type.String() })),
  /** Who the family talks to. */
  with: ConversationPeer,
  family: Type.Object({ id: Type.String(), name: Type.String(), locale: Type.String() }),
  /** Messages from the other side the reader has not read. */
  unread: Type.Integer({ minimum: 0 }),
  lastMessage: Type.Optional(Type.Object({ seq: Seq, preview: Type.String(), senderKind: Type.String(), createdAt: Instant })),
  availability: Availability,
  createdAt: Instant,
});
export const ConversationList = Type.Object({ items: Type.Array(Conversation) });

/** Opens (or finds) the family's conversation with a staff member, or with the office when `staffUserId` is absent. */
export const ConversationInput = Type.Object(
  { schoolId: Id, staffUserId: Type.Optional(Type.String({ maxLength: 64 })), studentId: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

export const ReadInput = Type.Object({ upToSeq: Type.Optional(Seq) }, { additionalProperties: false });
export const ReadReceipt = Type.Object({
  conversationId: Type.String(),
  readerKind: Type.Union(SENDER_KINDS.map((k) => Type.Literal(k))),
  lastReadSeq: Type.Integer({ minimum: 0 }),
  readAt: Instant,
});

export const OfficeHours = Type.Object(
  { timeZone: Type.String({ minLength: 1, maxLength: 64 }), schedule: ResourceSchedule },
  { additionalProperties: false },
);

export const SchoolMessagingInput = Type.Object(
  {
    emergencyNotice: Type.Optional(LocalizedText),
    officeHours: Type.Optional(OfficeHours),
    officeName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const SchoolMessaging = Type.Object({
  schoolId: Type.String(),
  officeName: Type.String(),
  emergencyNotice: Type.Optional(LocalizedText),
  officeHours: Type.Optional(OfficeHours),
});

/** Adds a staff member to a school's messaging, with their own hours. */
export const StaffMessagingInput = Type.Object({ officeHours: Type.Optional(OfficeHours) }, { additionalProperties: false });
export const StaffMessaging = Type.Object({
  schoolId: Type.String(),
  staffUserId: Type.String(),
  name: Type.String(),
  officeHours: Type.Optional(OfficeHours),
});

const Contact = Type.Object({
  kind: Type.Union([Type.Literal('staff'), Type.Literal('office')]),
  id: Type.Optional(Type.String()),
  name: Type.String(),
  availability: Availability,
});

/** What the message box shows before a thread: who the family is, whom they can write to, and each school's notice. */
export const FamilyHome = Type.Object({
  family: FamilyProfile,
  schools: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      emergencyNotice: Type.Optional(LocalizedText),
      contacts: Type.Array(Contact),
    }),
  ),
});

/** `?before=SEQ` (older page) and `?lang=` (the reader's language, default their saved one). */
export const MessagePageQuery = Type.Object(
  { before: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })), lang: Type.Optional(LocaleCode) },
  { additionalProperties: false },
);
export const ConversationListQuery = Type.Object(
  { lang: Type.Optional(LocaleCode), studentId: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
/** `?ticket=` for EventSource; `?lang=` for translations on the stream; `?lastEventId=` for clients that cannot send Last-Event-ID. */
export const StreamQuery = Type.Object(
  {
    ticket: Type.Optional(Type.String({ maxLength: 200 })),
    lang: Type.Optional(LocaleCode),
    lastEventId: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
  },
  { additionalProperties: false },
);
