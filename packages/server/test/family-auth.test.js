// Family sign-in without a portal, end to end over HTTP: printed invite codes (family and class),
// email links through a real SMTP conversation (and the log in development), refresh-token rotation
// with reuse detection, sign-out; and the email notifications that ride on the same mailer.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createPublishedEvent, databaseTargets, rsvp, rsvpBody, sampleEventInput, startApp } from './helpers.js';
import { mailText, messagingTenant, openConversation, sendAsStaff, startSmtpListener } from './messaging-fixtures.js';

function post(app, url, payload, headers = {}) {
  return app.inject({ method: 'POST', url, payload, headers });
}

for (const target of databaseTargets()) {
  describe(`family sign-in on ${target.name}`, () => {
    let ctx;
    let smtp;
    let school;
    before(async () => {
      smtp = await startSmtpListener();
      const { createMailer } = await import('../dist/mail/mailer.js');
      ctx = await startApp(target, {
        messaging: {
          translationProvider: null,
          publicUrl: 'https://tandem.example',
          signInOrigins: ['https://lincoln.example'],
          // The production mailer over real SMTP, pointed at the in-process listener.
          mailer: createMailer({ smtpUrl: smtp.url, from: 'Lincoln <office@lincoln.example>', log: console }),
        },
      });
      school = await messagingTenant(ctx.app, ctx.db, 'auth', { email: 'ana@example.org' });
    });
    after(async () => {
      await ctx.close();
      await smtp.close();
    });

    it('signs a family in with its printed code exactly once', async () => {
      const invite = await post(ctx.app, '/api/v1/invites', { schoolId: school.schoolId, familyId: school.family.id }, school.auth);
      assert.equal(invite.statusCode, 201, invite.body);
      const { code } = invite.json();
      assert.match(code, /^[A-HJKMNP-TV-Z2-9]{5}-[A-HJKMNP-TV-Z2-9]{5}$/, 'short, printable, no look-alike characters');
      const stored = await ctx.db
        .selectFrom('family_invites')
        .select('code_hash')
        .where('id', '=', invite.json().id)
        .executeTakeFirstOrThrow();
      assert.ok(!stored.code_hash.includes(code.replace('-', '')), 'only a hash is kept');
      // Typed the way people type: lower case, spaces instead of the dash.
      const typed = code.toLowerCase().replace('-', ' ');
      const session = await post(ctx.app, '/api/v1/public/family-sessions/invite', { code: typed });
      assert.equal(session.statusCode, 201, session.body);
      assert.equal(session.json().family.id, school.family.id);
      const again = await post(ctx.app, '/api/v1/public/family-sessions/invite', { code });
      assert.equal(again.statusCode, 401, 'a family code works once');
    });

    it('lets a whole class join with one code, up to its limit, each family asked for its name', async () => {
      const invite = await post(ctx.app, '/api/v1/invites', { schoolId: school.schoolId, className: 'Room 12', maxUses: 2 }, school.auth);
      assert.equal(invite.statusCode, 201, invite.body);
      const { code } = invite.json();
      const nameless = await post(ctx.app, '/api/v1/public/family-sessions/invite', { code });
      assert.equal(nameless.statusCode, 422);
      assert.equal(nameless.json().errors[0].pointer, '/name');
      const one = await post(ctx.app, '/api/v1/public/family-sessions/invite', {
        code,
        name: 'Hli Vang',
        studentName: 'Pa Vang',
        locale: 'hmn',
      });
      const two = await post(ctx.app, '/api/v1/public/family-sessions/invite', { code, name: 'Faadumo Ali', locale: 'so' });
      assert.equal(one.statusCode, 201, one.body);
      assert.equal(two.statusCode, 201, 'the refused attempt did not use up a place');
      assert.notEqual(one.json().family.id, two.json().family.id);
      assert.equal(one.json().family.locale, 'hmn');
      assert.equal(one.json().family.students[0].name, 'Pa Vang');
      const third = await post(ctx.app, '/api/v1/public/family-sessions/invite', { code, name: 'Late' });
      assert.equal(third.statusCode, 401, 'used up');
      const expired = await post(
        ctx.app,
        '/api/v1/invites',
        { schoolId: school.schoolId, className: 'Old', expiresInDays: 1 },
        school.auth,
      );
      await ctx.db
        .updateTable('family_invites')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', expired.json().id)
        .execute();
      assert.equal(
        (await post(ctx.app, '/api/v1/public/family-sessions/invite', { code: expired.json().code, name: 'X' })).statusCode,
        401,
      );
    });

    it('refuses invites for another organization’s family or school', async () => {
      const outsider = await messagingTenant(ctx.app, ctx.db, 'auth-outsider');
      const foreignFamily = await post(
        ctx.app,
        '/api/v1/invites',
        { schoolId: school.schoolId, familyId: outsider.family.id },
        school.auth,
      );
      assert.equal(foreignFamily.statusCode, 422);
      const foreignSchool = await post(ctx.app, '/api/v1/invites', { schoolId: outsider.schoolId, className: 'x' }, school.auth);
      assert.equal(foreignSchool.statusCode, 422);
      const foreignRead = await ctx.app.inject({ url: `/api/v1/families/${outsider.family.id}`, headers: school.auth });
      assert.equal(foreignRead.statusCode, 404);
    });

    it('emails a one-time sign-in link over SMTP, and says the same for unknown addresses', async () => {
      const before = smtp.messages.length;
      const unknown = await post(ctx.app, '/api/v1/public/family-sessions/email-link-requests', {
        organization: 'auth',
        email: 'nobody@example.org',
        locale: 'es',
      });
      assert.equal(unknown.statusCode, 202);
      const known = await post(ctx.app, '/api/v1/public/family-sessions/email-link-requests', {
        organization: 'auth',
        email: 'ANA@example.org',
        locale: 'es',
        returnUrl: 'https://lincoln.example/messages',
      });
      assert.equal(known.statusCode, 202);
      assert.deepEqual(known.json(), unknown.json());
      const mails = await smtp.waitFor(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(smtp.messages.length, before + 1, 'no email for an unknown address');
      const mail = mails.at(-1);
      assert.ok(mail.to.some((line) => line.includes('ana@example.org')));
      const text = mailText(mail.data);
      assert.match(text, /Subject: .*auth district/);
      assert.match(text, /Abra este enlace/, 'in the language asked for');
      const token = /#tandem-sign-in=(tml_[A-Za-z0-9_-]+)/.exec(text)?.[1];
      assert.ok(token, text);
      assert.ok(text.includes('https://lincoln.example/messages#tandem-sign-in='), 'the link leads back to the family’s page');
      const session = await post(ctx.app, '/api/v1/public/family-sessions/email-link', { token });
      assert.equal(session.statusCode, 201, session.body);
      assert.equal(session.json().family.id, school.family.id);
      assert.equal((await post(ctx.app, '/api/v1/public/family-sessions/email-link', { token })).statusCode, 401, 'single use');
    });

    it('never sends a sign-in link to a page the server does not allow', async () => {
      const count = smtp.messages.length;
      const phishing = await post(ctx.app, '/api/v1/public/family-sessions/email-link-requests', {
        organization: 'auth',
        email: 'ana@example.org',
        locale: 'en',
        returnUrl: 'https://evil.example/collect',
      });
      assert.equal(phishing.statusCode, 422);
      assert.equal(phishing.json().errors[0].pointer, '/returnUrl');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(smtp.messages.length, count, 'nothing was sent');
    });

    it('rotates refresh tokens, ends the session when a used one comes back, and signs out', async () => {
      const invite = await post(ctx.app, '/api/v1/invites', { schoolId: school.schoolId, familyId: school.family.id }, school.auth);
      const first = (await post(ctx.app, '/api/v1/public/family-sessions/invite', { code: invite.json().code })).json();
      const refreshed = await post(ctx.app, '/api/v1/public/family-sessions/refresh', { refreshToken: first.refreshToken });
      assert.equal(refreshed.statusCode, 200, refreshed.body);
      const second = refreshed.json();
      assert.notEqual(second.refreshToken, first.refreshToken);
      assert.notEqual(second.accessToken, first.accessToken);
      const works = await ctx.app.inject({ url: '/api/v1/family/home', headers: { authorization: `Bearer ${second.accessToken}` } });
      assert.equal(works.statusCode, 200);
      // Someone replays the old refresh token: the whole session ends, the thief's and the family's tokens alike.
      const reuse = await post(ctx.app, '/api/v1/public/family-sessions/refresh', { refreshToken: first.refreshToken });
      assert.equal(reuse.statusCode, 401);
      assert.match(reuse.json().detail, /already used/);
      const afterReuse = await ctx.app.inject({ url: '/api/v1/family/home', headers: { authorization: `Bearer ${second.accessToken}` } });
      assert.equal(afterReuse.statusCode, 401);
      assert.equal((await post(ctx.app, '/api/v1/public/family-sessions/refresh', { refreshToken: second.refreshToken })).statusCode, 401);

      const invite2 = await post(ctx.app, '/api/v1/invites', { schoolId: school.schoolId, familyId: school.family.id }, school.auth);
      const fresh = (await post(ctx.app, '/api/v1/public/family-sessions/invite', { code: invite2.json().code })).json();
      const auth = { authorization: `Bearer ${fresh.accessToken}` };
      const out = await ctx.app.inject({ method: 'POST', url: '/api/v1/family/sign-out', headers: auth });
      assert.equal(out.statusCode, 204);
      assert.equal((await ctx.app.inject({ url: '/api/v1/family/home', headers: auth })).statusCode, 401);
      assert.equal((await post(ctx.app, '/api/v1/public/family-sessions/refresh', { refreshToken: fresh.refreshToken })).statusCode, 401);
      const hashes = await ctx.db.selectFrom('family_tokens').select('token_hash').execute();
      assert.ok(!hashes.some((h) => h.token_hash === fresh.accessToken), 'tokens are stored as hashes only');
    });

    it('expires access tokens', async () => {
      const invite = await post(ctx.app, '/api/v1/invites', { schoolId: school.schoolId, familyId: school.family.id }, school.auth);
      const session = (await post(ctx.app, '/api/v1/public/family-sessions/invite', { code: invite.json().code })).json();
      await ctx.db
        .updateTable('family_tokens')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('kind', '=', 'access')
        .execute();
      const expired = await ctx.app.inject({ url: '/api/v1/family/home', headers: { authorization: `Bearer ${session.accessToken}` } });
      assert.equal(expired.statusCode, 401);
      const refreshed = await post(ctx.app, '/api/v1/public/family-sessions/refresh', { refreshToken: session.refreshToken });
      assert.equal(refreshed.statusCode, 200, 'the refresh token brings the family back without signing in');
    });

    it('prunes expired tokens and links but keeps live ones', async () => {
      const { pruneExpiredCredentials } = await import('../dist/messages/prune.js');
      const invite = await post(ctx.app, '/api/v1/invites', { schoolId: school.schoolId, familyId: school.family.id }, school.auth);
      const live = (await post(ctx.app, '/api/v1/public/family-sessions/invite', { code: invite.json().code })).json();
      const removed = await pruneExpiredCredentials(ctx.db, new Date());
      assert.ok(removed > 0, 'the access tokens expired by the test above went');
      const home = await ctx.app.inject({ url: '/api/v1/family/home', headers: { authorization: `Bearer ${live.accessToken}` } });
      assert.equal(home.statusCode, 200, 'a live session still works');
    });

    it('emails the family (in its language) when staff reply, without the message text', async () => {
      const invite = await post(ctx.app, '/api/v1/invites', { schoolId: school.schoolId, familyId: school.family.id }, school.auth);
      const session = (await post(ctx.app, '/api/v1/public/family-sessions/invite', { code: invite.json().code })).json();
      const conversation = await openConversation(
        ctx.app,
        { authorization: `Bearer ${session.accessToken}` },
        { schoolId: school.schoolId, staffUserId: school.staffUserId },
      );
      const count = smtp.messages.length;
      const reply = await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'Private: grades attached');
      assert.equal(reply.statusCode, 201, reply.body);
      const mails = await smtp.waitFor(count + 1);
      const text = mailText(mails.at(-1).data);
      assert.match(text, /Nuevo mensaje de Ms\. auth/);
      assert.ok(!text.includes('grades attached'));
    });

    it('emails a waitlisted family when its place is confirmed', async () => {
      const eventId = await createPublishedEvent(
        ctx.app,
        school,
        sampleEventInput(school.schoolId, {
          sessions: [
            {
              id: 'early',
              startsAt: new Date(Date.now() + 86_400_000).toISOString(),
              endsAt: new Date(Date.now() + 90_000_000).toISOString(),
              capacity: 2,
            },
          ],
        }),
      );
      const first = (await rsvp(ctx.app, eventId, rsvpBody({ adults: 2 }))).json();
      const waiting = (
        await rsvp(ctx.app, eventId, rsvpBody({ adults: 1, contact: { email: 'waiting@example.org' }, locale: 'es' }))
      ).json();
      assert.equal(waiting.status, 'waitlisted');
      const count = smtp.messages.length;
      const cancelled = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/public/rsvps/${first.rsvpId}/cancel`,
        headers: { 'x-rsvp-token': first.editToken },
      });
      assert.equal(cancelled.statusCode, 200);
      const mails = await smtp.waitFor(count + 1);
      assert.ok(mails.at(-1).to.some((line) => line.includes('waiting@example.org')));
      assert.match(mailText(mails.at(-1).data), /se abri/i);
    });
  });
}

describe('email in development (no SMTP_URL)', () => {
  it('writes the sign-in link to the server log at info level in development mode', async () => {
    const lines = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(
          ...chunk
            .toString()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l)),
        );
        callback();
      },
    });
    const [target] = databaseTargets();
    const previous = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    const ctx = await startApp(target, {
      logger: { level: 'info', stream },
      messaging: { translationProvider: null, publicUrl: 'https://tandem.example', development: true },
    });
    try {
      const school = await messagingTenant(ctx.app, ctx.db, 'devmail', { email: 'dev@example.org' });
      const response = await post(ctx.app, '/api/v1/public/family-sessions/email-link-requests', {
        organization: 'devmail',
        email: 'dev@example.org',
        locale: 'en',
      });
      assert.equal(response.statusCode, 202);
      const entry = lines.find((l) => l.mail?.to === 'dev@example.org');
      assert.ok(entry, 'the email is in the log');
      assert.equal(entry.level, 30, 'info');
      const token = /https:\/\/tandem\.example\/family\/sign-in#tandem-sign-in=(tml_[\w-]+)/.exec(entry.mail.text)?.[1];
      assert.ok(token, entry.mail.text);
      const session = await post(ctx.app, '/api/v1/public/family-sessions/email-link', { token });
      assert.equal(session.statusCode, 201);
      assert.equal(session.json().family.id, school.family.id);
    } finally {
      if (previous !== undefined) process.env.SMTP_URL = previous;
      await ctx.close();
    }
  });
});
