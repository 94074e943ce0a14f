/** The console's sign-in routes: sign in and out, the session, password change and reset, and the audit log. */
import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AUDIT_PAGE_MAX,
  type AuditQuery,
  type FieldError,
  type PasswordChange,
  type PasswordResetCompletion,
  type PasswordResetRequest,
  type RouteName,
  type SignInRequest,
} from '@tandem/protocol';
import {
  authenticateSession,
  checkCsrf,
  forbiddenProblem,
  principalOf,
  requireStaff,
  sessionSecretOf,
  type StaffPrincipal,
} from '../auth.js';
import type { AppContext } from '../context.js';
import type { Mailer } from '../mail/mailer.js';
import { unauthorized, validationProblem } from '../problems.js';
import { routeOptions, staffRouteOptions } from '../routes/route-schema.js';
import { hashPassword, verifyPassword } from '../secrets.js';
import { auditPage, recordAudit } from './audit.js';
import { membershipsOf } from './school-scope.js';
import { consoleAuthConfig, isCrossSite, type ConsoleAuthConfig, type ConsoleAuthOptions } from './config.js';
import { completePasswordReset, sendPasswordReset } from './password-reset.js';
import { pruneConsoleCredentials } from './prune.js';
import { consoleSessionView } from './session-view.js';
import { createSession, revokeSession, revokeUserSessions } from './sessions.js';
import { clearFailures, countAttempt, forgiveAttempt, recordFailure, throttledFor, tooManyAttempts } from './throttle.js';

export interface ConsoleAuthSetup {
  mailer: Mailer;
  publicUrl: string | undefined;
  options?: ConsoleAuthOptions;
}

/** Reset emails per address per hour; more are silently dropped, so nobody can flood a staff inbox. */
const RESET_EMAILS_PER_HOUR = 3;

/** Console routes are same-origin only: no CORS grant, like staff routes. */
const consoleRoute = (name: RouteName) => ({ ...routeOptions(name), config: { cors: false } });

const signInRefused = () => unauthorized('The email or password is not right.');

