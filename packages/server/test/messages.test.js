// Conversations and messages over HTTP: sending once per Idempotency-Key, unread counts and read
// receipts on both sides, pages of 50 through a 10,000-message thread, office hours, and tenancy.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { databaseTargets, isProblemResponse, startApp } from './helpers.js';
import {
  addTeacher,
  familySignIn,
  messagingTenant,
  openConversation,
  registerFamily,
  sendAsFamily,
  sendAsStaff,
} from './messaging-fixtures.js';

for (const target of databaseTargets()) {
  describe(`messages on ${target.name}`, () => {
    let ctx;
    let school;
    let family;
    let conversation;
    before(async () => {
      ctx = await startApp(target, { messaging: { translationProvider: null } });
      school = await messagingTenant(ctx.app, ctx.db, 'msgs');
      family = await familySignIn(ctx.app, school, school.family.id);
      conversation = await openConversation(ctx.app, family.auth, {
        schoolId: school.schoolId,
        staffUserId: school.staffUserId,
        studentId: 'stu-1',
      });
    });
    after(() => ctx.close());

    it('opens one conversation per family, staff member and student', async () => {
      assert.equal(conversation.with.kind, 'staff');
      assert.equal(conversation.with.name, 'Ms. msgs');
      assert.deepEqual(conversation.student, { id: 'stu-1', name: 'Leo García' });
      const again = await openConversation(ctx.app, family.auth, {
        schoolId: school.schoolId,
        staffUserId: school.staffUserId,
        studentId: 'stu-1',
      });
      assert.equal(again.id, conversation.id);
      const office = await openConversation(ctx.app, family.auth, { schoolId: school.schoolId });
      assert.notEqual(office.id, conversation.id);
      assert.equal(office.with.kind, 'office');
      const strangerStudent = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/family/conversations',
        headers: family.auth,
        payload: { schoolId: school.schoolId, studentId: 'not-my-child' },
      });
      assert.equal(strangerStudent.statusCode, 422);
      assert.equal(strangerStudent.json().errors[0].pointer, '/studentId');
    });

    it('sends exactly once per Idempotency-Key and keeps the client message id', async () => {
      const key = randomUUID();
      const first = await sendAsFamily(ctx.app, family.auth, conversation.id, 'Hola, ¿cómo va Leo?', { key, clientMessageId: 'outbox-1' });
      assert.equal(first.statusCode, 201, first.body);
      const retry = await sendAsFamily(ctx.app, family.auth, conversation.id, 'Hola, ¿cómo va Leo?', { key, clientMessageId: 'outbox-1' });
      assert.equal(retry.statusCode, 201);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal(retry.json().message.id, first.json().message.id);
      assert.equal(first.json().message.clientMessageId, 'outbox-1');
      assert.equal(first.json().message.state, 'sent');
      const other = await sendAsFamily(ctx.app, family.auth, conversation.id, 'Otro texto', { key });
      assert.equal(other.statusCode, 422, 'same key, different body');
      const page = await ctx.app.inject({ url: `/api/v1/family/conversations/${conversation.id}/messages`, headers: family.auth });
      assert.equal(page.json().items.filter((m) => m.body === 'Hola, ¿cómo va Leo?').length, 1);
      const missingKey = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/family/conversations/${conversation.id}/messages`,
        headers: family.auth,
        payload: { body: 'x', locale: 'es' },
      });
      assert.equal(missingKey.statusCode, 400);
    });

    it('refuses empty and over-long messages with field errors', async () => {
      const blank = await sendAsFamily(ctx.app, family.auth, conversation.id, '   ');
      assert.equal(blank.statusCode, 422);
      assert.equal(blank.json().errors[0].code, 'required');
      const long = await sendAsFamily(ctx.app, family.auth, conversation.id, 'a'.repeat(5001));
      assert.equal(long.statusCode, 422);
      assert.deepEqual(long.json().errors[0].params, { max: 5000 });
      const exactly = await sendAsFamily(ctx.app, family.auth, conversation.id, 'é'.repeat(5000));
      assert.equal(exactly.statusCode, 201, '5,000 characters fit');
    });

    it('counts unread messages for both sides and moves message states to read', async () => {
      const inbox = await ctx.app.inject({ url: '/api/v1/inbox', headers: school.staffAuth });
      assert.equal(inbox.statusCode, 200, inbox.body);
      const mine = inbox.json().items.find((c) => c.id === conversation.id);
      assert.equal(mine.unread, 2);
      assert.equal(inbox.json().items[0].id, conversation.id, 'unread first');
      const reply = await sendAsStaff(ctx.app, school.staffAuth, conversation.id, 'Leo is doing great.');
      assert.equal(reply.statusCode, 201, reply.body);
      let list = await ctx.app.inject({ url: '/api/v1/family/conversations', headers: family.auth });
      assert.equal(list.json().items.find((c) => c.id === conversation.id).unread, 1);

      const read = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/conversations/${conversation.id}/read`,
        headers: school.staffAuth,
        payload: {},
      });
      assert.equal(read.statusCode, 200);
      assert.equal(read.json().readerKind, 'staff');
      const familyView = await ctx.app.inject({ url: `/api/v1/family/conversations/${conversation.id}/messages`, headers: family.auth });
      const states = familyView.json().items.map((m) => [m.sender.kind, m.state]);
      assert.deepEqual(states, [
        ['family', 'read'],
        ['family', 'read'],
        ['staff', 'sent'],
      ]);
      const familyRead = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/family/conversations/${conversation.id}/read`,
        headers: family.auth,
        payload: {},
      });
      assert.equal(familyRead.json().lastReadSeq, reply.json().message.seq);
      list = await ctx.app.inject({ url: '/api/v1/family/conversations', headers: family.auth });
      assert.equal(list.json().items.find((c) => c.id === conversation.id).unread, 0);
      const staffView = await ctx.app.inject({ url: `/api/v1/conversations/${conversation.id}/messages`, headers: school.staffAuth });
      assert.equal(staffView.json().items.at(-1).state, 'read');
      // A mark never moves back.
      const back = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/family/conversations/${conversation.id}/read`,
        headers: family.auth,
        payload: { upToSeq: 1 },
      });
      assert.equal(back.json().lastReadSeq, reply.json().message.seq);
    });

    it('tells the family when a reply can be expected outside office hours, with the emergency notice', async () => {
      // Office hours on a day that is never today: closed now, opening within a week.
      const weekday = ((new Date().getUTCDay() + 2) % 7) + 1;
      const hours = { timeZone: 'UTC', schedule: { regular: [{ weekday, opensAt: '08:00', closesAt: '09:00' }] } };
      const setStaff = await ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/schools/${school.schoolId}/staff/${school.staffUserId}/messaging`,
        headers: school.staffAuth,
        payload: { officeHours: hours },
      });
      assert.equal(setStaff.statusCode, 200, setStaff.body);
      const badZone = await ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/schools/${school.schoolId}/messaging`,
        headers: school.auth,
        payload: { officeHours: { ...hours, timeZone: 'Mars/Olympus' } },
      });
      assert.equal(badZone.statusCode, 422);
      assert.equal(badZone.json().errors[0].pointer, '/officeHours/timeZone');
      const notice = { en: 'Not for emergencies: call 911 or the office at 555-0100.', es: 'No es para emergencias: llame al 911.' };
      const setSchool = await ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/schools/${school.schoolId}/messaging`,
        headers: school.auth,
        payload: { emergencyNotice: notice, officeName: 'Front office' },
      });
      assert.equal(setSchool.statusCode, 200, setSchool.body);
      const sent = await sendAsFamily(ctx.app, family.auth, conversation.id, '¿Puede llamarme?');
      const receipt = sent.json();
      assert.equal(receipt.availability.open, false);
      assert.equal(receipt.availability.hoursSet, true);
      assert.equal(receipt.availability.nextOpening.time, '08:00');
      assert.equal(receipt.availability.nextOpening.weekday, weekday);
      assert.deepEqual(receipt.emergencyNotice, notice);
      const home = await ctx.app.inject({ url: '/api/v1/family/home', headers: family.auth });
      assert.equal(home.statusCode, 200, home.body);
      const homeSchool = home.json().schools.find((s) => s.id === school.schoolId);
      assert.deepEqual(homeSchool.emergencyNotice, notice);
      assert.deepEqual(
        homeSchool.contacts.map((c) => [c.kind, c.name, c.availability.open]),
        [
          ['office', 'Front office', true],
          ['staff', 'Ms. msgs', false],
        ],
      );
      // The console reads back what is set, so its forms start from it.
      const readSchool = await ctx.app.inject({ url: `/api/v1/schools/${school.schoolId}/messaging`, headers: school.staffAuth });
      assert.equal(readSchool.statusCode, 200, readSchool.body);
      assert.deepEqual(readSchool.json(), { schoolId: school.schoolId, officeName: 'Front office', emergencyNotice: notice });
      const readStaff = await ctx.app.inject({
        url: `/api/v1/schools/${school.schoolId}/staff/${school.staffUserId}/messaging`,
        headers: school.staffAuth,
      });
      assert.equal(readStaff.statusCode, 200, readStaff.body);
      assert.deepEqual(readStaff.json().officeHours, hours);
      const staffCannotSetSchool = await ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/schools/${school.schoolId}/messaging`,
        headers: school.staffAuth,
        payload: {},
      });
      assert.equal(staffCannotSetSchool.statusCode, 403);
    });

    it('pages through a 10,000-message thread, 50 at a time, newest last, with no gaps or repeats', async () => {
      const long = await openConversation(ctx.app, family.auth, { schoolId: school.schoolId, staffUserId: school.staffUserId });
      // Written straight to the tables (as sends would): 10,000 HTTP sends would test the clock, not paging.
      const db = ctx.db;
      const row = await db.selectFrom('conversations').selectAll().where('id', '=', long.id).executeTakeFirstOrThrow();
      const total = 10_000;
      for (let start = 0; start < total; start += 500) {
        await db.transaction().execute(async (trx) => {
          for (let i = start; i < Math.min(start + 500, total); i++) {
            const created = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
            const id = randomUUID();
            const { seq } = await trx
              .insertInto('message_log')
              .values({
                organization_id: row.organization_id,
                conversation_id: row.id,
                family_id: row.family_id,
                school_id: row.school_id,
                staff_user_id: row.staff_user_id,
                kind: 'message',
                message_id: id,
                reader_kind: null,
                read_seq: null,
                created_at: created,
              })
              .returning('seq')
              .executeTakeFirstOrThrow();
            await trx
              .insertInto('messages')
              .values({
                id,
                seq: Number(seq),
                organization_id: row.organization_id,
                conversation_id: row.id,
                sender_kind: i % 2 ? 'staff' : 'family',
                sender_id: 'x',
                sender_name: 'x',
                body: `message ${i}`,
                locale: 'en',
                client_message_id: null,
                created_at: created,
              })
              .execute();
          }
        });
      }
      const seen = [];
      let before;
      let pages = 0;
      const started = Date.now();
      for (;;) {
        const page = await ctx.app.inject({
          url: `/api/v1/family/conversations/${long.id}/messages${before ? `?before=${before}` : ''}`,
          headers: family.auth,
        });
        assert.equal(page.statusCode, 200, page.body);
        const body = page.json();
        pages++;
        assert.ok(body.items.length <= 50);
        const seqs = body.items.map((m) => m.seq);
        assert.deepEqual(
          seqs,
          [...seqs].sort((a, b) => a - b),
          'oldest first within a page',
        );
        seen.unshift(...body.items.map((m) => m.body));
        if (!body.hasMore) break;
        before = body.before;
      }
      assert.equal(pages, 200);
      assert.equal(seen.length, total);
      assert.deepEqual(seen.slice(0, 3), ['message 0', 'message 1', 'message 2']);
      assert.equal(seen.at(-1), 'message 9999');
      assert.equal(new Set(seen).size, total);
      assert.ok(Date.now() - started < 60_000);
      const inbox = await ctx.app.inject({ url: '/api/v1/inbox', headers: school.staffAuth });
      assert.equal(inbox.json().items.find((c) => c.id === long.id).unread, 5000);
    });

    describe('tenancy', () => {
      let otherOrg;
      let otherFamily;
      let sameSchoolFamily;
      let otherTeacherAuth;
      before(async () => {
        otherOrg = await messagingTenant(ctx.app, ctx.db, 'elsewhere');
        otherFamily = await familySignIn(ctx.app, otherOrg, otherOrg.family.id);
        const neighbour = await registerFamily(ctx.app, school, { name: 'Neighbour', students: [] });
        sameSchoolFamily = await familySignIn(ctx.app, school, neighbour.id);
        // A second teacher at the same school sees the office's threads, not a colleague's.
        otherTeacherAuth = (await addTeacher(ctx.app, ctx.db, school, 'Mr. Second')).auth;
      });

      it('a family never reads or writes another family’s conversation, in or out of its organization', async () => {
        for (const intruder of [otherFamily, sameSchoolFamily]) {
          const read = await ctx.app.inject({ url: `/api/v1/family/conversations/${conversation.id}/messages`, headers: intruder.auth });
          assert.equal(read.statusCode, 404);
          assert.ok(isProblemResponse(read));
          const write = await sendAsFamily(ctx.app, intruder.auth, conversation.id, 'intrusion');
          assert.equal(write.statusCode, 404);
          const mark = await ctx.app.inject({
            method: 'POST',
            url: `/api/v1/family/conversations/${conversation.id}/read`,
            headers: intruder.auth,
            payload: {},
          });
          assert.equal(mark.statusCode, 404);
          const list = await ctx.app.inject({ url: '/api/v1/family/conversations', headers: intruder.auth });
          assert.ok(!list.json().items.some((c) => c.id === conversation.id));
        }
        const foreignSchool = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/family/conversations',
          headers: otherFamily.auth,
          payload: { schoolId: school.schoolId },
        });
        assert.equal(foreignSchool.statusCode, 422, 'cannot open a conversation at another organization’s school');
      });

      it('staff of another organization, or another staff member’s thread, stay out', async () => {
        for (const auth of [otherOrg.staffAuth, otherOrg.auth, otherTeacherAuth]) {
          const read = await ctx.app.inject({ url: `/api/v1/conversations/${conversation.id}/messages`, headers: auth });
          assert.equal(read.statusCode, 404, read.body);
          const write = await sendAsStaff(ctx.app, auth, conversation.id, 'intrusion');
          assert.equal(write.statusCode, 404);
          const inbox = await ctx.app.inject({ url: '/api/v1/inbox', headers: auth });
          assert.ok(!inbox.json().items.some((c) => c.id === conversation.id));
        }
        const office = await openConversation(ctx.app, family.auth, { schoolId: school.schoolId });
        const colleagueOnOffice = await ctx.app.inject({ url: `/api/v1/conversations/${office.id}/messages`, headers: otherTeacherAuth });
        assert.equal(colleagueOnOffice.statusCode, 200, 'every staff member of the school answers the office');
        const admin = await ctx.app.inject({ url: `/api/v1/conversations/${conversation.id}/messages`, headers: school.auth });
        assert.equal(admin.statusCode, 200, 'the organization admin can read every thread of its schools');
      });

      it('lets only an admin of the organization export a thread, formula-safe', async () => {
        await sendAsFamily(ctx.app, family.auth, conversation.id, '=HYPERLINK("http://x")');
        const csv = await ctx.app.inject({ url: `/api/v1/conversations/${conversation.id}/export.csv`, headers: school.auth });
        assert.equal(csv.statusCode, 200, csv.body);
        assert.match(csv.headers['content-type'], /^text\/csv/);
        const lines = csv.body
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n');
        assert.equal(lines[0], 'Seq,Sent at,From,Name,Language,Message');
        assert.ok(lines.some((l) => l.includes('Hola, ¿cómo va Leo?')));
        assert.ok(
          lines.some((l) => l.includes(`"'=HYPERLINK(""http://x"")"`)),
          'a formula is exported as text',
        );
        for (const auth of [school.staffAuth, otherOrg.auth]) {
          const refused = await ctx.app.inject({ url: `/api/v1/conversations/${conversation.id}/export.csv`, headers: auth });
          assert.ok([403, 404].includes(refused.statusCode), String(refused.statusCode));
        }
      });

      it('refuses family routes without a valid session and staff routes without a token', async () => {
        const none = await ctx.app.inject({ url: '/api/v1/family/conversations' });
        assert.equal(none.statusCode, 401);
        const staffTokenAsFamily = await ctx.app.inject({ url: '/api/v1/family/conversations', headers: school.staffAuth });
        assert.equal(staffTokenAsFamily.statusCode, 401);
        const familyTokenAsStaff = await ctx.app.inject({ url: '/api/v1/inbox', headers: family.auth });
        assert.equal(familyTokenAsStaff.statusCode, 401);
      });
    });
  });
}

