/** The Fastify application factory used by the CLI and the tests. */
import { fileURLToPath } from 'node:url';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { PROBLEM_TYPES } from '@tandem/protocol';
import { registerConsolePage } from './console-auth/console-page.js';
import type { ConsoleAuthOptions } from './console-auth/config.js';
import { registerConsoleAuth } from './console-auth/routes.js';
import { ContentCache, type AppContext } from './context.js';
import { databaseConfigFromEnv, openDatabase, type DatabaseConfig, type TandemDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrations.js';
import type { IdentityVerifier } from './identity.js';
import { createMessaging, type MessagingOptions } from './messages/messaging.js';
import { registerMessagingRoutes } from './messages/register.js';
import type { LtiOptions } from './lti/config.js';
import { registerLti } from './lti/routes.js';
import { loggingNotificationSink, type NotificationSink } from './notifications.js';
import { HttpProblem, notFound, sendProblem, toHttpProblem } from './problems.js';
import { registerAssets } from './routes/assets.js';
import { registerEmbedDocs } from './routes/embed-docs.js';
import { registerEmbedPages } from './routes/embed-pages.js';
import { embedOriginGuard, frameAncestorsResolver } from './embed-origins/guard.js';
import { ContentOwners } from './embed-origins/owners.js';
import { registerEmbedOriginRoutes } from './embed-origins/routes.js';
import { EmbedOriginCache } from './embed-origins/store.js';
import { registerStaffEventRoutes } from './routes/events.js';
import { registerStaffLessonRoutes } from './routes/lessons.js';
import { registerPublicLessonRoutes } from './routes/public-lessons.js';
import { registerPublicResourceRoutes } from './routes/public-resources.js';
import { registerStaffResourceRoutes } from './routes/resources.js';
import { registerHealthRoute } from './routes/health.js';
import { registerPublicEventRoutes } from './routes/public-events.js';
import { registerPublicSurveyRoutes } from './routes/public-surveys.js';
import { registerStaffSurveyRoutes } from './routes/surveys.js';
import { registerContentTranslationRoutes } from './routes/content-translation.js';
import { seedDemo } from './seed/demo.js';
import { hotQueries } from './store/hot-queries.js';
import { pruneIdempotencyKeys } from './store/idempotency.js';
import { SubmissionBatcher } from './store/submission-batcher.js';

export interface BuildAppOptions {
  /** Where data lives; defaults from `DATABASE_URL` / `DATABASE_SCHEMA` / `TANDEM_DATA_DIR`. */
  database?: DatabaseConfig;
  /** Run migrations on start (default true). */
  migrate?: boolean;
  /** Seed the demo organization and serve `demoDir` at `/` (default false). */
  demo?: boolean;
  /** Folder with `tandem.js`, `widgets/`, `chunks/` (default: the repo's `packages/embed/dist/cdn`). */
  assetsDir?: string;
  /** The demo site folder (default: the repo's `demo/`). */
  demoDir?: string;
  /** Public submissions per IP per minute; 0 disables (default `TANDEM_RATE_LIMIT_PER_MINUTE` or 60). */
  rateLimitPerMinute?: number;
  /** Largest public write body in bytes (default 64 KiB). */
  publicBodyLimit?: number;
  /** Largest staff write body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Checks family identity tokens; the default verifies JWTs against the organization's registered identity keys. */
  identityVerifier?: IdentityVerifier;
  /** Tells families a waitlist place opened or staff replied; the default logs it and emails families who left an address. */
  notificationSink?: NotificationSink;
  /** Mail, translation, sealing key and realtime settings of family identity and messages. */
  messaging?: MessagingOptions;
  /** How long submissions wait to share a commit (default 2 ms). */
  batchWindowMs?: number;
  /** Idempotency keys are kept at least this many days (default 7). */
  idempotencyRetentionDays?: number;
  /** Fastify logger setting (default false). */
  logger?: FastifyServerOptions['logger'];
  /** Log every request and response (default false: at benchmark rates the log itself becomes the bottleneck). */
  logRequests?: boolean;
  /** Trust X-Forwarded-For (behind a reverse proxy), so rate limits see the family's IP. */
  trustProxy?: boolean;
  /** Staff console sign-in: session timeouts and sign-in throttling. */
  console?: ConsoleAuthOptions;
  /** Tandem as an LTI 1.3 tool in LMSs: public address, outbound address policy, clock skew. */
  lti?: LtiOptions;
}

declare module 'fastify' {
  interface FastifyInstance {
    tandem: { database: TandemDatabase };
  }
}

export const DEFAULT_ASSETS_DIR = fileURLToPath(new URL('../../embed/dist/cdn/', import.meta.url));
export const DEFAULT_DEMO_DIR = fileURLToPath(new URL('../../../demo/', import.meta.url));

/** Paths any origin may read or write: the public API, health, the OpenAPI document and the embed bundle. */
export function isPublicPath(url: string): boolean {
  return /^\/(api\/v1\/public\/|api\/v1\/family\/|calendar\/|healthz(\?|$)|api\/openapi\.json|tandem\.js|widgets\/|chunks\/)/.test(url);
}

function rateLimitFromEnv(): number {
  const raw = process.env.TANDEM_RATE_LIMIT_PER_MINUTE;
  if (raw === undefined || raw === '') return 60;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`TANDEM_RATE_LIMIT_PER_MINUTE must be a whole number, got "${raw}"`);
  return value;
}

