// The built tandem-server CLI, spawned as a user would run it, against a temp data dir.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { openDatabase, verifyPassword } from '../dist/index.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

describe('tandem-server CLI', () => {
  let dataDir;
  let env;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
    env = { ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_RATE_LIMIT_PER_MINUTE: '0' };
    // The CLI test proves the default SQLite path; PostgreSQL is covered by the API suites.
    delete env.DATABASE_URL;
    delete env.DATABASE_SCHEMA;
    delete env.TANDEM_PASSWORD;
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = (args, extra = {}) =>
    spawnSync(process.execPath, [CLI, ...args], { env: { ...env, ...extra.env }, encoding: 'utf8', input: extra.input ?? '' });

  it('migrates and seeds into TANDEM_DATA_DIR, repeatably', () => {
    const migrated = run(['migrate']);
    assert.equal(migrated.status, 0, migrated.stderr);
    assert.match(migrated.stdout, /0001_initial/);
    assert.match(run(['migrate']).stdout, /already up to date/);
    for (let i = 0; i < 2; i++) {
      const seeded = run(['seed-demo']);
      assert.equal(seeded.status, 0, seeded.stderr);
    }
  });

  it('creates an organization and its schools, refusing duplicates and ids a URL cannot carry', async () => {
    const org = run(['org', 'create', '--slug', 'riverside', '--name', 'Riverside Unified']);
    assert.equal(org.status, 0, org.stderr);
    const school = run(['school', 'create', '--org', 'riverside', '--name', 'Escuela Peña Middle School']);
    assert.equal(school.status, 0, school.stderr);
    assert.equal(school.stdout.trim().split('\n').at(-1), 'escuela-pena-middle-school');
    const refusals = [
      [['org', 'create', '--slug', 'riverside', '--name', 'Again'], /already exists/],
      [['org', 'create', '--slug', 'River Side', '--name', 'X'], /--slug may hold/],
      [['school', 'create', '--org', 'riverside', '--name', 'Escuela Peña Middle School'], /already exists; choose another with --id/],
      [['school', 'create', '--org', 'nowhere', '--name', 'X'], /No organization with slug "nowhere"/],
      [['school', 'create', '--org', 'riverside', '--name', '中文学校'], /--id may hold/],
    ];
    for (const [args, message] of refusals) {
      const result = run(args);
      assert.notEqual(result.status, 0, args.join(' '));
      assert.match(result.stderr, message, args.join(' '));
    }
    // A staff member of the new school can be created with it, which proves the school is the organization's.
    const staff = run(['staff', 'create', '--org', 'riverside', '--email', 'lee@riverside.example', '--name', 'Lee', '--role', 'staff'], {
      env: { TANDEM_PASSWORD: 'a long enough password' },
    });
    assert.equal(staff.status, 0, staff.stderr);
    const member = run(
      [
        'staff',
        'create',
        '--org',
        'riverside',
        '--email',
        'kim@riverside.example',
        '--name',
        'Kim',
        '--role',
        'staff',
        '--school',
        'escuela-pena-middle-school',
      ],
      {
        env: { TANDEM_PASSWORD: 'a long enough password' },
      },
    );
    assert.equal(member.status, 0, member.stderr);
    assert.match(member.stdout, /escuela-pena-middle-school: staff/);
  });

  it('refuses bad input with a clear message and a non-zero exit', () => {
    const cases = [
      [['token', 'create', '--role', 'admin'], /Missing --org/],
      [['token', 'create', '--org', 'lincoln', '--role', 'owner'], /--role must be one of: admin, staff/],
      [['token', 'create', '--org', 'nowhere', '--role', 'admin'], /No organization with slug "nowhere"/],
      [['token', 'create', '--org', 'lincoln', '--role', 'admin', '--bogus'], /Unknown option/],
      [
        [
          'staff',
          'create',
          '--org',
          'lincoln',
          '--email',
          'not-an-email',
          '--name',
          'X',
          '--role',
          'staff',
          '--password',
          'long enough pw',
        ],
        /not an email address/,
      ],
      [
        ['staff', 'create', '--org', 'lincoln', '--email', 'x@y.org', '--name', 'X', '--role', 'staff', '--password', 'short'],
        /at least 10 characters/,
      ],
      [['launch'], /Unknown command "launch"/],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      assert.notEqual(result.status, 0, args.join(' '));
      assert.match(result.stderr, message, args.join(' '));
    }
  });

  it('creates staff users with the password from --password, TANDEM_PASSWORD or stdin, stored as salted scrypt', async () => {
    const viaFlag = run([
      'staff',
      'create',
      '--org',
      'lincoln',
      '--email',
      'Ana@Lincoln.example',
      '--name',
      'Ana',
      '--role',
      'admin',
      '--password',
      'correct horse battery',
    ]);
    assert.equal(viaFlag.status, 0, viaFlag.stderr);
    assert.match(viaFlag.stdout, /ana@lincoln\.example/);
    const viaEnv = run(['staff', 'create', '--org', 'lincoln', '--email', 'bo@lincoln.example', '--name', 'Bo', '--role', 'staff'], {
      env: { TANDEM_PASSWORD: 'another good password' },
    });
    assert.equal(viaEnv.status, 0, viaEnv.stderr);
    const viaStdin = run(['staff', 'create', '--org', 'lincoln', '--email', 'cy@lincoln.example', '--name', 'Cy', '--role', 'staff'], {
      input: 'typed at the prompt\n',
    });
    assert.equal(viaStdin.status, 0, viaStdin.stderr);
    const database = openDatabase({ dialect: 'sqlite', file: join(dataDir, 'tandem.sqlite') });
    try {
      const users = await database.db
        .selectFrom('staff_users')
        .select(['email', 'role', 'password_hash'])
        .where('email', 'like', '%@lincoln.example')
        .orderBy('email')
        .execute();
      assert.deepEqual(
        users.map((u) => [u.email, u.role]),
        [
          ['ana@lincoln.example', 'admin'],
          ['bo@lincoln.example', 'staff'],
          ['cy@lincoln.example', 'staff'],
          // The demo school's teacher, whom the demo family messages.
          ['rivera@lincoln.example', 'staff'],
        ],
      );
      const ana = users[0].password_hash;
      assert.match(ana, /^scrypt\$/);
      assert.ok(!ana.includes('correct horse'), 'no plaintext');
      assert.equal(await verifyPassword('correct horse battery', ana), true);
      assert.equal(await verifyPassword('wrong horse battery', ana), false);
      assert.equal(await verifyPassword('typed at the prompt', users[2].password_hash), true);
    } finally {
      await database.close();
    }
    const duplicate = run([
      'staff',
      'create',
      '--org',
      'lincoln',
      '--email',
      'ana@lincoln.example',
      '--name',
      'Ana',
      '--role',
      'admin',
      '--password',
      'correct horse battery',
    ]);
    assert.notEqual(duplicate.status, 0);
    assert.match(duplicate.stderr, /already exists/);
  });

  it('prints a new token as the last line, and that token works against the running server; rotated LTI keys are published', async () => {
    const created = run(['token', 'create', '--org', 'lincoln', '--role', 'admin', '--name', 'ci']);
    assert.equal(created.status, 0, created.stderr);
    const lines = created.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 2, 'a human sentence comes before the token');
    const token = lines.at(-1);
    assert.match(token, /^tdm_[A-Za-z0-9_-]{43}$/);
    const kids = [1, 2].map(() => {
      const rotated = run(['lti', 'rotate-key']);
      assert.equal(rotated.status, 0, rotated.stderr);
      return /signs with key (\S+);/.exec(rotated.stdout)?.[1];
    });

    const server = spawn(process.execPath, [CLI, 'start', '--port', '0', '--host', '127.0.0.1'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15000);
        server.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /ready at (http:\/\/\S+?\/)/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        server.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
      });
      const list = await fetch(new URL('api/v1/surveys', url), { headers: { authorization: `Bearer ${token}` } });
      assert.equal(list.status, 200);
      const ids = (await list.json()).items.map((s) => s.id);
      assert.ok(ids.includes('lincoln-family-survey'));
      const refused = await fetch(new URL('api/v1/surveys', url), { headers: { authorization: `Bearer ${token}x` } });
      assert.equal(refused.status, 401);
      // The LTI tool publishes the key it signs with and the one before, so platforms that cached it keep verifying.
      const jwks = await (await fetch(new URL('lti/jwks', url))).json();
      assert.deepEqual(
        jwks.keys.map((k) => k.kid),
        [kids[1], kids[0]],
      );
      assert.ok(
        jwks.keys.every((k) => k.d === undefined && k.p === undefined),
        'public parts only',
      );
      const health = await (await fetch(new URL('healthz', url))).json();
      assert.deepEqual(health, { status: 'ok', database: 'sqlite' });
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });
});
