// A test LMS that speaks LTI 1.3 / LTI Advantage, for testing LTI tools end to end without a real LMS.
//
//   import { startLtiPlatform, createUserAgent } from './lti-platform.js';
//   const platform = await startLtiPlatform();             // http://127.0.0.1:<port>, RS256 key with a kid
//   const tool = platform.addTool({ clientId, deploymentId, loginUrl, redirectUris, jwksUrl, targetLinkUri });
//   const params = platform.loginParams({ clientId: tool.clientId, user: { id: 'u1', name: 'Ana' },
//     roles: ['Instructor'], context: { id: 'c1', title: 'Biology' }, custom: { widget: 'survey' } });
//   // Drive the browser side with the user agent (follows redirects, keeps cookies, submits auto-post forms):
//   const ua = createUserAgent();
//   const page = await ua.launch(platform, tool.loginUrl, params);   // the page the tool shows after the launch
//   // …or step by step: send params to the tool login URL yourself, then
//   const { action, fields } = await platform.authorize(locationFromTool); // { id_token, state } to POST to action
//   platform.setRoster('c1', [{ user_id: 'u1', roles: ['Learner'], name: 'Ana' }]); // NRPS
//   platform.deepLinkResponses;                            // verified LtiDeepLinkingResponse payloads
//   await platform.dynamicRegistration(toolRegistrationUrl, { fetch: ua.fetch });
//   await platform.close();
//
// Also: loginParams({ messageType: 'LtiDeepLinkingRequest', deepLinking: { data, accept_types… },
// mentorOf: [ids], storageTarget: '_parent', locale, deploymentId }); authorize(url, { tamper }) and
// tamperNextLaunch(tamper) for bad tokens ({ forgeSignature, kid, expired, audience, issuer, claims });
// rotateKey({ keepOld }); registrationToken(); urls.lmsPage(login_hint) — a course page for Chromium that
// frames the tool and answers LTI platform-storage postMessages; tokenRequests, deepLinkErrors and errors
// record what the platform answered. startLtiPlatform({ flavor: 'canvas', issuer }) behaves like Canvas
// where it differs (see startLtiPlatform). Roles may be short ('Instructor', 'institution:Student').
//
// The platform checks what a real LMS checks (OIDC auth request, client assertions, bearer tokens, the
// NRPS Accept header, deep-linking response signatures) and fails the way a real LMS fails, so a tool
// that passes here has met the protocol rather than this harness. ltijs, an independent certified tool,
// runs against it in lti-ltijs.test.js. Issuers are http in tests.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { SignJWT, createRemoteJWKSet, decodeJwt, exportJWK, generateKeyPair, jwtVerify } from 'jose';

export const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const LTI_DL = 'https://purl.imsglobal.org/spec/lti-dl/claim/';
export const NRPS_CLAIM = 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice';
export const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
export const AGS_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
];
export const NRPS_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
const CANVAS_PRIVACY = 'https://canvas.instructure.com/lti/privacy_level';
const MEMBERSHIP_ROLE = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';
const INSTITUTION_ROLE = 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#';
const SYSTEM_ROLE = 'http://purl.imsglobal.org/vocab/lis/v2/system/person#';
const COURSE_OFFERING = 'http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering';

/** An error the platform reports the way OAuth/OIDC say it should: `error` code plus description. */
export class LtiPlatformError extends Error {
  constructor(error, description, status = 400, redirect = undefined) {
    super(`${error}: ${description}`);
    this.error = error;
    this.description = description;
    this.status = status;
    /** For auth errors that may be returned to a registered redirect_uri: { action, fields }. */
    this.redirect = redirect;
  }
}

/**
 * Expands short role names to the LIS vocabulary: 'Instructor', 'Learner', 'Mentor', 'ContentDeveloper'…
 * become context (membership) roles; 'institution:Student' and 'system:Administrator' pick the other
 * vocabularies; full URIs pass through.
 */
export function roleUri(role) {
  if (/^https?:\/\//.test(role)) return role;
  if (role.startsWith('institution:')) return INSTITUTION_ROLE + role.slice('institution:'.length);
  if (role.startsWith('system:')) return SYSTEM_ROLE + role.slice('system:'.length);
  return MEMBERSHIP_ROLE + role;
}

const token = (bytes = 16) => randomBytes(bytes).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

async function makeKey() {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: `platform-${token(6)}`, alg: 'RS256', use: 'sig' };
  return { kid: jwk.kid, privateKey, jwk };
}

/**
 * Starts the test platform on 127.0.0.1 (random port).
 * Options: pageSize (NRPS page size, default 100), name (platform name in tool_platform),
 * tokenTtl (access token seconds, default 3600), idTokenTtl (id_token seconds, default 300),
 * issuer (an issuer other than the server's origin, e.g. 'https://canvas.instructure.com', which every
 * Canvas instance uses), flavor: 'generic' (default; Moodle-like dynamic registration that returns the
 * deployment_id) or 'canvas' (the OpenID configuration at /api/lti/security/openid-configuration needs the
 * registration token as a Bearer header; the registration answer carries no deployment_id — it first
 * appears in launches; launches carry name/email only if the tool asked for the privacy level
 * `https://canvas.instructure.com/lti/privacy_level` 'public', 'name_only' or 'email_only').
 */
