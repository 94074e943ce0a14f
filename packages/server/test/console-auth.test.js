// Staff console sign-in: cookie sessions (flags, CSRF, expiry, sign-out everywhere), throttled password checks
// that never tell which emails are staff, password reset by email, school admins kept to their schools, audit log.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createStaffUser } from '../dist/index.js';
import { createPublishedSurvey, createTenant, databaseTargets, isProblemResponse, sampleSurveyInput, startApp } from './helpers.js';

const PUBLIC_URL = 'https://tandem.example';
const ORIGIN = { origin: PUBLIC_URL };
const PASSWORD = 'correct horse battery';

/** The mailer seam: keeps what the server would send. */
function memoryMailer() {
  const sent = [];
  return {
    sent,
    mailer: { mode: 'log', send: async (mail) => void sent.push(mail), close: () => {} },
    async waitFor(count, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (sent.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return sent;
    },
  };
}

function cookiesOf(response) {
  const header = response.headers['set-cookie'];
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}

/** Signs in and returns what a browser would keep: the cookie and the CSRF token. */
async function signIn(app, email, password = PASSWORD, headers = ORIGIN, remoteAddress = '127.0.0.1') {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', headers, remoteAddress, payload: { email, password } });
  if (response.statusCode !== 200) return { response };
  const cookie = cookiesOf(response)[0].split(';')[0];
  const session = response.json();
  return {
    response,
    session,
    cookie,
    read: { cookie },
    write: { cookie, ...ORIGIN, 'x-tandem-csrf': session.csrfToken },
  };
}

for (const target of databaseTargets()) {
  describe(`console sign-in on ${target.name}`, () => {
    let ctx;
    let mail;
    let tenant;
    let admin;
    before(async () => {
      mail = memoryMailer();
      // A lower per-network limit than the default 30 keeps the test short; it is the same code path.
      ctx = await startApp(target, {
        messaging: { translationProvider: null, publicUrl: PUBLIC_URL, mailer: mail.mailer },
        console: { ipFailureLimit: 12 },
      });
      tenant = await createTenant(ctx.db, 'console');
      admin = await createStaffUser(ctx.db, {
        organizationId: tenant.organizationId,
        email: 'Ada@Example.org',
        name: 'Ada Admin',
        role: 'admin',
        password: PASSWORD,
      });
    });
    after(() => ctx.close());

    it('signs in with email and password and sets a __Host- cookie that is HttpOnly, Secure and SameSite=Strict', async () => {
      const { response, session } = await signIn(ctx.app, '  ADA@example.org ');
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(session.user.name, 'Ada Admin');
      assert.equal(session.user.role, 'organization-admin');
      assert.deepEqual(
        session.schools.map((s) => [s.id, s.role]),
        [[tenant.schoolId, 'admin']],
      );
      assert.equal(session.organization.slug, 'console');
      assert.ok(session.csrfToken.length >= 32);
      assert.equal(response.headers['cache-control'], 'no-store');
      const [cookie] = cookiesOf(response);
      assert.match(cookie, /^__Host-tandem-session=[A-Za-z0-9_-]{40,}; /);
      const flags = cookie
        .split(/;\s*/)
        .slice(1)
        .map((f) => f.toLowerCase());
      for (const flag of ['httponly', 'secure', 'samesite=strict', 'path=/']) assert.ok(flags.includes(flag), `${flag} in ${cookie}`);
      assert.ok(!flags.some((f) => f.startsWith('domain=')), 'a __Host- cookie has no Domain');
      // Only a hash of the cookie's secret is stored.
      const secret = cookie.split(';')[0].split('=')[1];
      const stored = await ctx.db.selectFrom('staff_sessions').select('secret_hash').where('staff_user_id', '=', admin.id).execute();
      assert.ok(stored.every((row) => row.secret_hash !== secret));
      assert.ok(stored.some((row) => row.secret_hash === createHash('sha256').update(secret).digest('hex')));
    });

    it('answers a wrong password and an unknown email the same way, with no cookie', async () => {
      const wrong = await signIn(ctx.app, 'ada@example.org', 'not the password');
      const unknown = await signIn(ctx.app, 'nobody@example.org', 'not the password');
      for (const { response } of [wrong, unknown]) {
        assert.equal(response.statusCode, 401);
        assert.ok(isProblemResponse(response));
        assert.deepEqual(cookiesOf(response), []);
      }
      assert.deepEqual(wrong.response.json(), unknown.response.json());
    });

    it('lets a cookie session use every staff route an API token can, with the CSRF header on writes', async () => {
      const ada = await signIn(ctx.app, 'ada@example.org');
      const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/surveys', headers: ada.read });
      assert.equal(list.statusCode, 200, list.body);
      const inbox = await ctx.app.inject({ method: 'GET', url: '/api/v1/inbox', headers: ada.read });
      assert.equal(inbox.statusCode, 200, inbox.body);
      const ticket = await ctx.app.inject({ method: 'POST', url: '/api/v1/inbox/stream-tickets', headers: ada.write });
      assert.equal(ticket.statusCode, 201, ticket.body);
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: ada.write,
        payload: sampleSurveyInput(tenant.schoolId),
      });
      assert.equal(created.statusCode, 201, created.body);
      const published = await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${created.json().id}/publish`, headers: ada.write });
      assert.equal(published.statusCode, 200, published.body);
      const session = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: ada.read });
      assert.equal(session.statusCode, 200);
      assert.equal(session.json().csrfToken, ada.session.csrfToken, 'the CSRF token can be fetched again after a reload');
    });

    it('refuses cookie writes without the CSRF header, with a wrong one, or from another origin', async () => {
      const ada = await signIn(ctx.app, 'ada@example.org');
      const payload = sampleSurveyInput(tenant.schoolId);
      const attempts = [
        { cookie: ada.cookie, ...ORIGIN },
        { cookie: ada.cookie, ...ORIGIN, 'x-tandem-csrf': 'x'.repeat(43) },
        { ...ada.write, origin: 'https://evil.example' },
        { cookie: ada.cookie, 'x-tandem-csrf': ada.session.csrfToken, 'sec-fetch-site': 'cross-site' },
      ];
      for (const headers of attempts) {
        const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/surveys', headers, payload });
        assert.equal(response.statusCode, 403, JSON.stringify(headers));
        assert.ok(isProblemResponse(response));
      }
      const signOutFromElsewhere = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/session/sign-out-everywhere',
        headers: { ...ada.write, origin: 'https://evil.example' },
      });
      assert.equal(signOutFromElsewhere.statusCode, 403);
      const signInFromElsewhere = await signIn(ctx.app, 'ada@example.org', PASSWORD, { origin: 'https://evil.example' });
      assert.equal(signInFromElsewhere.response.statusCode, 403, 'no login CSRF');
      // Reads need no header; the session still works.
      assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/surveys', headers: ada.read })).statusCode, 200);
    });

    it('ends a session after the idle timeout, moves the deadline on use, and ends it at the absolute limit', async () => {
      const ada = await signIn(ctx.app, 'ada@example.org');
      const id = (
        await ctx.db.selectFrom('staff_sessions').select(['id', 'created_at']).orderBy('created_at', 'desc').executeTakeFirstOrThrow()
      ).id;
      const setSession = (values) => ctx.db.updateTable('staff_sessions').set(values).where('id', '=', id).execute();
      const get = () => ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: ada.read });

      await setSession({ last_seen_at: new Date(Date.now() - 90 * 60_000).toISOString() });
      const busy = await get();
      assert.equal(busy.statusCode, 200, 'within the two-hour idle timeout');
      assert.ok(Date.parse(busy.json().idleExpiresAt) > Date.now() + 110 * 60_000, 'using it moves the idle deadline on');

      await setSession({ last_seen_at: new Date(Date.now() - 121 * 60_000).toISOString() });
      const idle = await get();
      assert.equal(idle.statusCode, 401);
      assert.match(cookiesOf(idle)[0] ?? '', /^__Host-tandem-session=;/, 'the dead cookie is cleared');

      const fresh = await signIn(ctx.app, 'ada@example.org');
      await ctx.db
        .updateTable('staff_sessions')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('staff_user_id', '=', admin.id)
        .where('revoked_at', 'is', null)
        .execute();
      assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/surveys', headers: fresh.read })).statusCode, 401);
    });

    it('signs out of one browser, and signs out everywhere', async () => {
      const laptop = await signIn(ctx.app, 'ada@example.org');
      const phone = await signIn(ctx.app, 'ada@example.org');
      const out = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: laptop.write });
      assert.equal(out.statusCode, 204);
      assert.match(cookiesOf(out)[0], /^__Host-tandem-session=;/);
      assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: laptop.read })).statusCode, 401);
      assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: phone.read })).statusCode, 200);

      const desktop = await signIn(ctx.app, 'ada@example.org');
      const everywhere = await ctx.app.inject({ method: 'POST', url: '/api/v1/session/sign-out-everywhere', headers: desktop.write });
      assert.equal(everywhere.statusCode, 204);
      for (const browser of [phone, desktop]) {
        assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/surveys', headers: browser.read })).statusCode, 401);
      }
    });

    it('opens the inbox event stream with a session ticket or the cookie, and not after sign-out', async () => {
      const ada = await signIn(ctx.app, 'ada@example.org');
      const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      const open = async (query, headers = {}) => {
        const controller = new AbortController();
        const response = await fetch(`${address}/api/v1/inbox/stream${query}`, { headers, signal: controller.signal });
        controller.abort();
        return response;
      };
      const ticket = (await ctx.app.inject({ method: 'POST', url: '/api/v1/inbox/stream-tickets', headers: ada.write })).json().ticket;
      const byTicket = await open(`?ticket=${encodeURIComponent(ticket)}`);
      assert.equal(byTicket.status, 200);
      assert.match(byTicket.headers.get('content-type'), /text\/event-stream/);
      assert.equal((await open('', { cookie: ada.cookie })).status, 200);
      await ctx.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: ada.write });
      assert.equal((await open('', { cookie: ada.cookie })).status, 401);
    });

    it('keeps a cookie-opened inbox stream open across heartbeats, and ends it when the session is signed out', async () => {
      const quick = await startApp(target, {
        messaging: {
          translationProvider: null,
          publicUrl: PUBLIC_URL,
          mailer: memoryMailer().mailer,
          heartbeatMs: 150,
          realtimePollMs: 100,
        },
      });
      try {
        const org = await createTenant(quick.db, 'heartbeat');
        await createStaffUser(quick.db, {
          organizationId: org.organizationId,
          email: 'hb@example.org',
          name: 'H',
          role: 'admin',
          password: PASSWORD,
        });
        const staff = await signIn(quick.app, 'hb@example.org');
        const address = await quick.app.listen({ port: 0, host: '127.0.0.1' });
        const response = await fetch(`${address}/api/v1/inbox/stream`, { headers: { cookie: staff.cookie } });
        assert.equal(response.status, 200);
        const reader = response.body.getReader();
        let ended = false;
        const reading = (async () => {
          while (!(await reader.read()).done);
          ended = true;
        })();
        await new Promise((resolve) => setTimeout(resolve, 700));
        assert.equal(ended, false, 'the stream survives several heartbeats');
        await quick.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: staff.write });
        await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 2000))]);
        assert.equal(ended, true, 'signing out ends the open stream at the next heartbeat');
      } finally {
        await quick.close();
      }
    });

    it('ends the session a browser already held when it signs in again', async () => {
      const first = await signIn(ctx.app, 'ada@example.org');
      const again = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { ...ORIGIN, cookie: first.cookie },
        payload: { email: 'ada@example.org', password: PASSWORD },
      });
      assert.equal(again.statusCode, 200);
      assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: first.read })).statusCode, 401);
    });

    it('resets a password by email: always 202, a single-use link for 30 minutes, every session ended', async () => {
      const user = await createStaffUser(ctx.db, {
        organizationId: tenant.organizationId,
        email: 'rosa@example.org',
        name: 'Rosa',
        role: 'staff',
        password: PASSWORD,
      });
      const before = await signIn(ctx.app, 'rosa@example.org');
      const sentBefore = mail.sent.length;
      for (const email of ['rosa@example.org', 'nobody@example.org']) {
        const response = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/session/password-reset',
          headers: ORIGIN,
          payload: { email },
        });
        assert.equal(response.statusCode, 202);
        assert.deepEqual(response.json(), { status: 'accepted' });
      }
      await mail.waitFor(sentBefore + 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const mails = mail.sent.slice(sentBefore);
      assert.equal(mails.length, 1, 'only the staff member gets an email');
      assert.equal(mails[0].to, 'rosa@example.org');
      const token = /https:\/\/tandem\.example\/console\/reset#token=([A-Za-z0-9_-]+)/.exec(mails[0].text)?.[1];
      assert.ok(token, mails[0].text);
      const stored = await ctx.db
        .selectFrom('password_reset_tokens')
        .selectAll()
        .where('staff_user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token, 'hashed at rest');
      assert.ok(Math.abs(Date.parse(stored.expires_at) - Date.now() - 30 * 60_000) < 60_000);

      const tooShort = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/session/password-reset/complete',
        headers: ORIGIN,
        payload: { token, password: 'short' },
      });
      assert.equal(tooShort.statusCode, 422);
      const done = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/session/password-reset/complete',
        headers: ORIGIN,
        payload: { token, password: 'a brand new passphrase' },
      });
      assert.equal(done.statusCode, 204, done.body);
      assert.equal(
        (await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: before.read })).statusCode,
        401,
        'old sessions ended',
      );
      assert.equal((await signIn(ctx.app, 'rosa@example.org')).response.statusCode, 401, 'the old password no longer works');
      assert.equal((await signIn(ctx.app, 'rosa@example.org', 'a brand new passphrase')).response.statusCode, 200);
      const again = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/session/password-reset/complete',
        headers: ORIGIN,
        payload: { token, password: 'another passphrase!' },
      });
      assert.equal(again.statusCode, 422, 'single use');

      // An expired link does nothing.
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/session/password-reset',
        headers: ORIGIN,
        payload: { email: 'rosa@example.org' },
      });
      await mail.waitFor(sentBefore + 2);
      const second = /#token=([A-Za-z0-9_-]+)/.exec(mail.sent.at(-1).text)[1];
      await ctx.db
        .updateTable('password_reset_tokens')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('used_at', 'is', null)
        .execute();
      const expired = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/session/password-reset/complete',
        headers: ORIGIN,
        payload: { token: second, password: 'another passphrase!' },
      });
      assert.equal(expired.statusCode, 422);
    });

    it('changing the password ends the other sessions and keeps this one', async () => {
      await createStaffUser(ctx.db, {
        organizationId: tenant.organizationId,
        email: 'cho@example.org',
        name: 'Cho',
        role: 'staff',
        password: PASSWORD,
      });
      const here = await signIn(ctx.app, 'cho@example.org');
      const there = await signIn(ctx.app, 'cho@example.org');
      const wrong = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/session/password',
        headers: here.write,
        payload: { currentPassword: 'nope', newPassword: 'a new passphrase' },
      });
      assert.equal(wrong.statusCode, 422);
      const changed = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/session/password',
        headers: here.write,
        payload: { currentPassword: PASSWORD, newPassword: 'a new passphrase' },
      });
      assert.equal(changed.statusCode, 204, changed.body);
      assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: here.read })).statusCode, 200);
      assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: there.read })).statusCode, 401);
    });

    it('throttles failed sign-ins per account, the same for unknown emails, and lets the right password wait too', async () => {
      await createStaffUser(ctx.db, {
        organizationId: tenant.organizationId,
        email: 'lee@example.org',
        name: 'Lee',
        role: 'staff',
        password: PASSWORD,
      });
      for (const email of ['lee@example.org', 'ghost@example.org']) {
        for (let i = 0; i < 5; i++)
          assert.equal((await signIn(ctx.app, email, 'wrong password', ORIGIN, '198.51.100.7')).response.statusCode, 401);
        const locked = await signIn(ctx.app, email, email.startsWith('lee') ? PASSWORD : 'wrong password', ORIGIN, '198.51.100.7');
        assert.equal(locked.response.statusCode, 429, email);
        assert.ok(Number(locked.response.headers['retry-after']) > 0);
      }
      // Another account on the same network is not locked out by them.
      assert.equal((await signIn(ctx.app, 'ada@example.org')).response.statusCode, 200);
    });

    it('holds the account limit when guesses arrive all at once: no more than 5 reach the password check', async () => {
      await createStaffUser(ctx.db, {
        organizationId: tenant.organizationId,
        email: 'max@example.org',
        name: 'Max',
        role: 'staff',
        password: PASSWORD,
      });
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => signIn(ctx.app, 'max@example.org', `guess ${i}`, ORIGIN, `198.51.100.${100 + i}`)),
      );
      const codes = answers.map((a) => a.response.statusCode);
      assert.equal(codes.filter((code) => code === 401).length, 5, `answers: ${codes.join(' ')}`);
      assert.equal(codes.filter((code) => code === 429).length, 5, `answers: ${codes.join(' ')}`);
    });

    it('throttles failed sign-ins per IP address across accounts', async () => {
      const from = (email) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          headers: ORIGIN,
          remoteAddress: '203.0.113.9',
          payload: { email, password: 'wrong password' },
        });
      for (let i = 0; i < 12; i++) assert.equal((await from(`guess${i}@example.org`)).statusCode, 401);
      assert.equal((await from('one-more@example.org')).statusCode, 429);
    });

    it('keeps a school admin to their school: school B refuses them, lists hide it', async () => {
      const { ensureSchool } = await import('../dist/index.js');
      await ensureSchool(ctx.db, tenant.organizationId, 'school-b', 'School B');
      const surveyA = await createPublishedSurvey(ctx.app, tenant);
      const surveyB = await createPublishedSurvey(ctx.app, tenant, sampleSurveyInput('school-b'));
      const principal = await createStaffUser(ctx.db, {
        organizationId: tenant.organizationId,
        email: 'pat@example.org',
        name: 'Pat Principal',
        role: 'staff',
        password: PASSWORD,
      });
      await ctx.db
        .insertInto('staff_school_members')
        .values({
          school_id: tenant.schoolId,
          staff_user_id: principal.id,
          organization_id: tenant.organizationId,
          office_hours: null,
          created_at: new Date().toISOString(),
          role: 'admin',
        })
        .execute();
      const pat = await signIn(ctx.app, 'pat@example.org');
      assert.equal(pat.session.user.role, 'school-admin');
      assert.deepEqual(pat.session.schools, [{ id: tenant.schoolId, name: 'console school', role: 'admin' }]);

      assert.equal((await ctx.app.inject({ method: 'GET', url: `/api/v1/surveys/${surveyA}`, headers: pat.read })).statusCode, 200);
      for (const [method, url, payload] of [
        ['GET', `/api/v1/surveys/${surveyB}`],
        ['GET', `/api/v1/surveys/${surveyB}/results.csv`],
        ['POST', `/api/v1/surveys/${surveyB}/close`],
        ['PATCH', `/api/v1/surveys/${surveyA}`, { schoolId: 'school-b' }],
        ['POST', '/api/v1/surveys', sampleSurveyInput('school-b')],
      ]) {
        const response = await ctx.app.inject({
          method,
          url,
          headers: method === 'GET' ? pat.read : pat.write,
          ...(payload ? { payload } : {}),
        });
        assert.equal(response.statusCode, 403, `${method} ${url}`);
      }
      const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/surveys', headers: pat.read });
      const ids = list.json().items.map((s) => s.id);
      assert.ok(ids.includes(surveyA) && !ids.includes(surveyB));
      const audit = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: pat.read });
      // A school admin reads the audit entries of their own school only (console-gaps.test.js tests this in full).
      assert.equal(audit.statusCode, 200, audit.body);
      assert.ok(audit.json().items.every((entry) => entry.target?.id !== surveyB));
      // The organization's API token still reaches every school.
      assert.equal((await ctx.app.inject({ method: 'GET', url: `/api/v1/surveys/${surveyB}`, headers: tenant.auth })).statusCode, 200);
    });

    it('prunes ended sessions, old reset links and finished throttle windows, keeping live ones', async () => {
      const { pruneConsoleCredentials } = await import('../dist/console-auth/prune.js');
      const live = await signIn(ctx.app, 'ada@example.org');
      const longAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
      const base = {
        organization_id: tenant.organizationId,
        staff_user_id: admin.id,
        ip: null,
        user_agent: null,
        revoke_reason: 'signed-out',
      };
      await ctx.db
        .insertInto('staff_sessions')
        .values({
          ...base,
          id: 'ended',
          secret_hash: 'x'.repeat(64),
          created_at: longAgo,
          last_seen_at: longAgo,
          expires_at: new Date().toISOString(),
          revoked_at: longAgo,
        })
        .execute();
      await ctx.db
        .insertInto('password_reset_tokens')
        .values({
          token_hash: 'y'.repeat(64),
          organization_id: tenant.organizationId,
          staff_user_id: admin.id,
          created_at: longAgo,
          expires_at: longAgo,
          used_at: null,
        })
        .execute();
      await ctx.db
        .insertInto('sign_in_throttle')
        .values({ key: 'account:old@example.org', failures: 3, window_started_at: longAgo })
        .execute();
      await pruneConsoleCredentials(ctx.db, 15 * 60_000);
      assert.equal(await ctx.db.selectFrom('staff_sessions').select('id').where('id', '=', 'ended').executeTakeFirst(), undefined);
      assert.equal(
        await ctx.db.selectFrom('password_reset_tokens').select('token_hash').where('token_hash', '=', 'y'.repeat(64)).executeTakeFirst(),
        undefined,
      );
      assert.equal(
        await ctx.db.selectFrom('sign_in_throttle').select('key').where('key', '=', 'account:old@example.org').executeTakeFirst(),
        undefined,
      );
      assert.equal(
        (await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: live.read })).statusCode,
        200,
        'live sessions stay',
      );
    });

    it('writes sign-ins, resets, status changes and exports to the audit log, newest first, in pages', async () => {
      const ada = await signIn(ctx.app, 'ada@example.org');
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/surveys',
        headers: ada.write,
        payload: sampleSurveyInput(tenant.schoolId),
      });
      const id = created.json().id;
      await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/publish`, headers: ada.write });
      await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/close`, headers: tenant.auth });
      assert.equal((await ctx.app.inject({ method: 'GET', url: `/api/v1/surveys/${id}/results.csv`, headers: ada.read })).statusCode, 200);

      const page = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit?limit=100', headers: ada.read });
      assert.equal(page.statusCode, 200, page.body);
      const items = page.json().items;
      const find = (action, targetId) => items.find((e) => e.action === action && (!targetId || e.target?.id === targetId));
      assert.equal(find('survey.published', id)?.actor.name, 'Ada Admin');
      assert.equal(find('survey.closed', id)?.actor.kind, 'token');
      assert.equal(find('survey.results-exported', id)?.actor.id, admin.id);
      assert.ok(find('session.signed-in'));
      assert.ok(find('session.signed-out'));
      assert.ok(find('session.signed-out-everywhere'));
      assert.ok(find('password.reset'));
      assert.ok(find('password.changed'));
      const times = items.map((e) => e.at);
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');

      const first = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit?limit=2', headers: ada.read })).json();
      assert.equal(first.items.length, 2);
      const second = (await ctx.app.inject({ method: 'GET', url: `/api/v1/audit?limit=2&before=${first.next}`, headers: ada.read })).json();
      assert.deepEqual(second.items, items.slice(2, 4));
      // Another organization's admin sees none of it.
      const other = await createTenant(ctx.db, 'elsewhere');
      const theirs = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: other.auth })).json();
      assert.ok(theirs.items.every((e) => e.target?.id !== id));
    });
  });

  describe(`console sign-in over plain http on ${target.name}`, () => {
    let ctx;
    before(async () => {
      ctx = await startApp(target, {
        messaging: { translationProvider: null, publicUrl: 'http://localhost:8787', mailer: memoryMailer().mailer },
      });
      const tenant = await createTenant(ctx.db, 'plain');
      await createStaffUser(ctx.db, {
        organizationId: tenant.organizationId,
        email: 'dev@example.org',
        name: 'Dev',
        role: 'staff',
        password: PASSWORD,
      });
    });
    after(() => ctx.close());

    it('uses a plain cookie name without Secure, since browsers refuse __Host- cookies over http', async () => {
      const { response } = await signIn(ctx.app, 'dev@example.org', PASSWORD, { origin: 'http://localhost:8787' });
      assert.equal(response.statusCode, 200, response.body);
      const [cookie] = cookiesOf(response);
      assert.match(cookie, /^tandem-session=/);
      assert.doesNotMatch(cookie, /;\s*Secure/i);
      assert.match(cookie, /HttpOnly/);
    });

    it('serves the console shell at /console under a strict CSP', async () => {
      for (const url of ['/console', '/console/reset']) {
        const response = await ctx.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200);
        assert.match(response.body, /<tandem-console>/);
        assert.match(response.headers['content-security-policy'], /frame-ancestors 'none'/);
        assert.match(response.headers['content-security-policy'], /script-src 'self'/);
        // Lesson and resource previews load the pictures and recordings staff link, as families' pages do.
        assert.match(response.headers['content-security-policy'], /img-src 'self' data: https:;/);
        assert.match(response.headers['content-security-policy'], /media-src 'self' https:;/);
      }
    });
  });
}
