// What the staff console needed from the server: allowed embedding sites (API, CSP of embed pages, refusal of
// other sites' browser calls), unpublishing a survey, undoing a check-in, school scope for resources and
// lessons, and the audit log's filters and school admins' view of it. SQLite file and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken, createStaffUser, ensureSchool } from '../dist/index.js';
import {
  countRows,
  createPublishedEvent,
  createPublishedLesson,
  createPublishedResource,
  createPublishedSurvey,
  createTenant,
  databaseTargets,
  isProblemResponse,
  rsvp,
  rsvpBody,
  sampleLessonInput,
  sampleResourceInput,
  sampleSurveyInput,
  startApp,
} from './helpers.js';

const PUBLIC_URL = 'https://tandem.example';
const PASSWORD = 'correct horse battery';
const SCHOOL_SITE = 'https://school.example';
const OTHER_SITE = 'https://evil.example';

async function signIn(app, email) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers: { origin: PUBLIC_URL },
    payload: { email, password: PASSWORD },
  });
  assert.equal(response.statusCode, 200, response.body);
  const header = response.headers['set-cookie'];
  const cookie = (Array.isArray(header) ? header[0] : header).split(';')[0];
  return { read: { cookie }, write: { cookie, origin: PUBLIC_URL, 'x-tandem-csrf': response.json().csrfToken } };
}

async function addStaff(db, tenant, email, memberships = [], role = 'staff') {
  const user = await createStaffUser(db, {
    organizationId: tenant.organizationId,
    email,
    name: email.split('@')[0],
    role,
    password: PASSWORD,
  });
  for (const [schoolId, schoolRole] of memberships) {
    await db
      .insertInto('staff_school_members')
      .values({
        school_id: schoolId,
        staff_user_id: user.id,
        organization_id: tenant.organizationId,
        office_hours: null,
        created_at: new Date().toISOString(),
        role: schoolRole,
      })
      .execute();
  }
  return user;
}

const allowHeader = (response) => response.headers['access-control-allow-origin'];
const frameAncestors = (response) => /frame-ancestors ([^;]*)/.exec(response.headers['content-security-policy'] ?? '')?.[1];

