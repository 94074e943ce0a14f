// The public RSVP API as a family's widget meets it: fetch, RSVP, validation, idempotency, capacity races, waitlist, edit, cancel.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  countRows,
  createPublishedEvent,
  createTenant,
  databaseTargets,
  isProblemResponse,
  rsvp,
  rsvpBody,
  sampleEventInput,
  startApp,
} from './helpers.js';

for (const target of databaseTargets()) {
  describe(`public RSVP API on ${target.name}`, () => {
    let ctx;
    let tenant;
    const promotions = [];
    before(async () => {
      ctx = await startApp(target, { notificationSink: { rsvpPromoted: (p) => promotions.push(p) } });
      tenant = await createTenant(ctx.db, 'rsvp');
    });
    after(() => ctx.close());

    const withCapacity = (capacity, extra = {}) =>
      createPublishedEvent(
        ctx.app,
        tenant,
        sampleEventInput(tenant.schoolId, {
          sessions: sampleEventInput(tenant.schoolId).sessions.map((s, i) => (i === 0 ? { ...s, capacity } : s)),
          ...extra,
        }),
      );
    const publicEvent = async (id) => (await ctx.app.inject({ url: `/api/v1/public/events/${id}` })).json();
    const patch = (rsvpId, token, payload) =>
      ctx.app.inject({ method: 'PATCH', url: `/api/v1/public/rsvps/${rsvpId}`, headers: token ? { 'x-rsvp-token': token } : {}, payload });
    const cancel = (rsvpId, token) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/public/rsvps/${rsvpId}/cancel`, headers: { 'x-rsvp-token': token } });

    it('serves remaining places per session and never attendee data', async () => {
      const id = await withCapacity(10);
      const made = await rsvp(
        ctx.app,
        id,
        rsvpBody({ adults: 2, children: 1, names: ['Maiv Vang'], contact: { email: 'maiv@example.org' } }),
      );
      assert.equal(made.statusCode, 201, made.body);
      const response = await ctx.app.inject({ url: `/api/v1/public/events/${id}` });
      assert.equal(response.statusCode, 200);
      const event = response.json();
      assert.equal(event.status, 'published');
      assert.deepEqual(event.locales, ['en', 'es', 'hmn']);
      assert.deepEqual(
        event.sessions.map((s) => [s.id, s.capacity, s.remaining, s.waitlistOpen, s.past]),
        [
          ['early', 10, 7, false, false],
          ['late', null, null, false, false],
        ],
      );
      assert.ok(!/maiv/i.test(response.body), 'no names or contacts in the public answer');
      assert.equal(event.organizationId, undefined);
    });

    it('confirms an RSVP, returns the edit token once, and stores only its hash', async () => {
      const id = await withCapacity(10);
      const response = await rsvp(
        ctx.app,
        id,
        rsvpBody({ needs: { interpreter: 'hmn', childcare: { children: 1, ages: [4] } }, children: 1 }),
      );
      assert.equal(response.statusCode, 201, response.body);
      const receipt = response.json();
      assert.equal(receipt.status, 'confirmed');
      assert.equal(receipt.partySize, 2);
      assert.match(receipt.editToken, /^rsvp_/);
      const row = await ctx.db.selectFrom('rsvps').selectAll().where('id', '=', receipt.rsvpId).executeTakeFirstOrThrow();
      assert.match(row.edit_token_hash, /^[0-9a-f]{64}$/);
      const everything = JSON.stringify(await ctx.db.selectFrom('idempotency_keys').selectAll().execute()) + JSON.stringify(row);
      assert.ok(!everything.includes(receipt.editToken), 'the token is stored nowhere in plaintext');
    });

    it('refuses bad input with per-field 422 problems and writes nothing', async () => {
      const id = await withCapacity(10);
      const before = await countRows(ctx.db, 'rsvps', { event_id: id });
      const cases = [
        [{ adults: 0, children: 0 }, '/adults', 'out-of-range'],
        [{ adults: 15, children: 6 }, '/adults', 'too-many'],
        [{ contact: { email: 'not-an-email' } }, '/contact/email', 'invalid-format'],
        [{ contact: { phone: '12-34' } }, '/contact/phone', 'invalid-format'],
        [{ contact: {} }, '/contact', 'required'],
        [{ sessionId: 'nope' }, '/sessionId', 'invalid-option'],
        [{ adults: 21 }, '/adults', 'out-of-range'],
      ];
      for (const [change, pointer, code] of cases) {
        const response = await rsvp(ctx.app, id, rsvpBody(change));
        assert.equal(response.statusCode, 422, JSON.stringify(change));
        assert.ok(isProblemResponse(response));
        assert.ok(
          response.json().errors.some((e) => e.pointer === pointer && e.code === code),
          `${JSON.stringify(change)} → ${response.body}`,
        );
      }
      const tooBig = await rsvp(ctx.app, id, rsvpBody({ adults: 11 }));
      assert.equal(tooBig.statusCode, 422, 'a party larger than the session never fits');
      assert.deepEqual(tooBig.json().errors[0].params, { min: 1, max: 10, partySize: 11 });
      assert.equal(await countRows(ctx.db, 'rsvps', { event_id: id }), before);
      const declined = await rsvp(ctx.app, id, rsvpBody({ response: 'not-going', contact: undefined }));
      assert.equal(declined.statusCode, 201, 'a family that cannot come needs no contact');
      assert.equal(declined.json().status, 'declined');
    });

    it('answers 404 for unknown and draft events, 410 for cancelled events and past sessions, writing nothing', async () => {
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: tenant.auth,
        payload: sampleEventInput(tenant.schoolId),
      });
      const draftId = created.json().id;
      for (const id of ['no-such-event', draftId]) {
        assert.equal((await ctx.app.inject({ url: `/api/v1/public/events/${id}` })).statusCode, 404);
        const response = await rsvp(ctx.app, id, rsvpBody());
        assert.equal(response.statusCode, 404);
        assert.ok(isProblemResponse(response));
      }
      const cancelledId = await withCapacity(10);
      await ctx.app.inject({ method: 'POST', url: `/api/v1/events/${cancelledId}/cancel`, headers: tenant.auth });
      assert.equal((await publicEvent(cancelledId)).status, 'cancelled');
      const refused = await rsvp(ctx.app, cancelledId, rsvpBody());
      assert.equal(refused.statusCode, 410);
      assert.equal(refused.json().type, 'https://tandem.school/problems/closed');

      const pastId = await createPublishedEvent(
        ctx.app,
        tenant,
        sampleEventInput(tenant.schoolId, {
          sessions: [{ id: 'early', startsAt: '2020-01-01T17:00:00-06:00', endsAt: '2020-01-01T18:00:00-06:00', capacity: 5 }],
        }),
      );
      assert.equal((await publicEvent(pastId)).sessions[0].past, true);
      assert.equal((await rsvp(ctx.app, pastId, rsvpBody())).statusCode, 410);
      for (const id of [draftId, cancelledId, pastId]) assert.equal(await countRows(ctx.db, 'rsvps', { event_id: id }), 0);
    });

    it('replays a retried RSVP with the same answer and token; another body under the key is a 422', async () => {
      const id = await withCapacity(10);
      const key = randomUUID();
      const first = await rsvp(ctx.app, id, rsvpBody(), { key });
      const again = await rsvp(ctx.app, id, rsvpBody(), { key });
      assert.equal(first.statusCode, 201);
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.json(), first.json(), 'same receipt, same edit token');
      const [a, b] = await Promise.all([
        rsvp(ctx.app, id, rsvpBody(), { key: 'race-key' }),
        rsvp(ctx.app, id, rsvpBody(), { key: 'race-key' }),
      ]);
      assert.deepEqual(a.json(), b.json(), 'concurrent retries share one RSVP');
      assert.equal(await countRows(ctx.db, 'rsvps', { event_id: id }), 2);
      const other = await rsvp(ctx.app, id, rsvpBody({ adults: 2 }), { key });
      assert.equal(other.statusCode, 422);
      assert.equal(other.json().type, 'https://tandem.school/problems/idempotency-key-reused');
      assert.equal((await rsvp(ctx.app, id, rsvpBody(), { key: '' })).statusCode, 400, 'the key is required');
    });

    for (const racers of [2, 20]) {
      it(`gives the last place to exactly one of ${racers} concurrent families; the rest are waitlisted in order`, async () => {
        const id = await withCapacity(5);
        assert.equal((await rsvp(ctx.app, id, rsvpBody({ adults: 4 }))).json().status, 'confirmed');
        const answers = await Promise.all(
          Array.from({ length: racers }, (_, i) => rsvp(ctx.app, id, rsvpBody({ contact: { email: `racer${i}@example.org` } }))),
        );
        assert.ok(answers.every((r) => r.statusCode === 201));
        const statuses = answers.map((r) => r.json().status);
        assert.equal(statuses.filter((s) => s === 'confirmed').length, 1, statuses.join());
        assert.equal(statuses.filter((s) => s === 'waitlisted').length, racers - 1);
        const positions = answers
          .map((r) => r.json().position)
          .filter(Boolean)
          .sort((a, b) => a - b);
        assert.deepEqual(
          positions,
          Array.from({ length: racers - 1 }, (_, i) => i + 1),
        );
        const session = (await publicEvent(id)).sessions[0];
        assert.equal(session.remaining, 0);
        assert.equal(session.waitlistOpen, true);
      });
    }

    it('promotes the first waitlisted family when a confirmed one cancels, and tells the notification sink', async () => {
      const id = await withCapacity(3);
      const first = (await rsvp(ctx.app, id, rsvpBody({ adults: 3 }))).json();
      const waiting1 = (await rsvp(ctx.app, id, rsvpBody({ adults: 2, contact: { phone: '+1 651 555 0101' }, locale: 'hmn' }))).json();
      const waiting2 = (await rsvp(ctx.app, id, rsvpBody({ adults: 2 }))).json();
      assert.deepEqual([waiting1.status, waiting1.position, waiting2.status, waiting2.position], ['waitlisted', 1, 'waitlisted', 2]);
      promotions.length = 0;
      const cancelled = await cancel(first.rsvpId, first.editToken);
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().cancelled, true);
      const promotedRow = await ctx.db.selectFrom('rsvps').selectAll().where('id', '=', waiting1.rsvpId).executeTakeFirstOrThrow();
      assert.equal(promotedRow.status, 'confirmed');
      assert.deepEqual(
        promotions.map((p) => [p.rsvpId, p.phone, p.locale, p.partySize]),
        [[waiting1.rsvpId, '+1 651 555 0101', 'hmn', 2]],
      );
      const view = await ctx.app.inject({
        url: `/api/v1/public/rsvps/${waiting1.rsvpId}`,
        headers: { 'x-rsvp-token': waiting1.editToken },
      });
      assert.equal(view.statusCode, 200, view.body);
      assert.deepEqual(
        [view.json().status, view.json().contact, view.json().locale, view.json().editToken],
        ['confirmed', { phone: '+1 651 555 0101' }, 'hmn', undefined],
        'the family can read back its promotion',
      );
      const stillWaiting = await ctx.db.selectFrom('rsvps').selectAll().where('id', '=', waiting2.rsvpId).executeTakeFirstOrThrow();
      assert.equal(stillWaiting.status, 'waitlisted', 'only as many as fit are promoted');
      assert.equal((await cancel(first.rsvpId, first.editToken)).statusCode, 200, 'cancelling twice is harmless');
      assert.equal(promotions.length, 1);
      const edit = await patch(first.rsvpId, first.editToken, { adults: 1 });
      assert.equal(edit.statusCode, 409, 'a cancelled RSVP cannot be edited');
    });

    it('authorises edits by the edit token only', async () => {
      const id = await withCapacity(10);
      const made = (await rsvp(ctx.app, id, rsvpBody())).json();
      assert.equal((await patch(made.rsvpId, undefined, { adults: 2 })).statusCode, 401);
      const wrong = await patch(made.rsvpId, 'rsvp_wrong', { adults: 2 });
      assert.equal(wrong.statusCode, 404);
      assert.ok(isProblemResponse(wrong));
      const other = (await rsvp(ctx.app, id, rsvpBody())).json();
      assert.equal((await patch(made.rsvpId, other.editToken, { adults: 2 })).statusCode, 404, "another family's token");
      assert.equal((await cancel(made.rsvpId, 'rsvp_wrong')).statusCode, 404);
      const peek = await ctx.app.inject({ url: `/api/v1/public/rsvps/${made.rsvpId}`, headers: { 'x-rsvp-token': other.editToken } });
      assert.equal(peek.statusCode, 404, "no reading another family's RSVP");
      assert.ok(!peek.body.includes('family@example.org'));
      const row = await ctx.db.selectFrom('rsvps').selectAll().where('id', '=', made.rsvpId).executeTakeFirstOrThrow();
      assert.deepEqual([row.adults, row.status], [1, 'confirmed'], 'nothing changed');
      const ok = await patch(made.rsvpId, made.editToken, { adults: 2, needs: { transportation: true } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().partySize, ok.json().status, ok.json().editToken], [2, 'confirmed', undefined]);
    });

    it('re-checks capacity when a party grows, and promotes when it shrinks', async () => {
      const id = await withCapacity(5);
      const a = (await rsvp(ctx.app, id, rsvpBody({ adults: 2 }))).json();
      const b = (await rsvp(ctx.app, id, rsvpBody({ adults: 2 }))).json();
      assert.equal(b.status, 'confirmed');
      const grow = await patch(a.rsvpId, a.editToken, { adults: 3, children: 1 });
      assert.equal(grow.statusCode, 409, 'only 3 places are free for this party');
      assert.equal(grow.json().errors[0].params.max, 3);
      assert.equal((await patch(a.rsvpId, a.editToken, { adults: 3 })).json().status, 'confirmed', 'exactly the last place');
      const c = (await rsvp(ctx.app, id, rsvpBody({ adults: 1 }))).json();
      assert.equal(c.status, 'waitlisted');
      promotions.length = 0;
      const shrink = await patch(b.rsvpId, b.editToken, { adults: 1 });
      assert.equal(shrink.json().status, 'confirmed');
      assert.deepEqual(
        promotions.map((p) => p.rsvpId),
        [c.rsvpId],
      );
      const declining = await patch(a.rsvpId, a.editToken, { response: 'not-going' });
      assert.equal(declining.json().status, 'declined');
      assert.equal((await publicEvent(id)).sessions[0].remaining, 3);
      const back = await patch(a.rsvpId, a.editToken, { response: 'going', adults: 4 });
      assert.equal(back.json().status, 'waitlisted', 'coming back when full joins the waitlist');
      const moved = await patch(a.rsvpId, a.editToken, { sessionId: 'late' });
      assert.equal(moved.json().status, 'confirmed', 'the unlimited session always has room');
    });

    it('lets concurrent growth of two parties take the last places only once', async () => {
      const id = await withCapacity(4);
      const a = (await rsvp(ctx.app, id, rsvpBody({ adults: 1 }))).json();
      const b = (await rsvp(ctx.app, id, rsvpBody({ adults: 1 }))).json();
      const answers = await Promise.all([patch(a.rsvpId, a.editToken, { adults: 3 }), patch(b.rsvpId, b.editToken, { adults: 3 })]);
      assert.deepEqual(answers.map((r) => r.statusCode).sort(), [200, 409]);
      const rows = await ctx.db.selectFrom('rsvps').selectAll().where('event_id', '=', id).where('status', '=', 'confirmed').execute();
      assert.ok(rows.reduce((n, r) => n + r.adults + r.children, 0) <= 4);
    });

    it('answers CORS preflight for PATCH with the edit-token header', async () => {
      const preflight = await ctx.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/public/rsvps/some-id',
        headers: {
          origin: 'https://school.example',
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'x-rsvp-token',
        },
      });
      assert.equal(preflight.statusCode, 204);
      assert.match(preflight.headers['access-control-allow-methods'], /PATCH/);
      assert.match(preflight.headers['access-control-allow-headers'].toLowerCase(), /x-rsvp-token/);
    });
  });

  // Its own app: two apps on one PostgreSQL database at once confuse Kysely's migration lock lookup.
  describe(`RSVP rate limit on ${target.name}`, () => {
    let limited;
    before(async () => {
      limited = await startApp(target, { rateLimitPerMinute: 2 });
    });
    after(() => limited.close());

    it('rate-limits public RSVP writes per IP', async () => {
      const t = await createTenant(limited.db, 'limited');
      const id = await createPublishedEvent(limited.app, t);
      const from = (remoteAddress) => rsvp(limited.app, id, rsvpBody(), { remoteAddress });
      assert.equal((await from('10.1.0.1')).statusCode, 201);
      assert.equal((await from('10.1.0.1')).statusCode, 201);
      const refused = await from('10.1.0.1');
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().type, 'https://tandem.school/problems/rate-limited');
      assert.equal((await from('10.1.0.2')).statusCode, 201);
    });
  });
}
