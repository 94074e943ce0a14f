/**
 * The staff console at /console: one HTML shell for every console path (sign-in, reset, home) and the built
 * bundle under /console/assets/, same-origin only, under a CSP that allows nothing but this server's own files.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const CONSOLE_PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  // Previews show content as families see it: pictures and recordings that staff link from other https sites.
  "img-src 'self' data: https:",
  "media-src 'self' https:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Tandem console</title>
<script type="module" src="/console/assets/console.js"></script>
</head>
<body>
<tandem-console></tandem-console>
<noscript>The Tandem console needs JavaScript.</noscript>
</body>
</html>
`;

/** `assetsDir/console/` holds console.js and its chunks, as rollup.config.js writes them. */
export async function registerConsolePage(app: FastifyInstance, options: { assetsDir: string }): Promise<void> {
  const root = join(options.assetsDir, 'console');
  if (!existsSync(join(root, 'console.js')))
    app.log.warn(`Console bundle not found in ${root}: /console will not start. Run \`npm run build\` first.`);
  await app.register(fastifyStatic, {
    root,
    prefix: '/console/assets/',
    decorateReply: false,
    cacheControl: false,
    suppressWarning: true,
    // @fastify/static hands setHeaders the reply wrapper (as registerAssets uses it), not a raw response.
    setHeaders: (reply) => (reply as unknown as FastifyReply).header('cache-control', 'no-cache'),
  });
  const page = { schema: { hide: true } };
  for (const url of ['/console', '/console/', '/console/reset']) {
    app.get(url, page, (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', CONSOLE_PAGE_POLICY)
        .header('cache-control', 'no-cache')
        .header('x-frame-options', 'DENY')
        .send(SHELL),
    );
  }
}