for (const target of databaseTargets()) {
  describe(`console gaps on ${target.name}`, () => {
    let ctx;
    let tenant;
    let outsider;
    let staffToken;
    before(async () => {
      ctx = await startApp(target, { messaging: { translationProvider: null, publicUrl: PUBLIC_URL } });
      tenant = await createTenant(ctx.db, 'gaps');
      outsider = await createTenant(ctx.db, 'elsewhere');
      await ensureSchool(ctx.db, tenant.organizationId, 'gaps-b', 'School B');
      const { token } = await createApiToken(ctx.db, { organizationId: tenant.organizationId, role: 'staff', name: 'staff token' });
      staffToken = { authorization: `Bearer ${token}` };
      await addStaff(ctx.db, tenant, 'ada@gaps.example', [], 'admin');
      await addStaff(ctx.db, tenant, 'pat@gaps.example', [[tenant.schoolId, 'admin']]);
      await addStaff(ctx.db, tenant, 'sam@gaps.example', [[tenant.schoolId, 'staff']]);
    });
    after(() => ctx.close());

    const put = (headers, origins) =>
      ctx.app.inject({ method: 'PUT', url: '/api/v1/organization/embed-origins', headers, payload: { origins } });
    const get = (headers) => ctx.app.inject({ method: 'GET', url: '/api/v1/organization/embed-origins', headers });

    describe('allowed embedding sites', () => {
      it('starts empty, and stores a normalized list without duplicates for an organization admin', async () => {
        assert.deepEqual((await get(tenant.auth)).json(), { origins: [] });
        const saved = await put(tenant.auth, [
          ' https://School.Example/ ',
          'https://school.example',
          'https://district.example:8443',
          'http://localhost:8000',
          'https://district.example:443',
        ]);
        assert.equal(saved.statusCode, 200, saved.body);
        const expected = ['https://school.example', 'https://district.example:8443', 'http://localhost:8000', 'https://district.example'];
        assert.deepEqual(saved.json(), { origins: expected });
        // Any staff of the organization reads it; another organization never sees it.
        assert.deepEqual((await get(staffToken)).json(), { origins: expected });
        assert.deepEqual((await get(outsider.auth)).json(), { origins: [] });
        await put(tenant.auth, []);
      });

      it('points at each entry it refuses and saves nothing', async () => {
        await put(tenant.auth, [SCHOOL_SITE]);
        const refused = await put(tenant.auth, [
          SCHOOL_SITE,
          'http://school.example',
          'https://school.example/page',
          'school.example',
          'https://*.example',
          '',
        ]);
        assert.equal(refused.statusCode, 422);
        assert.ok(isProblemResponse(refused));
        assert.deepEqual(
          refused.json().errors.map((e) => e.pointer),
          ['/origins/1', '/origins/2', '/origins/3', '/origins/4', '/origins/5'],
        );
        const tooMany = await put(
          tenant.auth,
          Array.from({ length: 51 }, (_, i) => `https://site${i}.example`),
        );
        assert.equal(tooMany.statusCode, 422);
        assert.equal(tooMany.json().errors[0].pointer, '/origins');
        assert.deepEqual((await get(tenant.auth)).json(), { origins: [SCHOOL_SITE] });
        await put(tenant.auth, []);
      });

      it('lets only organization admins change it, with the CSRF header on cookie writes, and audits before and after', async () => {
        assert.equal((await put(staffToken, [SCHOOL_SITE])).statusCode, 403);
        const pat = await signIn(ctx.app, 'pat@gaps.example');
        assert.equal((await get(pat.read)).statusCode, 200);
        assert.equal((await put(pat.write, [SCHOOL_SITE])).statusCode, 403);
        const ada = await signIn(ctx.app, 'ada@gaps.example');
        const { 'x-tandem-csrf': _csrf, ...noCsrf } = ada.write;
        assert.equal((await put(noCsrf, [SCHOOL_SITE])).statusCode, 403);
        assert.equal((await put({ ...ada.write, origin: OTHER_SITE }, [SCHOOL_SITE])).statusCode, 403);
        assert.deepEqual((await get(tenant.auth)).json(), { origins: [] });
        const saved = await put(ada.write, [SCHOOL_SITE]);
        assert.equal(saved.statusCode, 200, saved.body);
        const audit = await ctx.app.inject({
          url: '/api/v1/audit?action=organization.embed-origins-changed&limit=1',
          headers: tenant.auth,
        });
        const [entry] = audit.json().items;
        assert.deepEqual(entry.details, { before: [], after: [SCHOOL_SITE] });
        assert.equal(entry.actor.email, 'ada@gaps.example');
        assert.equal(entry.target.label, 'gaps district');
        await put(tenant.auth, []);
      });
    });

    describe('enforcing them', () => {
      let surveyId;
      let eventId;
      let resourceId;
      let lessonId;
      let otherSurvey;
      before(async () => {
        surveyId = await createPublishedSurvey(ctx.app, tenant);
        eventId = await createPublishedEvent(ctx.app, tenant);
        resourceId = await createPublishedResource(ctx.app, tenant);
        lessonId = await createPublishedLesson(ctx.app, tenant, sampleLessonInput({ schoolIds: [tenant.schoolId] }));
        otherSurvey = await createPublishedSurvey(ctx.app, outsider);
        await put(tenant.auth, [SCHOOL_SITE]);
      });
      after(() => put(tenant.auth, []));

      const call = (url, origin, options = {}) =>
        ctx.app.inject({ method: 'GET', url, ...options, headers: { ...(origin ? { origin } : {}), ...options.headers } });

      it('answers the organization’s own sites and requests without Origin, and refuses other sites with 403 and no CORS grant', async () => {
        const urls = [
          `/api/v1/public/surveys/${surveyId}`,
          `/api/v1/public/events/${eventId}`,
          `/api/v1/public/resources/${resourceId}`,
          `/api/v1/public/resources?school=${tenant.schoolId}`,
          '/api/v1/public/resources?organization=gaps',
          `/api/v1/public/lessons/${lessonId}`,
        ];
        for (const url of urls) {
          const allowed = await call(url, SCHOOL_SITE);
          assert.equal(allowed.statusCode, 200, `${url}: ${allowed.body}`);
          assert.equal(allowHeader(allowed), '*');
          assert.equal((await call(url)).statusCode, 200, url);
          // The server's own pages (embed frames, the demo site) always reach the API.
          assert.equal((await call(url, PUBLIC_URL)).statusCode, 200, url);
          assert.equal((await call(url, 'http://localhost')).statusCode, 200, url);
          const refused = await call(url, OTHER_SITE);
          assert.equal(refused.statusCode, 403, url);
          assert.ok(isProblemResponse(refused));
          assert.equal(refused.json().detail, 'This site is not allowed to embed gaps district content.');
          assert.equal(allowHeader(refused), undefined, url);
        }
        // Another organization's content keeps answering every site.
        assert.equal((await call(`/api/v1/public/surveys/${otherSurvey}`, OTHER_SITE)).statusCode, 200);
      });

      it('refuses writes from other sites before anything is stored', async () => {
        const answers = { locale: 'en', answers: { color: 'red' } };
        const before = await countRows(ctx.db, 'survey_responses', { survey_id: surveyId });
        const refused = await ctx.app.inject({
          method: 'POST',
          url: `/api/v1/public/surveys/${surveyId}/responses`,
          headers: { origin: OTHER_SITE, 'idempotency-key': crypto.randomUUID() },
          payload: answers,
        });
        assert.equal(refused.statusCode, 403);
        const refusedRsvp = await ctx.app.inject({
          method: 'POST',
          url: `/api/v1/public/events/${eventId}/rsvps`,
          headers: { origin: OTHER_SITE, 'idempotency-key': crypto.randomUUID() },
          payload: rsvpBody(),
        });
        assert.equal(refusedRsvp.statusCode, 403);
        assert.equal(await countRows(ctx.db, 'survey_responses', { survey_id: surveyId }), before);
        assert.equal(await countRows(ctx.db, 'rsvps', { event_id: eventId }), 0);
        const ok = await ctx.app.inject({
          method: 'POST',
          url: `/api/v1/public/surveys/${surveyId}/responses`,
          headers: { origin: SCHOOL_SITE, 'idempotency-key': crypto.randomUUID() },
          payload: answers,
        });
        assert.equal(ok.statusCode, 201, ok.body);
        // An RSVP's own routes know their organization too.
        const made = (await rsvp(ctx.app, eventId, rsvpBody())).json();
        const read = { headers: { 'x-rsvp-token': made.editToken } };
        assert.equal((await call(`/api/v1/public/rsvps/${made.rsvpId}`, OTHER_SITE, read)).statusCode, 403);
        assert.equal((await call(`/api/v1/public/rsvps/${made.rsvpId}`, SCHOOL_SITE, read)).statusCode, 200);
      });

      it('refuses family sign-in from other sites', async () => {
        const refused = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/public/family-sessions/email-link-requests',
          headers: { origin: OTHER_SITE },
          payload: { organization: 'gaps', email: 'family@example.org', locale: 'en' },
        });
        assert.equal(refused.statusCode, 403);
        assert.equal(allowHeader(refused), undefined);
        const allowed = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/public/family-sessions/email-link-requests',
          headers: { origin: SCHOOL_SITE },
          payload: { organization: 'gaps', email: 'family@example.org', locale: 'en' },
        });
        assert.equal(allowed.statusCode, 202, allowed.body);
      });

      it('sends frame-ancestors with the allowed sites on the organization’s embed pages, and follows a change at once', async () => {
        const pages = [
          `/embed/survey/${surveyId}`,
          `/embed/event-rsvp/${eventId}`,
          `/embed/resource-card/${resourceId}`,
          `/embed/resource-list/${tenant.schoolId}`,
          '/embed/resource-list/gaps?scope=organization',
          `/embed/lesson-viewer/${lessonId}`,
          `/embed/message-box/${tenant.schoolId}`,
          `/family/sign-in?school=${tenant.schoolId}`,
        ];
        for (const url of pages) {
          const page = await ctx.app.inject({ url });
          assert.equal(page.statusCode, 200, url);
          assert.equal(frameAncestors(page), `'self' ${SCHOOL_SITE}`, url);
        }
        assert.equal(frameAncestors(await ctx.app.inject({ url: `/embed/survey/${otherSurvey}` })), '*');
        assert.equal(frameAncestors(await ctx.app.inject({ url: '/embed/survey/no-such-survey' })), '*');
        await put(tenant.auth, [SCHOOL_SITE, 'https://district.example']);
        assert.equal(
          frameAncestors(await ctx.app.inject({ url: `/embed/survey/${surveyId}` })),
          `'self' ${SCHOOL_SITE} https://district.example`,
        );
        assert.equal((await call(`/api/v1/public/surveys/${surveyId}`, 'https://district.example')).statusCode, 200);
        await put(tenant.auth, []);
        assert.equal(frameAncestors(await ctx.app.inject({ url: `/embed/survey/${surveyId}` })), '*');
        assert.equal((await call(`/api/v1/public/surveys/${surveyId}`, OTHER_SITE)).statusCode, 200, 'an empty list means any site');
        await put(tenant.auth, [SCHOOL_SITE]);
      });
    });

    describe('unpublishing a survey', () => {
      it('takes a published survey back to draft, so families get the draft’s "not available"', async () => {
        const id = await createPublishedSurvey(ctx.app, tenant);
        const draft = (
          await ctx.app.inject({
            method: 'POST',
            url: '/api/v1/surveys',
            headers: tenant.auth,
            payload: sampleSurveyInput(tenant.schoolId),
          })
        ).json().id;
        const unpublished = await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/unpublish`, headers: tenant.auth });
        assert.equal(unpublished.statusCode, 200, unpublished.body);
        assert.equal(unpublished.json().status, 'draft');
        const family = await ctx.app.inject({ url: `/api/v1/public/surveys/${id}` });
        const ofDraft = await ctx.app.inject({ url: `/api/v1/public/surveys/${draft}` });
        assert.equal(family.statusCode, 404);
        assert.equal(family.json().detail, ofDraft.json().detail);
        const submitted = await ctx.app.inject({
          method: 'POST',
          url: `/api/v1/public/surveys/${id}/responses`,
          headers: { 'idempotency-key': crypto.randomUUID() },
          payload: { locale: 'en', answers: { color: 'red' } },
        });
        assert.equal(submitted.statusCode, 404);
        // Again: still a draft, and only the real change is in the audit log.
        assert.equal(
          (await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/unpublish`, headers: tenant.auth })).json().status,
          'draft',
        );
        const audit = (await ctx.app.inject({ url: '/api/v1/audit?action=survey.unpublished', headers: tenant.auth })).json().items;
        assert.equal(audit.filter((e) => e.target.id === id).length, 1);
        assert.equal(audit[0].target.label, 'Test survey');
      });

      it('refuses a closed survey with 409, and another organization’s with 404', async () => {
        const id = await createPublishedSurvey(ctx.app, tenant);
        await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/close`, headers: tenant.auth });
        const closed = await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/unpublish`, headers: tenant.auth });
        assert.equal(closed.statusCode, 409);
        assert.ok(isProblemResponse(closed));
        assert.equal((await ctx.app.inject({ url: `/api/v1/surveys/${id}`, headers: tenant.auth })).json().status, 'closed');
        assert.equal(
          (await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/unpublish`, headers: outsider.auth })).statusCode,
          404,
        );
      });
    });

    describe('undoing a check-in', () => {
      it('clears the arrival, answers the same when repeated, and audits it once', async () => {
        const eventId = await createPublishedEvent(ctx.app, tenant);
        const made = (await rsvp(ctx.app, eventId, rsvpBody())).json();
        const url = `/api/v1/events/${eventId}/rsvps/${made.rsvpId}/check-in`;
        assert.ok((await ctx.app.inject({ method: 'POST', url, headers: tenant.auth })).json().attendedAt);
        const undone = await ctx.app.inject({ method: 'DELETE', url, headers: tenant.auth });
        assert.equal(undone.statusCode, 200, undone.body);
        assert.equal(undone.json().attendedAt, undefined);
        assert.equal(undone.json().rsvpId, made.rsvpId);
        const again = await ctx.app.inject({ method: 'DELETE', url, headers: tenant.auth });
        assert.equal(again.statusCode, 200);
        assert.equal(again.json().attendedAt, undefined);
        const attendees = (await ctx.app.inject({ url: `/api/v1/events/${eventId}/attendees`, headers: tenant.auth })).json();
        assert.ok(JSON.stringify(attendees).includes(made.rsvpId) && !JSON.stringify(attendees).includes('attendedAt'));
        const audit = (await ctx.app.inject({ url: '/api/v1/audit?action=event.check-in-undone', headers: tenant.auth })).json().items;
        assert.equal(audit.filter((e) => e.target.id === made.rsvpId).length, 1);
        assert.equal(audit[0].target.label, 'Family night');
        assert.equal((await ctx.app.inject({ method: 'DELETE', url, headers: outsider.auth })).statusCode, 404);
        const unknown = await ctx.app.inject({
          method: 'DELETE',
          url: `/api/v1/events/${eventId}/rsvps/nobody/check-in`,
          headers: tenant.auth,
        });
        assert.equal(unknown.statusCode, 404);
      });
    });

    describe('school scope for resources and lessons', () => {
      let ownResource;
      let otherResource;
      let everySchoolResource;
      let ownLesson;
      let otherLesson;
      let pat;
      before(async () => {
        ownResource = await createPublishedResource(
          ctx.app,
          tenant,
          sampleResourceInput([tenant.schoolId], { name: { en: 'A food shelf' } }),
        );
        otherResource = await createPublishedResource(ctx.app, tenant, sampleResourceInput(['gaps-b'], { name: { en: 'B food shelf' } }));
        everySchoolResource = await createPublishedResource(ctx.app, tenant, sampleResourceInput([], { name: { en: 'District clinic' } }));
        ownLesson = await createPublishedLesson(ctx.app, tenant, sampleLessonInput({ schoolIds: [tenant.schoolId, 'gaps-b'] }));
        otherLesson = await createPublishedLesson(ctx.app, tenant, sampleLessonInput({ schoolIds: ['gaps-b'] }));
        pat = await signIn(ctx.app, 'pat@gaps.example');
      });

      it('shows a school admin only their schools’ resources and lessons, and 404 for the others', async () => {
        const resources = (await ctx.app.inject({ url: '/api/v1/resources', headers: pat.read })).json().items.map((r) => r.id);
        assert.ok(resources.includes(ownResource));
        assert.ok(!resources.includes(otherResource) && !resources.includes(everySchoolResource));
        const lessons = (await ctx.app.inject({ url: '/api/v1/lessons', headers: pat.read })).json().items.map((l) => l.id);
        assert.ok(lessons.includes(ownLesson) && !lessons.includes(otherLesson));
        const overview = (await ctx.app.inject({ url: '/api/v1/resource-feedback', headers: pat.read }))
          .json()
          .items.map((i) => i.resourceId);
        assert.ok(overview.includes(ownResource) && !overview.includes(otherResource));
        for (const [method, url, payload] of [
          ['GET', `/api/v1/resources/${otherResource}`],
          ['PATCH', `/api/v1/resources/${otherResource}`, { category: 'health' }],
          ['POST', `/api/v1/resources/${otherResource}/unpublish`],
          ['GET', `/api/v1/resources/${otherResource}/feedback`],
          ['GET', `/api/v1/resources/${everySchoolResource}`],
          ['GET', `/api/v1/lessons/${otherLesson}`],
          ['PATCH', `/api/v1/lessons/${otherLesson}`, { minutes: 5 }],
          ['POST', `/api/v1/lessons/${otherLesson}/unpublish`],
          ['GET', `/api/v1/lessons/${otherLesson}/completions`],
        ]) {
          const response = await ctx.app.inject({
            method,
            url,
            headers: method === 'GET' ? pat.read : pat.write,
            ...(payload ? { payload } : {}),
          });
          assert.equal(response.statusCode, 404, `${method} ${url}`);
          assert.ok(isProblemResponse(response));
        }
        assert.equal(
          (await ctx.app.inject({ url: `/api/v1/resources/${otherResource}`, headers: tenant.auth })).json().status,
          'published',
        );
        assert.equal((await ctx.app.inject({ url: `/api/v1/lessons/${otherLesson}`, headers: tenant.auth })).json().status, 'published');
        // Their own, they edit.
        const edited = await ctx.app.inject({
          method: 'PATCH',
          url: `/api/v1/resources/${ownResource}`,
          headers: pat.write,
          payload: { category: 'health' },
        });
        assert.equal(edited.statusCode, 200, edited.body);
        assert.equal(
          (await ctx.app.inject({ method: 'POST', url: `/api/v1/lessons/${ownLesson}/unpublish`, headers: pat.write })).statusCode,
          200,
        );
      });

      it('lets a school admin list only their own schools, and never every school', async () => {
        const creates = [
          ['/api/v1/resources', sampleResourceInput(['gaps-b']), '/schoolIds/0'],
          ['/api/v1/resources', sampleResourceInput([]), '/schoolIds'],
          ['/api/v1/lessons', sampleLessonInput({ schoolIds: [tenant.schoolId, 'gaps-b'] }), '/schoolIds/1'],
          ['/api/v1/lessons', sampleLessonInput({ schoolIds: [] }), '/schoolIds'],
        ];
        for (const [url, payload, pointer] of creates) {
          const refused = await ctx.app.inject({ method: 'POST', url, headers: pat.write, payload });
          assert.equal(refused.statusCode, 422, url);
          assert.deepEqual(
            refused.json().errors.map((e) => e.pointer),
            [pointer],
          );
        }
        const added = await ctx.app.inject({
          method: 'PATCH',
          url: `/api/v1/resources/${ownResource}`,
          headers: pat.write,
          payload: { schoolIds: [tenant.schoolId, 'gaps-b'] },
        });
        assert.equal(added.statusCode, 422);
        const removedOther = await ctx.app.inject({
          method: 'PATCH',
          url: `/api/v1/lessons/${ownLesson}`,
          headers: pat.write,
          payload: { schoolIds: [tenant.schoolId] },
        });
        assert.equal(removedOther.statusCode, 422);
        const made = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/resources',
          headers: pat.write,
          payload: sampleResourceInput([tenant.schoolId]),
        });
        assert.equal(made.statusCode, 201, made.body);
        const importing = await ctx.app.inject({ method: 'GET', url: '/api/v1/resources/export.json', headers: pat.read });
        assert.equal(importing.statusCode, 403);
        // The organization admin sees and runs everything.
        const all = (await ctx.app.inject({ url: '/api/v1/resources', headers: tenant.auth })).json().items.map((r) => r.id);
        for (const id of [ownResource, otherResource, everySchoolResource]) assert.ok(all.includes(id));
        const ada = await signIn(ctx.app, 'ada@gaps.example');
        assert.equal((await ctx.app.inject({ url: `/api/v1/lessons/${otherLesson}`, headers: ada.read })).statusCode, 200);
      });
    });

    describe('the audit log', () => {
      it('filters by actor, action and time, pages newest first, and names actors and targets', async () => {
        const ada = await signIn(ctx.app, 'ada@gaps.example');
        const adaId = (
          await ctx.db.selectFrom('staff_users').select('id').where('email', '=', 'ada@gaps.example').executeTakeFirstOrThrow()
        ).id;
        const ids = [];
        for (let i = 0; i < 3; i++) {
          const id = await createPublishedSurvey(ctx.app, tenant, sampleSurveyInput(tenant.schoolId, { title: { en: `Survey ${i}` } }));
          ids.push(id);
          assert.equal(
            (await ctx.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/unpublish`, headers: ada.write })).statusCode,
            200,
          );
        }
        const byEmail = await ctx.app.inject({ url: '/api/v1/audit?actor=ADA@gaps.example&action=survey&limit=2', headers: tenant.auth });
        assert.equal(byEmail.statusCode, 200, byEmail.body);
        const first = byEmail.json();
        assert.equal(first.items.length, 2);
        assert.ok(first.next);
        for (const entry of first.items) {
          assert.equal(entry.actor.email, 'ada@gaps.example');
          assert.equal(entry.actor.name, 'ada');
          assert.equal(entry.action, 'survey.unpublished');
        }
        assert.deepEqual(
          first.items.map((e) => e.target.label),
          ['Survey 2', 'Survey 1'],
        );
        const second = (
          await ctx.app.inject({ url: `/api/v1/audit?actor=${adaId}&action=survey&limit=2&before=${first.next}`, headers: tenant.auth })
        ).json();
        assert.deepEqual(
          second.items.map((e) => e.target.id),
          [ids[0]],
        );
        assert.equal(second.next, undefined);
        // The token that published them is another actor.
        const published = (await ctx.app.inject({ url: '/api/v1/audit?action=survey.published&limit=100', headers: tenant.auth })).json()
          .items;
        assert.ok(published.every((e) => e.actor.kind === 'token' && e.actor.email === undefined));
        const today = new Date().toISOString().slice(0, 10);
        const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
        assert.ok((await ctx.app.inject({ url: `/api/v1/audit?from=${today}&to=${today}`, headers: tenant.auth })).json().items.length > 0);
        assert.deepEqual((await ctx.app.inject({ url: `/api/v1/audit?from=${tomorrow}`, headers: tenant.auth })).json().items, []);
        assert.deepEqual((await ctx.app.inject({ url: `/api/v1/audit?to=2020-01-01`, headers: tenant.auth })).json().items, []);
        const badDay = await ctx.app.inject({ url: '/api/v1/audit?from=2026-02-30', headers: tenant.auth });
        assert.equal(badDay.statusCode, 422);
        assert.equal(badDay.json().errors[0].pointer, '/querystring/from');
      });

      it('shows a school admin their schools’ entries only, and refuses plain staff', async () => {
        const inB = await createPublishedSurvey(ctx.app, tenant, sampleSurveyInput('gaps-b'));
        const inA = await createPublishedSurvey(ctx.app, tenant);
        const pat = await signIn(ctx.app, 'pat@gaps.example');
        const seen = (await ctx.app.inject({ url: '/api/v1/audit?limit=100', headers: pat.read })).json().items;
        const targets = seen.map((e) => e.target?.id);
        assert.ok(targets.includes(inA));
        assert.ok(!targets.includes(inB));
        assert.ok(
          !seen.some((e) => e.action === 'organization.embed-origins-changed'),
          'organization-wide entries are for organization admins',
        );
        assert.ok(
          seen.some((e) => e.action === 'session.signed-in' && e.actor.email === 'pat@gaps.example'),
          'their staff’s sign-ins',
        );
        const all = (await ctx.app.inject({ url: '/api/v1/audit?limit=100', headers: tenant.auth })).json().items.map((e) => e.target?.id);
        assert.ok(all.includes(inB));
        const sam = await signIn(ctx.app, 'sam@gaps.example');
        assert.equal((await ctx.app.inject({ url: '/api/v1/audit', headers: sam.read })).statusCode, 403);
        assert.equal((await ctx.app.inject({ url: '/api/v1/audit', headers: staffToken })).statusCode, 403);
        // Another organization's log never shows these.
        const theirs = (await ctx.app.inject({ url: '/api/v1/audit?limit=100', headers: outsider.auth }))
          .json()
          .items.map((e) => e.target?.id);
        assert.ok(!theirs.includes(inA) && !theirs.includes(inB));
      });
    });
  });
}