export async function buildApp(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const database = openDatabase(options.database ?? databaseConfigFromEnv());
  try {
    if (options.migrate !== false) await migrateToLatest(database.db);
    if (options.demo) await seedDemo(database.db);
    return await createServer(database, options);
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function createServer(database: TandemDatabase, options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    ajv: {
      // Report every problem at once, never guess types, never drop unknown fields silently.
      customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false },
    },
  });

  // The demo is a development setting: its mail log shows sign-in links, which is how the demo family signs in by email.
  const messagingOptions = options.demo ? { development: true, ...options.messaging } : options.messaging;
  const messaging = createMessaging(database, app.log, messagingOptions, options.database ?? databaseConfigFromEnv());
  const ctx: AppContext = {
    database,
    batcher: new SubmissionBatcher(database.db, { windowMs: options.batchWindowMs ?? 2 }),
    queries: hotQueries(database.db),
    identityVerifier: options.identityVerifier ?? messaging.identityVerifier,
    notifications: options.notificationSink ?? messaging.notificationSink(loggingNotificationSink(app.log)),
    contentCache: new ContentCache(),
    publicBodyLimit: options.publicBodyLimit ?? 64 * 1024,
    rateLimitPerMinute: options.rateLimitPerMinute ?? rateLimitFromEnv(),
  };
  app.decorate('tandem', { database });
  // Whose content a public request or embed page is about, and which sites that organization lets embed it.
  const embedChecks = {
    owners: new ContentOwners(database.db),
    policies: new EmbedOriginCache(database.db),
    publicUrl: messaging.publicUrl,
  };

  const retentionDays = options.idempotencyRetentionDays ?? 7;
  const prune = () =>
    pruneIdempotencyKeys(database.db, retentionDays).catch((error: unknown) =>
      app.log.warn({ err: error }, 'pruning idempotency keys failed'),
    );
  await prune();
  const pruneTimer = setInterval(prune, 6 * 3600_000).unref();

  app.addHook('onClose', async () => {
    clearInterval(pruneTimer);
    await messaging.close();
    await ctx.batcher.close();
    await database.close();
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toHttpProblem(error as Error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem, request);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.removeHeader('cache-control');
    return sendProblem(reply, notFound(`No route for ${request.method} ${request.url.split('?')[0]}.`), request);
  });

  await app.register(fastifyHelmet, {
    // The API returns JSON and the demo pages stand in for a school's own site, so a CSP here protects
    // nothing the school controls; API responses get a strict one below.
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!isPublicPath(request.url)) {
      // No cross-origin grant for staff routes, not even a preflight.
      if (request.method === 'OPTIONS') return sendProblem(reply, notFound('Cross-origin access is only for public routes.'), request);
    } else reply.header('cross-origin-resource-policy', 'cross-origin');
    if (request.url.startsWith('/api/')) reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  });
  // Organizations that list their sites refuse the public API to browsers on other sites (embed-origins/guard.ts).
  app.addHook('preHandler', embedOriginGuard(embedChecks, isPublicPath));

  // One static policy for everything public; staff routes opt out with `config: { cors: false }`.
  await app.register(fastifyCors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'OPTIONS'],
    allowedHeaders: [
      'Content-Type',
      'Idempotency-Key',
      'X-Rsvp-Token',
      'Accept',
      'Accept-Language',
      'If-None-Match',
      'Authorization',
      'Last-Event-ID',
    ],
    exposedHeaders: ['ETag', 'Retry-After', 'Idempotent-Replayed', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
    maxAge: 86400,
  });

  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem({
        status: 429,
        type: PROBLEM_TYPES.rateLimited,
        title: 'Too many requests',
        detail: `Too many submissions from this network; try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '1',
        description:
          'The REST API Tandem widgets speak. Public routes answer any origin without sign-in; staff routes need `Authorization: Bearer <API token>`. Errors are RFC 9457 `application/problem+json`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'A Tandem API token (tandem-server token create)' },
          familyBearer: {
            type: 'http',
            scheme: 'bearer',
            description: "A family session's access token (from /api/v1/public/family-sessions/…)",
          },
        },
      },
      tags: [
        { name: 'public', description: 'Used by family-facing widgets from any site' },
        { name: 'family', description: 'The message box: a signed-in family, from any site' },
        {
          name: 'console',
          description: 'Staff console sign-in: a session cookie, same-origin only, with the X-Tandem-CSRF header on writes',
        },
        {
          name: 'staff',
          description: 'Survey, event, resource and lesson management, results, attendee lists and feedback for staff and automation',
        },
      ],
    },
  });

  // First, so the session cookie is read for every staff route registered after it.
  await registerConsoleAuth(app, ctx, { mailer: messaging.mailer, publicUrl: messaging.publicUrl, options: options.console ?? {} });
  registerHealthRoute(app, ctx);
  registerPublicSurveyRoutes(app, ctx);
  registerStaffSurveyRoutes(app, ctx);
  registerPublicEventRoutes(app, ctx);
  registerStaffEventRoutes(app, ctx);
  registerPublicResourceRoutes(app, ctx);
  registerStaffResourceRoutes(app, ctx);
  registerPublicLessonRoutes(app, ctx);
  registerStaffLessonRoutes(app, ctx);
  registerMessagingRoutes(app, ctx, messaging);
  registerContentTranslationRoutes(app, ctx, messagingOptions);
  await registerLti(app, ctx, {
    serverKey: messaging.serverKey,
    publicUrl: messaging.publicUrl,
    development: messagingOptions?.development ?? (process.env.NODE_ENV === 'development' || process.env.NODE_ENV === 'test'),
    options: options.lti ?? {},
  });
  registerEmbedOriginRoutes(app, ctx, embedChecks.policies);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerAssets(app, {
    assetsDir: options.assetsDir ?? DEFAULT_ASSETS_DIR,
    ...(options.demo ? { demoDir: options.demoDir ?? DEFAULT_DEMO_DIR } : {}),
  });
  registerEmbedPages(app, { assetsDir: options.assetsDir ?? DEFAULT_ASSETS_DIR, frameAncestorsFor: frameAncestorsResolver(embedChecks) });
  registerEmbedDocs(app);
  await registerConsolePage(app, { assetsDir: options.assetsDir ?? DEFAULT_ASSETS_DIR });

  await app.ready();
  return app;
}
