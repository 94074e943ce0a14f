// LMS registrations of Tandem as an LTI tool: dynamic registration from the LMS, approval in the console API,
// manual registration with field-level errors, the tool's JWKS and key rotation, the Canvas JSON config, and
// the wall between organizations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { databaseTargets, createPublishedSurvey, isProblemResponse } from './helpers.js';
import { createStaffUser } from '../dist/index.js';
import { createUserAgent, startLtiPlatform } from './lti-platform.js';
import { createTenant, startPlatformWithTool, startTool } from './lti-tool-support.js';

for (const target of databaseTargets()) {
  describe(`LTI registrations (${target.name})`, () => {
    let ctx;
    let districtA;
    let districtB;
    let platform;

    before(async () => {
      ctx = await startTool(target);
      districtA = await createTenant(ctx.db, 'lti-a');
      districtB = await createTenant(ctx.db, 'lti-b');
      platform = await startLtiPlatform();
    });
    after(async () => {
      await platform?.close();
      await ctx?.close();
    });

    const list = (tenant) => ctx.app.inject({ method: 'GET', url: '/api/v1/lti/registrations', headers: tenant.auth });

    it('shows an admin the URLs to paste into an LMS', async () => {
      const response = await list(districtA);
      assert.equal(response.statusCode, 200, response.body);
      const { tool, registrations } = response.json();
      assert.deepEqual(tool, {
        registrationUrl: `${ctx.base}/lti/register/lti-a`,
        loginUrl: `${ctx.base}/lti/login`,
        redirectUrl: `${ctx.base}/lti/launch`,
        jwksUrl: `${ctx.base}/lti/jwks`,
        targetLinkUrl: `${ctx.base}/lti/launch`,
        deepLinkUrl: `${ctx.base}/lti/deep-link`,
        configUrl: `${ctx.base}/lti/config.json`,
      });
      assert.deepEqual(registrations, []);
    });

    it('is for organization admins only', async () => {
      const staff = await createTenant(ctx.db, 'lti-staff-only', 'staff');
      assert.equal((await list(staff)).statusCode, 403);
      assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/lti/registrations' })).statusCode, 401);
    });

    it('registers dynamically, waits for approval, then launches', async () => {
      const result = await platform.dynamicRegistration(`${ctx.base}/lti/register/lti-a`);
      assert.equal(result.status, 200, result.html);
      assert.match(result.html, /Tandem is registered/);
      // The page closes itself through a served script; nothing inline.
      assert.match(result.html, /<script src="\/lti\/scripts\/close\.js" defer><\/script>/);
      assert.doesNotMatch(result.html, /<script>/);
      const close = await fetch(`${ctx.base}/lti/scripts/close.js`);
      assert.match(close.headers.get('content-type'), /javascript/);
      assert.match(await close.text(), /postMessage\(\{ subject: 'org\.imsglobal\.lti\.close' \}/);
      // What Tandem told the LMS about itself.
      const tool = result.registration;
      assert.ok(tool, 'the LMS got a registration');
      const metadata = platform.registrations.at(-1).metadata;
      assert.deepEqual(metadata.redirect_uris, [`${ctx.base}/lti/launch`]);
      assert.equal(metadata.initiate_login_uri, `${ctx.base}/lti/login`);
      assert.equal(metadata.jwks_uri, `${ctx.base}/lti/jwks`);
      assert.match(metadata.scope, /contextmembership\.readonly/);
      const messages = metadata['https://purl.imsglobal.org/spec/lti-tool-configuration'].messages.map((m) => m.type);
      assert.deepEqual(messages.sort(), ['LtiDeepLinkingRequest', 'LtiResourceLinkRequest']);

      const pending = (await list(districtA)).json().registrations;
      assert.equal(pending.length, 1);
      assert.equal(pending[0].status, 'pending');
      assert.equal(pending[0].issuer, platform.issuer);
      assert.equal(pending[0].clientId, tool.clientId);
      assert.deepEqual(pending[0].deploymentIds, [tool.deploymentId]);
      assert.equal(pending[0].jwksUri, platform.urls.jwks);
      assert.equal(pending[0].schoolId, undefined);

      const surveyId = await createPublishedSurvey(ctx.app, districtA);
      const params = () => platform.loginParams({ clientId: tool.clientId, custom: { widget: 'survey', id: surveyId } });
      const waiting = await createUserAgent().launch(platform, tool.loginUrl, params());
      assert.equal(waiting.status, 403);
      assert.match(waiting.text, /waiting for your Tandem administrator to approve it/);

      // Organization B can neither see nor approve A's registration.
      assert.deepEqual((await list(districtB)).json().registrations, []);
      const stolen = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/lti/registrations/${pending[0].id}/approve`,
        headers: districtB.auth,
        payload: { schoolId: districtB.schoolId },
      });
      assert.equal(stolen.statusCode, 404);
      const disabledByB = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/lti/registrations/${pending[0].id}/disable`,
        headers: districtB.auth,
      });
      assert.equal(disabledByB.statusCode, 404);
      // Nor can A approve it for B's school.
      const foreignSchool = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/lti/registrations/${pending[0].id}/approve`,
        headers: districtA.auth,
        payload: { schoolId: districtB.schoolId },
      });
      assert.equal(foreignSchool.statusCode, 422);
      assert.equal(foreignSchool.json().errors[0].pointer, '/schoolId');

      const approved = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/lti/registrations/${pending[0].id}/approve`,
        headers: districtA.auth,
        payload: { schoolId: districtA.schoolId },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().status, 'approved');
      assert.equal(approved.json().schoolId, districtA.schoolId);
      assert.ok(approved.json().approvedAt);

      const launched = await createUserAgent().launch(platform, tool.loginUrl, params());
      assert.equal(launched.status, 200, launched.text);
      assert.equal(new URL(launched.url).pathname, `/embed/survey/${surveyId}`);

      const audit = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: districtA.auth });
      const actions = audit.json().items.map((e) => e.action);
      assert.ok(actions.includes('lti.registration.register'));
      assert.ok(actions.includes('lti.registration.approve'));
      const auditB = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: districtB.auth });
      assert.ok(!auditB.json().items.some((e) => e.action.startsWith('lti.')));
    });

    it('refuses a configuration whose issuer is on another site than the configuration', async () => {
      // The LMS's own configuration, read through another address: its issuer no longer matches where it came from.
      const viaLocalhost = platform.urls.openidConfiguration.replace('127.0.0.1', 'localhost');
      const result = await platform.dynamicRegistration(`${ctx.base}/lti/register/lti-a`, {
        fetch: (u) => {
          const target = new URL(u);
          target.searchParams.set('openid_configuration', viaLocalhost);
          return fetch(target);
        },
      });
      assert.equal(result.status, 502);
      assert.match(result.html, /is not on the site it was read from/);
      assert.equal(result.registration, undefined);
    });

    it('answers an unknown organization and a missing configuration with a page that says so', async () => {
      const unknown = await fetch(
        `${ctx.base}/lti/register/nobody?openid_configuration=${encodeURIComponent(platform.urls.openidConfiguration)}`,
      );
      assert.equal(unknown.status, 404);
      assert.match(await unknown.text(), /No Tandem organization has this registration address/);
      const missing = await fetch(`${ctx.base}/lti/register/lti-a`);
      assert.equal(missing.status, 400);
      assert.match(await missing.text(), /did not send openid_configuration/);
    });

    it('registers by hand with field errors, approved at once, and disables', async () => {
      const bad = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/lti/registrations',
        headers: districtA.auth,
        payload: {
          issuer: 'https://lms.example',
          clientId: '',
          deploymentIds: [],
          authorizationEndpoint: 'nope',
          tokenEndpoint: 'https://lms.example/token',
          jwksUri: 'https://lms.example/jwks',
          schoolId: districtA.schoolId,
        },
      });
      assert.equal(bad.statusCode, 422);
      assert.ok(isProblemResponse(bad));
      const pointers = bad
        .json()
        .errors.map((e) => e.pointer)
        .sort();
      assert.deepEqual(pointers, ['/authorizationEndpoint', '/clientId', '/deploymentIds']);

      const foreign = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/lti/registrations',
        headers: districtA.auth,
        payload: {
          issuer: 'https://lms.example',
          clientId: 'abc',
          deploymentIds: ['1'],
          authorizationEndpoint: 'https://lms.example/auth',
          tokenEndpoint: 'https://lms.example/token',
          jwksUri: 'http://169.254.169.254/latest',
          schoolId: districtB.schoolId,
        },
      });
      assert.equal(foreign.statusCode, 422);
      // Another district's school, and a metadata-service address the server must never be made to fetch.
      assert.deepEqual(
        foreign
          .json()
          .errors.map((e) => e.pointer)
          .sort(),
        ['/jwksUri', '/schoolId'],
      );

      const { platform: other, registration } = await startPlatformWithTool(ctx, districtB);
      try {
        assert.equal(registration.status, 'approved');
        assert.equal(registration.schoolId, districtB.schoolId);
        assert.ok(registration.approvedAt);
        const again = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/lti/registrations',
          headers: districtA.auth,
          payload: {
            issuer: registration.issuer,
            clientId: registration.clientId,
            deploymentIds: ['x'],
            authorizationEndpoint: registration.authorizationEndpoint,
            tokenEndpoint: registration.tokenEndpoint,
            jwksUri: registration.jwksUri,
            schoolId: districtA.schoolId,
          },
        });
        assert.equal(again.statusCode, 422);
        assert.equal(again.json().errors[0].pointer, '/clientId');
        const disabled = await ctx.app.inject({
          method: 'POST',
          url: `/api/v1/lti/registrations/${registration.id}/disable`,
          headers: districtB.auth,
        });
        assert.equal(disabled.statusCode, 200);
        assert.equal(disabled.json().status, 'disabled');
        const audit = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: districtB.auth }))
          .json()
          .items.map((e) => e.action);
        assert.ok(audit.includes('lti.registration.create'));
        assert.ok(audit.includes('lti.registration.disable'));
      } finally {
        await other.close();
      }
    });

    it('serves the console through its cookie session, with the CSRF header on writes', async () => {
      await createStaffUser(ctx.db, {
        organizationId: districtA.organizationId,
        email: 'admin@lti-a.example',
        name: 'Ada',
        role: 'admin',
        password: 'correct horse battery',
      });
      // Same-origin requests from the console (no Origin header needed on this test server).
      const origin = {};
      const signIn = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: origin,
        payload: { email: 'admin@lti-a.example', password: 'correct horse battery' },
      });
      assert.equal(signIn.statusCode, 200, signIn.body);
      const cookie = [signIn.headers['set-cookie']].flat()[0].split(';')[0];
      const csrf = signIn.json().csrfToken;

      const listed = await ctx.app.inject({ method: 'GET', url: '/api/v1/lti/registrations', headers: { cookie } });
      assert.equal(listed.statusCode, 200);
      const [registration] = listed.json().registrations;
      assert.ok(registration, 'the registration made earlier is listed');

      const url = `/api/v1/lti/registrations/${registration.id}/disable`;
      const forged = await ctx.app.inject({ method: 'POST', url, headers: { cookie, ...origin } });
      assert.equal(forged.statusCode, 403, 'no write without the CSRF header');
      assert.equal((await list(districtA)).json().registrations[0].status, registration.status);
      const crossSite = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { cookie, origin: 'https://evil.example', 'x-tandem-csrf': csrf },
      });
      assert.equal(crossSite.statusCode, 403);
      const disabled = await ctx.app.inject({ method: 'POST', url, headers: { cookie, ...origin, 'x-tandem-csrf': csrf } });
      assert.equal(disabled.statusCode, 200, disabled.body);
      assert.equal(disabled.json().status, 'disabled');
      const audit = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: districtA.auth })).json().items;
      const entry = audit.find((e) => e.action === 'lti.registration.disable' && e.target?.id === registration.id);
      assert.equal(entry.actor.kind, 'staff');
      assert.equal(entry.actor.name, 'Ada');
    });

    it('publishes its public keys only, and keeps the previous key over a rotation', async () => {
      const before = await (await fetch(`${ctx.base}/lti/jwks`)).json();
      assert.equal(before.keys.length, 1);
      for (const key of before.keys) {
        assert.equal(key.kty, 'RSA');
        assert.equal(key.alg, 'RS256');
        for (const part of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.equal(key[part], undefined);
      }
      const stored = await ctx.db.selectFrom('lti_tool_keys').selectAll().execute();
      assert.ok(
        stored.every((row) => !row.sealed_private_jwk.includes('"d"')),
        'private keys are sealed at rest',
      );

      const oldKid = before.keys[0].kid;
      const newKid = await ctx.app.lti.keys.rotate();
      const after = await (await fetch(`${ctx.base}/lti/jwks`)).json();
      assert.deepEqual(after.keys.map((k) => k.kid).sort(), [oldKid, newKid].sort());
      // New signatures use the new key and verify against the published set.
      const { kid, key } = await ctx.app.lti.keys.current();
      assert.equal(kid, newKid);
      const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid }).setIssuedAt().setExpirationTime('1m').sign(key);
      await jwtVerify(jwt, createLocalJWKSet(after));
      // A second rotation drops the oldest.
      const newest = await ctx.app.lti.keys.rotate();
      const later = await (await fetch(`${ctx.base}/lti/jwks`)).json();
      assert.deepEqual(later.keys.map((k) => k.kid).sort(), [newKid, newest].sort());
    });

    it('serves a Canvas developer-key JSON configuration', async () => {
      const response = await fetch(`${ctx.base}/lti/config.json`);
      assert.equal(response.status, 200);
      const config = await response.json();
      assert.equal(config.oidc_initiation_url, `${ctx.base}/lti/login`);
      assert.equal(config.target_link_uri, `${ctx.base}/lti/launch`);
      assert.equal(config.public_jwk_url, `${ctx.base}/lti/jwks`);
      assert.ok(config.scopes.includes('https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'));
      const placements = config.extensions[0].settings.placements;
      assert.ok(placements.some((p) => p.message_type === 'LtiDeepLinkingRequest' && p.target_link_uri === `${ctx.base}/lti/deep-link`));
    });
  });
}
