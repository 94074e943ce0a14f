// Fan-out: many streams of one family (devices, tabs) share each wake's read instead of querying once
// per stream, and sharing never costs a stream an event or repeats one, whatever position it resumed from.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseTargets, startApp } from './helpers.js';
import { familySignIn, messagingTenant, openConversation, openEventStream, sendAsStaff } from './messaging-fixtures.js';

const STREAMS = 20;

for (const target of databaseTargets()) {
  describe(`stream fan-out on ${target.name}`, () => {
    let ctx;
    let base;
    let school;
    let family;
    let conversation;
    const streams = [];
    before(async () => {
      // A long poll interval: only the local send wakes the hub, so the reads counted below are the wake's.
      ctx = await startApp(target, { messaging: { translationProvider: null, realtimePollMs: 60_000, heartbeatMs: 60_000 } });
      base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      school = await messagingTenant(ctx.app, ctx.db, 'fanout');
      family = await familySignIn(ctx.app, school, school.family.id);
      conversation = await openConversation(ctx.app, family.auth, { schoolId: school.schoolId, staffUserId: school.staffUserId });
    });
    after(async () => {
      for (const s of streams) await s.close();
      await ctx.close();
    });

    /** Counts the message-log reads the app makes while `work` runs (the hub's poll included). */
    async function logReadsDuring(work) {
      let reads = 0;
      const selectFrom = ctx.db.selectFrom;
      ctx.db.selectFrom = function (table, ...rest) {
        if (table === 'message_log') reads++;
        return selectFrom.call(this, table, ...rest);
      };
      try {
        await work();
      } finally {
        ctx.db.selectFrom = selectFrom;
      }
      return reads;
    }

    it('reads once per wake for all the streams of one family, and each gets every event once, in order', async () => {
      const first = (await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'before anyone listened')).json().message.seq;
      for (let i = 0; i < STREAMS; i++) {
        streams.push(await openEventStream(`${base}/api/v1/family/stream`, family.auth));
      }
      // One more, resuming from before the first message: it is behind the others and must catch up on its own.
      const behind = await openEventStream(`${base}/api/v1/family/stream`, { ...family.auth, 'last-event-id': String(first - 1) });
      streams.push(behind);
      await behind.next(1);

      const sent = [];
      const reads = await logReadsDuring(async () => {
        sent.push((await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'to every device')).json().message.seq);
        await Promise.all(streams.slice(0, STREAMS).map((s) => s.next(1)));
      });
      assert.ok(reads <= 4, `${STREAMS} streams woken by one message read the log ${reads} times (one poll, one shared read)`);

      for (const text of ['two', 'three', 'four']) {
        sent.push((await sendAsStaff(ctx.app, school.staffAuth, conversation.id, text)).json().message.seq);
      }
      await Promise.all(streams.slice(0, STREAMS).map((s) => s.next(4)));
      await behind.next(5);
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const s of streams.slice(0, STREAMS)) {
        assert.deepEqual(
          s.events.map((e) => e.id),
          sent,
        );
      }
      assert.deepEqual(
        behind.events.map((e) => e.id),
        [first, ...sent],
      );
      assert.deepEqual(
        behind.events.map((e) => e.data.body),
        ['before anyone listened', 'to every device', 'two', 'three', 'four'],
      );
    });
  });
}