export async function registerConsoleAuth(app: FastifyInstance, ctx: AppContext, setup: ConsoleAuthSetup): Promise<void> {
  const db = ctx.database.db;
  const config = consoleAuthConfig(setup.options ?? {}, setup.publicUrl);
  await app.register(fastifyCookie);
  app.decorate('consoleAuth', config);
  const preHandler = requireStaff(db);
  const prune = () =>
    pruneConsoleCredentials(db, config.throttleWindowMs).catch((error: unknown) =>
      app.log.warn({ err: error }, 'pruning console sessions failed'),
    );
  const pruneTimer = setInterval(prune, 6 * 3600_000).unref();
  app.addHook('onClose', async () => clearInterval(pruneTimer));

  // Unknown emails are checked against this hash, so they take as long as a wrong password does.
  let decoyHash: Promise<string> | undefined;
  const decoy = () => (decoyHash ??= hashPassword(randomBytes(18).toString('base64url')));

  const setSessionCookie = (reply: FastifyReply, secret: string) =>
    reply.setCookie(config.cookieName, secret, { ...cookieFlags(config), maxAge: Math.floor(config.absoluteTimeoutMs / 1000) });
  const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(config.cookieName, cookieFlags(config));
  const sameSiteOnly = (request: FastifyRequest) => {
    if (isCrossSite(config, request)) throw forbiddenProblem('This request came from another site; use the console on its own address.');
  };
  const session = async (request: FastifyRequest): Promise<StaffPrincipal> => {
    const principal = await authenticateSession(db, request);
    if (!principal)
      throw unauthorized(sessionSecretOf(request) ? 'Your console session ended; sign in again.' : 'Sign in to the console first.');
    checkCsrf(request, principal);
    return principal;
  };
  const failInBackground = (what: string) => (error: unknown) => app.log.warn({ err: error }, `${what} failed`);

  app.route<{ Body: SignInRequest }>({
    ...consoleRoute('signIn'),
    handler: async (request, reply) => {
      sameSiteOnly(request);
      const email = request.body.email.trim().toLowerCase();
      const rules = [
        { key: `account:${email}`, limit: config.accountFailureLimit },
        { key: `ip:${request.ip}`, limit: config.ipFailureLimit },
      ];
      const wait = await throttledFor(db, rules, config.throttleWindowMs);
      if (wait > 0) throw tooManyAttempts(wait);
      // Counted before the password check, so parallel guesses cannot all slip under the limit.
      const over = await countAttempt(db, rules, config.throttleWindowMs);
      if (over > 0) throw tooManyAttempts(over);
      const user = await db
        .selectFrom('staff_users')
        .select(['id', 'organization_id', 'password_hash'])
        .where('email', '=', email)
        .executeTakeFirst();
      const matches = await verifyPassword(request.body.password, user?.password_hash ?? (await decoy()));
      if (!user || !matches) {
        // Written after the answer is decided and not awaited, so a known email answers no slower than an unknown one.
        if (user) {
          void recordAudit(
            db,
            { via: 'system', organizationId: user.organization_id, staffUserId: user.id },
            'session.sign-in-failed',
            undefined,
            undefined,
            request.ip,
          ).catch(failInBackground('auditing a failed sign-in'));
        }
        throw signInRefused();
      }
      await clearFailures(db, `account:${email}`);
      await forgiveAttempt(db, `ip:${request.ip}`);
      // A session this browser still held (another account, or an older sign-in) ends: one browser, one session.
      const previous = await authenticateSession(db, request);
      if (previous?.sessionId) await revokeSession(db, previous.sessionId, 'replaced');
      const created = await createSession(db, config, {
        organizationId: user.organization_id,
        staffUserId: user.id,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      await recordAudit(
        db,
        { via: 'session', organizationId: user.organization_id, staffUserId: user.id, tokenId: `session:${created.id}` },
        'session.signed-in',
        { kind: 'session', id: created.id },
        undefined,
        request.ip,
      );
      setSessionCookie(reply, created.secret).header('cache-control', 'no-store');
      const now = new Date().toISOString();
      return consoleSessionView(
        db,
        config,
        { organizationId: user.organization_id, staffUserId: user.id, lastSeenAt: now, expiresAt: created.expiresAt },
        created.secret,
      );
    },
  });

  app.route({
    ...consoleRoute('getSession'),
    handler: async (request, reply) => {
      const principal = await authenticateSession(db, request);
      if (!principal) {
        if (sessionSecretOf(request)) clearSessionCookie(reply);
        throw unauthorized(sessionSecretOf(request) ? 'Your console session ended; sign in again.' : 'Sign in to the console first.');
      }
      const row = await db
        .selectFrom('staff_sessions')
        .select(['last_seen_at', 'expires_at'])
        .where('id', '=', principal.sessionId!)
        .executeTakeFirstOrThrow();
      reply.header('cache-control', 'no-store');
      return consoleSessionView(
        db,
        config,
        {
          organizationId: principal.organizationId,
          staffUserId: principal.staffUserId!,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
        },
        principal.sessionSecret!,
      );
    },
  });

  app.route({
    ...consoleRoute('signOut'),
    handler: async (request, reply) => {
      const principal = await authenticateSession(db, request);
      if (principal) {
        checkCsrf(request, principal);
        await revokeSession(db, principal.sessionId!, 'signed-out');
        await recordAudit(db, principal, 'session.signed-out', { kind: 'session', id: principal.sessionId! }, undefined, request.ip);
      }
      // Signing out of an ended session still clears the browser's cookie.
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  });

  app.route({
    ...consoleRoute('signOutEverywhere'),
    handler: async (request, reply) => {
      const principal = await session(request);
      const ended = await revokeUserSessions(db, principal.staffUserId!, 'signed-out-everywhere');
      await recordAudit(
        db,
        principal,
        'session.signed-out-everywhere',
        { kind: 'staff-user', id: principal.staffUserId! },
        { sessions: ended },
        request.ip,
      );
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  });

  app.route<{ Body: PasswordChange }>({
    ...consoleRoute('changePassword'),
    handler: async (request, reply) => {
      const principal = await session(request);
      const user = await db
        .selectFrom('staff_users')
        .select(['email', 'password_hash'])
        .where('id', '=', principal.staffUserId!)
        .executeTakeFirstOrThrow();
      const rule = { key: `account:${user.email}`, limit: config.accountFailureLimit };
      const wait = await throttledFor(db, [rule], config.throttleWindowMs);
      if (wait > 0) throw tooManyAttempts(wait);
      const over = await countAttempt(db, [rule], config.throttleWindowMs);
      if (over > 0) throw tooManyAttempts(over);
      if (!(await verifyPassword(request.body.currentPassword, user.password_hash))) {
        throw validationProblem([{ pointer: '/currentPassword', code: 'invalid', detail: 'This is not your current password.' }]);
      }
      await clearFailures(db, rule.key);
      await db
        .updateTable('staff_users')
        .set({ password_hash: await hashPassword(request.body.newPassword) })
        .where('id', '=', principal.staffUserId!)
        .execute();
      // A reset link mailed before the change must not undo it.
      await db
        .updateTable('password_reset_tokens')
        .set({ used_at: new Date().toISOString() })
        .where('staff_user_id', '=', principal.staffUserId!)
        .where('used_at', 'is', null)
        .execute();
      // Whoever else held a session (a lost laptop, a shared computer) is out; this browser stays signed in.
      const ended = await revokeUserSessions(db, principal.staffUserId!, 'password-changed', principal.sessionId);
      await recordAudit(
        db,
        principal,
        'password.changed',
        { kind: 'staff-user', id: principal.staffUserId! },
        { otherSessionsEnded: ended },
        request.ip,
      );
      return reply.code(204).send();
    },
  });

  app.route<{ Body: PasswordResetRequest }>({
    ...consoleRoute('requestPasswordReset'),
    handler: async (request, reply) => {
      sameSiteOnly(request);
      const email = request.body.email.trim().toLowerCase();
      const publicUrl = config.publicUrl;
      // The answer is the same whether or not the email is a staff member's, and is sent before any work on
      // it, so neither its content nor its timing tells.
      reply.code(202).header('cache-control', 'no-store').send({ status: 'accepted' });
      if (!publicUrl) {
        app.log.warn('A password reset was asked for, but TANDEM_PUBLIC_URL is not set, so no link can be sent.');
        return reply;
      }
      const key = `reset:${email}`;
      const work = async () => {
        if ((await throttledFor(db, [{ key, limit: RESET_EMAILS_PER_HOUR }], 3600_000)) > 0) return;
        await recordFailure(db, [key], 3600_000);
        if (await sendPasswordReset(db, setup.mailer, publicUrl, email)) {
          const user = await db
            .selectFrom('staff_users')
            .select(['id', 'organization_id'])
            .where('email', '=', email)
            .executeTakeFirstOrThrow();
          await recordAudit(
            db,
            { via: 'system', organizationId: user.organization_id, staffUserId: user.id },
            'password.reset-requested',
            { kind: 'staff-user', id: user.id },
            undefined,
            request.ip,
          );
        }
      };
      void work().catch(failInBackground('sending a password reset'));
      return reply;
    },
  });

  app.route<{ Body: PasswordResetCompletion }>({
    ...consoleRoute('completePasswordReset'),
    handler: async (request, reply) => {
      sameSiteOnly(request);
      const done = await completePasswordReset(db, request.body.token, request.body.password);
      if (!done) {
        throw validationProblem([
          { pointer: '/token', code: 'expired', detail: 'This reset link was used already or has expired; ask for a new one.' },
        ]);
      }
      const ended = await revokeUserSessions(db, done.staffUserId, 'password-reset');
      await clearFailures(db, `account:${done.email}`);
      await recordAudit(
        db,
        { via: 'system', organizationId: done.organizationId, staffUserId: done.staffUserId },
        'password.reset',
        { kind: 'staff-user', id: done.staffUserId },
        { sessionsEnded: ended },
        request.ip,
      );
      return reply.code(204).send();
    },
  });

  /**
   * The audit log, newest first, a page at a time (`?before=` the previous page's `next`), filtered by
   * `actor` (id or email), `action` (exact, or a kind such as `survey`) and `from`/`to` (instants or UTC days,
   * both inclusive). Who reads what: organization admins (and admin API tokens) read every entry; a school
   * admin reads the entries about the schools they administer (their content, and their staff's sign-ins
   * and account changes), not organization-wide ones; other staff get 403, since the log names colleagues
   * and the families' data they took out.
   */
  app.route<{ Querystring: AuditQuery }>({
    ...staffRouteOptions('listAudit', preHandler),
    handler: async (request, reply) => {
      const principal = principalOf(request);
      let schoolIds: string[] | undefined;
      if (principal.role !== 'admin' || principal.schoolIds !== undefined) {
        const administered = principal.staffUserId
          ? (await membershipsOf(db, principal.organizationId, principal.staffUserId)).filter((m) => m.role === 'admin')
          : [];
        if (administered.length === 0) throw forbiddenProblem('Only organization and school admins read the audit log.');
        schoolIds = administered.map((m) => m.schoolId);
      }
      const { before, actor, action, from, to } = request.query;
      const range = auditRange(from, to);
      const limit = Math.min(AUDIT_PAGE_MAX, Math.max(1, Number(request.query.limit ?? 50)));
      reply.header('cache-control', 'no-store');
      return auditPage(db, principal.organizationId, {
        limit,
        ...(before ? { before } : {}),
        ...(actor ? { actor } : {}),
        ...(action ? { action } : {}),
        ...range,
        ...(schoolIds ? { schoolIds } : {}),
      });
    },
  });
}

/** `from`/`to` as stored instants: a day runs from its start (UTC) through its end; 422 for impossible dates. */
function auditRange(from: string | undefined, to: string | undefined): { from?: string; toExclusive?: string } {
  const errors: FieldError[] = [];
  const instant = (value: string, name: 'from' | 'to'): string | undefined => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const time = new Date(day ? `${value}T00:00:00.000Z` : value);
    if (Number.isNaN(time.getTime()) || (day && time.toISOString().slice(0, 10) !== value)) {
      errors.push({
        pointer: `/querystring/${name}`,
        code: 'invalid-format',
        detail: 'Give a real date (YYYY-MM-DD) or an ISO 8601 time.',
      });
      return undefined;
    }
    // `to` includes its whole day, or its very instant (stored times have milliseconds).
    if (name === 'to') time.setTime(time.getTime() + (day ? 86_400_000 : 1));
    return time.toISOString();
  };
  const range = {
    ...(from ? { from: instant(from, 'from') } : {}),
    ...(to ? { toExclusive: instant(to, 'to') } : {}),
  };
  if (errors.length > 0) throw validationProblem(errors);
  return range as { from?: string; toExclusive?: string };
}

/**
 * HttpOnly: page scripts never see the secret. SameSite=Strict: the console loads as a page and then asks the
 * API from its own origin, so the cookie is never needed on a request another site starts. Path=/ and no
 * Domain, as the `__Host-` prefix requires.
 */
function cookieFlags(config: ConsoleAuthConfig) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.secureCookie };
}
