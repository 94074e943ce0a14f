/**
 * Migration 0008: the sites allowed to embed each organization's widgets, and what the console's audit
 * screen needs from the audit log (the target's label, and the schools an entry concerns, so school admins
 * read their schools' entries). SQLite and PostgreSQL alike.
 */
import type { Kysely, Migration } from 'kysely';

export const embedOriginsMigration: Migration = {
  async up(db: Kysely<any>) {
    // One row per allowed site; no rows means any site may embed (as before this migration).
    await db.schema
      .createTable('embed_origins')
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('embed_origins_pk', ['organization_id', 'origin'])
      .execute();

    await db.schema.alterTable('audit_log').addColumn('target_label', 'text').execute();
    // A resource or lesson may list several schools, so an entry's schools are rows of their own.
    await db.schema
      .createTable('audit_log_schools')
      .addColumn('audit_id', 'text', (c) => c.notNull().references('audit_log.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('school_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('audit_log_schools_pk', ['audit_id', 'school_id'])
      .execute();
    await db.schema.createIndex('audit_log_schools_school_idx').on('audit_log_schools').columns(['organization_id', 'school_id']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('audit_log_schools').ifExists().execute();
    await db.schema.alterTable('audit_log').dropColumn('target_label').execute();
    await db.schema.dropTable('embed_origins').ifExists().execute();
  },
};
