// LTI Advantage services with the test LMS: Deep Linking 2.0 (the content picker, a signed response the LMS
// verifies with Tandem's JWKS, and the link it creates launching the right widget) and Names and Role
// Provisioning (a paged roster of a thousand members, imported twice without change).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  databaseTargets,
  countRows,
  isProblemResponse,
  createPublishedSurvey,
  createPublishedEvent,
  createPublishedLesson,
  sampleSurveyInput,
} from './helpers.js';
import { createUserAgent, LTI_DL, NRPS_SCOPE } from './lti-platform.js';
import { createTenant, startPlatformWithTool, startTool } from './lti-tool-support.js';
import { createApiToken, ensureSchool } from '../dist/index.js';

for (const target of databaseTargets()) {
  describe(`LTI services (${target.name})`, () => {
    let ctx;
    let tenant;
    let platform;
    let tool;
    let surveyId;
    let eventId;
    let lessonId;

    before(async () => {
      ctx = await startTool(target);
      tenant = await createTenant(ctx.db, 'lti-services');
      ({ platform, tool } = await startPlatformWithTool(ctx, tenant, { pageSize: 100 }));
      surveyId = await createPublishedSurvey(
        ctx.app,
        tenant,
        sampleSurveyInput(tenant.schoolId, { title: { en: 'Spring survey', es: 'Encuesta de primavera' } }),
      );
      eventId = await createPublishedEvent(ctx.app, tenant);
      lessonId = await createPublishedLesson(ctx.app, tenant);
    });
    after(async () => {
      await platform?.close();
      await ctx?.close();
    });

    const deepLinkParams = (overrides = {}) =>
      platform.loginParams({
        clientId: tool.clientId,
        messageType: 'LtiDeepLinkingRequest',
        user: { id: 'teacher-dl', name: 'Mr. Okafor' },
        roles: ['Instructor'],
        ...overrides,
      });

    describe('deep linking', () => {
      it('lists the school’s published content in an accessible picker', async () => {
        // Neither a draft nor another school's survey may be offered.
        await ensureSchool(ctx.db, tenant.organizationId, 'lti-services-other', 'Other school');
        await createPublishedSurvey(ctx.app, tenant, sampleSurveyInput('lti-services-other', { title: { en: 'Other school survey' } }));
        const draft = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/surveys',
          headers: tenant.auth,
          payload: sampleSurveyInput(tenant.schoolId, { title: { en: 'Draft survey' } }),
        });
        assert.equal(draft.statusCode, 201);

        const page = await createUserAgent().launch(platform, tool.loginUrl, deepLinkParams({ locale: 'es' }));
        assert.equal(page.status, 200, page.text);
        assert.match(page.text, /<html lang="es"/);
        assert.match(page.text, /Agregar contenido de Tandem/);
        assert.match(page.headers.get('content-security-policy'), /form-action 'self';/);
        assert.doesNotMatch(page.text, /<script/);
        assert.match(page.text, /Encuesta de primavera/);
        assert.doesNotMatch(page.text, /Other school survey|Draft survey/);
        for (const value of [
          `survey:${surveyId}`,
          `event-rsvp:${eventId}`,
          `lesson-viewer:${lessonId}`,
          `message-box:${tenant.schoolId}`,
        ]) {
          const input = new RegExp(`<label for="([^"]+)"><input type="radio" id="\\1" name="item" value="${value}"`);
          assert.match(page.text, input, `a labelled radio for ${value}`);
        }
        assert.equal((page.text.match(/<fieldset>/g) ?? []).length, 5);
        assert.equal((page.text.match(/<legend>/g) ?? []).length, 5);
      });

      it('signs the chosen item back to the LMS, which verifies it with Tandem’s JWKS', async () => {
        const ua = createUserAgent();
        const picker = await ua.launch(platform, tool.loginUrl, deepLinkParams({ deepLinking: { data: 'opaque-platform-data' } }));
        assert.equal(picker.status, 200, picker.text);

        // Nothing chosen: said plainly, and the picker still works.
        const empty = await ua.submit(picker, { id: 'lti-picker' });
        assert.equal(empty.status, 422);
        assert.match(empty.text, /role="alert">Choose one item to add\./);

        const sending = await ua.submit(empty, { id: 'lti-picker', values: { item: `survey:${surveyId}` } });
        assert.equal(sending.status, 200, sending.text);
        assert.match(sending.headers.get('content-security-policy'), new RegExp(`form-action 'self' ${platform.issuer}`));
        assert.match(sending.text, /<script src="\/lti\/scripts\/auto-submit\.js" defer><\/script>/);
        const form = sending.forms.find((f) => f.id === 'lti-auto-submit');
        assert.equal(form.action, platform.urls.deepLinkReturn);
        assert.ok(form.fields.JWT);

        const returned = await ua.submit(sending, { id: 'lti-auto-submit' });
        assert.equal(returned.status, 200, returned.text);
        assert.match(returned.text, /Added 1 item/);
        assert.deepEqual(platform.deepLinkErrors, []);
        const response = platform.deepLinkResponses.at(-1);
        assert.equal(response.iss, tool.clientId);
        assert.equal(response.aud, platform.issuer);
        assert.equal(response[`${LTI_DL}data`], 'opaque-platform-data');
        const [item] = response[`${LTI_DL}content_items`];
        assert.equal(item.type, 'ltiResourceLink');
        assert.equal(item.title, 'Spring survey');
        assert.deepEqual(item.custom, { widget: 'survey', id: surveyId });
        assert.ok(item.iframe.height > 0 && item.iframe.width > 0);

        // The picker cannot be used twice.
        const twice = await ua.submit(sending.steps?.[0] ?? empty, { id: 'lti-picker', values: { item: `survey:${surveyId}` } });
        assert.equal(twice.status, 400);
        assert.match(twice.text, /data-failure="deep-link-session"/);

        // The link the LMS made opens that survey.
        const launched = await createUserAgent().launch(
          platform,
          tool.loginUrl,
          platform.loginParams({ clientId: tool.clientId, targetLinkUri: item.url, custom: item.custom, roles: ['Learner'] }),
        );
        assert.equal(launched.status, 200, launched.text);
        assert.equal(new URL(launched.url).pathname, `/embed/survey/${surveyId}`);
      });

      it('is for course staff only', async () => {
        const page = await createUserAgent().launch(
          platform,
          tool.loginUrl,
          deepLinkParams({ user: { id: 'pupil-dl' }, roles: ['Learner'] }),
        );
        assert.equal(page.status, 403);
        assert.match(page.text, /Only instructors and staff can add Tandem content/);
        assert.equal(await countRows(ctx.db, 'lti_users', { lti_user_id: 'pupil-dl' }), 0);
      });
    });

    describe('names and role provisioning', () => {
      const roster = [];
      for (let i = 0; i < 1000; i++) {
        if (i < 10) roster.push({ user_id: `staff-${i}`, roles: ['Instructor'], name: `Teacher ${i}` });
        else if (i < 60)
          roster.push({ user_id: `mentor-${i}`, roles: ['Mentor'], name: `Parent ${i}`, role_scope_mentor: [`kid-${i + 100}`] });
        else
          roster.push({
            user_id: `kid-${i}`,
            roles: ['Learner'],
            name: `Student ${i}`,
            email: `kid${i}@school.example`,
            ...(i % 100 === 0 ? { status: 'Inactive' } : {}),
          });
      }

      before(async () => {
        platform.setRoster('course-nrps', roster);
        // An instructor's launch from the course gives Tandem its roster URL.
        const page = await createUserAgent().launch(
          platform,
          tool.loginUrl,
          platform.loginParams({
            clientId: tool.clientId,
            user: { id: 'staff-0', name: 'Teacher 0' },
            roles: ['Instructor'],
            context: { id: 'course-nrps', title: 'Grade 3' },
            custom: { widget: 'survey', id: surveyId },
          }),
        );
        assert.equal(page.status, 200, page.text);
      });

      const importRoster = (auth, contextId = 'course-nrps') =>
        ctx.app.inject({ method: 'POST', url: `/api/v1/lti/contexts/${contextId}/roster-imports`, headers: auth, payload: {} });

      it('imports a thousand members across ten pages, and again without change', async () => {
        const first = await importRoster(tenant.auth);
        assert.equal(first.statusCode, 200, first.body);
        const result = first.json();
        assert.equal(result.pages, 10);
        assert.equal(result.members, 1000);
        assert.equal(result.staff, 10);
        assert.equal(result.mentors, 50);
        assert.equal(result.inactive, 9);
        assert.equal(result.learners, 931);
        const token = platform.tokenRequests.at(-1);
        assert.deepEqual(token.granted, [NRPS_SCOPE]);
        assert.equal(token.error, undefined);

        assert.equal(await countRows(ctx.db, 'lti_context_members', { context_id: 'course-nrps' }), 1000);
        const students = () =>
          ctx.db
            .selectFrom('lti_users')
            .select('lti_user_id')
            .where('kind', '=', 'student')
            .where('lti_user_id', 'like', 'kid-%')
            .execute();
        assert.equal((await students()).length, 931);
        const kid = await ctx.db.selectFrom('lti_users').selectAll().where('lti_user_id', '=', 'kid-501').executeTakeFirstOrThrow();
        assert.equal(kid.name, 'Student 501');
        assert.match(kid.student_id, /^lti-/);
        const links = await countRows(ctx.db, 'lti_mentor_links');
        assert.equal(links, 50);

        const second = await importRoster(tenant.auth);
        assert.equal(second.statusCode, 200);
        assert.deepEqual({ ...second.json() }, result);
        assert.equal(await countRows(ctx.db, 'lti_context_members', { context_id: 'course-nrps' }), 1000);
        assert.equal((await students()).length, 931);
        assert.equal(await countRows(ctx.db, 'lti_mentor_links'), 50);
        // The instructor's launch link to a staff record survives the import.
        const teacher = await ctx.db.selectFrom('lti_users').selectAll().where('lti_user_id', '=', 'staff-0').executeTakeFirstOrThrow();
        assert.ok(teacher.staff_user_id);
      });

      it('links a mentor from the roster to the student at their next launch', async () => {
        const page = await createUserAgent().launch(
          platform,
          tool.loginUrl,
          platform.loginParams({
            clientId: tool.clientId,
            user: { id: 'mentor-20', name: 'Parent 20' },
            roles: ['Mentor'],
            custom: { widget: 'message-box', id: tenant.schoolId },
          }),
        );
        assert.equal(page.status, 200, page.text);
        const token = /#tandem-sign-in=(.+)$/.exec(page.url)?.[1];
        const session = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/public/family-sessions/email-link',
          payload: { token: decodeURIComponent(token) },
        });
        assert.equal(session.statusCode, 201, session.body);
        assert.deepEqual(
          session.json().family.students.map((s) => s.name),
          ['Student 120'],
        );
      });

      it('says when the LMS refuses the roster, and imports nothing', async () => {
        // A second install of Tandem in the same LMS that was not granted the roster scope.
        const { platform: lms, tool: narrow } = await startPlatformWithTool(ctx, await createTenant(ctx.db, 'lti-services-narrow'), {
          pageSize: 100,
        });
        try {
          lms.tools.get(narrow.clientId).scopes = [];
          lms.setRoster('course-narrow', roster.slice(0, 5));
          const tenantNarrow = (
            await ctx.db
              .selectFrom('lti_registrations')
              .select('organization_id')
              .where('client_id', '=', narrow.clientId)
              .executeTakeFirstOrThrow()
          ).organization_id;
          const page = await createUserAgent().launch(
            lms,
            narrow.loginUrl,
            lms.loginParams({
              clientId: narrow.clientId,
              roles: ['Instructor'],
              context: { id: 'course-narrow' },
              custom: { widget: 'message-box', id: 'lti-services-narrow-school' },
            }),
          );
          assert.equal(page.status, 200, page.text);
          const { token } = await createApiToken(ctx.db, { organizationId: tenantNarrow, role: 'admin', name: 'narrow' });
          const refused = await importRoster({ authorization: `Bearer ${token}` }, 'course-narrow');
          assert.equal(refused.statusCode, 502, refused.body);
          assert.ok(isProblemResponse(refused));
          assert.match(refused.json().detail, /invalid_scope/);
          assert.equal(await countRows(ctx.db, 'lti_context_members', { context_id: 'course-narrow' }), 0);
        } finally {
          await lms.close();
        }
      });

      it('keeps other organizations and unknown courses out', async () => {
        const other = await createTenant(ctx.db, 'lti-services-b');
        assert.equal((await importRoster(other.auth)).statusCode, 404);
        assert.equal((await importRoster(tenant.auth, 'no-such-course')).statusCode, 404);
        assert.equal(
          (await ctx.app.inject({ method: 'POST', url: '/api/v1/lti/contexts/course-nrps/roster-imports', payload: {} })).statusCode,
          401,
        );
      });
    });
  });
}
