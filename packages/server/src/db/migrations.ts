/** The one migration set, written with Kysely's schema builder so it runs unchanged on SQLite and PostgreSQL. */
import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { messagingMigration } from './migrations/0004-messages.js';
import { consoleAuthMigration } from './migrations/0006-console-auth.js';
import { sessionIdentityKeyMigration } from './migrations/0005-session-identity-key.js';
import { embedOriginsMigration } from './migrations/0008-embed-origins.js';
import { ltiMigration } from './migrations/0007-lti.js';

const initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('organizations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('schools')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('schools_organization_idx').on('schools').column('organization_id').execute();

    await db.schema
      .createTable('staff_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sqlRoleCheck()))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sqlRoleCheck()))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('surveys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
      .addColumn('status', 'text', (c) => c.notNull().check(statusCheck()))
      .addColumn('default_locale', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('closed_at', 'text')
      .execute();
    await db.schema.createIndex('surveys_organization_idx').on('surveys').columns(['organization_id', 'created_at']).execute();

    await db.schema
      .createTable('survey_responses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('school_id', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('family_id', 'text')
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('survey_responses_survey_idx').on('survey_responses').columns(['survey_id', 'submitted_at']).execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer', (c) => c.notNull())
      .addColumn('response_body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
      .execute();
    await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').column('created_at').execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ['idempotency_keys', 'survey_responses', 'surveys', 'api_tokens', 'staff_users', 'schools', 'organizations']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};

function sqlRoleCheck() {
  return sql`role in ('admin', 'staff')`;
}
function statusCheck() {
  return sql`status in ('draft', 'published', 'closed')`;
}

/**
 * Events, their sessions and family RSVPs. Places are counted from confirmed RSVPs while the session
 * row is locked, so no counter can drift; `queue_seq` orders the waitlist within a session.
 */
const events: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'cancelled')`))
      .addColumn('default_locale', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('cancelled_at', 'text')
      .execute();
    await db.schema.createIndex('events_organization_idx').on('events').columns(['organization_id', 'created_at']).execute();
    await db.schema.createIndex('events_school_idx').on('events').columns(['school_id', 'status']).execute();

    await db.schema
      .createTable('event_sessions')
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer')
      .addPrimaryKeyConstraint('event_sessions_pk', ['event_id', 'id'])
      .execute();

    await db.schema
      .createTable('rsvps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('school_id', 'text', (c) => c.notNull())
      .addColumn('response', 'text', (c) => c.notNull().check(sql`response in ('going', 'maybe', 'not-going')`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'declined', 'cancelled')`))
      .addColumn('adults', 'integer', (c) => c.notNull())
      .addColumn('children', 'integer', (c) => c.notNull())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('needs', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('family_id', 'text')
      .addColumn('edit_token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('queue_seq', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('cancelled_at', 'text')
      .addColumn('attended_at', 'text')
      .execute();
    await db.schema.createIndex('rsvps_session_idx').on('rsvps').columns(['event_id', 'session_id', 'status', 'queue_seq']).execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ['rsvps', 'event_sessions', 'events']) await db.schema.dropTable(table).ifExists().execute();
  },
};

/**
 * Community resources and take-home lessons, with what families send back about them. Content is
 * JSON text as for surveys and events; the columns beside it are the ones lists filter on.
 */
const resourcesAndLessons: Migration = {
  async up(db: Kysely<any>) {
    const draftOrPublished = sql`status in ('draft', 'published')`;
    await db.schema
      .createTable('resources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('external_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(draftOrPublished))
      .addColumn('default_locale', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .execute();
    await db.schema.createIndex('resources_organization_idx').on('resources').columns(['organization_id', 'status', 'category']).execute();
    // Several NULLs are allowed by both dialects, so only imported resources are held to one row per HSDS id.
    await db.schema.createIndex('resources_external_idx').on('resources').columns(['organization_id', 'external_id']).unique().execute();

    await db.schema
      .createTable('resource_feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('helpful', 'integer', (c) => c.notNull().check(sql`helpful in (0, 1)`))
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('resource_feedback_resource_idx').on('resource_feedback').columns(['resource_id', 'created_at']).execute();

    await db.schema
      .createTable('lessons')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull().check(draftOrPublished))
      .addColumn('default_locale', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .execute();
    await db.schema.createIndex('lessons_organization_idx').on('lessons').columns(['organization_id', 'created_at']).execute();

    await db.schema
      .createTable('lesson_completions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('reflection', 'text')
      .addColumn('completed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('lesson_completions_lesson_idx').on('lesson_completions').columns(['lesson_id', 'completed_at']).execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ['lesson_completions', 'lessons', 'resource_feedback', 'resources'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};

/** Migrations in order; names sort lexically, so keep the numeric prefix. */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_events': events,
  '0003_resources_lessons': resourcesAndLessons,
  '0004_messages': messagingMigration,
  '0006_console_auth': consoleAuthMigration,
  '0005_session_identity_key': sessionIdentityKeyMigration,
  '0008_embed_origins': embedOriginsMigration,
  '0007_lti': ltiMigration,
};

class InCodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Brings the database to the latest schema; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; on PostgreSQL another
  // schema's tables (another app, or a concurrent test run) would then stand in for ours. Pin them to ours.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider(), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