export async function startLtiPlatform({
  pageSize = 100,
  name = 'Tandem Test LMS',
  tokenTtl = 3600,
  idTokenTtl = 300,
  issuer: issuerOverride,
  flavor = 'generic',
} = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendError(res, err);
      else res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  // Canvas signs every instance's launches as https://canvas.instructure.com, whatever host serves it.
  const issuer = issuerOverride ?? origin;
  const canvas = flavor === 'canvas';
  const urls = {
    authorize: `${origin}/authorize`,
    token: `${origin}/token`,
    jwks: `${origin}/jwks`,
    openidConfiguration: canvas ? `${origin}/api/lti/security/openid-configuration` : `${origin}/.well-known/openid-configuration`,
    registration: `${origin}/register`,
    deepLinkReturn: `${origin}/deep-link-return`,
    launchReturn: `${origin}/return`,
    memberships: (contextId) => `${origin}/contexts/${encodeURIComponent(contextId)}/memberships`,
    /** A course page that frames the tool and answers LTI platform-storage postMessages (for Chromium). */
    lmsPage: (hint) => `${origin}/lms?hint=${encodeURIComponent(hint)}`,
  };

  let signingKey = await makeKey();
  /** Keys published in the JWKS (the current one plus those kept over rotations). */
  let publishedKeys = [signingKey];
  const tools = new Map(); // clientId → tool record
  const launches = new Map(); // login_hint → launch request (who, what message, which tool)
  const rosters = new Map(); // contextId → members
  const accessTokens = new Map(); // access_token → { clientId, scopes, exp }
  const usedAssertionIds = new Set();
  const usedDeepLinkNonces = new Set();
  const deepLinkData = new Map(); // data value → { clientId, deploymentId }
  const registrationTokens = new Map(); // registration_token → { used, exp }
  const toolKeySets = new Map(); // jwksUrl → remote JWK set (cached like a real platform does)
  let tamperNext; // one-shot tamper for the next HTTP /authorize request

  const platform = {
    issuer,
    /** Where the platform's endpoints live (differs from issuer when the issuer option is set). */
    origin,
    flavor,
    urls,
    name,
    /** Verified LtiDeepLinkingResponse payloads, in arrival order. */
    deepLinkResponses: [],
    /** Deep-linking responses the platform refused: { error, description }. */
    deepLinkErrors: [],
    /** Every token request: { clientId, scope, granted, error }. */
    tokenRequests: [],
    /** Every registration POSTed to the registration endpoint that the platform accepted. */
    registrations: [],
    /** Everything the platform answered with an error, for debugging failed tests: { path, error, description }. */
    errors: [],
    tools,

    addTool(options = {}) {
      const record = {
        clientId: options.clientId ?? `client-${token(6)}`,
        deploymentId: options.deploymentId ?? `deployment-${token(6)}`,
        loginUrl: required(options.loginUrl, 'loginUrl'),
        redirectUris: [...(options.redirectUris ?? [options.targetLinkUri])].filter(Boolean),
        jwksUrl: required(options.jwksUrl, 'jwksUrl'),
        targetLinkUri: options.targetLinkUri ?? options.redirectUris?.[0],
        deepLinkUrl: options.deepLinkUrl ?? options.targetLinkUri ?? options.redirectUris?.[0],
        scopes: options.scopes ?? [NRPS_SCOPE, ...AGS_SCOPES],
        custom: options.custom ?? {},
        name: options.name ?? 'Tool',
        metadata: options.metadata,
        /** Which personal claims launches carry: public, name_only, email_only or anonymous (Canvas's levels). */
        privacyLevel: options.privacyLevel ?? 'public',
      };
      if (record.redirectUris.length === 0) throw new Error('addTool needs redirectUris');
      tools.set(record.clientId, record);
      return record;
    },

    /**
     * The fields an LMS sends to the tool's login initiation URL for one launch. The launch details stay on
     * the platform behind the opaque login_hint / lti_message_hint, as in a real LMS.
     */
    loginParams({
      clientId,
      user = { id: `user-${token(4)}` },
      messageType = 'LtiResourceLinkRequest',
      targetLinkUri,
      custom,
      context = { id: 'course-1', label: 'BIO-101', title: 'Biology' },
      resourceLink,
      roles = ['Learner'],
      mentorOf,
      deepLinking,
      storageTarget,
      locale = 'en',
      presentation,
      deploymentId,
    } = {}) {
      const tool = toolFor(clientId);
      const loginHint = `hint-${token()}`;
      const messageHint = `msg-${token()}`;
      const launch = {
        clientId: tool.clientId,
        deploymentId: deploymentId ?? tool.deploymentId,
        user: typeof user === 'string' ? { id: user } : user,
        messageType,
        targetLinkUri: targetLinkUri ?? (messageType === 'LtiDeepLinkingRequest' ? tool.deepLinkUrl : tool.targetLinkUri),
        custom: { ...tool.custom, ...(custom ?? {}) },
        context,
        resourceLink:
          resourceLink ?? (messageType === 'LtiResourceLinkRequest' ? { id: `link-${token(6)}`, title: 'Tandem activity' } : undefined),
        roles: roles.map(roleUri),
        mentorOf,
        deepLinking,
        storageTarget,
        locale,
        presentation,
        messageHint,
      };
      launches.set(loginHint, launch);
      const params = {
        iss: issuer,
        login_hint: loginHint,
        target_link_uri: launch.targetLinkUri,
        lti_message_hint: messageHint,
        client_id: tool.clientId,
        lti_deployment_id: launch.deploymentId,
      };
      if (storageTarget) params.lti_storage_target = storageTarget;
      return params;
    },

    /**
     * Handles the tool's OIDC authentication request (the URL the tool redirected the browser to) like a
     * platform: validates it and returns the auto-post form { action, fields: { id_token, state } }.
     * Throws LtiPlatformError on a bad request (err.redirect holds the error form when it may go back to a
     * registered redirect_uri). `tamper` makes a bad id_token for negative tests; see signIdToken.
     */
    async authorize(authUrl, { tamper } = {}) {
      const url = new URL(authUrl);
      const q = Object.fromEntries(url.searchParams);
      return authorizeRequest(q, tamper);
    },

    /** Applies `tamper` to the next launch that goes through the HTTP /authorize endpoint (user agent flows). */
    tamperNextLaunch(tamper) {
      tamperNext = tamper;
    },

    /** Switches to a new signing key with a new kid; the old key stays in the JWKS unless keepOld is false. */
    async rotateKey({ keepOld = true } = {}) {
      signingKey = await makeKey();
      publishedKeys = keepOld ? [...publishedKeys, signingKey] : [signingKey];
      return signingKey.kid;
    },
    get kid() {
      return signingKey.kid;
    },

    /**
     * Sets the NRPS roster of a context. Members: { user_id (or id), roles (short or full), name,
     * given_name, family_name, email, status }.
     */
    setRoster(contextId, members) {
      rosters.set(
        contextId,
        members.map((m) => {
          const { id, roles = ['Learner'], ...rest } = m;
          return { status: 'Active', ...rest, user_id: m.user_id ?? id, roles: roles.map(roleUri) };
        }),
      );
    },

    /** Issues a one-time registration token (what an LMS puts in the registration URL it opens). */
    registrationToken({ ttlSeconds = 3600 } = {}) {
      const value = `reg-${token()}`;
      registrationTokens.set(value, { used: false, exp: now() + ttlSeconds });
      return value;
    },

    /**
     * Starts LTI Dynamic Registration as an LMS admin would: opens the tool's registration URL with
     * ?openid_configuration=…&registration_token=…, using `fetch` (pass a user agent's fetch to carry an
     * admin session). Returns { status, html, url, registration } — registration is the tool record the
     * tool registered during that request, or undefined when it has not (yet) registered.
     */
    async dynamicRegistration(toolRegistrationUrl, { fetch: doFetch = globalThis.fetch, registrationToken } = {}) {
      const regToken = registrationToken ?? platform.registrationToken();
      const url = new URL(toolRegistrationUrl);
      url.searchParams.set('openid_configuration', urls.openidConfiguration);
      url.searchParams.set('registration_token', regToken);
      const before = platform.registrations.length;
      const res = await doFetch(url.href);
      const html = await res.text();
      const registration = platform.registrations.slice(before).find((r) => r.registrationToken === regToken)?.tool;
      return { status: res.status, html, url: url.href, registrationToken: regToken, registration };
    },

    /** Signs an id_token for a launch as the platform would; exposed for tests that need a raw token. */
    signIdToken: (claims, tamper) => signIdToken(claims, tamper),

    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  function required(value, label) {
    if (!value) throw new Error(`addTool needs ${label}`);
    return value;
  }

  function toolFor(clientId) {
    const tool = clientId ? tools.get(clientId) : tools.size === 1 ? [...tools.values()][0] : undefined;
    if (!tool) throw new Error(`no tool registered with client_id ${clientId}`);
    return tool;
  }

  function toolKeys(tool) {
    let keys = toolKeySets.get(tool.jwksUrl);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(tool.jwksUrl), { cooldownDuration: 0 });
      toolKeySets.set(tool.jwksUrl, keys);
    }
    return keys;
  }

  // ---- OIDC authentication request ------------------------------------------------------------------

  async function authorizeRequest(q, tamper) {
    // Errors before client_id and redirect_uri are trusted must not redirect (OIDC core 3.1.2.6).
    const tool = tools.get(q.client_id);
    if (!q.client_id || !tool) throw new LtiPlatformError('invalid_client', `unknown client_id ${q.client_id ?? '(missing)'}`, 401);
    if (!q.redirect_uri || !tool.redirectUris.includes(q.redirect_uri)) {
      throw new LtiPlatformError('invalid_request', `redirect_uri ${q.redirect_uri ?? '(missing)'} is not registered for this client`);
    }
    const fail = (error, description) => {
      const fields = { error, error_description: description };
      if (q.state) fields.state = q.state;
      throw new LtiPlatformError(error, description, 400, { action: q.redirect_uri, fields });
    };
    if (!q.scope || !q.scope.split(' ').includes('openid')) fail('invalid_scope', 'scope must include openid');
    if (q.response_type !== 'id_token') fail('unsupported_response_type', 'response_type must be id_token');
    if (q.response_mode !== 'form_post') fail('invalid_request', 'response_mode must be form_post');
    if (q.prompt !== 'none') fail('invalid_request', 'prompt must be none');
    if (!q.nonce) fail('invalid_request', 'nonce is required');
    if (!q.state) fail('invalid_request', 'state is required');
    if (!q.login_hint) fail('login_required', 'login_hint is required');
    const launch = launches.get(q.login_hint);
    if (!launch) fail('login_required', 'login_hint does not name a user in a launch this platform started');
    if (launch.clientId !== tool.clientId) fail('unauthorized_client', 'login_hint was issued for another client');
    if (q.lti_message_hint !== launch.messageHint) fail('invalid_request', 'lti_message_hint does not match the login initiation');
    const claims = launchClaims(launch, tool, q.nonce);
    const idToken = await signIdToken(claims, tamper);
    return { action: q.redirect_uri, fields: { id_token: idToken, state: q.state } };
  }

  function launchClaims(launch, tool, nonce) {
    const user = launch.user;
    const claims = {
      iss: issuer,
      aud: tool.clientId,
      azp: tool.clientId,
      sub: user.id,
      nonce,
      locale: launch.locale,
      [`${LTI}message_type`]: launch.messageType,
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: launch.deploymentId,
      [`${LTI}target_link_uri`]: launch.targetLinkUri,
      [`${LTI}roles`]: launch.roles,
      [`${LTI}launch_presentation`]: {
        document_target: 'iframe',
        return_url: urls.launchReturn,
        locale: launch.locale,
        ...(launch.presentation ?? {}),
      },
      [`${LTI}tool_platform`]: { guid: issuer, name, product_family_code: canvas ? 'canvas' : 'tandem-test-lms', version: '1.0' },
    };
    const shared = {
      public: ['name', 'given_name', 'family_name', 'email', 'picture'],
      name_only: ['name', 'given_name', 'family_name'],
      email_only: ['email'],
      anonymous: [],
    }[tool.privacyLevel];
    for (const field of shared) {
      if (user[field] !== undefined) claims[field] = user[field];
    }
    if (Object.keys(launch.custom).length > 0) claims[`${LTI}custom`] = launch.custom;
    if (launch.context) {
      claims[`${LTI}context`] = { type: [COURSE_OFFERING], ...launch.context };
      claims[NRPS_CLAIM] = { context_memberships_url: urls.memberships(launch.context.id), service_versions: ['2.0'] };
    }
    if (launch.resourceLink) claims[`${LTI}resource_link`] = launch.resourceLink;
    if (launch.mentorOf) claims[`${LTI}role_scope_mentor`] = launch.mentorOf;
    if (launch.messageType === 'LtiDeepLinkingRequest') {
      const data = launch.deepLinking?.data ?? `dl-${token()}`;
      deepLinkData.set(data, { clientId: tool.clientId, deploymentId: launch.deploymentId });
      claims[`${LTI_DL}deep_linking_settings`] = {
        deep_link_return_url: urls.deepLinkReturn,
        accept_types: ['ltiResourceLink'],
        accept_presentation_document_targets: ['iframe', 'window'],
        accept_multiple: true,
        auto_create: true,
        title: 'Add a Tandem activity',
        ...(launch.deepLinking ?? {}),
        data,
      };
    }
    return claims;
  }

  /**
   * Signs an id_token. tamper: { claims: { name: value | undefined (deletes) }, forgeSignature (sign with a
   * key that is not in the JWKS, same kid), kid (header kid), expired, audience, issuer }.
   */
  async function signIdToken(claims, tamper = {}) {
    const payload = { ...claims };
    if (tamper.audience !== undefined) payload.aud = tamper.audience;
    if (tamper.issuer !== undefined) payload.iss = tamper.issuer;
    for (const [key, value] of Object.entries(tamper.claims ?? {})) {
      if (value === undefined) delete payload[key];
      else payload[key] = value;
    }
    const issuedAt = tamper.expired ? now() - 3600 : now();
    let key = signingKey.privateKey;
    if (tamper.forgeSignature) key = (await generateKeyPair('RS256')).privateKey;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: tamper.kid ?? signingKey.kid })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + idTokenTtl)
      .sign(key);
  }

  // ---- HTTP endpoints -----------------------------------------------------------------------------------

  async function handle(req, res) {
    const url = new URL(req.url, origin);
    const path = url.pathname;
    try {
      if (path === new URL(urls.openidConfiguration).pathname && req.method === 'GET') {
        // Canvas answers its configuration only to a tool holding the registration token.
        if (canvas) liveRegistrationToken(req);
        return sendJson(res, 200, openidConfiguration());
      }
      if (path === '/jwks' && req.method === 'GET') return sendJson(res, 200, { keys: publishedKeys.map((k) => k.jwk) });
      if (path === '/authorize' && (req.method === 'GET' || req.method === 'POST')) {
        const q = req.method === 'GET' ? Object.fromEntries(url.searchParams) : await readForm(req);
        return await httpAuthorize(res, q);
      }
      if (path === '/token' && req.method === 'POST') return await tokenEndpoint(req, res);
      const members = /^\/contexts\/([^/]+)\/memberships$/.exec(path);
      if (members && req.method === 'GET') return membershipsEndpoint(req, res, decodeURIComponent(members[1]), url);
      if (path === '/deep-link-return' && req.method === 'POST') return await deepLinkReturn(req, res);
      if (path === '/register' && req.method === 'POST') return await registrationEndpoint(req, res);
      if (path === '/return' && req.method === 'GET') return sendHtml(res, 200, '<h1>Back in the course</h1>');
      if (path === '/lms' && req.method === 'GET') return lmsPage(res, url.searchParams.get('hint'));
      if (path === '/lms/login-form' && req.method === 'GET') return lmsLoginForm(res, url.searchParams.get('hint'));
      if (path === '/lms/storage-frame' && req.method === 'GET')
        return sendHtml(res, 200, `<!doctype html><script>${PLATFORM_STORAGE_SCRIPT}</script>`);
      throw new LtiPlatformError('not_found', `${req.method} ${path}`, 404);
    } catch (err) {
      if (err instanceof LtiPlatformError) platform.errors.push({ path, error: err.error, description: err.description });
      throw err;
    }
  }

  function openidConfiguration() {
    return {
      issuer,
      authorization_endpoint: urls.authorize,
      token_endpoint: urls.token,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      jwks_uri: urls.jwks,
      registration_endpoint: urls.registration,
      scopes_supported: ['openid', NRPS_SCOPE, ...AGS_SCOPES],
      response_types_supported: ['id_token'],
      subject_types_supported: ['public', 'pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['iss', 'aud', 'sub', 'iat', 'exp', 'nonce', 'name', 'given_name', 'family_name', 'email', 'locale'],
      [PLATFORM_CONFIGURATION]: {
        product_family_code: canvas ? 'canvas' : 'tandem-test-lms',
        version: '1.0',
        messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
        variables: ['Context.id', 'ResourceLink.id', 'User.id'],
      },
    };
  }

  async function httpAuthorize(res, q) {
    const tamper = tamperNext;
    tamperNext = undefined;
    try {
      const form = await authorizeRequest(q, tamper);
      return sendHtml(res, 200, autoPostForm(form));
    } catch (err) {
      if (err instanceof LtiPlatformError && err.redirect) {
        platform.errors.push({ path: '/authorize', error: err.error, description: err.description });
        return sendHtml(res, 200, autoPostForm(err.redirect));
      }
      throw err;
    }
  }

  async function tokenEndpoint(req, res) {
    const form = await readForm(req);
    const record = { clientId: undefined, scope: form.scope, granted: undefined, error: undefined };
    platform.tokenRequests.push(record);
    try {
      if (form.grant_type !== 'client_credentials')
        throw new LtiPlatformError('unsupported_grant_type', 'grant_type must be client_credentials');
      if (form.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
        throw new LtiPlatformError('invalid_request', 'client_assertion_type must be jwt-bearer');
      }
      if (!form.client_assertion) throw new LtiPlatformError('invalid_request', 'client_assertion is required');
      let unverified;
      try {
        unverified = decodeJwt(form.client_assertion);
      } catch {
        throw new LtiPlatformError('invalid_client', 'client_assertion is not a JWT', 401);
      }
      const tool = tools.get(form.client_id ?? unverified.iss);
      if (!tool) throw new LtiPlatformError('invalid_client', 'unknown client', 401);
      record.clientId = tool.clientId;
      let payload;
      try {
        ({ payload } = await jwtVerify(form.client_assertion, toolKeys(tool), {
          issuer: tool.clientId,
          subject: tool.clientId,
          audience: urls.token,
          algorithms: ['RS256'],
          requiredClaims: ['exp', 'jti'],
          clockTolerance: 5,
        }));
      } catch (err) {
        throw new LtiPlatformError('invalid_client', `client_assertion rejected: ${err.code ?? err.message}`, 401);
      }
      if (usedAssertionIds.has(payload.jti)) throw new LtiPlatformError('invalid_client', 'client_assertion jti was already used', 401);
      usedAssertionIds.add(payload.jti);
      const requested = (form.scope ?? '').split(' ').filter(Boolean);
      const granted = requested.filter((s) => tool.scopes.includes(s));
      if (granted.length === 0)
        throw new LtiPlatformError('invalid_scope', `none of the requested scopes are granted to this tool: ${form.scope ?? ''}`);
      const accessToken = `at-${token(24)}`;
      accessTokens.set(accessToken, { clientId: tool.clientId, scopes: granted, exp: now() + tokenTtl });
      record.granted = granted;
      return sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: tokenTtl, scope: granted.join(' ') });
    } catch (err) {
      record.error = err.error ?? String(err);
      throw err;
    }
  }

  function membershipsEndpoint(req, res, contextId, url) {
    const auth = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
    const grant = auth && accessTokens.get(auth[1]);
    if (!grant || grant.exp < now()) {
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new LtiPlatformError('invalid_token', 'a valid bearer access token is required', 401);
    }
    if (!grant.scopes.includes(NRPS_SCOPE)) throw new LtiPlatformError('insufficient_scope', 'token lacks the NRPS scope', 403);
    const accept = req.headers.accept ?? '';
    if (!accept.split(',').some((part) => part.trim().split(';')[0] === NRPS_MEDIA_TYPE)) {
      throw new LtiPlatformError('not_acceptable', `Accept must include ${NRPS_MEDIA_TYPE}`, 406);
    }
    const roster = rosters.get(contextId);
    if (!roster) throw new LtiPlatformError('not_found', `no context ${contextId}`, 404);
    // A tool reads only rosters of courses it was launched in (once any tool was launched there).
    const launchedBy = [...launches.values()].filter((l) => l.context?.id === contextId).map((l) => l.clientId);
    if (launchedBy.length > 0 && !launchedBy.includes(grant.clientId)) {
      throw new LtiPlatformError('forbidden', 'this tool is not deployed in that context', 403);
    }
    const role = url.searchParams.get('role');
    const filtered = role ? roster.filter((m) => m.roles.includes(roleUri(role))) : roster;
    const limit = Math.min(Number(url.searchParams.get('limit')) || pageSize, pageSize);
    const start = Number(url.searchParams.get('page') ?? 0) * limit;
    const page = filtered.slice(start, start + limit);
    // Several relations in one header, as Canvas sends them: a tool must pick out rel="next".
    const pageUrl = (n) => {
      const u = new URL(url.href);
      u.searchParams.set('page', String(n));
      return u.href;
    };
    const current = start / limit;
    const last = Math.max(0, Math.ceil(filtered.length / limit) - 1);
    const links = [`<${pageUrl(current)}>; rel="current"`];
    if (current < last) links.push(`<${pageUrl(current + 1)}>; rel="next"`);
    links.push(`<${pageUrl(0)}>; rel="first"`, `<${pageUrl(last)}>; rel="last"`);
    res.setHeader('Link', links.join(','));
    res.setHeader('Content-Type', NRPS_MEDIA_TYPE);
    const context = launchContext(contextId);
    res.writeHead(200);
    res.end(JSON.stringify({ id: url.href, context, members: page }));
  }

  function launchContext(contextId) {
    for (const launch of launches.values()) if (launch.context?.id === contextId) return launch.context;
    return { id: contextId };
  }

  async function deepLinkReturn(req, res) {
    const form = await readForm(req);
    try {
      if (!form.JWT) throw new LtiPlatformError('invalid_request', 'form field JWT is required');
      let unverified;
      try {
        unverified = decodeJwt(form.JWT);
      } catch {
        throw new LtiPlatformError('invalid_request', 'JWT is not a JWT');
      }
      const tool = tools.get(unverified.iss);
      if (!tool) throw new LtiPlatformError('invalid_client', `iss ${unverified.iss} is not a registered client_id`, 401);
      let payload;
      try {
        ({ payload } = await jwtVerify(form.JWT, toolKeys(tool), {
          issuer: tool.clientId,
          audience: issuer,
          algorithms: ['RS256'],
          requiredClaims: ['exp', 'iat', 'nonce'],
          clockTolerance: 5,
        }));
      } catch (err) {
        throw new LtiPlatformError('invalid_request', `JWT rejected: ${err.code ?? err.message}`);
      }
      if (usedDeepLinkNonces.has(payload.nonce)) throw new LtiPlatformError('invalid_request', 'nonce was already used');
      usedDeepLinkNonces.add(payload.nonce);
      if (payload[`${LTI}message_type`] !== 'LtiDeepLinkingResponse')
        throw new LtiPlatformError('invalid_request', 'message_type must be LtiDeepLinkingResponse');
      if (payload[`${LTI}version`] !== '1.3.0') throw new LtiPlatformError('invalid_request', 'version must be 1.3.0');
      const deploymentId = payload[`${LTI}deployment_id`];
      const data = payload[`${LTI_DL}data`];
      const origin = data === undefined ? undefined : deepLinkData.get(data);
      if (!origin || origin.clientId !== tool.clientId)
        throw new LtiPlatformError('invalid_request', 'data does not echo the deep-linking request');
      if (deploymentId !== origin.deploymentId)
        throw new LtiPlatformError('invalid_request', 'deployment_id does not match the deep-linking request');
      deepLinkData.delete(data);
      const items = payload[`${LTI_DL}content_items`];
      if (items !== undefined && !Array.isArray(items)) throw new LtiPlatformError('invalid_request', 'content_items must be an array');
      platform.deepLinkResponses.push(payload);
      const count = items?.length ?? 0;
      return sendHtml(res, 200, `<h1>Added ${count} item${count === 1 ? '' : 's'}</h1>`);
    } catch (err) {
      if (err instanceof LtiPlatformError) platform.deepLinkErrors.push({ error: err.error, description: err.description });
      throw err;
    }
  }

  async function registrationEndpoint(req, res) {
    const { regToken, entry } = liveRegistrationToken(req);
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
      throw new LtiPlatformError('invalid_request', 'Content-Type must be application/json');
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      throw new LtiPlatformError('invalid_client_metadata', 'body is not JSON');
    }
    validateClientMetadata(body);
    entry.used = true;
    const config = body[TOOL_CONFIGURATION];
    const loginUrl = body.initiate_login_uri;
    const tool = platform.addTool({
      loginUrl,
      redirectUris: body.redirect_uris,
      jwksUrl: body.jwks_uri,
      targetLinkUri: config.target_link_uri,
      deepLinkUrl: config.messages?.find((m) => m.type === 'LtiDeepLinkingRequest')?.target_link_uri ?? config.target_link_uri,
      scopes: (body.scope ?? '').split(' ').filter((s) => s === NRPS_SCOPE || AGS_SCOPES.includes(s)),
      custom: config.custom_parameters ?? {},
      name: body.client_name,
      metadata: body,
      privacyLevel: canvas ? (config[CANVAS_PRIVACY] ?? 'anonymous') : 'public',
    });
    platform.registrations.push({ registrationToken: regToken, tool, metadata: body });
    const { [TOOL_CONFIGURATION]: _config, ...rest } = body;
    return sendJson(res, 200, {
      ...rest,
      client_id: tool.clientId,
      scope: tool.scopes.join(' '),
      // Canvas creates deployments when the key is installed and names them only in launches.
      [TOOL_CONFIGURATION]: canvas ? config : { ...config, deployment_id: tool.deploymentId },
    });
  }

  /** The unused, unexpired registration token in the request's Authorization header, or a 401. */
  function liveRegistrationToken(req) {
    const regToken = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const entry = regToken && registrationTokens.get(regToken);
    if (!entry || entry.used || entry.exp < now()) {
      throw new LtiPlatformError('invalid_token', 'registration_token missing, unknown, used or expired', 401);
    }
    return { regToken, entry };
  }

  function validateClientMetadata(body) {
    const bad = (what) => {
      throw new LtiPlatformError('invalid_client_metadata', what);
    };
    const isUrl = (v) => {
      try {
        return ['http:', 'https:'].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    };
    if (body.application_type !== 'web') bad('application_type must be web');
    if (!Array.isArray(body.grant_types) || !body.grant_types.includes('implicit') || !body.grant_types.includes('client_credentials')) {
      bad('grant_types must include implicit and client_credentials');
    }
    if (!Array.isArray(body.response_types) || !body.response_types.includes('id_token')) bad('response_types must include id_token');
    if (!Array.isArray(body.redirect_uris) || body.redirect_uris.length === 0 || !body.redirect_uris.every(isUrl))
      bad('redirect_uris must be URLs');
    if (!isUrl(body.initiate_login_uri)) bad('initiate_login_uri must be a URL');
    if (!body.client_name || typeof body.client_name !== 'string') bad('client_name is required');
    if (!isUrl(body.jwks_uri)) bad('jwks_uri must be a URL');
    if (body.token_endpoint_auth_method !== 'private_key_jwt') bad('token_endpoint_auth_method must be private_key_jwt');
    if (body.scope !== undefined && typeof body.scope !== 'string') bad('scope must be a space-separated string');
    const config = body[TOOL_CONFIGURATION];
    if (!config || typeof config !== 'object') bad(`${TOOL_CONFIGURATION} is required`);
    if (!config.domain || typeof config.domain !== 'string') bad('lti-tool-configuration.domain is required');
    if (!isUrl(config.target_link_uri)) bad('lti-tool-configuration.target_link_uri must be a URL');
    if (config.claims !== undefined && !Array.isArray(config.claims)) bad('lti-tool-configuration.claims must be an array');
    if (!Array.isArray(config.messages)) bad('lti-tool-configuration.messages must be an array');
    for (const message of config.messages) {
      if (!['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'].includes(message?.type)) bad(`unsupported message type ${message?.type}`);
      if (message.target_link_uri !== undefined && !isUrl(message.target_link_uri)) bad('message target_link_uri must be a URL');
    }
    // Every redirect and login URL must be on the tool's declared domain (a port may be part of it).
    const onDomain = (v) => {
      const u = new URL(v);
      return [u.host, u.hostname].some((h) => h === config.domain || h.endsWith(`.${config.domain}`));
    };
    for (const v of [...body.redirect_uris, body.initiate_login_uri, config.target_link_uri]) {
      if (!onDomain(v)) bad(`${v} is not on the tool domain ${config.domain}`);
    }
  }

  // ---- a course page for real browsers (Chromium e2e) ---------------------------------------------------

  /**
   * An LMS course page: frames the tool (named "tool-frame"), starts the launch by posting the login
   * initiation form into that frame, and answers LTI platform-storage messages (lti.capabilities,
   * lti.put_data, lti.get_data) both itself (storageTarget '_parent') and from a hidden frame named
   * "post_message_forwarding" (the frame name Canvas uses). lti.frameResize messages resize the tool frame
   * and are kept in window.ltiFrameResizes.
   */
  function lmsPage(res, hint) {
    const launch = launches.get(hint);
    if (!launch) throw new LtiPlatformError('not_found', 'unknown launch', 404);
    return sendHtml(
      res,
      200,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course – ${escapeHtml(launch.context?.title ?? 'LMS')}</title></head>
<body><h1>${escapeHtml(launch.context?.title ?? 'Course')}</h1>
<script>${PLATFORM_STORAGE_SCRIPT}</script>
<iframe name="post_message_forwarding" title="Platform storage" hidden src="/lms/storage-frame"></iframe>
<iframe name="tool-frame" title="Tool" style="width:100%;height:600px;border:0" src="/lms/login-form?hint=${encodeURIComponent(hint)}"></iframe>
</body></html>`,
    );
  }

  /** The login initiation form, posted inside the tool frame (so the tool runs as a third party). */
  function lmsLoginForm(res, hint) {
    const launch = launches.get(hint);
    if (!launch) throw new LtiPlatformError('not_found', 'unknown launch', 404);
    const tool = tools.get(launch.clientId);
    const fields = {
      iss: issuer,
      login_hint: hint,
      target_link_uri: launch.targetLinkUri,
      lti_message_hint: launch.messageHint,
      client_id: tool.clientId,
      lti_deployment_id: launch.deploymentId,
    };
    if (launch.storageTarget) fields.lti_storage_target = launch.storageTarget;
    return sendHtml(res, 200, autoPostForm({ action: tool.loginUrl, fields }));
  }

  return platform;
}

/**
 * The platform side of LTI platform storage (LTI Client Side postMessages): answers lti.capabilities,
 * lti.put_data and lti.get_data from the posting frame's origin, keeping values per origin, and replies to
 * that frame with the request's message_id. Runs in the LMS page and in its storage frame.
 */
const PLATFORM_STORAGE_SCRIPT = `
const store = new Map();
window.ltiStorage = store;
window.ltiFrameResizes = [];
window.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || typeof m !== 'object' || typeof m.subject !== 'string') return;
  const reply = (body) => event.source.postMessage({ message_id: m.message_id, ...body }, event.origin);
  const keyOf = (k) => event.origin + ' ' + k;
  if (m.subject === 'lti.capabilities') {
    reply({ subject: 'lti.capabilities.response', supported_messages: [
      { subject: 'lti.capabilities' },
      { subject: 'lti.put_data', frame: 'post_message_forwarding' },
      { subject: 'lti.get_data', frame: 'post_message_forwarding' } ] });
  } else if (m.subject === 'lti.put_data') {
    if (typeof m.key !== 'string') return reply({ subject: 'lti.put_data.response', error: { code: 'bad_request', message: 'key is required' } });
    store.set(keyOf(m.key), m.value);
    reply({ subject: 'lti.put_data.response', key: m.key, value: m.value });
  } else if (m.subject === 'lti.get_data') {
    if (!store.has(keyOf(m.key))) return reply({ subject: 'lti.get_data.response', key: m.key, error: { code: 'not_found', message: 'no such key' } });
    reply({ subject: 'lti.get_data.response', key: m.key, value: store.get(keyOf(m.key)) });
  } else if (m.subject === 'lti.frameResize') {
    window.ltiFrameResizes.push(m.height);
    const frame = document.querySelector('iframe[name="tool-frame"]');
    if (frame && typeof m.height === 'number') frame.style.height = m.height + 'px';
  }
});`;

// ---- small HTTP helpers -----------------------------------------------------------------------------------

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readForm(req) {
  return Object.fromEntries(new URLSearchParams(await readBody(req)));
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendHtml(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(html);
}

function sendError(res, err) {
  if (err instanceof LtiPlatformError) return sendJson(res, err.status, { error: err.error, error_description: err.description });
  sendJson(res, 500, { error: 'server_error', error_description: String(err?.message ?? err) });
}

export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** An HTML page whose form POSTs `fields` to `action` on load, the way LMSs hand off launches. */
export function autoPostForm({ action, fields }) {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return `<!doctype html><html><body><form method="post" action="${escapeHtml(action)}">${inputs}<noscript><button>Continue</button></noscript></form><script>document.forms[0].submit()</script></body></html>`;
}

// ---- a scriptable browser -------------------------------------------------------------------------------

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (_, e) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower];
  });
}

function attributes(tag) {
  const attrs = {};
  for (const m of tag.matchAll(/([^\s=<>"'/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/**
 * Reads the forms of an HTML page: [{ action, method, fields }] with action resolved against baseUrl.
 * Hidden and text inputs, textareas and selected options count as fields (enough for auto-post forms).
 */
export function parseForms(html, baseUrl) {
  const forms = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(m[1]);
    const fields = {};
    for (const input of m[2].matchAll(/<input\b([^>]*)>/gi)) {
      const a = attributes(input[1]);
      if (!a.name || ['submit', 'button', 'image', 'file'].includes(a.type)) continue;
      if (['checkbox', 'radio'].includes(a.type) && !('checked' in a)) continue;
      fields[a.name] = a.value ?? '';
    }
    for (const area of m[2].matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const a = attributes(area[1]);
      if (a.name) fields[a.name] = decodeEntities(area[2]);
    }
    forms.push({
      action: new URL(attrs.action ?? '', baseUrl).href,
      method: (attrs.method ?? 'get').toUpperCase(),
      id: attrs.id,
      name: attrs.name,
      fields,
    });
  }
  return forms;
}

const siteOf = (origin) => new URL(origin).hostname; // registrable-domain approximation for 127.0.0.1 tests

/**
 * A small scripted browser for protocol tests: follows redirects, keeps cookies per origin, submits
 * forms. Options:
 *   - crossSiteOrigins: origins treated as another site than the tool (launch() adds the platform's
 *     origin itself, since tests run everything on 127.0.0.1, which browsers count as one site).
 *   - inFrame: the tool runs in the LMS iframe (third-party context): only SameSite=None cookies are sent.
 *   - blockThirdPartyCookies: with inFrame, the tool's cookies are neither stored nor sent (Safari, Chrome
 *     with third-party cookies off).
 *   - rejectInsecureSameSiteNone: drop SameSite=None cookies without Secure, as Chromium does (off by
 *     default, because test servers run on http where a tool cannot mark cookies Secure).
 * Cookies without SameSite count as Lax, as in Chromium.
 */
export function createUserAgent({
  crossSiteOrigins = [],
  inFrame = false,
  blockThirdPartyCookies = false,
  rejectInsecureSameSiteNone = false,
} = {}) {
  const jar = new Map(); // origin → Map(name → { value, sameSite, path })
  const crossSite = new Set(crossSiteOrigins.map((o) => new URL(o).origin));
  const history = [];

  const isCrossSite = (from, to) => {
    if (!from) return false;
    if (crossSite.has(from) !== crossSite.has(to)) return true;
    return siteOf(from) !== siteOf(to);
  };
  const thirdParty = (origin) => inFrame && !crossSite.has(origin);

  function storeCookies(url, headers, context) {
    const origin = new URL(url).origin;
    const setCookies = headers.getSetCookie?.() ?? [];
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const opts = Object.fromEntries(
        attrs.map((a) => {
          const [k, ...v] = a.trim().split('=');
          return [k.toLowerCase(), v.join('=')];
        }),
      );
      const sameSite = (opts.samesite || 'lax').toLowerCase();
      if (rejectInsecureSameSiteNone && sameSite === 'none' && !('secure' in opts)) continue;
      if (context.thirdParty && (blockThirdPartyCookies || sameSite !== 'none')) continue;
      if (context.crossSite && !context.topLevel && sameSite !== 'none') continue;
      const cookies = jar.get(origin) ?? new Map();
      jar.set(origin, cookies);
      const expired = ('max-age' in opts && Number(opts['max-age']) <= 0) || (opts.expires && Date.parse(opts.expires) < Date.now());
      if (expired) cookies.delete(name);
      else cookies.set(name, { value, sameSite, path: opts.path || '/' });
    }
  }

  function cookieHeader(url, context) {
    const u = new URL(url);
    const cookies = jar.get(u.origin);
    if (!cookies) return undefined;
    const sent = [];
    for (const [name, c] of cookies) {
      if (!u.pathname.startsWith(c.path)) continue;
      if (context.thirdParty && (blockThirdPartyCookies || c.sameSite !== 'none')) continue;
      if (context.crossSite) {
        if (c.sameSite === 'strict') continue;
        if (c.sameSite === 'lax' && !(context.topLevel && context.method === 'GET')) continue;
      }
      sent.push(`${name}=${c.value}`);
    }
    return sent.length ? sent.join('; ') : undefined;
  }

  /**
   * Requests a URL like a browser navigation and follows redirects. `initiator` is the origin of the page
   * that started the navigation (for SameSite rules). Returns { status, url, headers, text, forms }.
   */
  async function navigate(url, { method = 'GET', form, json, headers = {}, initiator, maxRedirects = 10 } = {}) {
    let current = new URL(url).href;
    let from = initiator;
    let body;
    const extra = { ...headers };
    if (form) {
      body = new URLSearchParams(form).toString();
      extra['content-type'] = 'application/x-www-form-urlencoded';
    } else if (json) {
      body = JSON.stringify(json);
      extra['content-type'] = 'application/json';
    }
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const origin = new URL(current).origin;
      const context = { crossSite: isCrossSite(from, origin), thirdParty: thirdParty(origin), topLevel: !inFrame, method };
      const cookie = cookieHeader(current, context);
      const res = await fetch(current, { method, body, redirect: 'manual', headers: { ...extra, ...(cookie ? { cookie } : {}) } });
      storeCookies(current, res.headers, context);
      history.push({ method, url: current, status: res.status });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, current).href;
        if (!(res.status === 307 || res.status === 308)) {
          method = 'GET';
          body = undefined;
          delete extra['content-type'];
        }
        // A redirect chain keeps the initiator of its first request for SameSite purposes.
        current = next;
        continue;
      }
      const text = await res.text();
      return { status: res.status, url: current, headers: res.headers, text, html: text, forms: parseForms(text, current) };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  const ua = {
    navigate,
    history,
    /** fetch-compatible wrapper (GET/POST) that uses this browser's cookies and follows redirects. */
    async fetch(url, init = {}) {
      const page = await navigate(String(url), {
        method: init.method ?? 'GET',
        headers: init.headers,
        ...(init.body ? { form: Object.fromEntries(new URLSearchParams(init.body)) } : {}),
      });
      const empty = [101, 204, 205, 304].includes(page.status);
      return new Response(empty ? null : page.text, { status: page.status, headers: page.headers });
    },
    /** Submits a form of `page` (the first, or the one at index/with id), overriding fields with `values`. */
    async submit(page, { index = 0, id, values = {} } = {}) {
      const form = id ? page.forms.find((f) => f.id === id) : page.forms[index];
      if (!form) throw new Error(`no form to submit on ${page.url}: ${page.text.slice(0, 300)}`);
      const fields = { ...form.fields, ...values };
      const initiator = new URL(page.url).origin;
      if (form.method === 'POST') return navigate(form.action, { method: 'POST', form: fields, initiator });
      const target = new URL(form.action);
      for (const [k, v] of Object.entries(fields)) target.searchParams.set(k, v);
      return navigate(target.href, { initiator });
    },
    /**
     * A full launch as the browser sees it: the LMS page POSTs the login fields to the tool (cross-site),
     * the tool redirects to the platform's authorize endpoint, whose auto-post form goes back to the tool.
     * Returns the tool's final page, with `steps` (each page on the way).
     */
    async launch(platform, loginUrl, params, { method = 'POST', sameSite = false } = {}) {
      // A real LMS is another site than the tool; 127.0.0.1 ports are not, so say it explicitly.
      if (!sameSite) crossSite.add(platform.origin);
      const steps = [];
      let page;
      if (method === 'POST') page = await navigate(loginUrl, { method: 'POST', form: params, initiator: platform.origin });
      else {
        const u = new URL(loginUrl);
        for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
        page = await navigate(u.href, { initiator: platform.origin });
      }
      steps.push(page);
      if (new URL(page.url).origin !== platform.origin) return Object.assign(page, { steps });
      page = await ua.submit(page);
      steps.push(page);
      return Object.assign(page, { steps });
    },
    /** Cookies this browser holds for an origin: { name: { value, sameSite, path } }. */
    cookies(origin) {
      return Object.fromEntries(jar.get(new URL(origin).origin) ?? []);
    },
  };
  return ua;
}