describe('message box from other sites', () => {
  let ctx;
  let school;
  let family;
  let conversation;
  before(async () => {
    ctx = await startApp(databaseTargets()[0], { rateLimitPerMinute: 2, messaging: { translationProvider: null } });
    school = await messagingTenant(ctx.app, ctx.db, 'cors');
    family = await familySignIn(ctx.app, school, school.family.id);
    conversation = await openConversation(ctx.app, family.auth, { schoolId: school.schoolId });
  });
  after(() => ctx.close());

  it('answers preflight for family routes from any origin, bearer token and Last-Event-ID allowed', async () => {
    const preflight = await ctx.app.inject({
      method: 'OPTIONS',
      url: `/api/v1/family/conversations/${conversation.id}/messages`,
      headers: {
        origin: 'https://lincoln-school.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key,last-event-id',
      },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    const allowed = preflight.headers['access-control-allow-headers'].toLowerCase();
    for (const header of ['authorization', 'idempotency-key', 'last-event-id']) assert.match(allowed, new RegExp(header));
    const staffPreflight = await ctx.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/inbox',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    assert.notEqual(staffPreflight.statusCode, 204, 'the staff inbox stays same-origin');
  });

  it('describes the family routes in OpenAPI with their bearer scheme', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    const send = doc.paths['/api/v1/family/conversations/{conversationId}/messages'].post;
    assert.deepEqual(send.security, [{ familyBearer: [] }]);
    assert.deepEqual(send.tags, ['family']);
    assert.ok(send.parameters.some((p) => p.in === 'header' && p.name === 'idempotency-key'));
    assert.equal(doc.components.securitySchemes.familyBearer.scheme, 'bearer');
    assert.deepEqual(doc.paths['/api/v1/inbox'].get.security, [{ bearerAuth: [] }]);
  });

  it('limits how fast one family can send, per family rather than per network', async () => {
    assert.equal((await sendAsFamily(ctx.app, family.auth, conversation.id, 'uno')).statusCode, 201);
    assert.equal((await sendAsFamily(ctx.app, family.auth, conversation.id, 'dos')).statusCode, 201);
    const third = await sendAsFamily(ctx.app, family.auth, conversation.id, 'tres');
    assert.equal(third.statusCode, 429);
    assert.ok(isProblemResponse(third));
    const neighbour = await registerFamily(ctx.app, school, { name: 'Same Wi-Fi', students: [] });
    const other = await familySignIn(ctx.app, school, neighbour.id);
    const theirs = await openConversation(ctx.app, other.auth, { schoolId: school.schoolId });
    assert.equal(
      (await sendAsFamily(ctx.app, other.auth, theirs.id, 'hola')).statusCode,
      201,
      'another family on the same network is not held back',
    );
  });
});
