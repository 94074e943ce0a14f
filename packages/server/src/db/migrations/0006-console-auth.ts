/**
 * Migration 0006: the staff console's sign-in (server-side sessions, password reset tokens, sign-in
 * throttling), school admins (a role on school membership) and the audit log, for SQLite and PostgreSQL alike.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const consoleAuthMigration: Migration = {
  async up(db: Kysely<any>) {
    const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
    const staffUser = (c: any) => c.notNull().references('staff_users.id').onDelete('cascade');

    // Existing members stay plain staff; an admin of one school is a member whose role says so.
    await db.schema
      .alterTable('staff_school_members')
      .addColumn('role', 'text', (c) =>
        c
          .notNull()
          .defaultTo('staff')
          .check(sql`role in ('admin', 'staff')`),
      )
      .execute();

    await db.schema
      .createTable('staff_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // SHA-256 of the cookie's secret: a copy of the database signs nobody in.
      .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
      .addColumn('organization_id', 'text', org)
      .addColumn('staff_user_id', 'text', staffUser)
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('revoke_reason', 'text')
      .execute();
    await db.schema.createIndex('staff_sessions_user_idx').on('staff_sessions').columns(['staff_user_id', 'revoked_at']).execute();

    await db.schema
      .createTable('password_reset_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('staff_user_id', 'text', staffUser)
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('password_reset_tokens_user_idx').on('password_reset_tokens').column('staff_user_id').execute();

    // Failed sign-ins per account (`account:<email>`) and per network (`ip:<address>`) within a window.
    await db.schema
      .createTable('sign_in_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('window_started_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull().check(sql`actor_kind in ('staff', 'token', 'system')`))
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text')
      .addColumn('target_id', 'text')
      .addColumn('details', 'text')
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('audit_log_organization_idx').on('audit_log').columns(['organization_id', 'at', 'id']).execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ['audit_log', 'sign_in_throttle', 'password_reset_tokens', 'staff_sessions']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
    await db.schema.alterTable('staff_school_members').dropColumn('role').execute();
  },
};
