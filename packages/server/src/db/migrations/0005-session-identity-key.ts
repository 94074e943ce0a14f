/**
 * Migration 0005: a family session remembers the identity key that signed the token it started with,
 * so revoking a leaked or retired key also ends the sessions that key let in. Sessions started before
 * this migration (and by invite code or email link) have none.
 */
import type { Kysely, Migration } from 'kysely';

export const sessionIdentityKeyMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('family_sessions').addColumn('identity_key_id', 'text').execute();
    await db.schema.createIndex('family_sessions_identity_key_idx').on('family_sessions').column('identity_key_id').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('family_sessions_identity_key_idx').ifExists().execute();
    await db.schema.alterTable('family_sessions').dropColumn('identity_key_id').execute();
  },
};
