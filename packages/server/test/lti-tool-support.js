// Shared setup of the LTI tool tests: Tandem listening on a real port (the test LMS fetches its JWKS and
// posts back to it), an organization with a school and an admin token, and the test LMS itself.
import { createServer } from 'node:net';
import assert from 'node:assert/strict';
import { startApp, createTenant } from './helpers.js';
import { startLtiPlatform } from './lti-platform.js';

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Tandem on 127.0.0.1 with LTI set up for a loopback LMS; `base` is its public address. */
export async function startTool(target, options = {}, listen = {}) {
  const port = listen.port ?? (await freePort());
  const host = listen.host ?? '127.0.0.1';
  const base = `http://${host}:${port}`;
  const logs = [];
  const started = await startApp(target, {
    lti: { publicUrl: base, allowPrivateHosts: true, jwksCooldownMs: 0 },
    logger: { level: 'info', stream: { write: (line) => logs.push(JSON.parse(line)) } },
    ...options,
  });
  await started.app.listen({ port, host });
  return { ...started, base, port, logs };
}

/** The test LMS with Tandem added by hand, and the matching manual registration on Tandem's side (approved). */
export async function startPlatformWithTool(ctx, tenant, platformOptions = {}) {
  const platform = await startLtiPlatform(platformOptions);
  const tool = platform.addTool({
    loginUrl: `${ctx.base}/lti/login`,
    redirectUris: [`${ctx.base}/lti/launch`],
    jwksUrl: `${ctx.base}/lti/jwks`,
    targetLinkUri: `${ctx.base}/lti/launch`,
    deepLinkUrl: `${ctx.base}/lti/deep-link`,
  });
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/lti/registrations',
    headers: tenant.auth,
    payload: {
      issuer: platform.issuer,
      clientId: tool.clientId,
      deploymentIds: [tool.deploymentId],
      authorizationEndpoint: platform.urls.authorize,
      tokenEndpoint: platform.urls.token,
      jwksUri: platform.urls.jwks,
      schoolId: tenant.schoolId,
      platformName: 'Test LMS',
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  return { platform, tool, registration: created.json() };
}

export { createTenant };
