// The demo school's message box: the seeded family signs in with the printed code and writes to the
// seeded teacher, who answers through a token made with `tandem-server token create --staff`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildApp, seedDemo } from '../dist/index.js';
import { DEMO_FAMILY_INVITE_CODE, DEMO_TEACHER_EMAIL } from '../dist/seed/demo-messaging.js';
import { databaseTargets, startApp } from './helpers.js';
import { openConversation, sendAsFamily, sendAsStaff } from './messaging-fixtures.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

for (const target of databaseTargets()) {
  describe(`demo message box on ${target.name}`, () => {
    let ctx;
    before(async () => {
      ctx = await startApp(target, { messaging: { translationProvider: null } });
      await seedDemo(ctx.db);
      await seedDemo(ctx.db);
    });
    after(() => ctx.close());

    it('signs the demo family in with the printed code, any number of times', async () => {
      for (let i = 0; i < 2; i++) {
        const session = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/public/family-sessions/invite',
          payload: { code: DEMO_FAMILY_INVITE_CODE },
        });
        assert.equal(session.statusCode, 201, session.body);
        assert.equal(session.json().family.locale, 'es');
        assert.deepEqual(
          session.json().family.students.map((s) => s.name),
          ['Mateo Martínez'],
        );
      }
    });

    it('shows the teacher, the office and the notice to the demo family', async () => {
      const session = (
        await ctx.app.inject({ method: 'POST', url: '/api/v1/public/family-sessions/invite', payload: { code: DEMO_FAMILY_INVITE_CODE } })
      ).json();
      const home = await ctx.app.inject({ url: '/api/v1/family/home', headers: { authorization: `Bearer ${session.accessToken}` } });
      const [school] = home.json().schools;
      assert.deepEqual(
        school.contacts.map((c) => c.name),
        ['Lincoln Elementary front office', 'Ms. Rivera'],
      );
      assert.match(school.emergencyNotice.es, /no son para emergencias/);
      assert.ok(school.contacts.every((c) => c.availability.hoursSet));
    });
  });
}

describe('tandem-server token create --staff', () => {
  let dataDir;
  let env;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-cli-msg-'));
    env = { ...process.env, TANDEM_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    delete env.DATABASE_SCHEMA;
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (args) => spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });

  it('prints a token that answers as the staff member from their inbox', async () => {
    assert.equal(run(['seed-demo']).status, 0);
    const unknown = run(['token', 'create', '--org', 'lincoln', '--role', 'staff', '--staff', 'nobody@lincoln.example']);
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.stderr, /No staff user/);
    const created = run(['token', 'create', '--org', 'lincoln', '--role', 'staff', '--staff', DEMO_TEACHER_EMAIL]);
    assert.equal(created.status, 0, created.stderr);
    const token = created.stdout.trim().split('\n').at(-1);
    const app = await buildApp({
      database: { dialect: 'sqlite', file: join(dataDir, 'tandem.sqlite') },
      rateLimitPerMinute: 0,
      messaging: { translationProvider: null },
    });
    try {
      const session = (
        await app.inject({ method: 'POST', url: '/api/v1/public/family-sessions/invite', payload: { code: DEMO_FAMILY_INVITE_CODE } })
      ).json();
      const familyAuth = { authorization: `Bearer ${session.accessToken}` };
      const conversation = await openConversation(app, familyAuth, { schoolId: 'lincoln-elementary', staffUserId: 'demo-teacher-rivera' });
      assert.equal((await sendAsFamily(app, familyAuth, conversation.id, '¿Mateo tiene tarea hoy?')).statusCode, 201);
      const staffAuth = { authorization: `Bearer ${token}` };
      const inbox = await app.inject({ url: '/api/v1/inbox', headers: staffAuth });
      assert.equal(inbox.json().items[0].unread, 1);
      const reply = await sendAsStaff(app, staffAuth, conversation.id, 'Yes, page 12.');
      assert.equal(reply.statusCode, 201, reply.body);
      assert.equal(reply.json().message.sender.name, 'Ms. Rivera');
    } finally {
      await app.close();
    }
  });
});
