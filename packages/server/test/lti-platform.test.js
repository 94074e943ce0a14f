// Direct tests of the LTI test platform's own checks: the harness must refuse what a real LMS refuses,
// or tool tests that pass against it prove nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import {
  LTI,
  LTI_DL,
  NRPS_CLAIM,
  NRPS_MEDIA_TYPE,
  NRPS_SCOPE,
  createUserAgent,
  parseForms,
  roleUri,
  startLtiPlatform,
} from './lti-platform.js';

/** A stand-in tool: just a key pair and a JWKS endpoint, so the platform can verify what it signs. */
async function startToolKeys() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = `tool-${randomUUID()}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    jwksUrl: `${base}/jwks`,
    sign: (payload, key = privateKey) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).setIssuedAt().setExpirationTime('5m').sign(key),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('LTI test platform', () => {
  let platform;
  let keys;
  let tool;

  before(async () => {
    platform = await startLtiPlatform({ pageSize: 2 });
    keys = await startToolKeys();
    tool = platform.addTool({
      clientId: 'tandem-client',
      deploymentId: 'dep-1',
      loginUrl: `${keys.base}/lti/login`,
      redirectUris: [`${keys.base}/lti/launch`],
      targetLinkUri: `${keys.base}/lti/launch`,
      jwksUrl: keys.jwksUrl,
    });
  });

  after(async () => {
    await platform?.close();
    await keys?.close();
  });

  /** The auth request a correct tool would send for these login parameters. */
  function authUrl(params, overrides = {}) {
    const url = new URL(platform.urls.authorize);
    const q = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: params.client_id,
      redirect_uri: `${keys.base}/lti/launch`,
      login_hint: params.login_hint,
      lti_message_hint: params.lti_message_hint,
      state: 'state-1',
      nonce: randomUUID(),
      ...overrides,
    };
    for (const [k, v] of Object.entries(q)) if (v !== undefined) url.searchParams.set(k, v);
    return url.href;
  }

  const platformKeys = async () => createLocalJWKSet(await (await fetch(platform.urls.jwks)).json());

  test('login parameters carry what an LMS sends to the login initiation URL', () => {
    const params = platform.loginParams({ clientId: tool.clientId, user: 'u1', storageTarget: '_parent' });
    assert.equal(params.iss, platform.issuer);
    assert.equal(params.client_id, 'tandem-client');
    assert.equal(params.lti_deployment_id, 'dep-1');
    assert.equal(params.target_link_uri, `${keys.base}/lti/launch`);
    assert.equal(params.lti_storage_target, '_parent');
    assert.ok(params.login_hint && params.lti_message_hint);
  });

  test('a valid auth request yields a signed id_token with the full LTI claim set', async () => {
    const params = platform.loginParams({
      clientId: tool.clientId,
      user: { id: 'parent-1', name: 'Di Lee' },
      roles: ['Mentor', 'institution:Other'],
      mentorOf: ['student-1', 'student-2'],
      context: { id: 'c-1', label: 'G7', title: 'Grade 7' },
      custom: { widget: 'survey' },
    });
    const nonce = randomUUID();
    const { action, fields } = await platform.authorize(authUrl(params, { nonce }));
    assert.equal(action, `${keys.base}/lti/launch`);
    assert.equal(fields.state, 'state-1');
    const { payload, protectedHeader } = await jwtVerify(fields.id_token, await platformKeys(), {
      issuer: platform.issuer,
      audience: 'tandem-client',
    });
    assert.equal(protectedHeader.kid, platform.kid);
    assert.equal(payload.sub, 'parent-1');
    assert.equal(payload.nonce, nonce);
    assert.equal(payload[`${LTI}message_type`], 'LtiResourceLinkRequest');
    assert.equal(payload[`${LTI}version`], '1.3.0');
    assert.equal(payload[`${LTI}deployment_id`], 'dep-1');
    assert.equal(payload[`${LTI}target_link_uri`], `${keys.base}/lti/launch`);
    assert.deepEqual(payload[`${LTI}roles`], [roleUri('Mentor'), 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Other']);
    assert.deepEqual(payload[`${LTI}role_scope_mentor`], ['student-1', 'student-2']);
    assert.equal(payload[`${LTI}context`].id, 'c-1');
    assert.deepEqual(payload[`${LTI}custom`], { widget: 'survey' });
    assert.ok(payload[`${LTI}resource_link`].id);
    assert.equal(payload[`${LTI}launch_presentation`].document_target, 'iframe');
    assert.equal(payload[NRPS_CLAIM].context_memberships_url, platform.urls.memberships('c-1'));
  });

  test('a deep-linking request carries deep_linking_settings and no resource link', async () => {
    const params = platform.loginParams({
      clientId: tool.clientId,
      user: 't1',
      roles: ['Instructor'],
      messageType: 'LtiDeepLinkingRequest',
    });
    const { fields } = await platform.authorize(authUrl(params));
    const { payload } = await jwtVerify(fields.id_token, await platformKeys());
    const settings = payload[`${LTI_DL}deep_linking_settings`];
    assert.equal(settings.deep_link_return_url, platform.urls.deepLinkReturn);
    assert.deepEqual(settings.accept_types, ['ltiResourceLink']);
    assert.ok(settings.data);
    assert.equal(payload[`${LTI}resource_link`], undefined);
  });

  test('authorize refuses a redirect_uri that is not registered, without redirecting to it', async () => {
    const params = platform.loginParams({ clientId: tool.clientId, user: 'u1' });
    await assert.rejects(platform.authorize(authUrl(params, { redirect_uri: 'http://evil.test/launch' })), (err) => {
      assert.equal(err.error, 'invalid_request');
      assert.equal(err.redirect, undefined);
      return true;
    });
  });

  test('authorize refuses an unknown client_id', async () => {
    const params = platform.loginParams({ clientId: tool.clientId, user: 'u1' });
    await assert.rejects(platform.authorize(authUrl(params, { client_id: 'nobody' })), { error: 'invalid_client' });
  });

  for (const [label, overrides, error] of [
    ['a missing nonce', { nonce: undefined }, 'invalid_request'],
    ['a missing state', { state: undefined }, 'invalid_request'],
    ['prompt other than none', { prompt: 'login' }, 'invalid_request'],
    ['response_mode query', { response_mode: 'query' }, 'invalid_request'],
    ['response_type code', { response_type: 'code' }, 'unsupported_response_type'],
    ['no openid scope', { scope: 'profile' }, 'invalid_scope'],
    ['an lti_message_hint from another launch', { lti_message_hint: 'msg-other' }, 'invalid_request'],
    ['an unknown login_hint', { login_hint: 'hint-nope' }, 'login_required'],
  ]) {
    test(`authorize refuses ${label} and reports it to the registered redirect_uri`, async () => {
      const params = platform.loginParams({ clientId: tool.clientId, user: 'u1' });
      await assert.rejects(platform.authorize(authUrl(params, overrides)), (err) => {
        assert.equal(err.error, error);
        assert.equal(err.redirect.action, `${keys.base}/lti/launch`);
        assert.equal(err.redirect.fields.error, error);
        return true;
      });
    });
  }

  test('a login hint issued for another client is refused', async () => {
    const other = platform.addTool({ loginUrl: `${keys.base}/x`, redirectUris: [`${keys.base}/lti/launch`], jwksUrl: keys.jwksUrl });
    const params = platform.loginParams({ clientId: other.clientId, user: 'u1' });
    await assert.rejects(platform.authorize(authUrl(params, { client_id: tool.clientId })), { error: 'unauthorized_client' });
  });

  test('the HTTP authorize endpoint answers with an auto-posting form to the tool', async () => {
    const params = platform.loginParams({ clientId: tool.clientId, user: 'u1' });
    const res = await fetch(authUrl(params));
    assert.equal(res.status, 200);
    const [form] = parseForms(await res.text(), res.url);
    assert.equal(form.method, 'POST');
    assert.equal(form.action, `${keys.base}/lti/launch`);
    assert.ok(form.fields.id_token);
    assert.equal(form.fields.state, 'state-1');

    const bad = await fetch(authUrl(params, { redirect_uri: 'http://evil.test/' }));
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error, 'invalid_request');
  });

  test('tampered id_tokens fail verification against the platform JWKS', async () => {
    const params = () => platform.loginParams({ clientId: tool.clientId, user: 'u1' });
    const jwks = await platformKeys();
    const forged = await platform.authorize(authUrl(params()), { tamper: { forgeSignature: true } });
    await assert.rejects(jwtVerify(forged.fields.id_token, jwks), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
    const expired = await platform.authorize(authUrl(params()), { tamper: { expired: true } });
    await assert.rejects(jwtVerify(expired.fields.id_token, jwks), { code: 'ERR_JWT_EXPIRED' });
    const unknownKid = await platform.authorize(authUrl(params()), { tamper: { kid: 'unknown' } });
    await assert.rejects(jwtVerify(unknownKid.fields.id_token, jwks), { code: 'ERR_JWKS_NO_MATCHING_KEY' });
    const deleted = await platform.authorize(authUrl(params()), { tamper: { claims: { [`${LTI}deployment_id`]: undefined } } });
    assert.equal((await jwtVerify(deleted.fields.id_token, jwks)).payload[`${LTI}deployment_id`], undefined);
  });

  test('rotateKey publishes a new kid and can drop the old one', async () => {
    const first = platform.kid;
    const second = await platform.rotateKey();
    let kids = (await (await fetch(platform.urls.jwks)).json()).keys.map((k) => k.kid);
    assert.ok(kids.includes(first) && kids.includes(second));
    const third = await platform.rotateKey({ keepOld: false });
    kids = (await (await fetch(platform.urls.jwks)).json()).keys.map((k) => k.kid);
    assert.deepEqual(kids, [third]);
  });

  /** Requests an access token with a client assertion signed by `sign` (default: the tool's real key). */
  async function requestToken({ assertion, scope = NRPS_SCOPE } = {}) {
    const clientAssertion =
      assertion ?? (await keys.sign({ iss: 'tandem-client', sub: 'tandem-client', aud: platform.urls.token, jti: randomUUID() }));
    const res = await fetch(platform.urls.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion,
        scope,
      }),
    });
    return { status: res.status, body: await res.json() };
  }

  test('the token endpoint grants the NRPS scope for a valid client assertion', async () => {
    const { status, body } = await requestToken();
    assert.equal(status, 200);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.scope, NRPS_SCOPE);
  });

  test('the token endpoint rejects a forged, replayed or misaddressed client assertion', async () => {
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const forged = await keys.sign({ iss: 'tandem-client', sub: 'tandem-client', aud: platform.urls.token, jti: randomUUID() }, stranger);
    assert.deepEqual(await requestToken({ assertion: forged }).then((r) => [r.status, r.body.error]), [401, 'invalid_client']);

    const once = await keys.sign({ iss: 'tandem-client', sub: 'tandem-client', aud: platform.urls.token, jti: 'jti-once' });
    assert.equal((await requestToken({ assertion: once })).status, 200);
    assert.deepEqual(await requestToken({ assertion: once }).then((r) => [r.status, r.body.error]), [401, 'invalid_client']);

    const wrongAud = await keys.sign({ iss: 'tandem-client', sub: 'tandem-client', aud: platform.issuer, jti: randomUUID() });
    assert.equal((await requestToken({ assertion: wrongAud })).status, 401);

    const noJti = await keys.sign({ iss: 'tandem-client', sub: 'tandem-client', aud: platform.urls.token });
    assert.equal((await requestToken({ assertion: noJti })).status, 401);

    assert.deepEqual(await requestToken({ scope: 'https://example.test/scope/admin' }).then((r) => [r.status, r.body.error]), [
      400,
      'invalid_scope',
    ]);
  });

  test('the membership endpoint needs the bearer token and the NRPS media type, and pages with Link', async () => {
    platform.setRoster('c-2', [{ user_id: 'a', roles: ['Instructor'] }, { user_id: 'b' }, { user_id: 'c' }]);
    const url = platform.urls.memberships('c-2');
    assert.equal((await fetch(url, { headers: { accept: NRPS_MEDIA_TYPE } })).status, 401);
    const { body } = await requestToken();
    const auth = { authorization: `Bearer ${body.access_token}` };
    assert.equal((await fetch(url, { headers: { ...auth, accept: 'application/json' } })).status, 406);

    const first = await fetch(url, { headers: { ...auth, accept: NRPS_MEDIA_TYPE } });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), NRPS_MEDIA_TYPE);
    const page1 = await first.json();
    assert.deepEqual(
      page1.members.map((m) => m.user_id),
      ['a', 'b'],
    );
    assert.equal(page1.members[1].roles[0], roleUri('Learner'));
    const next = /<([^>]+)>;\s*rel="next"/.exec(first.headers.get('link'))?.[1];
    assert.ok(next, 'first page links to the next');
    const second = await fetch(next, { headers: { ...auth, accept: NRPS_MEDIA_TYPE } });
    assert.deepEqual(
      (await second.json()).members.map((m) => m.user_id),
      ['c'],
    );
    assert.doesNotMatch(second.headers.get('link'), /rel="next"/);
    assert.match(second.headers.get('link'), /rel="first"/);

    const learners = await fetch(`${url}?role=Learner`, { headers: { ...auth, accept: NRPS_MEDIA_TYPE } });
    assert.deepEqual(
      (await learners.json()).members.map((m) => m.user_id),
      ['b', 'c'],
    );
  });

  test('a tool cannot read the roster of a course it was not launched in', async () => {
    platform.setRoster('c-private', [{ user_id: 'a' }]);
    platform.loginParams({ clientId: tool.clientId, user: 'a', context: { id: 'c-private' } });
    const other = platform.addTool({ loginUrl: `${keys.base}/y`, redirectUris: [`${keys.base}/lti/launch`], jwksUrl: keys.jwksUrl });
    const assertion = await keys.sign({ iss: other.clientId, sub: other.clientId, aud: platform.urls.token, jti: randomUUID() });
    const { status, body } = await requestToken({ assertion });
    assert.equal(status, 200);
    const res = await fetch(platform.urls.memberships('c-private'), {
      headers: { authorization: `Bearer ${body.access_token}`, accept: NRPS_MEDIA_TYPE },
    });
    assert.equal(res.status, 403);
  });

  /** A deep-linking request id_token's settings, from a launch through authorize. */
  async function deepLinkSettings() {
    const params = platform.loginParams({
      clientId: tool.clientId,
      user: 't1',
      roles: ['Instructor'],
      messageType: 'LtiDeepLinkingRequest',
    });
    const { fields } = await platform.authorize(authUrl(params));
    return (await jwtVerify(fields.id_token, await platformKeys())).payload[`${LTI_DL}deep_linking_settings`];
  }

  async function postDeepLink(payload, key) {
    const jwt = await keys.sign(payload, key);
    const res = await fetch(platform.urls.deepLinkReturn, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ JWT: jwt }),
    });
    return { status: res.status, text: await res.text() };
  }

  const deepLinkPayload = (settings, extra = {}) => ({
    iss: 'tandem-client',
    aud: platform.issuer,
    nonce: randomUUID(),
    [`${LTI}message_type`]: 'LtiDeepLinkingResponse',
    [`${LTI}version`]: '1.3.0',
    [`${LTI}deployment_id`]: 'dep-1',
    [`${LTI_DL}data`]: settings.data,
    [`${LTI_DL}content_items`]: [{ type: 'ltiResourceLink', custom: { widget: 'survey', id: 's1' } }],
    ...extra,
  });

  test('the deep-link return accepts a correct response and refuses bad ones', async () => {
    const before = platform.deepLinkResponses.length;
    let settings = await deepLinkSettings();
    assert.equal((await postDeepLink(deepLinkPayload(settings, { aud: 'http://other-lms.test' }))).status, 400);
    assert.equal((await postDeepLink(deepLinkPayload(settings, { [`${LTI_DL}data`]: 'made-up' }))).status, 400);
    assert.equal((await postDeepLink(deepLinkPayload(settings, { [`${LTI}deployment_id`]: 'dep-9' }))).status, 400);
    assert.equal((await postDeepLink(deepLinkPayload(settings, { [`${LTI}message_type`]: 'LtiResourceLinkRequest' }))).status, 400);
    const { privateKey: stranger } = await generateKeyPair('RS256');
    assert.equal((await postDeepLink(deepLinkPayload(settings), stranger)).status, 400);
    assert.equal(platform.deepLinkResponses.length, before);

    const ok = await postDeepLink(deepLinkPayload(settings));
    assert.equal(ok.status, 200, ok.text);
    assert.equal(platform.deepLinkResponses.length, before + 1);
    assert.deepEqual(platform.deepLinkResponses.at(-1)[`${LTI_DL}content_items`][0].custom, { widget: 'survey', id: 's1' });
    // data is single-use: the same request cannot be answered twice.
    assert.equal((await postDeepLink(deepLinkPayload(settings))).status, 400);
    settings = await deepLinkSettings();
    assert.equal((await postDeepLink(deepLinkPayload(settings))).status, 200);
  });

  test('the registration endpoint requires a one-time token and valid client metadata', async () => {
    const metadata = {
      application_type: 'web',
      grant_types: ['implicit', 'client_credentials'],
      response_types: ['id_token'],
      redirect_uris: [`${keys.base}/lti/launch`],
      initiate_login_uri: `${keys.base}/lti/login`,
      client_name: 'Tandem',
      jwks_uri: keys.jwksUrl,
      token_endpoint_auth_method: 'private_key_jwt',
      scope: NRPS_SCOPE,
      'https://purl.imsglobal.org/spec/lti-tool-configuration': {
        domain: new URL(keys.base).host,
        target_link_uri: `${keys.base}/lti/launch`,
        claims: ['iss', 'sub', 'name'],
        messages: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
      },
    };
    const register = (body, token) =>
      fetch(platform.urls.registration, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });

    assert.equal((await register(metadata)).status, 401);
    const token = platform.registrationToken();
    const badDomain = structuredClone(metadata);
    badDomain['https://purl.imsglobal.org/spec/lti-tool-configuration'].domain = 'elsewhere.test';
    const refused = await register(badDomain, token);
    assert.equal(refused.status, 400);
    assert.equal((await refused.json()).error, 'invalid_client_metadata');
    const noAuthMethod = { ...metadata, token_endpoint_auth_method: 'client_secret_basic' };
    assert.equal((await register(noAuthMethod, token)).status, 400);

    const accepted = await register(metadata, token);
    assert.equal(accepted.status, 200);
    const answer = await accepted.json();
    assert.ok(answer.client_id);
    assert.ok(answer['https://purl.imsglobal.org/spec/lti-tool-configuration'].deployment_id);
    assert.equal(platform.tools.get(answer.client_id).jwksUrl, keys.jwksUrl);
    assert.equal((await register(metadata, token)).status, 401, 'the registration token is single-use');

    const config = await (await fetch(platform.urls.openidConfiguration)).json();
    assert.equal(config.issuer, platform.issuer);
    assert.equal(config.registration_endpoint, platform.urls.registration);
    assert.ok(config['https://purl.imsglobal.org/spec/lti-platform-configuration'].messages_supported.length >= 2);
  });
});

describe('LTI test platform, Canvas flavor', () => {
  let platform;
  let keys;

  before(async () => {
    platform = await startLtiPlatform({ flavor: 'canvas', issuer: 'https://canvas.instructure.com' });
    keys = await startToolKeys();
  });

  after(async () => {
    await platform?.close();
    await keys?.close();
  });

  const metadata = (privacy) => ({
    application_type: 'web',
    grant_types: ['implicit', 'client_credentials'],
    response_types: ['id_token'],
    redirect_uris: [`${keys.base}/lti/launch`],
    initiate_login_uri: `${keys.base}/lti/login`,
    client_name: 'Tandem',
    jwks_uri: keys.jwksUrl,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: NRPS_SCOPE,
    'https://purl.imsglobal.org/spec/lti-tool-configuration': {
      domain: new URL(keys.base).host,
      target_link_uri: `${keys.base}/lti/launch`,
      claims: ['sub', 'name', 'email'],
      messages: [{ type: 'LtiResourceLinkRequest' }],
      ...(privacy ? { 'https://canvas.instructure.com/lti/privacy_level': privacy } : {}),
    },
  });

  async function register(privacy) {
    const token = platform.registrationToken();
    const res = await fetch(platform.urls.registration, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(metadata(privacy)),
    });
    return res.json();
  }

  test('the OpenID configuration needs the registration token and names the shared Canvas issuer', async () => {
    assert.equal(platform.urls.openidConfiguration, `${platform.origin}/api/lti/security/openid-configuration`);
    assert.equal((await fetch(platform.urls.openidConfiguration)).status, 401);
    const token = platform.registrationToken();
    const res = await fetch(platform.urls.openidConfiguration, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const config = await res.json();
    assert.equal(config.issuer, 'https://canvas.instructure.com');
    assert.equal(config.authorization_endpoint, platform.urls.authorize);
    assert.equal(config['https://purl.imsglobal.org/spec/lti-platform-configuration'].product_family_code, 'canvas');
  });

  test('the registration answer has a client_id but no deployment_id', async () => {
    const answer = await register();
    assert.ok(answer.client_id);
    assert.equal(answer['https://purl.imsglobal.org/spec/lti-tool-configuration'].deployment_id, undefined);
  });

  test('launches share name and email only at the privacy level the tool asked for', async () => {
    const user = { id: 'u-9', name: 'Ana Ruiz', email: 'ana@school.test' };
    const claimsFor = async (clientId) => {
      const params = platform.loginParams({ clientId, user });
      const url = new URL(platform.urls.authorize);
      for (const [k, v] of Object.entries({
        scope: 'openid',
        response_type: 'id_token',
        response_mode: 'form_post',
        prompt: 'none',
        client_id: clientId,
        redirect_uri: `${keys.base}/lti/launch`,
        login_hint: params.login_hint,
        lti_message_hint: params.lti_message_hint,
        state: 's',
        nonce: randomUUID(),
      })) {
        url.searchParams.set(k, v);
      }
      const { fields } = await platform.authorize(url.href);
      const jwks = createLocalJWKSet(await (await fetch(platform.urls.jwks)).json());
      return (await jwtVerify(fields.id_token, jwks, { issuer: 'https://canvas.instructure.com' })).payload;
    };
    const anonymous = await claimsFor((await register()).client_id);
    assert.equal(anonymous.sub, 'u-9');
    assert.equal(anonymous.name, undefined);
    assert.equal(anonymous.email, undefined);
    const shared = await claimsFor((await register('public')).client_id);
    assert.equal(shared.name, 'Ana Ruiz');
    assert.equal(shared.email, 'ana@school.test');
  });
});

describe('the scripted user agent keeps browser cookie rules', () => {
  let server;
  let base;
  /** A site that sets one cookie of each kind on GET /set and echoes the Cookie header on /echo. */
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/set') {
        res.setHeader('set-cookie', [
          'lax=1; Path=/',
          'none=1; Path=/; SameSite=None; Secure',
          'insecure=1; Path=/; SameSite=None',
          'strict=1; Path=/; SameSite=Strict',
        ]);
        return res.end('set');
      }
      res.end(req.headers.cookie ?? '');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  const elsewhere = 'http://127.0.0.1:1'; // stands for the LMS, declared another site
  const cookies = (page) => page.text.split('; ').filter(Boolean).sort();

  test('same-site requests carry every cookie', async () => {
    const ua = createUserAgent();
    await ua.navigate(`${base}/set`);
    assert.deepEqual(cookies(await ua.navigate(`${base}/echo`)), ['insecure=1', 'lax=1', 'none=1', 'strict=1']);
  });

  test('a cross-site POST carries only SameSite=None cookies; a cross-site GET adds Lax ones', async () => {
    const ua = createUserAgent({ crossSiteOrigins: [elsewhere] });
    await ua.navigate(`${base}/set`);
    assert.deepEqual(cookies(await ua.navigate(`${base}/echo`, { method: 'POST', form: {}, initiator: elsewhere })), [
      'insecure=1',
      'none=1',
    ]);
    assert.deepEqual(cookies(await ua.navigate(`${base}/echo`, { initiator: elsewhere })), ['insecure=1', 'lax=1', 'none=1']);
  });

  test('in a frame with third-party cookies blocked nothing is kept or sent', async () => {
    const ua = createUserAgent({ crossSiteOrigins: [elsewhere], inFrame: true, blockThirdPartyCookies: true });
    await ua.navigate(`${base}/set`, { initiator: elsewhere });
    assert.deepEqual(ua.cookies(base), {});
    assert.deepEqual(cookies(await ua.navigate(`${base}/echo`, { initiator: elsewhere })), []);
  });

  test('rejectInsecureSameSiteNone drops SameSite=None cookies without Secure, as Chromium does', async () => {
    const ua = createUserAgent({ rejectInsecureSameSiteNone: true });
    await ua.navigate(`${base}/set`);
    assert.deepEqual(Object.keys(ua.cookies(base)).sort(), ['lax', 'none', 'strict']);
  });
});
