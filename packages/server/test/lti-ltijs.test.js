// Proves the LTI test platform (lti-platform.js) behaves like a real LMS by launching an independent,
// IMS-certified tool implementation — ltijs — against it: a resource-link launch, a deep-linking round
// trip, Names and Role Provisioning, key rotation, tampered tokens and Dynamic Registration. When ltijs
// and the harness disagree, the harness is what gets fixed.
//
// ltijs keeps its state in MongoDB through mongoose; there is no MongoDB here, so it runs on the
// in-memory database plugin below (ltijs accepts `{ plugin }` in place of a database URL).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.js';
import { LTI, LTI_DL, NRPS_SCOPE, createUserAgent, roleUri, startLtiPlatform } from './lti-platform.js';

const require = createRequire(import.meta.url);

/** Seconds each ltijs collection keeps a document (the TTL indexes of its mongoose schemas). */
const TTL_SECONDS = { idtoken: 86400, contexttoken: 86400, accesstoken: 3600, nonce: 10, state: 600 };

/**
 * An in-memory stand-in for ltijs's mongoose Database class, with the same contract: Get returns an array
 * of plain documents or false; with an encryption key, documents are stored encrypted and only the index
 * fields are queryable; Replace upserts; Modify sets fields; TTLs expire documents as MongoDB would.
 */
class MemoryDatabase {
  #collections = new Map();
  #deployed = false;

  async setup() {
    this.#deployed = true;
    return true;
  }

  async Close() {
    this.#deployed = false;
    return true;
  }

  #collection(name) {
    if (!this.#deployed) throw new Error('PROVIDER_NOT_DEPLOYED');
    if (!name) throw new Error('MISSING_COLLECTION');
    let docs = this.#collections.get(name);
    if (!docs) this.#collections.set(name, (docs = []));
    const ttl = TTL_SECONDS[name];
    if (ttl) {
      const alive = docs.filter((d) => Date.now() - d.createdAt < ttl * 1000);
      docs.splice(0, docs.length, ...alive);
    }
    return docs;
  }

  static #matches(doc, query = {}) {
    return Object.entries(query).every(([k, v]) => JSON.stringify(doc.fields[k]) === JSON.stringify(v));
  }

  async #document(key, item, index) {
    if (!key) return { fields: structuredClone(item), createdAt: Date.now() };
    const { iv, data } = await this.Encrypt(JSON.stringify(item), key);
    return { fields: { ...index, iv, data }, encrypted: true, createdAt: Date.now() };
  }

  async Get(key, collection, query) {
    const docs = this.#collection(collection).filter((d) => MemoryDatabase.#matches(d, query));
    if (docs.length === 0) return false;
    const results = [];
    for (const d of docs) {
      if (key) results.push({ ...JSON.parse(await this.Decrypt(d.fields.data, d.fields.iv, key)), createdAt: d.createdAt });
      else results.push({ ...structuredClone(d.fields), createdAt: new Date(d.createdAt) });
    }
    return results;
  }

  async Insert(key, collection, item, index) {
    if (!collection || !item || (key && !index)) throw new Error('MISSING_PARAMS');
    const docs = this.#collection(collection);
    docs.push(await this.#document(key, item, index));
    return true;
  }

  async Replace(key, collection, query, item, index) {
    if (!collection || !item || (key && !index)) throw new Error('MISSING_PARAMS');
    const docs = this.#collection(collection);
    const at = docs.findIndex((d) => MemoryDatabase.#matches(d, query));
    const doc = await this.#document(key, item, index);
    if (at >= 0) docs[at] = doc;
    else docs.push(doc);
    return true;
  }

  async Modify(key, collection, query, modification) {
    if (!collection || !query || !modification) throw new Error('MISSING_PARAMS');
    const doc = this.#collection(collection).find((d) => MemoryDatabase.#matches(d, query));
    if (!doc) return true;
    if (key) {
      const item = JSON.parse(await this.Decrypt(doc.fields.data, doc.fields.iv, key));
      Object.assign(item, modification);
      Object.assign(doc.fields, await this.Encrypt(JSON.stringify(item), key));
    } else Object.assign(doc.fields, structuredClone(modification));
    return true;
  }

  async Delete(collection, query) {
    if (!collection || !query) throw new Error('MISSING_PARAMS');
    const docs = this.#collection(collection);
    const kept = docs.filter((d) => !MemoryDatabase.#matches(d, query));
    docs.splice(0, docs.length, ...kept);
    return true;
  }

  async Encrypt(data, secret) {
    const keyBytes = createHash('sha256').update(secret).digest();
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', keyBytes, iv);
    return { iv: iv.toString('hex'), data: Buffer.concat([cipher.update(data), cipher.final()]).toString('hex') };
  }

  async Decrypt(data, iv, secret) {
    const keyBytes = createHash('sha256').update(secret).digest();
    const decipher = createDecipheriv('aes-256-cbc', keyBytes, Buffer.from(iv, 'hex'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'hex')), decipher.final()]).toString('utf8');
  }
}

