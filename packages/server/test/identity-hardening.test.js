// Identity hardening: JWKS URLs cannot aim the server at its own network (https only, public addresses
// only, checked on every resolved address, no redirects, bounded in time and size); one address gets at
// most three sign-in emails per 15 minutes, and the answer never tells; revoking an identity key ends the
// sessions it signed in; and a production mail log never holds a sign-in link.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { generateKeyPair, SignJWT } from 'jose';
import { isPublicAddress } from '../dist/identity/address-policy.js';
import { guardedJwksFetch, jwksUrlProblem } from '../dist/identity/jwks-fetch.js';
import { createTenant, databaseTargets, startApp } from './helpers.js';
import { familySignIn, messagingTenant, openEventStream } from './messaging-fixtures.js';

const production = { allowPrivateHosts: false, allowLoopback: false, maxBytes: 256 * 1024, timeoutMs: 2000 };

/** A local HTTP server answering every request with `handler`, counting the requests it saw. */
async function startLocalServer(handler) {
  let requests = 0;
  const server = createServer((request, response) => {
    requests++;
    handler(request, response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: (path = '/jwks.json') => `http://127.0.0.1:${server.address().port}${path}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(resolve)).finally(() => server.closeAllConnections?.()),
  };
}

function jwksKeyInput(jwksUrl) {
  return { name: 'SSO', issuer: 'https://sso.example', audience: 'tandem', kind: 'jwks', jwksUrl };
}

describe('JWKS addresses', () => {
  it('counts only public unicast addresses as public, IPv4 and IPv6, including IPv4 inside IPv6', () => {
    const cases = {
      '8.8.8.8': true,
      '172.32.0.1': true,
      '2606:4700:4700::1111': true,
      '::ffff:8.8.8.8': true,
      '64:ff9b::8.8.8.8': true,
      '127.0.0.1': false,
      '127.255.0.9': false,
      '10.1.2.3': false,
      '172.16.0.1': false,
      '192.168.1.1': false,
      '169.254.169.254': false,
      '100.64.0.1': false,
      '0.0.0.0': false,
      '224.0.0.1': false,
      '255.255.255.255': false,
      '::1': false,
      '::': false,
      '::ffff:127.0.0.1': false,
      '::ffff:7f00:1': false,
      '::ffff:10.0.0.1': false,
      '64:ff9b::10.0.0.1': false,
      'fe80::1%eth0': false,
      'fd12:3456::1': false,
      'ff02::1': false,
      '2001:db8::1': false,
      '2002:7f00:1::': false,
      'example.org': false,
    };
    for (const [address, expected] of Object.entries(cases)) assert.equal(isPublicAddress(address), expected, address);
  });

  it('takes only https URLs to public hosts; http only for this machine while developing', () => {
    const refused = [
      'http://sso.example/jwks.json',
      'ftp://sso.example/jwks.json',
      'https://user:pass@sso.example/jwks.json',
      'https://localhost/jwks.json',
      'https://127.0.0.1/jwks.json',
      'https://10.0.0.5/jwks.json',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/jwks.json',
      'https://[::ffff:127.0.0.1]/jwks.json',
      'https://[fe80::1]/jwks.json',
      'not a url',
    ];
    for (const url of refused) assert.ok(jwksUrlProblem(url, production), url);
    assert.equal(jwksUrlProblem('https://sso.example/.well-known/jwks.json', production), undefined);
    const development = { ...production, allowLoopback: true };
    assert.equal(jwksUrlProblem('http://localhost:4000/jwks.json', development), undefined);
    assert.equal(jwksUrlProblem('http://127.0.0.1:4000/jwks.json', development), undefined);
    assert.ok(jwksUrlProblem('http://10.0.0.5/jwks.json', development), 'development opens this machine only');
    assert.ok(jwksUrlProblem('https://192.168.1.10/jwks.json', development));
    assert.ok(jwksUrlProblem('http://sso.example/jwks.json', development), 'and http only for it');
  });

  it('refuses a host name when any of its addresses is private, before connecting', async () => {
    const local = await startLocalServer((_request, response) => response.end('{"keys":[]}'));
    try {
      // DNS is stood in for: a public-looking name that answers with a loopback or private address.
      for (const answers of [
        [{ address: '127.0.0.1', family: 4 }],
        [{ address: '::ffff:127.0.0.1', family: 6 }],
        [
          { address: '8.8.8.8', family: 4 },
          { address: '10.0.0.1', family: 4 },
        ],
        [{ address: 'fd00::1', family: 6 }],
      ]) {
        const fetchJwks = guardedJwksFetch({ ...production, resolve: async () => answers });
        await assert.rejects(
          fetchJwks('https://jwks.sso.example/jwks.json', { headers: new Headers() }),
          /not a public address/,
          JSON.stringify(answers),
        );
      }
      assert.equal(local.requests(), 0);
    } finally {
      await local.close();
    }
  });

  it('caps the size, does not follow redirects and gives up after the timeout', async () => {
    const policy = { ...production, allowPrivateHosts: true, maxBytes: 1024, timeoutMs: 300 };
    const fetchJwks = guardedJwksFetch(policy);
    const target = await startLocalServer((_request, response) => response.end('{"keys":[]}'));
    const big = await startLocalServer((_request, response) => response.end(JSON.stringify({ keys: [], pad: 'x'.repeat(4096) })));
    const chunked = await startLocalServer((_request, response) => {
      response.write('{"keys":[');
      response.end(`"${'x'.repeat(4096)}"]}`);
    });
    const redirect = await startLocalServer((_request, response) => {
      response.writeHead(302, { location: target.url() });
      response.end();
    });
    const silent = await startLocalServer(() => {});
    try {
      await assert.rejects(fetchJwks(big.url(), { headers: new Headers() }), /larger than 1024 bytes/);
      await assert.rejects(fetchJwks(chunked.url(), { headers: new Headers() }), /larger than 1024 bytes/);
      const redirected = await fetchJwks(redirect.url(), { headers: new Headers() });
      assert.equal(redirected.status, 302, 'the redirect comes back as it is; jose accepts only 200');
      assert.equal(target.requests(), 0, 'and it was not followed');
      const started = Date.now();
      await assert.rejects(fetchJwks(silent.url(), { headers: new Headers() }), /within 300 ms/);
      assert.ok(Date.now() - started < 2000);
    } finally {
      for (const server of [target, big, chunked, redirect, silent]) await server.close();
    }
  });
});

for (const target of databaseTargets()) {
  describe(`identity hardening on ${target.name}`, () => {
    let ctx;
    let base;
    let school;
    const sent = [];
    const mailer = { mode: 'smtp', send: async (mail) => void sent.push(mail), close() {} };
    before(async () => {
      ctx = await startApp(target, {
        messaging: {
          translationProvider: null,
          mailer,
          publicUrl: 'https://tandem.example',
          heartbeatMs: 100,
          identity: { jwksTimeoutMs: 500, jwksCooldownMs: 0 },
        },
      });
      base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
      school = await messagingTenant(ctx.app, ctx.db, 'harden', { email: 'ana@example.org' });
    });
    after(() => ctx.close());

    const registerKey = (payload) => ctx.app.inject({ method: 'POST', url: '/api/v1/identity-keys', headers: school.auth, payload });

    it('refuses to register a JWKS URL that is not https or points at a private address', async () => {
      for (const url of [
        'http://sso.example/jwks.json',
        'https://127.0.0.1/jwks.json',
        'https://[::ffff:a9fe:a9fe]/latest',
        'https://localhost/jwks.json',
      ]) {
        const response = await registerKey(jwksKeyInput(url));
        assert.equal(response.statusCode, 422, url);
        assert.equal(response.json().errors[0].pointer, '/jwksUrl');
      }
      assert.equal((await registerKey(jwksKeyInput('https://sso.example/.well-known/jwks.json'))).statusCode, 201);
    });

    it('never fetches a JWKS URL on this machine that was stored before the rules, and refuses its tokens', async () => {
      const jwks = await startLocalServer((_request, response) => response.end('{"keys":[]}'));
      try {
        const { createIdentityKey } = await import('../dist/identity/identity-keys.js');
        // Straight into the database, as a key registered by an older version would be.
        await createIdentityKey(ctx.db, { seal: async (s) => s }, school.organizationId, {
          ...jwksKeyInput(jwks.url()),
          issuer: 'https://old-sso.example',
        });
        // Signed with an algorithm the verifier takes from a JWKS, so only the address rules keep it from fetching.
        const { privateKey } = await generateKeyPair('ES256');
        const token = await new SignJWT({ name: 'X' })
          .setProtectedHeader({ alg: 'ES256', kid: 'old-1' })
          .setIssuer('https://old-sso.example')
          .setAudience('tandem')
          .setSubject('x')
          .setExpirationTime('5m')
          .sign(privateKey);
        const response = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/public/family-sessions/identity',
          payload: { organization: 'harden', identityToken: token },
        });
        assert.equal(response.statusCode, 401);
        assert.equal(jwks.requests(), 0, 'the server did not connect to 127.0.0.1');
      } finally {
        await jwks.close();
      }
    });

    it('sends one address at most three sign-in emails in 15 minutes, and always answers 202', async () => {
      sent.length = 0;
      const request = (email, remoteAddress = '203.0.113.7') =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/v1/public/family-sessions/email-link-requests',
          payload: { organization: 'harden', email, locale: 'en' },
          remoteAddress,
        });
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await request('ana@example.org', `203.0.113.${i + 1}`));
      const unknown = await request('nobody@example.org');
      for (const answer of [...answers, unknown]) {
        assert.equal(answer.statusCode, 202);
        assert.deepEqual(answer.json(), unknown.json(), 'a limited address answers like any other');
      }
      assert.equal(sent.length, 3, 'three emails, whichever network asked');
      const links = sent.map((m) => /#tandem-sign-in=(tml_[\w-]+)/.exec(m.text)?.[1]);
      assert.equal(new Set(links).size, 3);

      // Another family's address is not held back by Ana's limit.
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/families',
        headers: school.auth,
        payload: { schoolId: school.schoolId, name: 'Hli Vang', locale: 'hmn', email: 'hli@example.org', students: [] },
      });
      await request('hli@example.org');
      assert.equal(sent.length, 4);
      assert.ok(sent.at(-1).to === 'hli@example.org');

      // Once the window has passed, Ana can ask again.
      await ctx.db
        .updateTable('family_invites')
        .set({ created_at: new Date(Date.now() - 16 * 60_000).toISOString() })
        .where('kind', '=', 'email-link')
        .where('family_id', '=', school.family.id)
        .execute();
      await request('ana@example.org');
      assert.equal(sent.length, 5);
      assert.equal(sent.at(-1).to, 'ana@example.org');
    });

    it('ends the sessions a revoked identity key signed in: access, refresh and stream', async () => {
      const secret = 'hardening-secret-that-is-long-enough-0123456789';
      const created = await registerKey({ name: 'Portal', issuer: 'https://portal.example', audience: 'tandem', kind: 'hs256', secret });
      assert.equal(created.statusCode, 201, created.body);
      const otherKey = await registerKey({
        name: 'Other portal',
        issuer: 'https://other-portal.example',
        audience: 'tandem',
        kind: 'hs256',
        secret,
      });
      const sign = (issuer, subject) =>
        new SignJWT({ name: 'Ana García', locale: 'es' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(issuer)
          .setAudience('tandem')
          .setSubject(subject)
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(secret));
      const signIn = async (issuer, subject) => {
        const response = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/public/family-sessions/identity',
          payload: { organization: 'harden', identityToken: await sign(issuer, subject) },
        });
        assert.equal(response.statusCode, 201, response.body);
        return response.json();
      };
      const viaKey = await signIn('https://portal.example', 'parent-1');
      const viaOtherKey = await signIn('https://other-portal.example', 'parent-2');
      const viaCode = await familySignIn(ctx.app, school, school.family.id);
      const home = (session) => ctx.app.inject({ url: '/api/v1/family/home', headers: { authorization: `Bearer ${session.accessToken}` } });
      assert.equal((await home(viaKey)).statusCode, 200);
      const stream = await openEventStream(`${base}/api/v1/family/stream`, { authorization: `Bearer ${viaKey.accessToken}` });
      assert.equal(stream.response.status, 200);

      const revoked = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/identity-keys/${created.json().id}/revoke`,
        headers: school.auth,
      });
      assert.equal(revoked.statusCode, 200);

      assert.equal((await home(viaKey)).statusCode, 401, 'the access token stops working');
      const refresh = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/public/family-sessions/refresh',
        payload: { refreshToken: viaKey.refreshToken },
      });
      assert.equal(refresh.statusCode, 401, 'and so does the refresh token');
      const ended = await Promise.race([
        (async () => {
          for await (const _ of stream.response.body ?? []) {
            // drain until the server ends the stream at its next heartbeat
          }
          return true;
        })().catch(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), 3000)),
      ]);
      assert.equal(ended, true, 'the open stream is closed');
      await stream.close();

      assert.equal((await home(viaOtherKey)).statusCode, 200, "another key's sessions go on");
      assert.equal((await home(viaCode)).statusCode, 200, 'as do sessions from invite codes');
      const row = await ctx.db
        .selectFrom('family_sessions')
        .select(['revoke_reason'])
        .where('identity_key_id', '=', created.json().id)
        .executeTakeFirstOrThrow();
      assert.equal(row.revoke_reason, 'identity-key-revoked');
      assert.ok(otherKey.statusCode === 201);
    });
  });

  describe(`sign-in requests per network on ${target.name}`, () => {
    it('are limited by the route rate limit, per IP', async () => {
      const ctx = await startApp(target, {
        rateLimitPerMinute: 2,
        messaging: {
          translationProvider: null,
          mailer: { mode: 'smtp', send: async () => {}, close() {} },
          publicUrl: 'https://t.example',
        },
      });
      try {
        await createTenant(ctx.db, 'perip');
        const request = (remoteAddress) =>
          ctx.app.inject({
            method: 'POST',
            url: '/api/v1/public/family-sessions/email-link-requests',
            payload: { organization: 'perip', email: 'a@example.org', locale: 'en' },
            remoteAddress,
          });
        assert.equal((await request('198.51.100.1')).statusCode, 202);
        assert.equal((await request('198.51.100.1')).statusCode, 202);
        assert.equal((await request('198.51.100.1')).statusCode, 429);
        assert.equal((await request('198.51.100.2')).statusCode, 202, 'another network is not held back');
      } finally {
        await ctx.close();
      }
    });
  });
}

