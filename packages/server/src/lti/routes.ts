/**
 * The LTI tool's HTTP surface: login initiation, launch, the tool JWKS, the Canvas JSON config, dynamic
 * registration, the deep-linking picker's submit, the pages' scripts, and the staff API for registrations
 * and roster imports. Registered in its own Fastify scope, so the form parser LMSs need stays here.
 */
import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { decodeJwt } from 'jose';
import type { LtiApproval, LtiRegistrationInput, LtiRegistrationList, LtiRosterImportInput } from '@tandem/protocol';
import { actsInSchool, principalOf, requireStaff } from '../auth.js';
import { recordAudit } from '../console-auth/audit.js';
import type { AppContext } from '../context.js';
import type { ServerKey } from '../identity/server-key.js';
import { forbidden } from '../messages/access.js';
import { HttpProblem, notFound, validationProblem } from '../problems.js';
import { staffRouteOptions } from '../routes/route-schema.js';
import { schoolBelongsTo } from '../store/organizations.js';
import { ltiConfig, toolUrls, type LtiConfig, type LtiOptions } from './config.js';
import { isLinkable, linkableContent } from './content.js';
import { claimDeepLinkSession, findDeepLinkSession, pickerPage, signDeepLinkResponse } from './deep-linking.js';
import {
  CANVAS_PRIVACY,
  CANVAS_TOOL_ID,
  DEEP_LINKING_PLACEMENTS,
  NRPS_SCOPE,
  RegistrationError,
  registerDynamically,
  TOOL_DESCRIPTION,
} from './dynamic-registration.js';
import { ToolKeys } from './keys.js';
import { completeLaunch } from './launch.js';
import { LaunchFailure, NeedsStorageCheck, validateLaunch } from './launch-validation.js';
import { beginLogin, pruneLtiStates, stateCookieName, type LoginParams } from './login.js';
import { importRoster } from './nrps.js';
import { OutboundError, urlProblem } from './outbound.js';
import {
  autoSubmitPage,
  errorPage,
  LTI_CSS,
  LTI_SCRIPTS,
  registeredPage,
  registrationFailedPage,
  sendLtiPage,
  storageLaunchPage,
  storageLoginPage,
  waitingPage,
} from './pages.js';
import { PlatformKeys } from './platform-keys.js';
import {
  approveRegistration,
  createManualRegistration,
  disableRegistration,
  findOwnedRegistration,
  findRegistrationById,
  listRegistrations,
  registrationTaken,
  toLtiRegistration,
} from './registrations.js';
import { ltiTexts, type LtiFailure } from './texts.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The LTI tool's keys (rotation) and settings, for the CLI and tests. */
    lti: { keys: ToolKeys; config: LtiConfig };
  }
}

export interface LtiRouteOptions {
  serverKey: ServerKey;
  /** The messaging public URL, used when LTI options name none. */
  publicUrl: string | undefined;
  development: boolean;
  options: LtiOptions;
}

/** The LMS frames these pages and opens registration in a popup whose opener must stay reachable. */
const ltiPage: RouteShorthandOptions = {
  schema: { hide: true },
  helmet: { xFrameOptions: false, crossOriginOpenerPolicy: false, referrerPolicy: { policy: 'no-referrer' } },
};

type Fields = Record<string, string | undefined>;

const FAILURE_STATUS: Partial<Record<LtiFailure, number>> = { 'not-configured': 503, jwks: 502, role: 403 };

/** The language to explain a failure in: the launch's own (read from the token, unverified, for words only), else the browser's. */
function failureLocale(request: FastifyRequest, idToken?: string): string | undefined {
  if (idToken) {
    try {
      const claims = decodeJwt(idToken) as Record<string, unknown>;
      const presentation = claims['https://purl.imsglobal.org/spec/lti/claim/launch_presentation'] as { locale?: unknown } | undefined;
      const locale = presentation?.locale ?? claims.locale;
      if (typeof locale === 'string') return locale;
    } catch {
      // Unreadable tokens are explained in the browser's language.
    }
  }
  const header = request.headers['accept-language'];
  return typeof header === 'string' ? header.split(',')[0]?.trim() : undefined;
}

