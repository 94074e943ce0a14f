// Resources end to end: staff lifecycle and tenancy, public reads and filters (open now, language), and "Was this helpful?" feedback.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  countRows,
  createPublishedResource,
  createTenant,
  databaseTargets,
  isProblemResponse,
  sampleResourceInput,
  startApp,
} from './helpers.js';

const ALL_DAY = { regular: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })) };

/** Hours only on the day after tomorrow in Chicago, so the resource is closed right now whatever the time. */
function closedNowSchedule() {
  const today = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', weekday: 'short' }).format(new Date());
  const iso = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(today) + 1;
  return { regular: [{ weekday: ((iso + 1) % 7) + 1, opensAt: '09:00', closesAt: '17:00' }] };
}

function feedback(app, resourceId, body, { key = randomUUID(), remoteAddress } = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/public/resources/${encodeURIComponent(resourceId)}/feedback`,
    headers: { 'idempotency-key': key },
    payload: body,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

for (const target of databaseTargets()) {
  describe(`resources on ${target.name}`, () => {
    let ctx;
    let tenant;
    let outsider;
    before(async () => {
      ctx = await startApp(target);
      tenant = await createTenant(ctx.db, 'res');
      outsider = await createTenant(ctx.db, 'res-other');
    });
    after(() => ctx.close());

    it('creates a draft, translates it, publishes and unpublishes it', async () => {
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/resources',
        headers: { ...tenant.auth, 'idempotency-key': 'create-1' },
        payload: sampleResourceInput([tenant.schoolId]),
      });
      assert.equal(created.statusCode, 201, created.body);
      const resource = created.json();
      assert.equal(resource.status, 'draft');
      assert.deepEqual(resource.locales, ['en', 'es']);
      const again = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/resources',
        headers: { ...tenant.auth, 'idempotency-key': 'create-1' },
        payload: sampleResourceInput([tenant.schoolId]),
      });
      assert.equal(again.json().id, resource.id, 'a retried create is not a second resource');

      const hidden = await ctx.app.inject({ url: `/api/v1/public/resources/${resource.id}` });
      assert.equal(hidden.statusCode, 404, 'drafts are not public');
      assert.ok(isProblemResponse(hidden));

      const translated = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/resources/${resource.id}`,
        headers: tenant.auth,
        payload: { name: { en: 'Food shelf', es: 'Despensa', hmn: 'Chaw muab zaub mov' } },
      });
      assert.equal(translated.statusCode, 200, translated.body);
      assert.deepEqual(translated.json().locales, ['en', 'es', 'hmn']);
      assert.equal(translated.json().organizationName, 'Neighbors United', 'untouched fields stay');

      const published = await ctx.app.inject({ method: 'POST', url: `/api/v1/resources/${resource.id}/publish`, headers: tenant.auth });
      assert.equal(published.json().status, 'published');
      assert.ok(published.json().publishedAt);
      const visible = await ctx.app.inject({ url: `/api/v1/public/resources/${resource.id}` });
      assert.equal(visible.statusCode, 200);
      assert.equal(visible.json().name.hmn, 'Chaw muab zaub mov');
      assert.equal(visible.json().status, undefined, 'families get content, not workflow state');

      const unpublished = await ctx.app.inject({ method: 'POST', url: `/api/v1/resources/${resource.id}/unpublish`, headers: tenant.auth });
      assert.equal(unpublished.json().status, 'draft');
      assert.equal((await ctx.app.inject({ url: `/api/v1/public/resources/${resource.id}` })).statusCode, 404);
      const list = await ctx.app.inject({ url: '/api/v1/resources', headers: tenant.auth });
      assert.ok(list.json().items.some((r) => r.id === resource.id && r.status === 'draft'));
    });

    it('empties optional fields when a PATCH sends null, keeps those it leaves out, and refuses null on required ones', async () => {
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/resources',
        headers: tenant.auth,
        payload: sampleResourceInput([tenant.schoolId], {
          url: 'https://food.example',
          email: 'help@food.example',
          machineTranslated: { eligibility: ['es'] },
          eligibility: { en: 'Anyone', es: 'Cualquiera' },
        }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      const cleared = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/resources/${id}`,
        headers: tenant.auth,
        payload: { url: null, email: null, location: null, eligibility: null, fees: null },
      });
      assert.equal(cleared.statusCode, 200, cleared.body);
      const body = cleared.json();
      for (const field of ['url', 'email', 'location', 'eligibility', 'fees']) assert.equal(body[field], undefined, `${field} is gone`);
      assert.equal(body.machineTranslated, undefined, 'the mark on the removed eligibility went with it');
      assert.equal(body.organizationName, 'Neighbors United', 'fields left out stay');
      assert.deepEqual(body.phones, [{ number: '651-555-0100', type: 'voice' }]);
      const stored = (await ctx.app.inject({ url: `/api/v1/resources/${id}`, headers: tenant.auth })).json();
      assert.equal(stored.url, undefined, 'the removal was stored, not only answered');
      assert.equal(stored.location, undefined);
      await ctx.app.inject({ method: 'POST', url: `/api/v1/resources/${id}/publish`, headers: tenant.auth });
      const seen = (await ctx.app.inject({ url: `/api/v1/public/resources/${id}` })).json();
      assert.equal(seen.email, undefined, 'families no longer see the removed email');

      const before = (await ctx.app.inject({ url: `/api/v1/resources/${id}`, headers: tenant.auth })).json();
      const refused = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/resources/${id}`,
        headers: tenant.auth,
        payload: { name: null, url: null },
      });
      assert.equal(refused.statusCode, 422, 'a required field cannot be removed');
      assert.ok(isProblemResponse(refused));
      assert.ok(
        refused.json().errors.some((e) => e.pointer === '/name'),
        refused.body,
      );
      const unchanged = (await ctx.app.inject({ url: `/api/v1/resources/${id}`, headers: tenant.auth })).json();
      assert.equal(unchanged.updatedAt, before.updatedAt, 'a refused patch writes nothing');
    });

    it('refuses invalid content with per-field problems and writes nothing', async () => {
      const before = await countRows(ctx.db, 'resources');
      const bad = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/resources',
        headers: tenant.auth,
        payload: sampleResourceInput([outsider.schoolId], { name: { es: 'Solo' }, timeZone: 'Mars/Base', category: 'snacks' }),
      });
      assert.equal(bad.statusCode, 422);
      assert.ok(isProblemResponse(bad));
      assert.deepEqual(
        bad.json().errors.map((e) => e.pointer),
        ['/category'],
        'the schema refuses an unknown category first',
      );
      const rules = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/resources',
        headers: tenant.auth,
        payload: sampleResourceInput([outsider.schoolId], { name: { es: 'Solo' }, timeZone: 'Mars/Base' }),
      });
      assert.equal(rules.statusCode, 422);
      assert.deepEqual(
        rules.json().errors.map((e) => `${e.pointer} ${e.code}`),
        ['/schoolIds/0 invalid-option', '/name required', '/timeZone invalid-option'],
      );
      assert.equal(await countRows(ctx.db, 'resources'), before);
    });

    it('another district can neither see nor change a resource', async () => {
      const id = await createPublishedResource(ctx.app, tenant);
      const routes = [
        ['GET', `/api/v1/resources/${id}`],
        ['PATCH', `/api/v1/resources/${id}`, { fees: { en: '$5' } }],
        ['POST', `/api/v1/resources/${id}/publish`],
        ['POST', `/api/v1/resources/${id}/unpublish`],
        ['GET', `/api/v1/resources/${id}/feedback`],
      ];
      for (const [method, url, payload] of routes) {
        const response = await ctx.app.inject({ method, url, headers: outsider.auth, ...(payload ? { payload } : {}) });
        assert.equal(response.statusCode, 404, `${method} ${url}`);
      }
      const list = await ctx.app.inject({ url: '/api/v1/resources', headers: outsider.auth });
      assert.ok(!list.json().items.some((r) => r.id === id));
      const overview = await ctx.app.inject({ url: '/api/v1/resource-feedback', headers: outsider.auth });
      assert.ok(!overview.json().items.some((r) => r.resourceId === id));
      const exported = await ctx.app.inject({ url: '/api/v1/resources/export.json', headers: outsider.auth });
      assert.ok(!exported.body.includes(id));
      assert.equal((await ctx.app.inject({ url: `/api/v1/resources/${id}` })).statusCode, 401, 'staff routes need a token');
    });

    it('the public list shows one school or district, published only, filtered as asked', async () => {
      const t = await createTenant(ctx.db, 'filters');
      await ctx.db
        .insertInto('schools')
        .values({ id: 'filters-other', organization_id: t.organizationId, name: 'Other', created_at: new Date().toISOString() })
        .execute();
      const make = (overrides) =>
        createPublishedResource(ctx.app, t, sampleResourceInput([], { schedule: closedNowSchedule(), ...overrides }));
      const open = await make({
        name: { en: 'Crisis line', es: 'Línea de crisis' },
        category: 'mental-health',
        languages: ['en', 'es'],
        schedule: ALL_DAY,
      });
      const closed = await make({ name: { en: 'Clínica dental' }, category: 'health', categories: ['food'], languages: ['en', 'so'] });
      const ownSchool = await make({
        name: { en: 'After school club' },
        schoolIds: [t.schoolId],
        category: 'after-school',
        languages: ['hmn'],
      });
      const otherSchool = await make({ name: { en: 'Other school club' }, schoolIds: ['filters-other'], category: 'after-school' });
      const draft = (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/resources',
          headers: t.auth,
          payload: sampleResourceInput([], { name: { en: 'Draft' } }),
        })
      ).json().id;
      await createPublishedResource(ctx.app, outsider, sampleResourceInput([], { name: { en: 'Outsider' }, schedule: ALL_DAY }));

      const ids = async (query) => {
        const response = await ctx.app.inject({ url: `/api/v1/public/resources?${query}` });
        assert.equal(response.statusCode, 200, response.body);
        return response.json().items.map((r) => r.id);
      };
      const forSchool = await ids(`school=${t.schoolId}`);
      assert.deepEqual(
        new Set(forSchool),
        new Set([open, closed, ownSchool]),
        'district-wide and own school, not the other school, drafts or other tenants',
      );
      assert.ok(!forSchool.includes(otherSchool) && !forSchool.includes(draft));
      assert.deepEqual(new Set(await ids(`organization=filters`)), new Set([open, closed, ownSchool, otherSchool]));
      assert.deepEqual(await ids(`school=${t.schoolId}&openNow=true`), [open]);
      assert.deepEqual(await ids(`school=${t.schoolId}&openNow=true&language=es-MX`), [open], 'Spanish-speaking staff, open now');
      assert.deepEqual(await ids(`school=${t.schoolId}&language=so`), [closed]);
      assert.deepEqual(await ids(`school=${t.schoolId}&language=hmn`), [ownSchool]);
      assert.deepEqual(await ids(`school=${t.schoolId}&category=food`), [closed], 'extra categories count');
      assert.deepEqual(await ids(`school=${t.schoolId}&q=clinica`), [closed], 'search ignores accents and case');
      assert.deepEqual(await ids(`school=${t.schoolId}&q=linea%20crisis`), [open], 'search covers every language');

      assert.deepEqual(
        await ids(`school=${t.schoolId}&openNow=true&utm_source=newsletter&_=1700000000`),
        [open],
        'unknown parameters are ignored',
      );
      const noScope = await ctx.app.inject({ url: '/api/v1/public/resources?category=food' });
      assert.equal(noScope.statusCode, 422);
      assert.equal(noScope.json().errors[0].pointer, '/querystring/school');
      assert.equal((await ctx.app.inject({ url: '/api/v1/public/resources?school=nope' })).statusCode, 404);
      const badCategory = await ctx.app.inject({ url: `/api/v1/public/resources?school=${t.schoolId}&category=snacks` });
      assert.equal(badCategory.statusCode, 422);
    });

    it('public reads are cacheable and revalidate with ETag', async () => {
      const id = await createPublishedResource(ctx.app, tenant);
      const first = await ctx.app.inject({ url: `/api/v1/public/resources/${id}`, headers: { origin: 'https://school.example' } });
      assert.equal(first.statusCode, 200);
      assert.match(first.headers['cache-control'], /max-age=\d+/);
      assert.equal(first.headers['access-control-allow-origin'], '*');
      assert.match(first.headers['access-control-expose-headers'], /ETag/i);
      const etag = first.headers.etag;
      assert.ok(etag);
      const revalidated = await ctx.app.inject({ url: `/api/v1/public/resources/${id}`, headers: { 'if-none-match': etag } });
      assert.equal(revalidated.statusCode, 304);
      assert.equal(revalidated.body, '');
      await ctx.app.inject({ method: 'PATCH', url: `/api/v1/resources/${id}`, headers: tenant.auth, payload: { fees: { en: '$1' } } });
      const changed = await ctx.app.inject({ url: `/api/v1/public/resources/${id}`, headers: { 'if-none-match': etag } });
      assert.equal(changed.statusCode, 200, 'an edit changes the ETag');
      assert.equal(changed.json().fees.en, '$1');
    });

    it('feedback is stored once per key, validated, and summarized for staff', async () => {
      const id = await createPublishedResource(ctx.app, tenant);
      const key = randomUUID();
      const first = await feedback(ctx.app, id, { helpful: true, locale: 'es', comment: '¡Muy útil, gracias!' }, { key });
      assert.equal(first.statusCode, 201, first.body);
      const retry = await feedback(ctx.app, id, { helpful: true, locale: 'es', comment: '¡Muy útil, gracias!' }, { key });
      assert.equal(retry.statusCode, 201);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal(retry.json().feedbackId, first.json().feedbackId);
      const reused = await feedback(ctx.app, id, { helpful: false, locale: 'es' }, { key });
      assert.equal(reused.statusCode, 422);
      assert.equal(reused.json().type, 'https://tandem.school/problems/idempotency-key-reused');
      await feedback(ctx.app, id, { helpful: false, locale: 'so' });
      await feedback(ctx.app, id, { helpful: true, locale: 'es' });
      assert.equal(await countRows(ctx.db, 'resource_feedback', { resource_id: id }), 3);

      const tooLong = await feedback(ctx.app, id, { helpful: true, locale: 'en', comment: 'x'.repeat(1001) });
      assert.equal(tooLong.statusCode, 422);
      assert.ok(isProblemResponse(tooLong));
      assert.deepEqual(tooLong.json().errors, [
        { pointer: '/comment', code: 'too-long', detail: 'Use at most 1000 characters.', params: { max: 1000 } },
      ]);
      const wrongType = await feedback(ctx.app, id, { helpful: 'yes', locale: 'en' });
      assert.equal(wrongType.statusCode, 422);
      assert.equal(wrongType.json().errors[0].pointer, '/helpful');
      const noKey = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/public/resources/${id}/feedback`,
        payload: { helpful: true, locale: 'en' },
      });
      assert.equal(noKey.statusCode, 400);
      assert.equal((await feedback(ctx.app, 'no-such-resource', { helpful: true, locale: 'en' })).statusCode, 404);
      assert.equal(await countRows(ctx.db, 'resource_feedback', { resource_id: id }), 3, 'refused feedback is not stored');

      const summary = await ctx.app.inject({ url: `/api/v1/resources/${id}/feedback`, headers: tenant.auth });
      assert.equal(summary.statusCode, 200);
      const body = summary.json();
      assert.equal(body.helpful, 2);
      assert.equal(body.notHelpful, 1);
      assert.deepEqual(body.byLocale, [
        { locale: 'es', helpful: 2, notHelpful: 0 },
        { locale: 'so', helpful: 0, notHelpful: 1 },
      ]);
      assert.deepEqual(
        body.comments.map((c) => c.comment),
        ['¡Muy útil, gracias!'],
      );
      const overview = await ctx.app.inject({ url: '/api/v1/resource-feedback', headers: tenant.auth });
      const row = overview.json().items.find((r) => r.resourceId === id);
      assert.deepEqual([row.helpful, row.notHelpful], [2, 1]);
      assert.equal(overview.json().items[0].resourceId, id, 'most feedback first');
    });

    it('feedback to a draft or unpublished resource is refused', async () => {
      const id = await createPublishedResource(ctx.app, tenant);
      await ctx.app.inject({ method: 'POST', url: `/api/v1/resources/${id}/unpublish`, headers: tenant.auth });
      const response = await feedback(ctx.app, id, { helpful: true, locale: 'en' });
      assert.equal(response.statusCode, 404);
    });
  });

  describe(`resource feedback rate limit on ${target.name}`, () => {
    let ctx;
    after(() => ctx?.close());
    it('limits feedback per IP with a 429 problem', async () => {
      ctx = await startApp(target, { rateLimitPerMinute: 2 });
      const tenant = await createTenant(ctx.db, 'limited');
      const id = await createPublishedResource(ctx.app, tenant);
      for (let i = 0; i < 2; i++)
        assert.equal((await feedback(ctx.app, id, { helpful: true, locale: 'en' }, { remoteAddress: '10.0.0.5' })).statusCode, 201);
      const refused = await feedback(ctx.app, id, { helpful: true, locale: 'en' }, { remoteAddress: '10.0.0.5' });
      assert.equal(refused.statusCode, 429);
      assert.ok(isProblemResponse(refused));
      assert.ok(refused.headers['retry-after']);
      assert.equal(
        (await feedback(ctx.app, id, { helpful: true, locale: 'en' }, { remoteAddress: '10.0.0.6' })).statusCode,
        201,
        'another family is not affected',
      );
      assert.equal(await countRows(ctx.db, 'resource_feedback'), 3);
    });
  });
}
