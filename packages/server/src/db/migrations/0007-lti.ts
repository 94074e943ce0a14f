/**
 * Migration 0007: LTI 1.3 (Tandem as a tool inside an LMS): the tool's own signing keys, the
 * organizations' LMS registrations, login states and the nonce replay store (in the database, so any
 * server process can finish a launch another began), LTI users and their Tandem identities, courses
 * seen at launch with their roster URL, course members and mentor links, and deep-linking sessions.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const ltiMigration: Migration = {
  async up(db: Kysely<any>) {
    const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
    const registration = (c: any) => c.notNull().references('lti_registrations.id').onDelete('cascade');

    await db.schema
      .createTable('lti_tool_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      // The private JWK, sealed with the server key; never served.
      .addColumn('sealed_private_jwk', 'text', (c) => c.notNull())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .execute();

    await db.schema
      .createTable('lti_registrations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', org)
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('deployment_ids', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'disabled')`))
      .addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('dynamic', 'manual')`))
      .addColumn('platform_name', 'text')
      .addColumn('school_id', 'text', (c) => c.references('schools.id'))
      .addColumn('authorization_endpoint', 'text', (c) => c.notNull())
      .addColumn('token_endpoint', 'text', (c) => c.notNull())
      .addColumn('jwks_uri', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text')
      .addColumn('disabled_at', 'text')
      .execute();
    // A platform's client id names one tool install, whichever organization registered it.
    await db.schema.createIndex('lti_registrations_client_idx').on('lti_registrations').columns(['issuer', 'client_id']).unique().execute();
    await db.schema.createIndex('lti_registrations_organization_idx').on('lti_registrations').column('organization_id').execute();

    await db.schema
      .createTable('lti_login_states')
      // SHA-256 of the state: a copy of the database cannot finish someone's launch.
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('registration_id', 'text', registration)
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('target_link_uri', 'text', (c) => c.notNull())
      .addColumn('storage_target', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('lti_login_states_expires_idx').on('lti_login_states').column('expires_at').execute();

    await db.schema
      .createTable('lti_used_nonces')
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lti_used_nonces_pk', ['issuer', 'nonce'])
      .execute();
    await db.schema.createIndex('lti_used_nonces_expires_idx').on('lti_used_nonces').column('expires_at').execute();

    await db.schema
      .createTable('lti_users')
      .addColumn('registration_id', 'text', registration)
      .addColumn('lti_user_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', org)
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('staff', 'student', 'mentor')`))
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('staff_user_id', 'text', (c) => c.references('staff_users.id').onDelete('set null'))
      .addColumn('family_id', 'text', (c) => c.references('families.id').onDelete('set null'))
      // The student id family records use for this learner (stable, derived from the LTI user id).
      .addColumn('student_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lti_users_pk', ['registration_id', 'lti_user_id'])
      .execute();

    await db.schema
      .createTable('lti_mentor_links')
      .addColumn('registration_id', 'text', registration)
      .addColumn('mentor_user_id', 'text', (c) => c.notNull())
      .addColumn('student_user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lti_mentor_links_pk', ['registration_id', 'mentor_user_id', 'student_user_id'])
      .execute();

    await db.schema
      .createTable('lti_contexts')
      .addColumn('registration_id', 'text', registration)
      .addColumn('context_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', org)
      .addColumn('title', 'text')
      .addColumn('memberships_url', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lti_contexts_pk', ['registration_id', 'context_id'])
      .execute();
    await db.schema.createIndex('lti_contexts_organization_idx').on('lti_contexts').columns(['organization_id', 'context_id']).execute();

    await db.schema
      .createTable('lti_context_members')
      .addColumn('registration_id', 'text', registration)
      .addColumn('context_id', 'text', (c) => c.notNull())
      .addColumn('lti_user_id', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lti_context_members_pk', ['registration_id', 'context_id', 'lti_user_id'])
      .execute();

    await db.schema
      .createTable('lti_deep_link_sessions')
      // SHA-256 of the secret the picker form carries.
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('registration_id', 'text', registration)
      .addColumn('deployment_id', 'text', (c) => c.notNull())
      .addColumn('return_url', 'text', (c) => c.notNull())
      .addColumn('data', 'text')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
  },
  async down(db: Kysely<any>) {
    for (const table of [
      'lti_deep_link_sessions',
      'lti_context_members',
      'lti_contexts',
      'lti_mentor_links',
      'lti_users',
      'lti_used_nonces',
      'lti_login_states',
      'lti_registrations',
      'lti_tool_keys',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