describe('ltijs (an independent LTI 1.3 tool) against the test platform', () => {
  let platform;
  let lti;
  let toolServer;
  let toolUrl;
  let tool;
  /** What ltijs handed to its launch handlers, newest last. */
  const seen = [];

  before(async () => {
    platform = await startLtiPlatform({ pageSize: 2 });
    // The tool's own HTTP server: ltijs runs "serverless" and we mount its Express app.
    let app;
    toolServer = createServer((req, res) => app(req, res));
    await new Promise((resolve) => toolServer.listen(0, '127.0.0.1', resolve));
    toolUrl = `http://127.0.0.1:${toolServer.address().port}`;

    lti = require('ltijs').Provider;
    lti.setup(
      randomBytes(16).toString('hex'),
      { plugin: new MemoryDatabase() },
      {
        // A launch arrives as a cross-site POST from the LMS, so the state cookie must be SameSite=None.
        cookies: { secure: true, sameSite: 'None' },
        devMode: false,
        dynReg: { url: toolUrl, name: 'ltijs peer', autoActivate: true },
      },
    );
    lti.onConnect(async (token, req, res) => {
      const entry = { kind: 'launch', token };
      seen.push(entry);
      if (token.platformContext.custom?.action === 'roster') {
        try {
          entry.members = await lti.NamesAndRoles.getMembers(token, { pages: false });
        } catch (err) {
          entry.error = err;
        }
      }
      res.send(`<h1>Hello ${token.userInfo.name ?? token.user}</h1>`);
    });
    lti.onDeepLinking(async (token, req, res) => {
      seen.push({ kind: 'deepLinking', token });
      const items = [
        { type: 'ltiResourceLink', title: 'Field trip survey', url: `${toolUrl}/`, custom: { widget: 'survey', id: 'trip-1' } },
        { type: 'html', html: '<p>not accepted by the platform</p>' },
      ];
      res.send(await lti.DeepLinking.createDeepLinkingForm(token, items, { message: 'Added the survey' }));
    });
    lti.onInvalidToken((req, res) => {
      seen.push({ kind: 'invalid', err: res.locals.err });
      res.status(401).send(`invalid: ${res.locals.err?.details?.message ?? 'token'}`);
    });
    await lti.deploy({ serverless: true, silent: true });
    app = lti.app;

    tool = platform.addTool({
      loginUrl: `${toolUrl}/login`,
      redirectUris: [`${toolUrl}/`],
      targetLinkUri: `${toolUrl}/`,
      jwksUrl: `${toolUrl}/keys`,
    });
    await lti.registerPlatform({
      url: platform.issuer,
      name: 'Test LMS',
      clientId: tool.clientId,
      authenticationEndpoint: platform.urls.authorize,
      accesstokenEndpoint: platform.urls.token,
      authConfig: { method: 'JWK_SET', key: platform.urls.jwks },
    });
  });

  after(async () => {
    await lti?.close({ silent: true });
    toolServer?.closeAllConnections();
    await new Promise((resolve) => toolServer?.close(resolve));
    await platform?.close();
  });

  const launch = (params, options) => createUserAgent(options).launch(platform, tool.loginUrl, params);

  test('a resource-link launch reaches the tool with the user, roles, context and custom parameters', async () => {
    const params = platform.loginParams({
      clientId: tool.clientId,
      user: { id: 'teacher-7', name: 'Ana Ruiz', given_name: 'Ana', family_name: 'Ruiz', email: 'ana@school.test' },
      roles: ['Instructor'],
      context: { id: 'course-42', label: 'BIO', title: 'Biology 7' },
      custom: { widget: 'survey', id: 'trip-1' },
      locale: 'es',
    });
    const page = await launch(params);
    assert.equal(page.status, 200, page.text);
    assert.match(page.text, /Hello Ana Ruiz/);
    // The browser went tool login → platform authorize (with the OIDC parameters ltijs chose) → tool.
    const authorizeHop = page.steps[0].url;
    assert.ok(authorizeHop.startsWith(platform.urls.authorize), authorizeHop);
    const auth = new URL(authorizeHop).searchParams;
    assert.equal(auth.get('login_hint'), params.login_hint);
    assert.equal(auth.get('lti_message_hint'), params.lti_message_hint);
    assert.equal(auth.get('redirect_uri'), `${toolUrl}/`);

    const { token } = seen.at(-1);
    assert.equal(token.user, 'teacher-7');
    assert.equal(token.iss, platform.issuer);
    assert.equal(token.clientId, tool.clientId);
    assert.equal(token.deploymentId, tool.deploymentId);
    assert.equal(token.userInfo.email, 'ana@school.test');
    assert.deepEqual(token.platformContext.roles, [roleUri('Instructor')]);
    assert.deepEqual(token.platformContext.context.id, 'course-42');
    assert.equal(token.platformContext.context.title, 'Biology 7');
    assert.deepEqual(token.platformContext.custom, { widget: 'survey', id: 'trip-1' });
    assert.equal(token.platformContext.launchPresentation.locale, 'es');
    assert.equal(token.platformContext.namesRoles.context_memberships_url, platform.urls.memberships('course-42'));
    assert.ok(token.platformContext.resource.id);
  });

  test('a login initiated by GET (as some LMSs do) launches the same way', async () => {
    const params = platform.loginParams({ clientId: tool.clientId, user: { id: 'student-4', name: 'Gus' }, roles: ['Learner'] });
    const page = await createUserAgent().launch(platform, tool.loginUrl, params, { method: 'GET' });
    assert.equal(page.status, 200, page.text);
    assert.equal(seen.at(-1).token.user, 'student-4');
    assert.deepEqual(seen.at(-1).token.platformContext.roles, [roleUri('Learner')]);
  });

  test('the state cookie does not survive a launch framed by the LMS when third-party cookies are blocked', async () => {
    const params = platform.loginParams({ clientId: tool.clientId, user: 'student-1' });
    const page = await launch(params, { inFrame: true, blockThirdPartyCookies: true });
    assert.equal(page.status, 401);
    assert.match(page.text, /MISSING_VALIDATION_COOKIE/);
  });

  test('a deep-linking round trip returns a signed content item the platform verifies', async () => {
    const params = platform.loginParams({
      clientId: tool.clientId,
      user: { id: 'teacher-7', name: 'Ana Ruiz' },
      roles: ['Instructor'],
      messageType: 'LtiDeepLinkingRequest',
      deepLinking: { data: 'opaque-platform-state-1' },
    });
    const ua = createUserAgent();
    const picker = await ua.launch(platform, tool.loginUrl, params);
    assert.equal(picker.status, 200, picker.text);
    assert.equal(seen.at(-1).kind, 'deepLinking');
    assert.equal(seen.at(-1).token.platformContext.deepLinkingSettings.deep_link_return_url, platform.urls.deepLinkReturn);
    assert.equal(picker.forms[0]?.action, platform.urls.deepLinkReturn);

    const returned = await ua.submit(picker);
    assert.equal(returned.status, 200, returned.text);
    assert.match(returned.text, /Added 1 item/);
    const response = platform.deepLinkResponses.at(-1);
    assert.equal(response.iss, tool.clientId);
    assert.equal(response.aud, platform.issuer);
    assert.equal(response[`${LTI}deployment_id`], tool.deploymentId);
    assert.equal(response[`${LTI_DL}data`], 'opaque-platform-state-1');
    assert.equal(response[`${LTI_DL}msg`], 'Added the survey');
    assert.deepEqual(response[`${LTI_DL}content_items`], [
      { type: 'ltiResourceLink', title: 'Field trip survey', url: `${toolUrl}/`, custom: { widget: 'survey', id: 'trip-1' } },
    ]);

    // The same signed response cannot be posted twice (nonce and data are single-use).
    const replay = await ua.submit(picker);
    assert.equal(replay.status, 400);
  });

  test('Names and Role Provisioning: token via client assertion, then every page of the roster', async () => {
    platform.setRoster('course-9', [
      { user_id: 'teacher-7', name: 'Ana Ruiz', roles: ['Instructor'] },
      { user_id: 'student-1', name: 'Bo Lee', roles: ['Learner'] },
      { user_id: 'student-2', name: 'Cy Diaz', roles: ['Learner'] },
      { user_id: 'parent-1', name: 'Di Lee', roles: ['Mentor'] },
    ]);
    const params = platform.loginParams({
      clientId: tool.clientId,
      user: 'teacher-7',
      roles: ['Instructor'],
      context: { id: 'course-9', title: 'Grade 7' },
      custom: { action: 'roster' },
    });
    const page = await launch(params);
    assert.equal(page.status, 200, page.text);
    const entry = seen.at(-1);
    assert.equal(entry.error, undefined, String(entry.error?.response?.body ?? entry.error));
    assert.deepEqual(
      entry.members.members.map((m) => [m.user_id, m.roles]),
      [
        ['teacher-7', [roleUri('Instructor')]],
        ['student-1', [roleUri('Learner')]],
        ['student-2', [roleUri('Learner')]],
        ['parent-1', [roleUri('Mentor')]],
      ],
    );
    assert.equal(entry.members.context.id, 'course-9');
    const granted = platform.tokenRequests.filter((r) => r.clientId === tool.clientId && r.granted);
    assert.deepEqual(granted.at(-1).granted, [NRPS_SCOPE]);
  });

  test('after a key rotation the tool verifies launches signed with the new key', async () => {
    const oldKid = platform.kid;
    const newKid = await platform.rotateKey({ keepOld: false });
    assert.notEqual(newKid, oldKid);
    const page = await launch(platform.loginParams({ clientId: tool.clientId, user: 'student-1' }));
    assert.equal(page.status, 200, page.text);
    assert.equal(seen.at(-1).token.user, 'student-1');
  });

  for (const [label, tamper, reason] of [
    ['a forged signature', { forgeSignature: true }, /invalid signature/],
    ['an unknown kid', { kid: 'unknown' }, /KEY_NOT_FOUND/],
    ['an expired token', { expired: true }, /expired|TOKEN_TOO_OLD/],
    ['another audience', { audience: 'someone-else' }, /UNREGISTERED_PLATFORM/],
    ['no roles claim', { claims: { [`${LTI}roles`]: undefined } }, /NO_ROLES_CLAIM/],
    ['another LTI version', { claims: { [`${LTI}version`]: '1.1' } }, /WRONG_LTI_VERSION_CLAIM/],
  ]) {
    test(`the tool rejects an id_token with ${label}`, async () => {
      platform.tamperNextLaunch(tamper);
      const page = await launch(platform.loginParams({ clientId: tool.clientId, user: 'student-1' }));
      assert.equal(page.status, 401, page.text);
      const err = seen.at(-1);
      assert.equal(err.kind, 'invalid');
      assert.match(JSON.stringify(err.err), reason);
    });
  }

  test('in Chromium, the LMS page frames the tool and answers platform-storage messages', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    try {
      const page = await browser.newPage();
      const params = platform.loginParams({
        clientId: tool.clientId,
        user: { id: 'student-3', name: 'Eve Kim' },
        storageTarget: '_parent',
      });
      await page.goto(platform.urls.lmsPage(params.login_hint));
      const frame = page.frameLocator('iframe[name="tool-frame"]');
      await frame.getByRole('heading', { name: 'Hello Eve Kim' }).waitFor({ timeout: 10_000 });
      const toolFrame = page.frames().find((f) => f.url().startsWith(toolUrl));
      // What a tool does when the LMS offers storage: ask the named frame, wait for the matching answer.
      const answers = await toolFrame.evaluate(async () => {
        const ask = (target, message) =>
          new Promise((resolve) => {
            const id = Math.random().toString(36).slice(2);
            const listen = (event) => {
              if (event.data?.message_id !== id) return;
              window.removeEventListener('message', listen);
              resolve(event.data);
            };
            window.addEventListener('message', listen);
            target.postMessage({ ...message, message_id: id }, '*');
          });
        const parent = window.parent;
        const forwarding = window.parent.frames['post_message_forwarding'];
        window.parent.postMessage({ subject: 'lti.frameResize', height: 321 }, '*');
        return [
          await ask(parent, { subject: 'lti.capabilities' }),
          await ask(parent, { subject: 'lti.put_data', key: 'state', value: 'abc' }),
          await ask(parent, { subject: 'lti.get_data', key: 'state' }),
          await ask(parent, { subject: 'lti.get_data', key: 'missing' }),
          await ask(forwarding, { subject: 'lti.put_data', key: 'nonce', value: 'n-1' }),
          await ask(forwarding, { subject: 'lti.get_data', key: 'nonce' }),
        ];
      });
      assert.equal(answers[0].subject, 'lti.capabilities.response');
      assert.ok(answers[0].supported_messages.some((m) => m.subject === 'lti.put_data'));
      assert.deepEqual([answers[1].subject, answers[1].value], ['lti.put_data.response', 'abc']);
      assert.deepEqual([answers[2].subject, answers[2].value], ['lti.get_data.response', 'abc']);
      assert.equal(answers[3].error.code, 'not_found');
      assert.deepEqual([answers[5].subject, answers[5].value], ['lti.get_data.response', 'n-1']);
      assert.deepEqual(await page.evaluate(() => window.ltiFrameResizes), [321]);
      assert.equal(await page.locator('iframe[name="tool-frame"]').evaluate((f) => f.style.height), '321px');
      assert.equal(seen.at(-1).token.user, 'student-3');
    } finally {
      await browser.close();
    }
  });

  test('Dynamic Registration: ltijs registers itself and can then be launched with the issued client ID', async () => {
    const result = await platform.dynamicRegistration(`${toolUrl}/register`);
    assert.equal(result.status, 200, result.html);
    assert.match(result.html, /org\.imsglobal\.lti\.close/);
    const registered = result.registration;
    assert.ok(registered, 'the tool posted its registration');
    assert.notEqual(registered.clientId, tool.clientId);
    assert.deepEqual(registered.redirectUris, [toolUrl]);
    assert.equal(registered.jwksUrl, `${toolUrl}/keys`);
    assert.equal(registered.loginUrl, `${toolUrl}/login`);
    assert.ok(registered.scopes.includes(NRPS_SCOPE));
    const metadata = platform.registrations.at(-1).metadata;
    assert.equal(metadata['https://purl.imsglobal.org/spec/lti-tool-configuration'].domain, new URL(toolUrl).host);

    // The registration token is single-use.
    const reused = await platform.dynamicRegistration(`${toolUrl}/register`, { registrationToken: result.registrationToken });
    assert.notEqual(reused.status, 200);

    const page = await createUserAgent().launch(
      platform,
      registered.loginUrl,
      platform.loginParams({ clientId: registered.clientId, user: 'student-2' }),
    );
    assert.equal(page.status, 200, page.text);
    assert.equal(seen.at(-1).token.user, 'student-2');
    assert.equal(seen.at(-1).token.clientId, registered.clientId);
  });
});