describe('production and development mode', () => {
  /**
   * Builds an app that logs to memory, asks for a sign-in link, tries to register a JWKS URL on
   * http://localhost, and returns the log lines and that answer's status.
   */
  async function tryOut(options, env = {}) {
    const lines = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(
          ...chunk
            .toString()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l)),
        );
        callback();
      },
    });
    const [target] = databaseTargets();
    const previous = { SMTP_URL: process.env.SMTP_URL, NODE_ENV: process.env.NODE_ENV };
    delete process.env.SMTP_URL;
    Object.assign(process.env, env);
    try {
      const ctx = await startApp(target, { logger: { level: 'info', stream }, ...options });
      try {
        const tenant = await messagingTenant(ctx.app, ctx.db, 'modes', { email: 'dev@example.org' });
        const response = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/public/family-sessions/email-link-requests',
          payload: { organization: 'modes', email: 'dev@example.org', locale: 'en' },
        });
        assert.equal(response.statusCode, 202);
        const jwks = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/identity-keys',
          headers: tenant.auth,
          payload: jwksKeyInput('http://localhost:4000/jwks.json'),
        });
        const privateJwks = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/identity-keys',
          headers: tenant.auth,
          payload: jwksKeyInput('http://10.0.0.7/jwks.json'),
        });
        assert.equal(privateJwks.statusCode, 422, 'no mode opens private networks other than this machine');
        return { lines, localJwksStatus: jwks.statusCode };
      } finally {
        await ctx.close();
      }
    } finally {
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }

  it('in production, logs that an email would have been sent without its link, and refuses http JWKS URLs', async () => {
    const { lines, localJwksStatus } = await tryOut(
      { messaging: { translationProvider: null, publicUrl: 'https://tandem.example' } },
      { NODE_ENV: 'production' },
    );
    const entry = lines.find((l) => l.mail?.to === 'dev@example.org');
    assert.ok(entry, 'the log says an email was due');
    assert.match(entry.msg, /not sent: SMTP_URL is not set/);
    assert.match(entry.mail.subject, /sign-in link/);
    assert.equal(entry.mail.text, undefined);
    assert.ok(!JSON.stringify(lines).includes('tml_'), 'no sign-in token anywhere in the log');
    assert.equal(localJwksStatus, 422);
  });

  it('in demo mode, logs the whole email with its link, and takes an identity site on http://localhost', async () => {
    const { lines, localJwksStatus } = await tryOut(
      { demo: true, messaging: { translationProvider: null, publicUrl: 'https://tandem.example' } },
      { NODE_ENV: 'production' },
    );
    const entry = lines.find((l) => l.mail?.to === 'dev@example.org');
    assert.match(entry?.mail.text ?? '', /https:\/\/tandem\.example\/family\/sign-in#tandem-sign-in=tml_/);
    assert.equal(localJwksStatus, 201);
  });

  it('counts NODE_ENV=development as development', async () => {
    const { lines, localJwksStatus } = await tryOut(
      { messaging: { translationProvider: null, publicUrl: 'https://tandem.example' } },
      { NODE_ENV: 'development' },
    );
    assert.ok(lines.some((l) => /#tandem-sign-in=tml_/.test(l.mail?.text ?? '')));
    assert.equal(localJwksStatus, 201);
  });
});
