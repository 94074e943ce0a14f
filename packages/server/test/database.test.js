// Migrations, the demo seed and the health check, on SQLite and (with DATABASE_URL) PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { FAMILY_SURVEY_ID, PICNIC_SURVEY_ID, migrateToLatest, openDatabase, seedDemo } from '../dist/index.js';
import { countRows, databaseTargets } from './helpers.js';

const TABLES = [
  'organizations',
  'schools',
  'staff_users',
  'api_tokens',
  'surveys',
  'survey_responses',
  'idempotency_keys',
  'events',
  'event_sessions',
  'rsvps',
  'resources',
  'resource_feedback',
  'lessons',
  'lesson_completions',
  'identity_keys',
  'families',
  'family_students',
  'family_invites',
  'family_sessions',
  'family_tokens',
  'stream_tickets',
  'staff_school_members',
  'staff_sessions',
  'password_reset_tokens',
  'sign_in_throttle',
  'audit_log',
  'school_messaging',
  'conversations',
  'message_log',
  'messages',
  'conversation_reads',
  'message_translations',
  'lti_tool_keys',
  'lti_registrations',
  'lti_login_states',
  'lti_used_nonces',
  'lti_users',
  'lti_mentor_links',
  'lti_contexts',
  'lti_context_members',
  'lti_deep_link_sessions',
  'embed_origins',
  'audit_log_schools',
  'server_keys',
];

for (const target of databaseTargets()) {
  describe(`database on ${target.name}`, () => {
    let fixture;
    let database;
    before(async () => {
      fixture = await target.create();
      database = openDatabase(fixture.config);
    });
    after(async () => {
      await database.close();
      await fixture.cleanup();
    });

    it('migrates an empty database to every table, and a second run changes nothing', async () => {
      const applied = await migrateToLatest(database.db);
      assert.deepEqual(applied, [
        '0001_initial',
        '0002_events',
        '0003_resources_lessons',
        '0004_messages',
        '0005_session_identity_key',
        '0006_console_auth',
        '0007_lti',
        '0008_embed_origins',
      ]);
      for (const table of TABLES) assert.equal(await countRows(database.db, table), 0, `${table} exists and is empty`);
      assert.deepEqual(await migrateToLatest(database.db), []);
    });

    it('enforces unique organization slugs and the survey status check', async () => {
      const row = { id: 'o1', slug: 'dup', name: 'A', created_at: new Date().toISOString() };
      await database.db.insertInto('organizations').values(row).execute();
      await assert.rejects(
        database.db
          .insertInto('organizations')
          .values({ ...row, id: 'o2' })
          .execute(),
      );
      await database.db
        .insertInto('schools')
        .values({ id: 'dup-school', organization_id: 'o1', name: 'S', created_at: row.created_at })
        .execute();
      await assert.rejects(
        database.db
          .insertInto('surveys')
          .values({
            id: 'bad',
            organization_id: 'o1',
            school_id: 'dup-school',
            status: 'archived',
            default_locale: 'en',
            content: '{}',
            created_at: row.created_at,
            updated_at: row.created_at,
            published_at: null,
            closed_at: null,
          })
          .execute(),
      );
    });

    it('seeds the demo district once; a second seed changes nothing', async () => {
      await seedDemo(database.db);
      const snapshot = async () => ({
        organizations: await database.db.selectFrom('organizations').selectAll().where('slug', '=', 'lincoln').execute(),
        schools: await database.db.selectFrom('schools').selectAll().orderBy('id').execute(),
        surveys: await database.db.selectFrom('surveys').selectAll().orderBy('id').execute(),
        events: await database.db.selectFrom('events').selectAll().orderBy('id').execute(),
        sessions: await database.db.selectFrom('event_sessions').selectAll().orderBy('event_id').orderBy('id').execute(),
      });
      const first = await snapshot();
      await seedDemo(database.db);
      assert.deepEqual(await snapshot(), first);
      assert.equal(first.organizations[0].name, 'Lincoln Unified School District');
      assert.deepEqual(
        first.schools.map((s) => [s.id, s.name]).filter(([id]) => id === 'lincoln-elementary'),
        [['lincoln-elementary', 'Lincoln Elementary']],
      );
      const byId = Object.fromEntries(first.surveys.map((s) => [s.id, s]));
      assert.equal(byId[FAMILY_SURVEY_ID].status, 'published');
      assert.equal(byId[PICNIC_SURVEY_ID].status, 'closed');
      assert.deepEqual(
        first.events.map((e) => [e.id, e.status, e.time_zone]),
        [['lincoln-family-math-night', 'published', 'America/Chicago']],
      );
      assert.deepEqual(
        first.sessions.map((s) => [s.id, s.starts_at, Number(s.capacity)]),
        [
          ['early', '2027-03-04T17:00:00-06:00', 40],
          ['late', '2027-03-04T18:30:00-06:00', 40],
        ],
      );

      const content = JSON.parse(byId[FAMILY_SURVEY_ID].content);
      assert.equal(content.title.en, 'How are we doing? Family survey 2026');
      const questions = content.sections.flatMap((s) => s.questions);
      assert.ok(content.sections.length >= 2 && content.sections.length <= 3);
      assert.deepEqual([...new Set(questions.map((q) => q.type))].sort(), [
        'long-text',
        'multiple-choice',
        'rating',
        'short-text',
        'single-choice',
        'yes-no',
      ]);
      for (const question of questions) assert.ok(question.prompt.en && question.prompt.es, `${question.id} has en and es`);
      const missingHmong = questions.filter((q) => !q.prompt.hmn);
      assert.equal(missingHmong.length, 1, 'exactly one question lacks Hmong on purpose');
      assert.ok(questions.some((q) => q.required) && questions.some((q) => !q.required));
      assert.ok(questions.some((q) => q.help));
      const rating = questions.find((q) => q.type === 'rating');
      assert.ok(rating.lowLabel.en && rating.highLabel.en && rating.scale === 5);
    });

    it('opens SQLite durably: WAL, synchronous=FULL, foreign keys on, a busy timeout', { skip: target.name !== 'sqlite' }, async () => {
      const value = async (pragma) => Object.values((await sql.raw(`pragma ${pragma}`).execute(database.db)).rows[0])[0];
      assert.equal(await value('journal_mode'), 'wal');
      assert.equal(await value('synchronous'), 2, '2 is FULL');
      assert.equal(await value('foreign_keys'), 1);
      assert.ok((await value('busy_timeout')) >= 1000);
    });

    it('answers a real select 1', async () => {
      const result = await sql`select 1 as one`.execute(database.db);
      assert.equal(Number(result.rows[0].one), 1);
    });
  });
}