export async function registerLti(
  app: FastifyInstance,
  ctx: AppContext,
  route: LtiRouteOptions,
): Promise<{ keys: ToolKeys; config: LtiConfig }> {
  const db = ctx.database.db;
  const config = ltiConfig(route.options, route.publicUrl, route.development);
  const keys = new ToolKeys(db, route.serverKey);
  const platformKeys = new PlatformKeys(config);
  const staff = requireStaff(db);
  const rateLimit = ctx.rateLimitPerMinute > 0 ? { rateLimit: { max: ctx.rateLimitPerMinute, timeWindow: '1 minute' } } : {};
  // SameSite=None needs Secure; browsers accept Secure cookies from loopback addresses too, so development works the same.
  const secureCookies = config.baseUrl ? isSecureOrigin(config.baseUrl) : false;
  app.decorate('lti', { keys, config });

  const prune = () => pruneLtiStates(db).catch((error: unknown) => app.log.warn({ err: error }, 'pruning LTI login states failed'));
  const pruneTimer = setInterval(prune, 3600_000).unref();
  app.addHook('onClose', async () => clearInterval(pruneTimer));

  const fail = (request: FastifyRequest, reply: FastifyReply, failure: LtiFailure, locale: string | undefined, detail?: string) => {
    request.log.warn({ lti: failure, detail }, `LTI launch refused: ${failure}`);
    return sendLtiPage(reply, FAILURE_STATUS[failure] ?? 400, errorPage(failure, locale, detail));
  };

  const requireOrgAdmin = (request: FastifyRequest) => {
    if (principalOf(request).role !== 'admin') throw forbidden('Only an organization admin manages LMS registrations.');
  };
  const requireBaseUrl = (): string => {
    if (!config.baseUrl) {
      throw new HttpProblem({
        status: 503,
        title: 'LTI is not set up',
        detail: 'This server has no public address (TANDEM_PUBLIC_URL) to give an LMS.',
      });
    }
    return config.baseUrl;
  };

  await app.register(async (lti) => {
    await lti.register(fastifyFormbody);

    // ---- Browser side: login, launch, deep-linking submit ---------------------------------------------

    const login = async (request: FastifyRequest, reply: FastifyReply, params: LoginParams) => {
      const outcome = await beginLogin(db, config, params);
      const locale = failureLocale(request);
      if (outcome.kind === 'failure') return fail(request, reply, outcome.failure, locale, outcome.detail);
      if (outcome.kind === 'waiting') {
        request.log.warn({ lti: 'pending', registrationId: outcome.registration.id }, 'LTI launch on a registration that is not approved');
        return sendLtiPage(reply, 403, waitingPage(locale));
      }
      // The cookie path, kept even when the platform offers storage: when the browser does send it, it is preferred.
      reply.setCookie(stateCookieName(outcome.state), outcome.state, {
        path: '/lti/',
        httpOnly: true,
        sameSite: 'none',
        secure: secureCookies,
        maxAge: Math.floor(config.loginTtlMs / 1000),
      });
      if (outcome.storageTarget) {
        return sendLtiPage(
          reply,
          200,
          storageLoginPage(locale, {
            target: outcome.storageTarget,
            origin: outcome.authOrigin,
            state: outcome.state,
            nonce: outcome.nonce,
            authUrl: outcome.authUrl,
          }),
        );
      }
      return reply.code(302).header('cache-control', 'no-store').redirect(outcome.authUrl);
    };
    lti.get<{ Querystring: Fields }>('/lti/login', { ...ltiPage, config: rateLimit }, (request, reply) =>
      login(request, reply, request.query),
    );
    lti.post<{ Body: Fields }>('/lti/login', { ...ltiPage, config: rateLimit }, (request, reply) =>
      login(request, reply, request.body ?? {}),
    );

    lti.post<{ Body: Fields }>('/lti/launch', { ...ltiPage, config: rateLimit }, async (request, reply) => {
      const body = request.body ?? {};
      const idToken = typeof body.id_token === 'string' ? body.id_token : undefined;
      const state = typeof body.state === 'string' ? body.state : undefined;
      const locale = failureLocale(request, idToken);
      // A platform that refused the login posts its error here instead of a token.
      if (!idToken && typeof body.error === 'string') {
        return fail(request, reply, 'token-missing', locale, `${body.error}: ${String(body.error_description ?? '')}`);
      }
      const cookieName = state ? stateCookieName(state) : undefined;
      const cookieState = cookieName ? request.cookies[cookieName] : undefined;
      try {
        const launch = await validateLaunch(db, config, platformKeys, {
          idToken,
          state,
          cookieState,
          storageState: typeof body.lti_storage_state === 'string' && body.lti_storage_state !== '' ? body.lti_storage_state : undefined,
        });
        if (cookieName) reply.clearCookie(cookieName, { path: '/lti/', sameSite: 'none', secure: secureCookies });
        if (launch.registration.status !== 'approved') {
          request.log.warn({ lti: 'pending', registrationId: launch.registration.id }, 'LTI launch on a registration that is not approved');
          return sendLtiPage(reply, 403, waitingPage(locale));
        }
        if (launch.learnedDeployment) {
          await recordAudit(
            db,
            { via: 'system', organizationId: launch.registration.organization_id },
            'lti.registration.deployment',
            { kind: 'lti-registration', id: launch.registration.id },
            { deploymentId: launch.deploymentId },
          );
          request.log.info(
            { lti: 'deployment', registrationId: launch.registration.id },
            'LTI deployment recorded from the first launch of a registration that listed none',
          );
        }
        const result = await completeLaunch(db, config, launch);
        request.log.info(
          { lti: launch.messageType, registrationId: launch.registration.id, kind: result.identity.kind },
          'LTI launch accepted',
        );
        if ('redirect' in result) return reply.code(303).header('cache-control', 'no-store').redirect(result.redirect);
        return sendLtiPage(reply, 200, result.page);
      } catch (error) {
        if (error instanceof NeedsStorageCheck) {
          return sendLtiPage(
            reply,
            200,
            storageLaunchPage(locale, {
              target: error.storageTarget,
              origin: new URL(error.registration.authorization_endpoint).origin,
              state: state!,
              idToken: idToken!,
              action: '/lti/launch',
            }),
          );
        }
        if (error instanceof LaunchFailure) return fail(request, reply, error.failure, locale, error.detail);
        throw error;
      }
    });

    lti.post<{ Body: Fields }>('/lti/deep-link/items', { ...ltiPage, config: rateLimit }, async (request, reply) => {
      const body = request.body ?? {};
      const secret = typeof body.session === 'string' ? body.session : '';
      const session = secret ? await findDeepLinkSession(db, secret) : undefined;
      const registration = session ? await findRegistrationById(db, session.registration_id) : undefined;
      if (!session || !registration || registration.status !== 'approved') {
        return fail(request, reply, 'deep-link-session', failureLocale(request));
      }
      const locale = session.locale;
      const texts = ltiTexts(locale);
      const [widget, ...rest] = (typeof body.item === 'string' ? body.item : '').split(':');
      const id = rest.join(':');
      const groups = await linkableContent(db, registration, locale, texts.messageBox);
      const chosen = Object.values(groups)
        .flat()
        .find((item) => item.widget === widget && item.id === id);
      if (!chosen || !(await isLinkable(db, registration, chosen.widget, chosen.id))) {
        return sendLtiPage(reply, 422, pickerPage(locale, secret, groups, texts.chooseOne));
      }
      if (!(await claimDeepLinkSession(db, session))) return fail(request, reply, 'deep-link-session', locale);
      const jwt = await signDeepLinkResponse(keys, registration, session, chosen, toolUrls(config.baseUrl!).targetLinkUrl);
      request.log.info({ lti: 'LtiDeepLinkingResponse', registrationId: registration.id, widget: chosen.widget }, 'LTI deep link chosen');
      return sendLtiPage(reply, 200, autoSubmitPage(locale, session.return_url, { JWT: jwt }), [new URL(session.return_url).origin]);
    });

    // ---- Dynamic registration ------------------------------------------------------------------------

    lti.get<{ Params: { organization: string }; Querystring: Fields }>(
      '/lti/register/:organization',
      { ...ltiPage, config: rateLimit },
      async (request, reply) => {
        const locale = failureLocale(request);
        const key = request.params.organization;
        const organization = await db
          .selectFrom('organizations')
          .select(['id', 'slug'])
          .where((eb) => eb.or([eb('slug', '=', key), eb('id', '=', key)]))
          .executeTakeFirst();
        const configUrl = request.query.openid_configuration;
        const problem = !organization
          ? 'No Tandem organization has this registration address.'
          : !configUrl
            ? 'The LMS did not send openid_configuration.'
            : undefined;
        if (problem || !organization || !configUrl) {
          request.log.warn({ lti: 'registration' }, `LTI dynamic registration refused: ${problem}`);
          return sendLtiPage(reply, problem?.startsWith('No Tandem') ? 404 : 400, registrationFailedPage(locale, problem ?? ''));
        }
        try {
          const row = await registerDynamically(db, config, organization.id, configUrl, request.query.registration_token);
          await recordAudit(
            db,
            { via: 'system', organizationId: organization.id },
            'lti.registration.register',
            { kind: 'lti-registration', id: row.id },
            {
              issuer: row.issuer,
              clientId: row.client_id,
            },
          );
          request.log.info({ lti: 'registration', registrationId: row.id }, 'LTI dynamic registration saved, waiting for approval');
          return sendLtiPage(reply, 200, registeredPage(locale));
        } catch (error) {
          if (!(error instanceof RegistrationError)) throw error;
          request.log.warn({ lti: 'registration', detail: error.message }, 'LTI dynamic registration failed');
          return sendLtiPage(reply, 502, registrationFailedPage(locale, error.message));
        }
      },
    );

    // ---- Public documents: JWKS, config, scripts, stylesheet -------------------------------------------

    lti.get('/lti/jwks', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .header('cache-control', 'public, max-age=300')
        .header('content-type', 'application/json; charset=utf-8')
        .send(await keys.publicJwks()),
    );

    lti.get('/lti/config.json', { schema: { hide: true } }, async (_request, reply) => {
      const base = requireBaseUrl();
      const urls = toolUrls(base);
      return reply.header('cache-control', 'public, max-age=300').send({
        title: 'Tandem',
        description: TOOL_DESCRIPTION,
        oidc_initiation_url: urls.loginUrl,
        target_link_uri: urls.targetLinkUrl,
        redirect_uris: [urls.redirectUrl],
        public_jwk_url: urls.jwksUrl,
        scopes: [NRPS_SCOPE],
        extensions: [
          {
            platform: 'canvas.instructure.com',
            domain: new URL(base).host,
            tool_id: CANVAS_TOOL_ID,
            privacy_level: CANVAS_PRIVACY,
            settings: {
              text: 'Tandem',
              // The same placements dynamic registration asks for.
              placements: DEEP_LINKING_PLACEMENTS.map((placement) => ({
                placement,
                message_type: 'LtiDeepLinkingRequest',
                target_link_uri: urls.deepLinkUrl,
              })),
            },
          },
        ],
        custom_fields: {},
      });
    });

    lti.get<{ Params: { file: string } }>('/lti/scripts/:file', { schema: { hide: true } }, (request, reply) => {
      const script = Object.hasOwn(LTI_SCRIPTS, request.params.file) ? LTI_SCRIPTS[request.params.file] : undefined;
      if (!script) return reply.code(404).type('text/plain; charset=utf-8').send('No such script.');
      return reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(script);
    });
    lti.get('/lti/lti.css', { schema: { hide: true } }, (_request, reply) =>
      reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(LTI_CSS),
    );

    // ---- Staff API ------------------------------------------------------------------------------------

    lti.route({
      ...staffRouteOptions('listLtiRegistrations', staff),
      handler: async (request) => {
        requireOrgAdmin(request);
        const { organizationId } = principalOf(request);
        const organization = await db.selectFrom('organizations').select('slug').where('id', '=', organizationId).executeTakeFirstOrThrow();
        const body: LtiRegistrationList = {
          tool: toolUrls(requireBaseUrl(), organization.slug),
          registrations: (await listRegistrations(db, organizationId)).map(toLtiRegistration),
        };
        return body;
      },
    });

    lti.route<{ Body: LtiRegistrationInput }>({
      ...staffRouteOptions('createLtiRegistration', staff),
      handler: async (request, reply) => {
        requireOrgAdmin(request);
        const principal = principalOf(request);
        const input = request.body;
        const errors = [];
        if (!(await schoolBelongsTo(db, input.schoolId, principal.organizationId))) {
          errors.push({ pointer: '/schoolId', code: 'invalid-option' as const, detail: 'No school with this id in your organization.' });
        }
        for (const field of ['authorizationEndpoint', 'tokenEndpoint', 'jwksUri'] as const) {
          const problem =
            field === 'authorizationEndpoint' ? browserUrlProblem(input[field]) : urlProblem(input[field], config.fetchPolicy);
          if (problem) errors.push({ pointer: `/${field}`, code: 'invalid-format' as const, detail: problem });
        }
        if (await registrationTaken(db, input.issuer.replace(/\/+$/, ''), input.clientId)) {
          errors.push({
            pointer: '/clientId',
            code: 'invalid-option' as const,
            detail: 'This issuer and client ID are already registered.',
          });
        }
        if (errors.length) throw validationProblem(errors);
        const row = await createManualRegistration(db, principal.organizationId, input);
        await recordAudit(
          db,
          principal,
          'lti.registration.create',
          { kind: 'lti-registration', id: row.id },
          { issuer: row.issuer, clientId: row.client_id },
          request.ip,
        );
        return reply.code(201).header('cache-control', 'no-store').send(toLtiRegistration(row));
      },
    });

    lti.route<{ Params: { registrationId: string }; Body: LtiApproval }>({
      ...staffRouteOptions('approveLtiRegistration', staff),
      handler: async (request) => {
        requireOrgAdmin(request);
        const principal = principalOf(request);
        const row = await findOwnedRegistration(db, principal.organizationId, request.params.registrationId);
        if (!row) throw notFound('No LMS registration with this id in your organization.');
        if (!(await schoolBelongsTo(db, request.body.schoolId, principal.organizationId))) {
          throw validationProblem([
            { pointer: '/schoolId', code: 'invalid-option', detail: 'No school with this id in your organization.' },
          ]);
        }
        // A dynamic registration may list no deployment (Canvas names it only in launches): the first valid
        // launch after approval records it, and from then on other deployments are refused as usual.
        const approved = await approveRegistration(db, row, request.body.schoolId);
        await recordAudit(
          db,
          principal,
          'lti.registration.approve',
          { kind: 'lti-registration', id: row.id },
          { schoolId: request.body.schoolId },
          request.ip,
        );
        return toLtiRegistration(approved);
      },
    });

    lti.route<{ Params: { registrationId: string } }>({
      ...staffRouteOptions('disableLtiRegistration', staff),
      handler: async (request) => {
        requireOrgAdmin(request);
        const principal = principalOf(request);
        const row = await findOwnedRegistration(db, principal.organizationId, request.params.registrationId);
        if (!row) throw notFound('No LMS registration with this id in your organization.');
        const disabled = await disableRegistration(db, row);
        await recordAudit(db, principal, 'lti.registration.disable', { kind: 'lti-registration', id: row.id }, undefined, request.ip);
        return toLtiRegistration(disabled);
      },
    });

    lti.route<{ Params: { contextId: string }; Body: LtiRosterImportInput }>({
      ...staffRouteOptions('importLtiRoster', staff),
      handler: async (request) => {
        const principal = principalOf(request);
        let query = db
          .selectFrom('lti_contexts as c')
          .innerJoin('lti_registrations as r', 'r.id', 'c.registration_id')
          .select(['c.registration_id', 'c.memberships_url', 'r.school_id'])
          .where('c.organization_id', '=', principal.organizationId)
          .where('r.organization_id', '=', principal.organizationId)
          .where('c.context_id', '=', request.params.contextId);
        if (request.body?.registrationId) query = query.where('c.registration_id', '=', request.body.registrationId);
        const contexts = await query.limit(2).execute();
        if (contexts.length === 0) throw notFound('No course with this id has been launched from your LMS yet.');
        if (contexts.length > 1) {
          throw validationProblem([
            {
              pointer: '/registrationId',
              code: 'required',
              detail: 'Two of your LMS registrations know a course with this id; name the registration.',
            },
          ]);
        }
        const context = contexts[0]!;
        if (!context.school_id || !actsInSchool(principal, context.school_id)) {
          throw forbidden('This course belongs to a school you are not a member of.');
        }
        if (!context.memberships_url) {
          throw new HttpProblem({
            status: 409,
            title: 'Conflict',
            detail: "This course's LMS did not offer its roster (Names and Role Provisioning) at launch.",
          });
        }
        const registration = await findRegistrationById(db, context.registration_id);
        if (!registration || registration.status !== 'approved')
          throw new HttpProblem({ status: 409, title: 'Conflict', detail: 'This LMS registration is not approved.' });
        try {
          const result = await importRoster(db, config, keys, registration, request.params.contextId, context.memberships_url);
          await recordAudit(
            db,
            principal,
            'lti.roster.import',
            { kind: 'lti-context', id: request.params.contextId },
            { members: result.members },
            request.ip,
          );
          return result;
        } catch (error) {
          // The LMS's failures (refusals, unreachable, timeouts) are a bad gateway; anything else is ours and a 500.
          const code = (error as { code?: unknown }).code;
          const network = typeof code === 'string' && /^E[A-Z]/.test(code);
          if (!(error instanceof OutboundError) && !network) throw error;
          request.log.warn({ err: error }, 'LTI roster import failed');
          throw new HttpProblem({ status: 502, title: 'The LMS did not give the roster', detail: (error as Error).message });
        }
      },
    });
  });

  return { keys, config };
}

/** The authorization endpoint is only ever opened by browsers, so it needs to be a web address, not a public one. */
function browserUrlProblem(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? undefined : 'Must be an http(s) address.';
  } catch {
    return 'Not a URL.';
  }
}

function isSecureOrigin(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
}
