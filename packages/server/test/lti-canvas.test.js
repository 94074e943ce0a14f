// Canvas as Instructure hosts it, through the test LMS's canvas flavor: dynamic registration with the token on
// the configuration request too, the shared issuer https://canvas.instructure.com read from the institution's
// own host, a registration answer without a deployment ID, approval anyway, the deployment recorded from the
// first valid launch (once, even when two first launches race), other deployments refused afterwards, and
// names and emails shared because Tandem asked for Canvas's "public" privacy level.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPublishedSurvey, databaseTargets } from './helpers.js';
import { createUserAgent, LTI, startLtiPlatform } from './lti-platform.js';
import { createTenant, startTool } from './lti-tool-support.js';
import { savePendingRegistration } from '../dist/lti/registrations.js';

const CANVAS_ISSUER = 'https://canvas.instructure.com';
const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';

for (const target of databaseTargets()) {
  describe(`LTI with Canvas (${target.name})`, () => {
    let ctx;
    let district;
    let canvas;
    let surveyId;

    before(async () => {
      ctx = await startTool(target);
      district = await createTenant(ctx.db, 'lti-canvas');
      // The LMS serves from 127.0.0.1:<port> (the institution's host) and signs as canvas.instructure.com.
      canvas = await startLtiPlatform({ flavor: 'canvas', issuer: CANVAS_ISSUER });
      surveyId = await createPublishedSurvey(ctx.app, district);
    });
    after(async () => {
      await canvas?.close();
      await ctx?.close();
    });

    const list = async () => {
      const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/lti/registrations', headers: district.auth });
      assert.equal(response.statusCode, 200, response.body);
      return response.json().registrations;
    };
    const approve = (id) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/lti/registrations/${id}/approve`,
        headers: district.auth,
        payload: { schoolId: district.schoolId },
      });
    const failureOf = (page) => /data-failure="([^"]+)"/.exec(page.text)?.[1];
    const register = async () => {
      const result = await canvas.dynamicRegistration(`${ctx.base}/lti/register/lti-canvas`);
      assert.equal(result.status, 200, `${result.html}\n${JSON.stringify(canvas.errors)}`);
      assert.ok(result.registration, 'Canvas accepted the registration');
      const row = (await list()).find((r) => r.clientId === result.registration.clientId);
      assert.ok(row, 'Tandem keeps the registration');
      return { tool: result.registration, row };
    };
    const surveyLaunch = (tool, options = {}) =>
      canvas.loginParams({ clientId: tool.clientId, custom: { widget: 'survey', id: surveyId }, ...options });

    let tool;
    let registrationId;

    it('registers with Canvas, asking for names, emails and placements, and waits for approval without a deployment', async () => {
      ({
        tool,
        row: { id: registrationId },
      } = await register());
      const [registration] = (await list()).filter((r) => r.id === registrationId);
      assert.equal(registration.status, 'pending');
      assert.equal(registration.issuer, CANVAS_ISSUER);
      assert.deepEqual(registration.deploymentIds, [], 'Canvas names no deployment when registering');
      // The admin sees which site vouched for the shared Canvas issuer.
      assert.equal(registration.platformName, `canvas (${new URL(canvas.origin).host})`);
      assert.equal(registration.jwksUri, canvas.urls.jwks);

      const config = canvas.registrations.at(-1).metadata[TOOL_CONFIGURATION];
      assert.equal(config['https://canvas.instructure.com/lti/privacy_level'], 'public');
      const deepLinking = config.messages.find((m) => m.type === 'LtiDeepLinkingRequest');
      assert.deepEqual(deepLinking.placements, ['link_selection', 'assignment_selection', 'editor_button']);
      // The JSON configuration (manual developer keys) offers the very same placements.
      const json = await (await fetch(`${ctx.base}/lti/config.json`)).json();
      assert.deepEqual(
        json.extensions[0].settings.placements.map((p) => p.placement),
        deepLinking.placements,
      );
      assert.equal(json.extensions[0].privacy_level, 'public');

      const waiting = await createUserAgent().launch(canvas, tool.loginUrl, surveyLaunch(tool));
      assert.equal(waiting.status, 403);
      assert.match(waiting.text, /waiting for your Tandem administrator to approve it/);
      assert.deepEqual((await list()).find((r) => r.id === registrationId).deploymentIds, [], 'a waiting registration learns nothing');
    });

    it('is approved without a deployment ID', async () => {
      const approved = await approve(registrationId);
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().status, 'approved');
      assert.deepEqual(approved.json().deploymentIds, []);
    });

    it('records nothing from launches that fail a later check or are not signed by Canvas', async () => {
      for (const [tamper, failure] of [
        [{ claims: { [`${LTI}version`]: '1.1' } }, 'version'],
        [{ claims: { [`${LTI}target_link_uri`]: 'https://elsewhere.example/launch' } }, 'target-link'],
        [{ forgeSignature: true }, 'signature'],
      ]) {
        canvas.tamperNextLaunch(tamper);
        const page = await createUserAgent().launch(canvas, tool.loginUrl, surveyLaunch(tool));
        assert.equal(page.status, 400, page.text);
        assert.equal(failureOf(page), failure);
        assert.deepEqual((await list()).find((r) => r.id === registrationId).deploymentIds, []);
      }
    });

    it('records the deployment of the first launch, shares names and emails, and refuses other deployments afterwards', async () => {
      const learner = { id: 'canvas-learner-1', name: 'Ana Canvas', given_name: 'Ana', family_name: 'Canvas', email: 'ana@canvas.example' };
      const first = await createUserAgent().launch(canvas, tool.loginUrl, surveyLaunch(tool, { user: learner }));
      assert.equal(first.status, 200, first.text);
      assert.equal(new URL(first.url).pathname, `/embed/survey/${surveyId}`);

      const registration = (await list()).find((r) => r.id === registrationId);
      assert.deepEqual(registration.deploymentIds, [tool.deploymentId], 'the admin sees the deployment Canvas launched from');
      const audit = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: district.auth })).json().items;
      const learned = audit.filter((e) => e.action === 'lti.registration.deployment' && e.target?.id === registrationId);
      assert.equal(learned.length, 1);
      assert.equal(learned[0].actor.kind, 'system');
      assert.ok(ctx.logs.some((line) => line.lti === 'deployment' && line.registrationId === registrationId));

      // Canvas shared the name and email because Tandem asked for the public privacy level.
      const user = await ctx.db
        .selectFrom('lti_users')
        .selectAll()
        .where('registration_id', '=', registrationId)
        .where('lti_user_id', '=', learner.id)
        .executeTakeFirstOrThrow();
      assert.equal(user.name, 'Ana Canvas');
      assert.equal(user.email, 'ana@canvas.example');

      const again = await createUserAgent().launch(canvas, tool.loginUrl, surveyLaunch(tool, { user: learner }));
      assert.equal(again.status, 200, again.text);

      const other = await createUserAgent().launch(
        canvas,
        tool.loginUrl,
        surveyLaunch(tool, { deploymentId: 'another-canvas-deployment' }),
      );
      assert.equal(other.status, 400, other.text);
      assert.equal(failureOf(other), 'deployment');
      assert.deepEqual((await list()).find((r) => r.id === registrationId).deploymentIds, [tool.deploymentId]);
      const audited = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: district.auth }))
        .json()
        .items.filter((e) => e.action === 'lti.registration.deployment');
      assert.equal(audited.length, 1, 'recorded once');
    });

    it('lets exactly one of two racing first launches from different deployments record its deployment', async () => {
      const { tool: second, row } = await register();
      assert.equal((await approve(row.id)).statusCode, 200);
      const launches = await Promise.all(
        ['race-a', 'race-b', 'race-a', 'race-b'].map((deploymentId) =>
          createUserAgent().launch(canvas, second.loginUrl, surveyLaunch(second, { deploymentId })),
        ),
      );
      const stored = (await list()).find((r) => r.id === row.id).deploymentIds;
      assert.equal(stored.length, 1, JSON.stringify(stored));
      const [deployment] = stored;
      const winners = ['race-a', 'race-b', 'race-a', 'race-b'].map((d) => d === deployment);
      launches.forEach((page, index) => {
        if (winners[index]) assert.equal(page.status, 200, page.text);
        else assert.equal(failureOf(page), 'deployment', page.text);
      });
      const audited = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: district.auth }))
        .json()
        .items.filter((e) => e.action === 'lti.registration.deployment' && e.target?.id === row.id);
      assert.equal(audited.length, 1);
    });

    it('never lets a site vouching for a shared issuer change a registration that exists', async () => {
      const [existing] = (await list()).filter((r) => r.id === registrationId);
      await assert.rejects(
        savePendingRegistration(
          ctx.db,
          district.organizationId,
          { onlyNew: true },
          {
            issuer: CANVAS_ISSUER,
            client_id: existing.clientId,
            deployment_ids: '[]',
            platform_name: 'canvas (evil.example)',
            authorization_endpoint: 'https://evil.example/auth',
            token_endpoint: 'https://evil.example/token',
            jwks_uri: 'https://evil.example/jwks',
          },
        ),
        /already registered/,
      );
      const after = (await list()).find((r) => r.id === registrationId);
      assert.equal(after.status, 'approved');
      assert.equal(after.jwksUri, canvas.urls.jwks);
    });

    it('refuses a configuration that claims to be Tandem', async () => {
      const impostor = await startLtiPlatform({ flavor: 'canvas', issuer: ctx.base });
      try {
        const result = await impostor.dynamicRegistration(`${ctx.base}/lti/register/lti-canvas`);
        assert.equal(result.status, 502);
        assert.match(result.html, /is Tandem itself/);
        assert.equal(result.registration, undefined);
      } finally {
        await impostor.close();
      }
    });
  });
}
