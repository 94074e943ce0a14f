// What staff and strangers must not be able to do with family sign-in and conversations, on both databases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databaseTargets, startApp } from './helpers.js';
import { familySignIn, messagingTenant, openConversation, registerFamily, sendAsFamily } from './messaging-fixtures.js';
import { ensureSchool } from '../dist/index.js';

/** A mailer that keeps what it would send, so a test can read the link a family would get. */
function recordingMailer() {
  const sent = [];
  return { sent, mode: 'smtp', send: async (message) => void sent.push(message), close() {} };
}

for (const target of databaseTargets()) {
  describe(`messaging security on ${target.name}`, () => {
    let ctx;
    let tenant;
    const mailer = recordingMailer();
    const requestLink = (headers, payload) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/public/family-sessions/email-link-requests', headers, payload });

    before(async () => {
      ctx = await startApp(target, { messaging: { translationProvider: null, mailer, publicUrl: 'https://tandem.example' } });
      tenant = await messagingTenant(ctx.app, ctx.db, 'secure', { email: 'ana@example.org' });
    });
    after(async () => {
      await ctx?.close();
    });

    it('builds sign-in links from the configured address, whatever Host header a request claims', async () => {
      const forged = await requestLink(
        { host: 'evil.example' },
        { organization: 'secure', email: 'ana@example.org', locale: 'en', returnUrl: 'http://evil.example/collect' },
      );
      assert.equal(forged.statusCode, 422, 'a return address on the claimed host is refused');
      assert.equal(mailer.sent.length, 0, 'and nothing is sent');

      const plain = await requestLink({ host: 'evil.example' }, { organization: 'secure', email: 'ana@example.org', locale: 'en' });
      assert.equal(plain.statusCode, 202);
      const link = /\S+#tandem-sign-in=\S+/.exec(mailer.sent.at(-1).text)?.[0];
      assert.ok(link?.startsWith('https://tandem.example/family/sign-in#'), `the link leads to this server: ${link}`);
    });

    it('lets staff change their own office hours only where an admin made them a member', async () => {
      await ensureSchool(ctx.db, tenant.organizationId, 'secure-other', 'Other school');
      const family = await registerFamily(ctx.app, { ...tenant, schoolId: 'secure-other' });
      const session = await familySignIn(ctx.app, { ...tenant, schoolId: 'secure-other' }, family.id);
      const conversation = await openConversation(ctx.app, session.auth, { schoolId: 'secure-other' });
      await sendAsFamily(ctx.app, session.auth, conversation.id, 'A note for the other office');

      const join = await ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/schools/secure-other/staff/${tenant.staffUserId}/messaging`,
        headers: tenant.staffAuth,
        payload: {},
      });
      assert.equal(join.statusCode, 404, 'a teacher cannot add themselves to another school');
      const read = await ctx.app.inject({ url: `/api/v1/conversations/${conversation.id}/messages`, headers: tenant.staffAuth });
      assert.equal(read.statusCode, 404, "the other school's conversations stay closed to them");

      const own = await ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/schools/${tenant.schoolId}/staff/${tenant.staffUserId}/messaging`,
        headers: tenant.staffAuth,
        payload: {
          officeHours: { timeZone: 'America/Chicago', schedule: { regular: [{ weekday: 1, opensAt: '08:00', closesAt: '15:00' }] } },
        },
      });
      assert.equal(own.statusCode, 200, own.body);
    });

    it('keeps family records and sign-in codes to admins, so staff cannot sign in as a family', async () => {
      const invite = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/invites',
        headers: tenant.staffAuth,
        payload: { schoolId: tenant.schoolId, familyId: tenant.family.id },
      });
      assert.equal(invite.statusCode, 403);
      const family = await ctx.app.inject({ url: `/api/v1/families/${tenant.family.id}`, headers: tenant.staffAuth });
      assert.equal(family.statusCode, 403);
      const byAdmin = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/invites',
        headers: tenant.auth,
        payload: { schoolId: tenant.schoolId, familyId: tenant.family.id },
      });
      assert.equal(byAdmin.statusCode, 201);
    });
  });
}
