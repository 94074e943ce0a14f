// The staff event API and calendars: lifecycle, tenancy on every route, attendees with needs, CSV, check-in, .ics, seed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FAMILY_MATH_NIGHT_ID, seedDemo } from '../dist/index.js';
import {
  createPublishedEvent,
  createTenant,
  databaseTargets,
  isProblemResponse,
  rsvp,
  rsvpBody,
  sampleEventInput,
  startApp,
} from './helpers.js';

/** Physical lines of an .ics body; asserts CRLF endings and the 75-octet limit on the way. */
function icsLines(body) {
  assert.ok(body.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(body), 'every line ends with CRLF');
  const physical = body.slice(0, -2).split('\r\n');
  for (const line of physical) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line over 75 octets: ${line}`);
  return physical;
}

/** Logical lines with folding undone. */
function unfold(body) {
  return body
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

for (const target of databaseTargets()) {
  describe(`staff event API on ${target.name}`, () => {
    let ctx;
    let tenant;
    let outsider;
    before(async () => {
      ctx = await startApp(target);
      tenant = await createTenant(ctx.db, 'events');
      outsider = await createTenant(ctx.db, 'outsider');
    });
    after(() => ctx.close());

    it('creates a draft, edits, publishes and cancels an event', async () => {
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: tenant.auth,
        payload: sampleEventInput(tenant.schoolId),
      });
      assert.equal(created.statusCode, 201, created.body);
      const event = created.json();
      assert.equal(event.status, 'draft');
      assert.deepEqual(
        event.sessions.map((s) => [s.id, s.capacity, s.taken, s.waitlisted]),
        [
          ['early', 10, 0, 0],
          ['late', null, 0, 0],
        ],
      );
      const edited = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/events/${event.id}`,
        headers: tenant.auth,
        payload: { title: { en: 'Family night, again' }, onlineUrl: 'https://meet.example/abc' },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().title.en, 'Family night, again');
      assert.equal(edited.json().onlineUrl, 'https://meet.example/abc');
      assert.equal(edited.json().place.address, '1 Main St, Springfield', 'untouched fields stay');
      const published = await ctx.app.inject({ method: 'POST', url: `/api/v1/events/${event.id}/publish`, headers: tenant.auth });
      assert.equal(published.json().status, 'published');
      const list = await ctx.app.inject({ url: '/api/v1/events', headers: tenant.auth });
      assert.ok(list.json().items.some((e) => e.id === event.id));
      const cancelled = await ctx.app.inject({ method: 'POST', url: `/api/v1/events/${event.id}/cancel`, headers: tenant.auth });
      assert.equal(cancelled.json().status, 'cancelled');
      assert.ok(cancelled.json().cancelledAt);
      const republish = await ctx.app.inject({ method: 'POST', url: `/api/v1/events/${event.id}/publish`, headers: tenant.auth });
      assert.equal(republish.statusCode, 409);
    });

    it('replays a retried create under the same Idempotency-Key', async () => {
      const headers = { ...tenant.auth, 'idempotency-key': 'create-event-once' };
      const payload = sampleEventInput(tenant.schoolId);
      const first = await ctx.app.inject({ method: 'POST', url: '/api/v1/events', headers, payload });
      const again = await ctx.app.inject({ method: 'POST', url: '/api/v1/events', headers, payload });
      assert.equal(first.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.json().id, first.json().id);
      const count = (await ctx.app.inject({ url: '/api/v1/events', headers: tenant.auth }))
        .json()
        .items.filter((e) => e.id === first.json().id);
      assert.equal(count.length, 1);
    });

    it('refuses invalid events with per-field 422s', async () => {
      const cases = [
        [{ timeZone: 'Mars/Olympus' }, '/timeZone'],
        [{ title: { es: 'Sin inglés' } }, '/title'],
        [{ schoolId: outsider.schoolId }, '/schoolId'],
        [{ onlineUrl: 'javascript:alert(1)' }, '/onlineUrl'],
        [{ sessions: [{ id: 'x', startsAt: '2030-01-01T18:00:00Z', endsAt: '2030-01-01T17:00:00Z', capacity: 5 }] }, '/sessions/0/endsAt'],
        [{ sessions: [{ id: 'x', startsAt: 'tomorrow', endsAt: '2030-01-01T17:00:00Z', capacity: 5 }] }, '/sessions/0/startsAt'],
        [{ sessions: [] }, '/sessions'],
      ];
      for (const [change, pointer] of cases) {
        const response = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/events',
          headers: tenant.auth,
          payload: sampleEventInput(tenant.schoolId, change),
        });
        assert.equal(response.statusCode, 422, JSON.stringify(change));
        assert.ok(
          response.json().errors.some((e) => e.pointer === pointer),
          `${pointer}: ${response.body}`,
        );
      }
    });

    it("answers 404 for another organization's event on every staff route", async () => {
      const id = await createPublishedEvent(ctx.app, tenant);
      const made = (await rsvp(ctx.app, id, rsvpBody())).json();
      const routes = [
        ['GET', `/api/v1/events/${id}`],
        ['PATCH', `/api/v1/events/${id}`, { title: { en: 'Mine now' } }],
        ['POST', `/api/v1/events/${id}/publish`],
        ['POST', `/api/v1/events/${id}/cancel`],
        ['GET', `/api/v1/events/${id}/attendees`],
        ['GET', `/api/v1/events/${id}/attendees.csv`],
        ['POST', `/api/v1/events/${id}/rsvps/${made.rsvpId}/check-in`],
      ];
      for (const [method, url, payload] of routes) {
        const response = await ctx.app.inject({ method, url, headers: outsider.auth, ...(payload ? { payload } : {}) });
        assert.equal(response.statusCode, 404, `${method} ${url}`);
        assert.ok(isProblemResponse(response));
        assert.ok(!response.body.includes('family@example.org'));
      }
      const list = await ctx.app.inject({ url: '/api/v1/events', headers: outsider.auth });
      assert.ok(!list.json().items.some((e) => e.id === id));
      const own = await ctx.app.inject({ url: `/api/v1/events/${id}`, headers: tenant.auth });
      assert.deepEqual([own.json().status, own.json().title.en], ['published', 'Family night'], 'nothing changed');
      const row = await ctx.db.selectFrom('rsvps').selectAll().where('id', '=', made.rsvpId).executeTakeFirstOrThrow();
      assert.equal(row.attended_at, null);
      for (const [method, url] of routes.slice(0, 2)) {
        assert.equal((await ctx.app.inject({ method, url, payload: {} })).statusCode, 401, 'no token, no access');
      }
    });

    it('summarises needs, exports CSV with a BOM and formula-safe cells, and checks families in', async () => {
      const id = await createPublishedEvent(ctx.app, tenant);
      const families = [
        rsvpBody({ adults: 2, children: 2, locale: 'es', needs: { interpreter: 'es', childcare: { children: 2, ages: [3, 6] } } }),
        rsvpBody({ adults: 1, children: 1, locale: 'es', needs: { interpreter: 'es', transportation: true } }),
        rsvpBody({
          adults: 1,
          children: 0,
          locale: 'hmn',
          names: ['Nplooj Xyooj'],
          note: '=HYPERLINK("http://evil.example")',
          needs: { interpreter: 'hmn', childcare: { children: 1 }, accessibility: 'Wheelchair, ramp' },
        }),
        rsvpBody({ adults: 1, locale: 'ar', names: ['فاطمة'], contact: { phone: '+1 612 555 0199' } }),
        rsvpBody({ adults: 4, children: 2, needs: { interpreter: 'so' } }), // 6 > 10 - 7 left: waitlisted, not counted
      ];
      const receipts = [];
      for (const body of families) receipts.push((await rsvp(ctx.app, id, body)).json());
      assert.equal(receipts[4].status, 'waitlisted');

      const response = await ctx.app.inject({ url: `/api/v1/events/${id}/attendees`, headers: tenant.auth });
      assert.equal(response.statusCode, 200, response.body);
      const { needs, attendees, sessions } = response.json();
      assert.deepEqual(needs, {
        families: 4,
        people: 8,
        interpreter: [
          { language: 'es', families: 2 },
          { language: 'hmn', families: 1 },
        ],
        childcare: { families: 2, children: 3 },
        transportation: { families: 1 },
        accessibility: { families: 1 },
      });
      assert.deepEqual(
        sessions.map((s) => [s.id, s.taken, s.remaining, s.waitlisted]),
        [
          ['early', 8, 2, 1],
          ['late', 0, null, 0],
        ],
      );
      assert.equal(attendees.length, 5);
      assert.equal(attendees.find((a) => a.rsvpId === receipts[4].rsvpId).position, 1);
      assert.equal(attendees.find((a) => a.rsvpId === receipts[3].rsvpId).contact.phone, '+1 612 555 0199');

      const checkIn = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/events/${id}/rsvps/${receipts[2].rsvpId}/check-in`,
        headers: tenant.auth,
      });
      assert.equal(checkIn.statusCode, 200, checkIn.body);
      const arrived = checkIn.json().attendedAt;
      assert.ok(arrived);
      const twice = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/events/${id}/rsvps/${receipts[2].rsvpId}/check-in`,
        headers: tenant.auth,
      });
      assert.equal(twice.json().attendedAt, arrived, 'the first arrival time stays');
      const unknown = await ctx.app.inject({ method: 'POST', url: `/api/v1/events/${id}/rsvps/nope/check-in`, headers: tenant.auth });
      assert.equal(unknown.statusCode, 404);

      const csv = await ctx.app.inject({ url: `/api/v1/events/${id}/attendees.csv`, headers: tenant.auth });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'], /^text\/csv; charset=utf-8/);
      assert.match(csv.headers['content-disposition'], /attachment; filename="event-.*-attendees\.csv"/);
      assert.ok(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 BOM');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      assert.equal(lines.length, 6);
      assert.match(lines[0], /^RSVP ID,Session,Session starts,Response,Status/);
      assert.ok(csv.body.includes('Nplooj Xyooj') && csv.body.includes('فاطمة'), 'Hmong and Arabic survive');
      assert.ok(csv.body.includes(`"'=HYPERLINK(""http://evil.example"")"`), 'formula cells are neutralised');
      assert.ok(csv.body.includes('"Wheelchair, ramp"'));
      assert.ok(
        lines.some((l) => l.includes(receipts[2].rsvpId) && l.endsWith(arrived)),
        'check-in time in the export',
      );
    });

    it('refuses to remove a session with RSVPs, and promotes when capacity grows', async () => {
      const id = await createPublishedEvent(ctx.app, tenant);
      await rsvp(ctx.app, id, rsvpBody({ adults: 10 }));
      const waiting = (await rsvp(ctx.app, id, rsvpBody({ adults: 2 }))).json();
      assert.equal(waiting.status, 'waitlisted');
      const input = sampleEventInput(tenant.schoolId);
      const removing = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/events/${id}`,
        headers: tenant.auth,
        payload: { sessions: [input.sessions[1]] },
      });
      assert.equal(removing.statusCode, 409);
      const bigger = input.sessions.map((s, i) => (i === 0 ? { ...s, capacity: 12 } : s));
      const grown = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/events/${id}`,
        headers: tenant.auth,
        payload: { sessions: bigger },
      });
      assert.equal(grown.statusCode, 200, grown.body);
      assert.deepEqual(
        grown.json().sessions.map((s) => [s.id, s.capacity, s.taken, s.waitlisted]),
        [
          ['early', 12, 12, 0],
          ['late', null, 0, 0],
        ],
      );
    });

    it('serves valid .ics: CRLF, 75-octet folding, escaped text, UTC times, one VEVENT per session', async () => {
      const longHmong = 'Tuaj koom peb hmo kawm lej ua tsev neeg; muaj zaub mov, kev ua si, thiab cov khoom plig rau txhua tus menyuam.';
      const id = await createPublishedEvent(
        ctx.app,
        tenant,
        sampleEventInput(tenant.schoolId, {
          title: { en: 'Math; night, for all', hmn: 'Hmo kawm lej', ar: 'ليلة الرياضيات العائلية' },
          description: {
            en: 'Line one\nline two, with \\ backslash',
            hmn: longHmong,
            ar: 'تعالوا مع أطفالكم للعب ألعاب الرياضيات وتناول العشاء معًا في صالة المدرسة',
          },
        }),
      );
      const response = await ctx.app.inject({ url: `/api/v1/public/events/${id}/event.ics` });
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'], /^text\/calendar; charset=utf-8/);
      icsLines(response.body);
      const lines = unfold(response.body);
      assert.equal(lines[0], 'BEGIN:VCALENDAR');
      assert.equal(lines.at(-1), 'END:VCALENDAR');
      assert.ok(lines.includes('VERSION:2.0'));
      assert.ok(lines.some((l) => l.startsWith('PRODID:')));
      assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
      assert.ok(lines.includes(`UID:${id}.early@tandem.school`));
      assert.ok(lines.every((l) => !l.startsWith('DTSTART') || /^DTSTART:\d{8}T\d{6}Z$/.test(l)));
      assert.ok(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));
      const start = lines.find((l) => l.startsWith('DTSTART:'));
      const day = sampleEventInput(tenant.schoolId).sessions[0].startsAt.slice(0, 10).replace(/-/g, '');
      assert.equal(start, `DTSTART:${day}T230000Z`, '17:00 at -06:00 is 23:00 UTC');
      assert.ok(lines.includes('SUMMARY:Math\\; night\\, for all'));
      assert.ok(lines.includes('DESCRIPTION:Line one\\nline two\\, with \\\\ backslash'));
      assert.ok(lines.includes('STATUS:CONFIRMED'));

      for (const [lang, text] of [
        ['hmn', longHmong],
        ['ar', 'تعالوا مع أطفالكم'],
      ]) {
        const localized = await ctx.app.inject({ url: `/api/v1/public/events/${id}/event.ics?lang=${lang}` });
        icsLines(localized.body);
        const description = unfold(localized.body).find((l) => l.startsWith('DESCRIPTION:'));
        assert.ok(description.includes(text.replace(/;/g, '\\;').replace(/,/g, '\\,')), `${lang} text survives folding as UTF-8`);
      }

      await ctx.app.inject({ method: 'POST', url: `/api/v1/events/${id}/cancel`, headers: tenant.auth });
      const cancelled = unfold((await ctx.app.inject({ url: `/api/v1/public/events/${id}/event.ics` })).body);
      assert.equal(cancelled.filter((l) => l === 'STATUS:CANCELLED').length, 2);
    });

    it('serves a school calendar feed with published and cancelled events, never drafts', async () => {
      const published = await createPublishedEvent(ctx.app, tenant);
      const draft = (
        await ctx.app.inject({ method: 'POST', url: '/api/v1/events', headers: tenant.auth, payload: sampleEventInput(tenant.schoolId) })
      ).json().id;
      const response = await ctx.app.inject({ url: `/calendar/${tenant.schoolId}.ics`, headers: { origin: 'https://school.example' } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['access-control-allow-origin'], '*');
      icsLines(response.body);
      const lines = unfold(response.body);
      assert.ok(lines.includes(`UID:${published}.early@tandem.school`));
      assert.ok(!lines.some((l) => l.includes(draft)));
      assert.ok(lines.includes('X-WR-CALNAME:events school'), 'the feed is named after the school');
      assert.equal((await ctx.app.inject({ url: '/calendar/no-such-school.ics' })).statusCode, 404);
    });

    it('seeds Family Math Night once, published, with two 40-place sessions', async () => {
      await seedDemo(ctx.db);
      await seedDemo(ctx.db);
      const event = (await ctx.app.inject({ url: `/api/v1/public/events/${FAMILY_MATH_NIGHT_ID}` })).json();
      assert.equal(event.status, 'published');
      assert.deepEqual(event.locales, ['en', 'es', 'hmn']);
      assert.equal(event.timeZone, 'America/Chicago');
      assert.deepEqual(event.needsAsked, ['interpreter', 'childcare', 'transportation', 'accessibility']);
      assert.deepEqual(
        event.sessions.map((s) => [s.id, s.startsAt.slice(11, 16), s.capacity, s.remaining]),
        [
          ['early', '17:00', 40, 40],
          ['late', '18:30', 40, 40],
        ],
      );
      const rows = await ctx.db.selectFrom('event_sessions').selectAll().where('event_id', '=', FAMILY_MATH_NIGHT_ID).execute();
      assert.equal(rows.length, 2, 'a second seed adds nothing');
    });
  });
}
