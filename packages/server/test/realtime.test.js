// Server-sent events over real HTTP: new messages and read receipts reach the family and the staff
// inbox, a dropped connection resumes from Last-Event-ID with nothing lost or repeated, EventSource
// tickets work once, other tenants hear nothing, and two server processes sharing one database
// deliver each other's messages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp, createApiToken } from '../dist/index.js';
import { databaseTargets, startApp } from './helpers.js';
import { familySignIn, messagingTenant, openConversation, openEventStream, sendAsFamily, sendAsStaff } from './messaging-fixtures.js';

const realtime = { translationProvider: null, realtimePollMs: 100, heartbeatMs: 200 };

for (const target of databaseTargets()) {
  describe(`realtime streams on ${target.name}`, () => {
    let ctx;
    let base;
    let school;
    let family;
    let conversation;
    const streams = [];
    const open = async (path, headers) => {
      const stream = await openEventStream(`${base}${path}`, headers);
      streams.push(stream);
      return stream;
    };
    before(async () => {
      ctx = await startApp(target, { messaging: realtime });
      base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      school = await messagingTenant(ctx.app, ctx.db, 'rt');
      family = await familySignIn(ctx.app, school, school.family.id);
      conversation = await openConversation(ctx.app, family.auth, { schoolId: school.schoolId, staffUserId: school.staffUserId });
    });
    after(async () => {
      for (const s of streams) await s.close();
      await ctx.close();
    });

    it('delivers replies and read receipts to the family as they happen, with heartbeats', async () => {
      const stream = await open('/api/v1/family/stream', family.auth);
      assert.equal(stream.response.status, 200);
      assert.match(stream.response.headers.get('content-type'), /^text\/event-stream/);
      assert.equal(stream.response.headers.get('access-control-allow-origin'), '*', 'embeddable from any school site');
      await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'First reply');
      await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'Second reply');
      const [first, second] = await stream.next(2);
      assert.deepEqual(
        [first.event, first.data.body, second.event, second.data.body],
        ['message', 'First reply', 'message', 'Second reply'],
      );
      assert.ok(second.id > first.id, 'event ids grow');
      assert.equal(first.id, first.data.seq);
      await sendAsFamily(ctx.app, family.auth, conversation.id, 'Gracias');
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${conversation.id}/read`,
        headers: school.staffAuth,
        payload: {},
      });
      const events = await stream.next(4);
      assert.equal(events[2].data.body, 'Gracias');
      assert.deepEqual([events[3].event, events[3].data.readerKind, events[3].data.lastReadSeq], ['read', 'staff', events[2].id]);
      await new Promise((resolve) => setTimeout(resolve, 450));
      assert.ok(stream.comments.includes(': heartbeat'));
      await stream.close();
    });

    it('resumes from Last-Event-ID with no duplicates and no gaps', async () => {
      const stream = await open('/api/v1/family/stream', family.auth);
      await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'before the tunnel');
      const [seen] = await stream.next(1);
      await stream.close();
      // Offline: the phone misses these.
      const missed = [];
      for (const text of ['one', 'two', 'three'])
        missed.push((await sendAsStaff(ctx.app, school.staffAuth, conversation.id, text)).json().message.seq);
      const resumed = await open('/api/v1/family/stream', { ...family.auth, 'last-event-id': String(seen.id) });
      await resumed.next(3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(
        resumed.events.map((e) => e.id),
        missed,
      );
      assert.deepEqual(
        resumed.events.map((e) => e.data.body),
        ['one', 'two', 'three'],
      );
      await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'live again');
      await resumed.next(4);
      assert.equal(resumed.events[3].data.body, 'live again');
      await resumed.close();
    });

    it('says where a stream starts, so a reconnect before any event misses nothing sent in between', async () => {
      const latest = (await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'already read')).json().message.seq;
      const quiet = await open('/api/v1/family/stream', family.auth);
      const deadline = Date.now() + 3000;
      while (quiet.ready.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(quiet.ready, [latest], 'the first event names the newest entry the family could see');
      assert.deepEqual(quiet.events, []);
      await quiet.close();
      const gap = (await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'while reconnecting')).json().message.seq;
      const again = await open('/api/v1/family/stream', { ...family.auth, 'last-event-id': String(quiet.ready[0]) });
      const [event] = await again.next(1);
      assert.deepEqual([event.id, event.data.body], [gap, 'while reconnecting']);
      await again.close();
    });

    it('opens with a single-use ticket for EventSource, and refuses without credentials', async () => {
      const ticket = await ctx.app.inject({ method: 'POST', url: '/api/v1/family/stream-tickets', headers: family.auth });
      assert.equal(ticket.statusCode, 201, ticket.body);
      const stream = await open(`/api/v1/family/stream?ticket=${encodeURIComponent(ticket.json().ticket)}`);
      assert.equal(stream.response.status, 200);
      await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'via ticket');
      await stream.next(1);
      assert.equal(stream.events[0].data.body, 'via ticket');
      const reused = await fetch(`${base}/api/v1/family/stream?ticket=${encodeURIComponent(ticket.json().ticket)}`);
      assert.equal(reused.status, 401);
      await reused.body?.cancel();
      const none = await fetch(`${base}/api/v1/family/stream`);
      assert.equal(none.status, 401);
      await none.body?.cancel();
      const wrongKind = await fetch(`${base}/api/v1/inbox/stream?ticket=${encodeURIComponent(ticket.json().ticket)}`);
      assert.equal(wrongKind.status, 401);
      await wrongKind.body?.cancel();
      await stream.close();
    });

    it('feeds the staff inbox stream, and nothing reaches another organization or family', async () => {
      const otherOrg = await messagingTenant(ctx.app, ctx.db, 'rt-other');
      const otherFamily = await familySignIn(ctx.app, otherOrg, otherOrg.family.id);
      const ticket = await ctx.app.inject({ method: 'POST', url: '/api/v1/inbox/stream-tickets', headers: school.staffAuth });
      const inbox = await open(`/api/v1/inbox/stream?ticket=${encodeURIComponent(ticket.json().ticket)}`);
      const foreignInbox = await open('/api/v1/inbox/stream', otherOrg.staffAuth);
      const foreignFamily = await open('/api/v1/family/stream', otherFamily.auth);
      // A staff-role token that belongs to no staff member reads no one's messages.
      const { token: automation } = await createApiToken(ctx.db, {
        organizationId: school.organizationId,
        role: 'staff',
        name: 'automation',
      });
      const nobody = await open('/api/v1/inbox/stream', { authorization: `Bearer ${automation}` });
      assert.equal(nobody.response.status, 200);
      const nobodyInbox = await ctx.app.inject({ url: '/api/v1/inbox', headers: { authorization: `Bearer ${automation}` } });
      assert.deepEqual(nobodyInbox.json().items, []);
      assert.equal(inbox.response.status, 200);
      await sendAsFamily(ctx.app, family.auth, conversation.id, 'Para la maestra');
      await inbox.next(1);
      assert.equal(inbox.events[0].data.body, 'Para la maestra');
      assert.equal(inbox.events[0].data.conversationId, conversation.id);
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.deepEqual(foreignInbox.events, []);
      assert.deepEqual(foreignFamily.events, []);
      assert.deepEqual(nobody.events, []);
    });

    it('ends a family stream once the family signs out', async () => {
      const invite = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/invites',
        headers: school.auth,
        payload: { schoolId: school.schoolId, familyId: school.family.id },
      });
      const session = (
        await ctx.app.inject({ method: 'POST', url: '/api/v1/public/family-sessions/invite', payload: { code: invite.json().code } })
      ).json();
      const auth = { authorization: `Bearer ${session.accessToken}` };
      const stream = await openEventStream(`${base}/api/v1/family/stream`, auth);
      await ctx.app.inject({ method: 'POST', url: '/api/v1/family/sign-out', headers: auth });
      const ended = await Promise.race([
        (async () => {
          for await (const _ of stream.response.body ?? []) {
            // drain until the server ends it
          }
          return true;
        })().catch(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), 3000)),
      ]);
      assert.equal(ended, true, 'the server closed the stream');
      await stream.close();
    });
  });

  describe(`two server processes sharing one database on ${target.name}`, () => {
    let first;
    let second;
    let secondBase;
    // On PostgreSQL the poll is pushed out of reach, so only LISTEN/NOTIFY can deliver in time.
    const options = { ...realtime, realtimePollMs: target.name === 'postgres' ? 60_000 : 100 };
    before(async () => {
      first = await startApp(target, { messaging: options });
      // A second app on the same database, as a second process behind a load balancer would be.
      second = await buildApp({ database: first.config, rateLimitPerMinute: 0, messaging: options });
      secondBase = await second.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      await second.close();
      await first.close();
    });

    it("delivers a message written through one process on the other's stream", async () => {
      const school = await messagingTenant(first.app, first.db, 'rt-two');
      const family = await familySignIn(first.app, school, school.family.id);
      const conversation = await openConversation(first.app, family.auth, { schoolId: school.schoolId, staffUserId: school.staffUserId });
      const stream = await openEventStream(`${secondBase}/api/v1/family/stream`, family.auth);
      try {
        const started = Date.now();
        await sendAsStaff(first.app, school.staffAuth, conversation.id, 'from process one');
        await stream.next(1, 3000);
        assert.equal(stream.events[0].data.body, 'from process one');
        assert.ok(Date.now() - started < 2000, 'within two seconds');
      } finally {
        await stream.close();
      }
    });
  });
}
