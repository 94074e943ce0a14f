// LTI 1.3 launches into Tandem from the test LMS: who arrives as whom, where they land, and every check of
// the launch refusing with a page that says what failed (and a log line), never a half-made session.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databaseTargets, createPublishedSurvey, countRows } from './helpers.js';
import { createUserAgent, LTI } from './lti-platform.js';
import { createTenant, startPlatformWithTool, startTool } from './lti-tool-support.js';

for (const target of databaseTargets()) {
  describe(`LTI launches (${target.name})`, () => {
    let ctx;
    let tenant;
    let platform;
    let tool;
    let surveyId;

    before(async () => {
      ctx = await startTool(target);
      tenant = await createTenant(ctx.db, 'lti-launch');
      ({ platform, tool } = await startPlatformWithTool(ctx, tenant));
      surveyId = await createPublishedSurvey(ctx.app, tenant);
    });
    after(async () => {
      await platform?.close();
      await ctx?.close();
    });

    const surveyLaunch = (overrides = {}) =>
      platform.loginParams({ clientId: tool.clientId, custom: { widget: 'survey', id: surveyId }, ...overrides });

    /** Login initiation without following the redirect: the auth URL and the state cookie this browser got. */
    async function loginStep(params, query = false) {
      const url = `${ctx.base}/lti/login`;
      const response = query
        ? await fetch(`${url}?${new URLSearchParams(params)}`, { redirect: 'manual' })
        : await fetch(url, { method: 'POST', body: new URLSearchParams(params), redirect: 'manual' });
      assert.equal(response.status, 302, await response.text());
      const cookie = response.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ');
      return { authUrl: response.headers.get('location'), cookie, setCookie: response.headers.getSetCookie() };
    }

    async function postLaunch(action, fields, cookie) {
      const response = await fetch(action, {
        method: 'POST',
        body: new URLSearchParams(fields),
        headers: cookie ? { cookie } : {},
        redirect: 'manual',
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    }

    /** Login initiation → the tool's redirect to the LMS → the LMS's signed answer (optionally tampered) → the launch. */
    async function launchStepByStep(params, { tamper, postState } = {}) {
      const { authUrl, cookie } = await loginStep(params);
      const { action, fields } = await platform.authorize(authUrl, { tamper });
      return postLaunch(action, { ...fields, ...(postState ? { state: postState } : {}) }, cookie);
    }

    const failureOf = (page) => /data-failure="([^"]+)"/.exec(page.text)?.[1];

    it('sends the login to the LMS with everything OIDC asks for', async () => {
      const params = surveyLaunch();
      const login = await loginStep(params, true);
      const auth = new URL(login.authUrl);
      assert.equal(auth.origin + auth.pathname, platform.urls.authorize);
      const q = Object.fromEntries(auth.searchParams);
      assert.equal(q.scope, 'openid');
      assert.equal(q.response_type, 'id_token');
      assert.equal(q.response_mode, 'form_post');
      assert.equal(q.prompt, 'none');
      assert.equal(q.client_id, tool.clientId);
      assert.equal(q.redirect_uri, `${ctx.base}/lti/launch`);
      assert.equal(q.login_hint, params.login_hint);
      assert.equal(q.lti_message_hint, params.lti_message_hint);
      assert.ok(q.state.length >= 32 && q.nonce.length >= 32);
      // The state cookie works inside an LMS iframe: SameSite=None.
      assert.ok(
        login.setCookie.some(
          (line) => line.includes(`=${q.state};`) && /SameSite=None/i.test(line) && /; Secure/i.test(line) && /HttpOnly/i.test(line),
        ),
        login.setCookie.join('\n'),
      );
    });

    it('opens the survey for a learner, in the launch language, with the learner as a student', async () => {
      const ua = createUserAgent();
      const params = surveyLaunch({ user: { id: 'learner-1', name: 'Lucía Pérez' }, roles: ['Learner'], locale: 'es-MX' });
      const page = await ua.launch(platform, `${ctx.base}/lti/login`, params);
      assert.equal(page.status, 200, page.text);
      const url = new URL(page.url);
      assert.equal(url.pathname, `/embed/survey/${surveyId}`);
      // es-MX is served by Tandem's Spanish.
      assert.equal(url.searchParams.get('lang'), 'es');
      assert.match(page.text, /<tandem-survey data-tandem-widget survey="/);
      const user = await ctx.db.selectFrom('lti_users').selectAll().where('lti_user_id', '=', 'learner-1').executeTakeFirstOrThrow();
      assert.equal(user.kind, 'student');
      assert.equal(user.name, 'Lucía Pérez');
      const students = await ctx.db.selectFrom('family_students').selectAll().where('family_id', '=', user.family_id).execute();
      assert.deepEqual(
        students.map((s) => [s.student_id, s.name, s.school_id]),
        [[user.student_id, 'Lucía Pérez', tenant.schoolId]],
      );
    });

    it('makes an instructor staff of the school, without a way to sign in to the console', async () => {
      const ua = createUserAgent();
      const params = surveyLaunch({ user: { id: 'teacher-1', name: 'Ms. Rivera', email: 'rivera@school.example' }, roles: ['Instructor'] });
      const page = await ua.launch(platform, `${ctx.base}/lti/login`, params);
      assert.equal(page.status, 200, page.text);
      const user = await ctx.db.selectFrom('lti_users').selectAll().where('lti_user_id', '=', 'teacher-1').executeTakeFirstOrThrow();
      assert.equal(user.kind, 'staff');
      const staff = await ctx.db.selectFrom('staff_users').selectAll().where('id', '=', user.staff_user_id).executeTakeFirstOrThrow();
      assert.equal(staff.organization_id, tenant.organizationId);
      assert.equal(staff.role, 'staff');
      assert.match(staff.email, /@lti\.invalid$/);
      const member = await ctx.db.selectFrom('staff_school_members').selectAll().where('staff_user_id', '=', staff.id).execute();
      assert.deepEqual(
        member.map((m) => m.school_id),
        [tenant.schoolId],
      );
      const signIn = await ctx.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: staff.email, password: '!lti' } });
      assert.notEqual(signIn.statusCode, 200);
      // A second launch links to the same staff record.
      await createUserAgent().launch(
        platform,
        `${ctx.base}/lti/login`,
        surveyLaunch({ user: { id: 'teacher-1' }, roles: ['membership/Instructor#TeachingAssistant'] }),
      );
      assert.equal(await countRows(ctx.db, 'staff_users', { organization_id: tenant.organizationId }), 1);
    });

    it('signs a mentor into the message box as the family of the students they observe', async () => {
      await createUserAgent().launch(
        platform,
        `${ctx.base}/lti/login`,
        surveyLaunch({ user: { id: 'kid-7', name: 'Mateo Díaz' }, roles: ['Learner'] }),
      );
      const ua = createUserAgent();
      const params = platform.loginParams({
        clientId: tool.clientId,
        user: { id: 'parent-7', name: 'Rosa Díaz', email: 'rosa@example.org' },
        roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor'],
        mentorOf: ['kid-7'],
        custom: { widget: 'message-box', id: tenant.schoolId },
        locale: 'es',
      });
      const page = await ua.launch(platform, `${ctx.base}/lti/login`, params);
      assert.equal(page.status, 200, page.text);
      const url = new URL(page.url);
      assert.equal(url.pathname, `/embed/message-box/${tenant.schoolId}`);
      assert.equal(url.search, '?lang=es');
      const token = /^#tandem-sign-in=(.+)$/.exec(url.hash)?.[1];
      assert.ok(token, `sign-in token in the fragment: ${page.url}`);
      // What the message box does with the fragment: redeem it for a family session.
      const session = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/public/family-sessions/email-link',
        payload: { token: decodeURIComponent(token) },
      });
      assert.equal(session.statusCode, 201, session.body);
      const family = session.json().family;
      assert.equal(family.name, 'Rosa Díaz');
      assert.deepEqual(
        family.students.map((s) => s.name),
        ['Mateo Díaz'],
      );
      // The learner's own record names the same student.
      const kid = await ctx.db.selectFrom('lti_users').selectAll().where('lti_user_id', '=', 'kid-7').executeTakeFirstOrThrow();
      assert.equal(family.students[0].id, kid.student_id);
      // The token works once.
      const again = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/public/family-sessions/email-link',
        payload: { token: decodeURIComponent(token) },
      });
      assert.equal(again.statusCode, 401);
    });

    it('refuses a link to content of no school of this registration', async () => {
      const page = await createUserAgent().launch(
        platform,
        `${ctx.base}/lti/login`,
        surveyLaunch({ custom: { widget: 'survey', id: 'not-a-survey' } }),
      );
      assert.equal(page.status, 400);
      assert.equal(failureOf(page), 'content');
    });

    describe('refuses, in order, each failed check', () => {
      const cases = [
        ['a forged signature', { forgeSignature: true }, 'signature'],
        ['an unknown kid', { kid: 'nobody-has-this-kid' }, 'signature'],
        ['a wrong audience', { audience: 'another-client' }, 'audience'],
        ['several audiences without azp', { audience: ['another-client', 'x'], claims: { azp: undefined } }, 'audience'],
        ['a wrong issuer', { issuer: 'https://evil.example' }, 'issuer'],
        ['an expired token', { expired: true }, 'expired'],
        ['a nonce of another login', { claims: { nonce: 'someone-elses-nonce' } }, 'nonce'],
        ['an unknown deployment', { claims: { [`${LTI}deployment_id`]: 'unknown-deployment' } }, 'deployment'],
        ['a wrong version', { claims: { [`${LTI}version`]: '1.1' } }, 'version'],
        ['a wrong message type', { claims: { [`${LTI}message_type`]: 'LtiSubmissionReviewRequest' } }, 'message-type'],
        ['another target link', { claims: { [`${LTI}target_link_uri`]: 'https://elsewhere.example/launch' } }, 'target-link'],
      ];
      for (const [label, tamper, failure] of cases) {
        it(`${label}: ${failure}`, async () => {
          const before = await countRows(ctx.db, 'lti_users');
          const logged = ctx.logs.length;
          const page = await launchStepByStep(surveyLaunch({ user: { id: `victim-${failure}` } }), { tamper });
          assert.equal(page.status, 400, page.text);
          assert.equal(failureOf(page), failure, page.text);
          assert.match(page.headers.get('content-type'), /^text\/html/);
          assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);
          assert.match(page.text, /could not be opened/);
          assert.equal(await countRows(ctx.db, 'lti_users'), before, 'no identity is made by a refused launch');
          assert.ok(ctx.logs.slice(logged).some((line) => line.lti === failure && /refused/.test(line.msg)));
        });
      }

      it('a state this browser did not start: state', async () => {
        const page = await launchStepByStep(surveyLaunch(), { postState: 'forged-state' });
        assert.equal(failureOf(page), 'state');
        // The right state without this browser's cookie.
        const login = await loginStep(surveyLaunch());
        const { action, fields } = await platform.authorize(login.authUrl);
        const stranger = await postLaunch(action, fields, undefined);
        assert.equal(failureOf(stranger), 'state');
      });

      it('a replayed launch: replay', async () => {
        const { authUrl, cookie } = await loginStep(surveyLaunch());
        const { action, fields } = await platform.authorize(authUrl);
        const first = await postLaunch(action, fields, cookie);
        assert.equal(first.status, 303);
        const second = await postLaunch(action, fields, cookie);
        assert.equal(second.status, 400);
        assert.equal(failureOf(second), 'replay');
      });

      it('explains itself in Spanish when the launch is in Spanish', async () => {
        const page = await launchStepByStep(surveyLaunch({ locale: 'es' }), { tamper: { audience: 'otro' } });
        assert.match(page.text, /<html lang="es"/);
        assert.match(page.text, /No se pudo abrir este enlace del LMS/);
        assert.match(page.text, /ID de cliente de Tandem no está entre sus destinatarios/);
      });
    });

    it('fetches the LMS keys again when it signs with a new kid', async () => {
      const first = await createUserAgent().launch(platform, `${ctx.base}/lti/login`, surveyLaunch());
      assert.equal(first.status, 200);
      const kid = await platform.rotateKey({ keepOld: false });
      assert.equal(platform.kid, kid);
      const second = await createUserAgent().launch(platform, `${ctx.base}/lti/login`, surveyLaunch());
      assert.equal(second.status, 200, second.text);
      assert.equal(new URL(second.url).pathname, `/embed/survey/${surveyId}`);
    });

    it('works without cookies through the LMS storage (lti_storage_target)', async () => {
      // Third-party cookies blocked: the tool's state cookie is never stored or sent.
      const ua = createUserAgent({ inFrame: true, blockThirdPartyCookies: true, crossSiteOrigins: [platform.issuer] });
      const params = surveyLaunch({ storageTarget: '_parent', user: { id: 'storage-user' } });
      const login = await ua.navigate(`${ctx.base}/lti/login`, { method: 'POST', form: params, initiator: platform.issuer });
      assert.equal(login.status, 200);
      assert.match(login.headers.get('content-security-policy'), /script-src 'self'/);
      assert.doesNotMatch(login.text, /<script>/);
      assert.match(login.text, /<script src="\/lti\/scripts\/storage-login\.js" defer><\/script>/);
      const data = Object.fromEntries(
        [...login.text.matchAll(/data-([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2].replaceAll('&amp;', '&')]),
      );
      assert.equal(data.target, '_parent');
      assert.equal(data.origin, platform.issuer);
      assert.deepEqual(Object.keys(ua.cookies(ctx.base)), []);
      const script = await fetch(`${ctx.base}/lti/scripts/storage-login.js`);
      assert.match(await script.text(), /lti\.put_data/);
      // What the script does once the LMS frame confirmed lti.put_data: go on to the auth endpoint.
      const { action, fields } = await platform.authorize(data['auth-url']);
      const launchPage = await ua.navigate(action, { method: 'POST', form: fields, initiator: platform.issuer });
      assert.equal(launchPage.status, 200);
      assert.match(launchPage.text, /storage-launch\.js/);
      const form = launchPage.forms.find((f) => f.id === 'lti-storage-launch');
      assert.equal(form.fields.state, fields.state);
      // A state the storage did not confirm is refused…
      const wrong = await ua.submit(launchPage, { id: 'lti-storage-launch', values: { lti_storage_state: 'something-else' } });
      assert.equal(failureOf(wrong), 'state');
      // …and the value read back with lti.get_data lets the launch through (the refused try did not use it up).
      const page = await ua.submit(launchPage, { id: 'lti-storage-launch', values: { lti_storage_state: fields.state } });
      assert.equal(page.status, 200, page.text);
      assert.equal(new URL(page.url).pathname, `/embed/survey/${surveyId}`);
    });

    it('asks a launch on a pending or disabled registration to wait for the administrator', async () => {
      const { platform: other, tool: otherTool, registration } = await startPlatformWithTool(ctx, tenant);
      try {
        const disabled = await ctx.app.inject({
          method: 'POST',
          url: `/api/v1/lti/registrations/${registration.id}/disable`,
          headers: tenant.auth,
        });
        assert.equal(disabled.statusCode, 200);
        const page = await createUserAgent().launch(
          other,
          `${ctx.base}/lti/login`,
          other.loginParams({ clientId: otherTool.clientId, custom: { widget: 'survey', id: surveyId } }),
        );
        assert.equal(page.status, 403);
        assert.match(page.text, /waiting for your Tandem administrator to approve it/);
      } finally {
        await other.close();
      }
    });
  });
}
