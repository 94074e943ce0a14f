// Host-signed identity: organizations register identity-site keys; tokens are verified with jose
// (signature, issuer, audience, expiry with bounded skew, JWKS key rotation) and sign families in,
// and surveys accept them too. Every refusal is a 401 problem, and no key works across organizations.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { countRows, createPublishedSurvey, createTenant, databaseTargets, isProblemResponse, startApp, submit } from './helpers.js';

const SECRET = 'a-very-long-shared-secret-for-hs256-0123456789';
const ISSUER = 'https://portal.district.example';
const AUDIENCE = 'tandem';
const now = () => Math.floor(Date.now() / 1000);

function claims(overrides = {}) {
  return {
    name: 'Ana García',
    locale: 'es-MX',
    email: 'ana@example.org',
    students: [{ id: 'S-100', name: 'Leo García' }],
    ...overrides,
  };
}

async function hs256(
  secret = SECRET,
  { iss = ISSUER, aud = AUDIENCE, sub = 'parent-1', exp = now() + 300, body = claims(), alg = 'HS256' } = {},
) {
  let jwt = new SignJWT(body).setProtectedHeader({ alg }).setSubject(sub).setIssuer(iss).setAudience(aud).setIssuedAt();
  if (exp !== null) jwt = jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

function signIn(app, organization, identityToken) {
  return app.inject({ method: 'POST', url: '/api/v1/public/family-sessions/identity', payload: { organization, identityToken } });
}

/** A JWKS endpoint whose keys a test can rotate. */
async function startJwksServer(keys) {
  let current = keys;
  let fetches = 0;
  const server = createServer((request, response) => {
    fetches++;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: current }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/.well-known/jwks.json`,
    rotate: (next) => (current = next),
    fetches: () => fetches,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

for (const target of databaseTargets()) {
  describe(`host-signed identity on ${target.name}`, () => {
    let ctx;
    let tenant;
    let other;
    before(async () => {
      // The JWKS server below runs on 127.0.0.1, which only this test-only opt-in lets the verifier reach.
      ctx = await startApp(target, {
        messaging: { translationProvider: null, identity: { jwksCooldownMs: 0, allowPrivateJwksHosts: true } },
      });
      tenant = await createTenant(ctx.db, 'idp');
      other = await createTenant(ctx.db, 'idp-other');
      const key = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/identity-keys',
        headers: tenant.auth,
        payload: { name: 'Parent portal', issuer: ISSUER, audience: AUDIENCE, kind: 'hs256', secret: SECRET },
      });
      assert.equal(key.statusCode, 201, key.body);
    });
    after(() => ctx.close());

    it('keeps the HS256 secret sealed and never shows it', async () => {
      const list = await ctx.app.inject({ url: '/api/v1/identity-keys', headers: tenant.auth });
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().items.length, 1);
      assert.ok(!list.body.includes(SECRET));
      const row = await ctx.db.selectFrom('identity_keys').selectAll().executeTakeFirstOrThrow();
      assert.ok(row.sealed_secret && !row.sealed_secret.includes(SECRET), 'stored sealed, not in plain text');
      const otherList = await ctx.app.inject({ url: '/api/v1/identity-keys', headers: other.auth });
      assert.deepEqual(otherList.json().items, [], 'another organization sees none of it');
    });

    it('refuses keys whose fields do not match their kind, and staff who are not admins', async () => {
      const mismatch = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/identity-keys',
        headers: tenant.auth,
        payload: { name: 'x', issuer: 'i', audience: 'a', kind: 'jwks', secret: SECRET },
      });
      assert.equal(mismatch.statusCode, 422);
      assert.deepEqual(
        mismatch
          .json()
          .errors.map((e) => e.pointer)
          .sort(),
        ['/jwksUrl', '/secret'],
      );
      const privateJwk = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/identity-keys',
        headers: tenant.auth,
        payload: { name: 'x', issuer: 'i', audience: 'a', kind: 'jwk', jwk: { kty: 'EC', crv: 'P-256', x: 'a', y: 'b', d: 'secret' } },
      });
      assert.equal(privateJwk.statusCode, 422);
      const staffTenant = await createTenant(ctx.db, 'idp-staff', 'staff');
      const notAdmin = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/identity-keys',
        headers: staffTenant.auth,
        payload: { name: 'x', issuer: 'i', audience: 'a', kind: 'hs256', secret: SECRET },
      });
      assert.equal(notAdmin.statusCode, 403);
    });

    it('signs a family in from a valid token, with its name, language and students', async () => {
      const response = await signIn(ctx.app, 'idp', await hs256());
      assert.equal(response.statusCode, 201, response.body);
      const session = response.json();
      assert.match(session.accessToken, /^tfa_/);
      assert.match(session.refreshToken, /^tfr_/);
      assert.equal(session.family.name, 'Ana García');
      assert.equal(session.family.locale, 'es');
      assert.deepEqual(session.family.students, [{ id: 'S-100', name: 'Leo García' }]);
      // A newer token from the portal is the source of truth: same family, updated details.
      const again = await signIn(ctx.app, 'idp', await hs256(SECRET, { body: claims({ name: 'Ana G.', locale: 'hmn', students: [] }) }));
      assert.equal(again.json().family.id, session.family.id);
      assert.equal(again.json().family.name, 'Ana G.');
      assert.equal(again.json().family.locale, 'hmn');
      assert.deepEqual(again.json().family.students, []);
      const home = await ctx.app.inject({ url: '/api/v1/family/home', headers: { authorization: `Bearer ${again.json().accessToken}` } });
      assert.equal(home.statusCode, 200);
    });

    it('refuses forged, foreign, expired and malformed tokens', async () => {
      const cases = {
        'bad signature': await hs256('another-secret-that-is-long-enough-0123456789'),
        'wrong issuer': await hs256(SECRET, { iss: 'https://evil.example' }),
        'wrong audience': await hs256(SECRET, { aud: 'someone-else' }),
        'expired beyond the skew': await hs256(SECRET, { exp: now() - 120 }),
        'no expiry': await hs256(SECRET, { exp: null }),
        'unsigned (alg none)': new UnsecuredJWT(claims())
          .setSubject('p')
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime(now() + 300)
          .encode(),
        'not a JWT': 'hello',
        'malformed students claim': await hs256(SECRET, { body: claims({ students: [{ id: 1 }] }) }),
      };
      for (const [name, token] of Object.entries(cases)) {
        const response = await signIn(ctx.app, 'idp', token);
        assert.equal(response.statusCode, 401, name);
        assert.ok(isProblemResponse(response), name);
      }
      const withinSkew = await signIn(ctx.app, 'idp', await hs256(SECRET, { exp: now() - 30 }));
      assert.equal(withinSkew.statusCode, 201, 'a token 30 s past expiry passes within the 60 s clock skew');
    });

    it("refuses an organization's token at another organization", async () => {
      const response = await signIn(ctx.app, 'idp-other', await hs256());
      assert.equal(response.statusCode, 401);
      const unknownOrg = await signIn(ctx.app, 'no-such-org', await hs256());
      assert.equal(unknownOrg.statusCode, 401);
    });

    it('accepts a registered public JWK (ES256) and stops after the key is revoked', async () => {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'es-1' };
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/identity-keys',
        headers: tenant.auth,
        payload: { name: 'LMS', issuer: 'https://lms.example', audience: AUDIENCE, kind: 'jwk', jwk },
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().keyId, 'es-1');
      const sign = () =>
        new SignJWT(claims())
          .setProtectedHeader({ alg: 'ES256', kid: 'es-1' })
          .setSubject('lms-parent')
          .setIssuer('https://lms.example')
          .setAudience(AUDIENCE)
          .setExpirationTime(now() + 300)
          .sign(privateKey);
      assert.equal((await signIn(ctx.app, 'idp', await sign())).statusCode, 201);
      const revoked = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/identity-keys/${created.json().id}/revoke`,
        headers: tenant.auth,
      });
      assert.equal(revoked.statusCode, 200);
      assert.ok(revoked.json().revokedAt);
      assert.equal((await signIn(ctx.app, 'idp', await sign())).statusCode, 401);
      const foreignRevoke = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/identity-keys/${created.json().id}/revoke`,
        headers: other.auth,
      });
      assert.equal(foreignRevoke.statusCode, 404);
    });

    it('follows a JWKS URL through key rotation (new kid fetched, retired kid refused)', async () => {
      const first = await generateKeyPair('RS256');
      const second = await generateKeyPair('RS256');
      const jwks = await startJwksServer([{ ...(await exportJWK(first.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }]);
      try {
        const created = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/identity-keys',
          headers: tenant.auth,
          payload: { name: 'SSO', issuer: 'https://sso.example', audience: AUDIENCE, kind: 'jwks', jwksUrl: jwks.url },
        });
        assert.equal(created.statusCode, 201, created.body);
        const sign = (key, kid) =>
          new SignJWT(claims())
            .setProtectedHeader({ alg: 'RS256', kid })
            .setSubject('sso-parent')
            .setIssuer('https://sso.example')
            .setAudience(AUDIENCE)
            .setExpirationTime(now() + 300)
            .sign(key);
        assert.equal((await signIn(ctx.app, 'idp', await sign(first.privateKey, 'k1'))).statusCode, 201);
        jwks.rotate([{ ...(await exportJWK(second.publicKey)), kid: 'k2', alg: 'RS256', use: 'sig' }]);
        assert.equal((await signIn(ctx.app, 'idp', await sign(second.privateKey, 'k2'))).statusCode, 201, 'the new kid is fetched');
        assert.ok(jwks.fetches() >= 2);
        assert.equal((await signIn(ctx.app, 'idp', await sign(first.privateKey, 'k1'))).statusCode, 401, 'the retired key no longer works');
        const forged = await signIn(ctx.app, 'idp', await sign(first.privateKey, 'k2'));
        assert.equal(forged.statusCode, 401, 'a known kid with the wrong key fails the signature');
      } finally {
        await jwks.close();
      }
    });

    it('lets surveys record the verified family, and still refuses bad tokens there', async () => {
      const surveyId = await createPublishedSurvey(ctx.app, tenant);
      const good = await submit(ctx.app, surveyId, {
        locale: 'es',
        answers: { color: 'red' },
        identityToken: await hs256(SECRET, { sub: 'survey-parent' }),
      });
      assert.equal(good.statusCode, 201, good.body);
      const family = await ctx.db.selectFrom('families').select('id').where('subject', '=', 'survey-parent').executeTakeFirstOrThrow();
      assert.equal(await countRows(ctx.db, 'survey_responses', { family_id: family.id }), 1);
      const bad = await submit(ctx.app, surveyId, {
        locale: 'es',
        answers: { color: 'red' },
        identityToken: await hs256('wrong-secret-that-is-long-enough-0123456789'),
      });
      assert.equal(bad.statusCode, 401);
    });
  });
}
