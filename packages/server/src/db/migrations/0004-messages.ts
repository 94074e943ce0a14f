/** Migration 0004: family identity (keys, families, invites, sessions) and two-way messages, for SQLite and PostgreSQL alike. */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

const TABLES = [
  'message_translations',
  'conversation_reads',
  'messages',
  'message_log',
  'conversations',
  'school_messaging',
  'staff_school_members',
  'stream_tickets',
  'family_tokens',
  'family_sessions',
  'family_invites',
  'family_students',
  'families',
  'identity_keys',
  'server_keys',
];

export const messagingMigration: Migration = {
  async up(db: Kysely<any>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');

    await db.schema
      .createTable('server_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('identity_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('hs256', 'jwk', 'jwks')`))
      .addColumn('sealed_secret', 'text')
      .addColumn('public_jwk', 'text')
      .addColumn('jwks_url', 'text')
      .addColumn('key_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('identity_keys_issuer_idx').on('identity_keys').columns(['organization_id', 'issuer']).execute();

    await db.schema
      .createTable('families')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('school_id', 'text', (c) => c.references('schools.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text')
      .addColumn('subject', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('families_subject_unique', ['organization_id', 'issuer', 'subject'])
      .execute();
    await db.schema.createIndex('families_email_idx').on('families').columns(['organization_id', 'email']).execute();

    await db.schema
      .createTable('family_students')
      .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
      .addColumn('student_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', org)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('school_id', 'text')
      .addColumn('class_name', 'text')
      .addPrimaryKeyConstraint('family_students_pk', ['family_id', 'student_id'])
      .execute();

    await db.schema
      .createTable('family_invites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('school_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email-link', 'family', 'class')`))
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('family_id', 'text', (c) => c.references('families.id').onDelete('cascade'))
      .addColumn('class_name', 'text')
      .addColumn('return_url', 'text')
      .addColumn('max_uses', 'integer', (c) => c.notNull())
      .addColumn('uses', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('family_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
      .addColumn('via', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoke_reason', 'text')
      .execute();

    await db.schema
      .createTable('family_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('family_sessions.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('access', 'refresh')`))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('family_tokens_session_idx').on('family_tokens').column('session_id').execute();

    await db.schema
      .createTable('stream_tickets')
      .addColumn('ticket_hash', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();

    await db.schema
      .createTable('staff_school_members')
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
      .addColumn('staff_user_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', org)
      .addColumn('office_hours', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('staff_school_members_pk', ['school_id', 'staff_user_id'])
      .execute();

    await db.schema
      .createTable('school_messaging')
      .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', org)
      .addColumn('office_name', 'text')
      .addColumn('emergency_notice', 'text')
      .addColumn('office_hours', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
      .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
      .addColumn('staff_user_id', 'text', (c) => c.references('staff_users.id'))
      .addColumn('topic_key', 'text', (c) => c.notNull())
      .addColumn('student_id', 'text')
      .addColumn('student_name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('conversations_topic_unique', ['family_id', 'school_id', 'topic_key'])
      .execute();
    await db.schema.createIndex('conversations_school_idx').on('conversations').columns(['organization_id', 'school_id']).execute();

    // One sequence for messages and receipts: it orders threads and is the event id streams resume from.
    await db.schema
      .createTable('message_log')
      .addColumn('seq', postgres ? 'serial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('organization_id', 'text', org)
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('family_id', 'text', (c) => c.notNull())
      .addColumn('school_id', 'text', (c) => c.notNull())
      .addColumn('staff_user_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('message', 'read')`))
      .addColumn('message_id', 'text')
      .addColumn('reader_kind', 'text')
      .addColumn('read_seq', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('message_log_family_idx').on('message_log').columns(['family_id', 'seq']).execute();
    await db.schema.createIndex('message_log_school_idx').on('message_log').columns(['school_id', 'seq']).execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull().unique())
      .addColumn('organization_id', 'text', org)
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('sender_kind', 'text', (c) => c.notNull().check(sql`sender_kind in ('family', 'staff')`))
      .addColumn('sender_id', 'text', (c) => c.notNull())
      .addColumn('sender_name', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('client_message_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('messages_conversation_idx').on('messages').columns(['conversation_id', 'seq']).execute();

    await db.schema
      .createTable('conversation_reads')
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('reader_kind', 'text', (c) => c.notNull())
      .addColumn('last_read_seq', 'integer', (c) => c.notNull())
      .addColumn('read_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversation_reads_pk', ['conversation_id', 'reader_kind'])
      .execute();

    await db.schema
      .createTable('message_translations')
      .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_translations_pk', ['message_id', 'locale'])
      .execute();

    await db.schema.alterTable('api_tokens').addColumn('staff_user_id', 'text').execute();
    await db.schema.alterTable('staff_users').addColumn('locale', 'text').execute();
  },
  async down(db: Kysely<any>) {
    for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
    await db.schema.alterTable('api_tokens').dropColumn('staff_user_id').execute();
    await db.schema.alterTable('staff_users').dropColumn('locale').execute();
  },
};
