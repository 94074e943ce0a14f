/**
 * Row types of the identity and messaging tables, merged into DatabaseSchema by declaration merging so
 * the shared schema file stays untouched. Timestamps are ISO 8601 text; JSON is text.
 */
import type { Generated } from 'kysely';

export type SenderKind = 'family' | 'staff';

export interface ServerKeysTable {
  id: string;
  secret: string;
  created_at: string;
}

export interface IdentityKeysTable {
  id: string;
  organization_id: string;
  name: string;
  issuer: string;
  audience: string;
  kind: 'hs256' | 'jwk' | 'jwks';
  /** HS256 secret sealed with the server key; never returned by the API. */
  sealed_secret: string | null;
  /** JSON public JWK. */
  public_jwk: string | null;
  jwks_url: string | null;
  key_id: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface FamiliesTable {
  id: string;
  organization_id: string;
  school_id: string | null;
  name: string;
  email: string | null;
  locale: string;
  /** Host-signed families: the token's `iss` and `sub`; null for families staff registered. */
  issuer: string | null;
  subject: string | null;
  created_at: string;
  updated_at: string;
}

export interface FamilyStudentsTable {
  family_id: string;
  student_id: string;
  organization_id: string;
  name: string;
  school_id: string | null;
  class_name: string | null;
}

export interface FamilyInvitesTable {
  id: string;
  organization_id: string;
  school_id: string | null;
  kind: 'email-link' | 'family' | 'class';
  code_hash: string;
  family_id: string | null;
  class_name: string | null;
  return_url: string | null;
  max_uses: number;
  uses: number;
  expires_at: string;
  created_at: string;
}

export interface FamilySessionsTable {
  id: string;
  organization_id: string;
  family_id: string;
  via: 'identity' | 'email-link' | 'invite';
  /** The identity key that signed the sign-in token (migration 0005); revoking it ends the session. */
  identity_key_id?: string | null;
  created_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export interface FamilyTokensTable {
  token_hash: string;
  session_id: string;
  kind: 'access' | 'refresh';
  expires_at: string;
  /** Refresh tokens: when it was traded in; presenting it again is reuse. */
  used_at: string | null;
  created_at: string;
}

export interface StreamTicketsTable {
  ticket_hash: string;
  organization_id: string;
  subject_kind: SenderKind;
  /** The family session id, or the staff API token id. */
  subject_id: string;
  expires_at: string;
  used_at: string | null;
}

export interface StaffSchoolMembersTable {
  school_id: string;
  staff_user_id: string;
  organization_id: string;
  /** JSON OfficeHours. */
  office_hours: string | null;
  created_at: string;
}

export interface SchoolMessagingTable {
  school_id: string;
  organization_id: string;
  office_name: string | null;
  /** JSON LocalizedText. */
  emergency_notice: string | null;
  /** JSON OfficeHours. */
  office_hours: string | null;
  updated_at: string;
}

export interface ConversationsTable {
  id: string;
  organization_id: string;
  school_id: string;
  family_id: string;
  /** Null: the school office. */
  staff_user_id: string | null;
  /** `<staff id or office>|<student id>`: one conversation per family, peer and student. */
  topic_key: string;
  student_id: string | null;
  student_name: string | null;
  created_at: string;
}

/** Every message and read receipt in commit order; `seq` is the event id streams resume from. */
export interface MessageLogTable {
  seq: Generated<number>;
  organization_id: string;
  conversation_id: string;
  family_id: string;
  school_id: string;
  staff_user_id: string | null;
  kind: 'message' | 'read';
  message_id: string | null;
  reader_kind: SenderKind | null;
  read_seq: number | null;
  created_at: string;
}

export interface MessagesTable {
  id: string;
  seq: number;
  organization_id: string;
  conversation_id: string;
  sender_kind: SenderKind;
  sender_id: string;
  sender_name: string;
  body: string;
  locale: string;
  client_message_id: string | null;
  created_at: string;
}

export interface ConversationReadsTable {
  conversation_id: string;
  reader_kind: SenderKind;
  last_read_seq: number;
  read_at: string;
}

export interface MessageTranslationsTable {
  message_id: string;
  locale: string;
  text: string;
  provider: string;
  created_at: string;
}

declare module '../db/schema.js' {
  interface DatabaseSchema {
    server_keys: ServerKeysTable;
    identity_keys: IdentityKeysTable;
    families: FamiliesTable;
    family_students: FamilyStudentsTable;
    family_invites: FamilyInvitesTable;
    family_sessions: FamilySessionsTable;
    family_tokens: FamilyTokensTable;
    stream_tickets: StreamTicketsTable;
    staff_school_members: StaffSchoolMembersTable;
    school_messaging: SchoolMessagingTable;
    conversations: ConversationsTable;
    message_log: MessageLogTable;
    messages: MessagesTable;
    conversation_reads: ConversationReadsTable;
    message_translations: MessageTranslationsTable;
  }
  interface ApiTokensTable {
    /** The staff member a token acts for (their inbox); null for automation tokens. */
    staff_user_id?: string | null;
  }
  interface StaffUsersTable {
    /** The language the staff member reads messages in; null reads as English. */
    locale?: string | null;
  }
}
