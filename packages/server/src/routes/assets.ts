/** Serves the embed bundle (/tandem.js, /widgets/*, /chunks/*) for any site, and the demo school site at /. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Loader and widget entries keep their names across releases, so caches must revalidate soon. */
export const SHORT_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
/** Chunk names carry a content hash; a name never changes meaning. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

const embeddable = (cacheControl: string) => (reply: { header: FastifyReply['header'] } | FastifyReply) => {
  reply.header('cache-control', cacheControl);
  reply.header('access-control-allow-origin', '*');
  reply.header('cross-origin-resource-policy', 'cross-origin');
};

export async function registerAssets(app: FastifyInstance, options: { assetsDir: string; demoDir?: string }): Promise<void> {
  const { assetsDir, demoDir } = options;
  if (!existsSync(join(assetsDir, 'tandem.js'))) {
    app.log.warn(`Widget bundle not found in ${assetsDir}: /tandem.js and the widgets will answer 404. Run \`npm run build\` first.`);
  }
  const short = embeddable(SHORT_CACHE);
  const immutable = embeddable(IMMUTABLE_CACHE);

  // The static roots are looked up per request, so a build made while the server runs is picked up.
  await app.register(fastifyStatic, {
    root: join(assetsDir, 'widgets'),
    prefix: '/widgets/',
    cacheControl: false,
    suppressWarning: true,
    setHeaders: (reply) => short(reply as unknown as FastifyReply),
  });
  await app.register(fastifyStatic, {
    root: join(assetsDir, 'chunks'),
    prefix: '/chunks/',
    decorateReply: false,
    cacheControl: false,
    suppressWarning: true,
    setHeaders: (reply) => immutable(reply as unknown as FastifyReply),
  });
  app.get('/tandem.js', { schema: { hide: true } }, (_request, reply) => {
    short(reply);
    return reply.sendFile('tandem.js', assetsDir, { cacheControl: false });
  });

  if (demoDir) {
    if (!existsSync(demoDir)) app.log.warn(`Demo site folder ${demoDir} does not exist; / will answer 404.`);
    await app.register(fastifyStatic, {
      root: demoDir,
      prefix: '/',
      decorateReply: false,
      suppressWarning: true,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply) => (reply as unknown as FastifyReply).header('cache-control', 'no-cache'),
    });
  }
}
