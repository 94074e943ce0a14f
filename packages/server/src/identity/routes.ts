/** Identity routes: identity-site keys, families and invite codes for staff; sign-in, refresh and sign-out for families. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  formatInviteCode,
  type EmailLinkRequest,
  type EmailLinkSessionRequest,
  type FamilyInput,
  type FamilySession,
  type IdentityKeyInput,
  type IdentitySessionRequest,
  type InviteInput,
  type InviteSessionRequest,
  type RefreshSessionRequest,
} from '@tandem/protocol';
import { principalOf, requireStaff } from '../auth.js';
import type { AppContext } from '../context.js';
import { emailTexts } from '../mail/email-texts.js';
import { familyOf, familyRouteOptions, forbidden, requireFamily } from '../messages/access.js';
import type { Messaging } from '../messages/messaging.js';
import { HttpProblem, notFound, unauthorized, validationProblem } from '../problems.js';
import { idempotencyKeyOf, replay } from '../routes/public-surveys.js';
import { routeOptions, staffRouteOptions } from '../routes/route-schema.js';
import { canonicalJson, sha256Hex } from '../secrets.js';
import { findStoredResult, toRow } from '../store/idempotency.js';
import { findOrganizationBySlug, schoolBelongsTo } from '../store/organizations.js';
import { createFamily, findFamily, toFamily, toFamilyProfile } from './families.js';
import { refreshFamilySession, revokeFamilySession, startFamilySession, type IssuedTokens } from './family-sessions.js';
import { createIdentityKey, listIdentityKeys, revokeIdentityKey, toIdentityKey, validateIdentityKey } from './identity-keys.js';
import {
  createEmailLink,
  createInvite,
  EMAIL_LINK_WINDOW_MS,
  EMAIL_LINKS_PER_ADDRESS,
  emailLinksSince,
  redeemEmailLink,
  redeemInviteCode,
} from './invites.js';

const notAccepted = (what: string) => unauthorized(`${what} was not accepted: it is unknown, used up or expired.`);

export function registerIdentityRoutes(app: FastifyInstance, ctx: AppContext, messaging: Messaging): void {
  const db = ctx.database.db;
  const staff = requireStaff(db);
  const rateLimit = ctx.rateLimitPerMinute > 0 ? { rateLimit: { max: ctx.rateLimitPerMinute, timeWindow: '1 minute' } } : {};

  const requireAdmin = (request: FastifyRequest) => {
    if (principalOf(request).role !== 'admin') throw forbidden('Only an organization admin manages identity keys.');
  };

  /** Runs a staff create once per Idempotency-Key: a retry replays the first answer. */
  const idempotentCreate = async (request: FastifyRequest, reply: FastifyReply, scope: string, create: () => Promise<unknown>) => {
    const key = idempotencyKeyOf(request, false);
    const requestHash = sha256Hex(canonicalJson(request.body));
    if (key) {
      const stored = await findStoredResult(db, scope, key, requestHash);
      if (stored) return replay(reply, stored);
    }
    const body = JSON.stringify(await create());
    if (key) {
      await db
        .insertInto('idempotency_keys')
        .values(toRow({ scope, key, requestHash, statusCode: 201, body, createdAt: new Date().toISOString() }))
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .execute();
    }
    return reply.code(201).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
  };

  const sessionAnswer = async (reply: FastifyReply, code: number, tokens: IssuedTokens, organizationId: string, familyId: string) => {
    const family = await findFamily(db, organizationId, familyId);
    if (!family) throw unauthorized('This family no longer exists.');
    const body: FamilySession = {
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      refreshToken: tokens.refreshToken,
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
      family: await toFamilyProfile(db, family),
    };
    return reply.code(code).header('cache-control', 'no-store').send(body);
  };

  // ---- Staff: identity keys, families, invites ----------------------------------------------

  app.route({
    ...staffRouteOptions('listIdentityKeys', staff),
    handler: async (request) => ({ items: (await listIdentityKeys(db, principalOf(request).organizationId)).map(toIdentityKey) }),
  });

  app.route<{ Body: IdentityKeyInput }>({
    ...staffRouteOptions('createIdentityKey', staff),
    handler: async (request, reply) => {
      requireAdmin(request);
      const { organizationId } = principalOf(request);
      const errors = validateIdentityKey(request.body, (url) => messaging.identityVerifier.jwksUrlProblem(url));
      if (errors.length) throw validationProblem(errors);
      return idempotentCreate(request, reply, `identity-key:${organizationId}`, async () =>
        toIdentityKey(await createIdentityKey(db, messaging.serverKey, organizationId, request.body)),
      );
    },
  });

  app.route<{ Params: { keyId: string } }>({
    ...staffRouteOptions('revokeIdentityKey', staff),
    handler: async (request) => {
      requireAdmin(request);
      const row = await revokeIdentityKey(db, principalOf(request).organizationId, request.params.keyId);
      if (!row) throw notFound('No identity key with this id in your organization.');
      return toIdentityKey(row);
    },
  });

  app.route<{ Body: FamilyInput }>({
    ...staffRouteOptions('createFamily', staff),
    handler: async (request, reply) => {
      // Families, their contacts and their sign-in codes are an admin's to manage: a code signs in as the
      // family and reads every conversation it has, including those with other staff.
      requireAdmin(request);
      const { organizationId } = principalOf(request);
      const input = request.body;
      if (!(await schoolBelongsTo(db, input.schoolId, organizationId))) {
        throw validationProblem([{ pointer: '/schoolId', code: 'invalid-option', detail: 'No school with this id in your organization.' }]);
      }
      return idempotentCreate(request, reply, `create-family:${organizationId}`, async () =>
        toFamily(db, await createFamily(db, organizationId, { ...input, schoolId: input.schoolId })),
      );
    },
  });

  app.route<{ Params: { familyId: string } }>({
    ...staffRouteOptions('getFamily', staff),
    handler: async (request) => {
      requireAdmin(request);
      const row = await findFamily(db, principalOf(request).organizationId, request.params.familyId);
      if (!row) throw notFound('No family with this id in your organization.');
      return toFamily(db, row);
    },
  });

  app.route<{ Body: InviteInput }>({
    ...staffRouteOptions('createInvite', staff),
    handler: async (request, reply) => {
      requireAdmin(request);
      const { organizationId } = principalOf(request);
      const input = request.body;
      const errors = [];
      if (!(await schoolBelongsTo(db, input.schoolId, organizationId))) {
        errors.push({ pointer: '/schoolId', code: 'invalid-option', detail: 'No school with this id in your organization.' });
      }
      if ((input.familyId === undefined) === (input.className === undefined)) {
        errors.push({ pointer: '/familyId', code: 'required', detail: 'Give either familyId (one family) or className (a whole class).' });
      } else if (input.familyId !== undefined && !(await findFamily(db, organizationId, input.familyId))) {
        errors.push({ pointer: '/familyId', code: 'invalid-option', detail: 'No family with this id in your organization.' });
      }
      if (errors.length) throw validationProblem(errors);
      // The code is in the answer only once; a replay under the same key would have to show it again, so invites are not replayed.
      const { row, code } = await createInvite(db, {
        organizationId,
        schoolId: input.schoolId,
        ...(input.familyId ? { familyId: input.familyId } : {}),
        ...(input.className ? { className: input.className } : {}),
        maxUses: input.maxUses ?? (input.familyId ? 1 : 40),
        expiresInDays: input.expiresInDays ?? 30,
      });
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          id: row.id,
          code: formatInviteCode(code),
          schoolId: input.schoolId,
          ...(row.family_id ? { familyId: row.family_id } : {}),
          ...(row.class_name ? { className: row.class_name } : {}),
          maxUses: row.max_uses,
          uses: row.uses,
          expiresAt: row.expires_at,
          createdAt: row.created_at,
        });
    },
  });

  // ---- Families: sign in, refresh, sign out --------------------------------------------------

  app.route<{ Body: IdentitySessionRequest }>({
    ...routeOptions('createIdentitySession'),
    config: rateLimit,
    handler: async (request, reply) => {
      const organization = await findOrganizationBySlug(db, request.body.organization);
      const verified = organization ? await ctx.identityVerifier.verify(request.body.identityToken, organization.id) : null;
      if (!organization || !verified) throw unauthorized('The identity token was not accepted for this organization.');
      const tokens = await startFamilySession(db, {
        organizationId: organization.id,
        familyId: verified.familyId,
        via: 'identity',
        identityKeyId: verified.identityKeyId,
      });
      return sessionAnswer(reply, 201, tokens, organization.id, verified.familyId);
    },
  });

  app.route<{ Body: EmailLinkRequest }>({
    ...routeOptions('requestEmailLink'),
    config: rateLimit,
    handler: async (request, reply) => {
      const { organization: slug, email, locale, returnUrl } = request.body;
      // Checked before anything else, so the answer says nothing about whether the address is known.
      if (returnUrl !== undefined && !messaging.mayReturnTo(returnUrl)) {
        throw validationProblem([
          {
            pointer: '/returnUrl',
            code: 'invalid-option',
            detail: 'Sign-in links only lead to sites the server allows (TANDEM_SIGN_IN_ORIGINS).',
          },
        ]);
      }
      if (returnUrl === undefined && !messaging.publicUrl) {
        throw new HttpProblem({
          status: 503,
          title: 'Email sign-in is not set up',
          detail: 'This server has no public address (TANDEM_PUBLIC_URL) to put in a sign-in link; send a returnUrl instead.',
        });
      }
      const organization = await findOrganizationBySlug(db, slug);
      const family = organization
        ? await db
            .selectFrom('families')
            .selectAll()
            .where('organization_id', '=', organization.id)
            .where('email', '=', email.trim().toLowerCase())
            .orderBy('created_at')
            .executeTakeFirst()
        : undefined;
      // The same answer whether or not the address is known, so nobody can probe which families are registered.
      const limited =
        family !== undefined &&
        (await emailLinksSince(db, family.id, new Date(Date.now() - EMAIL_LINK_WINDOW_MS))) >= EMAIL_LINKS_PER_ADDRESS;
      if (limited) {
        // Still 202 below: a different answer would tell that the address belongs to a family.
        request.log.info(
          { familyId: family.id },
          `sign-in link not sent: this address already got ${EMAIL_LINKS_PER_ADDRESS} in the last ${EMAIL_LINK_WINDOW_MS / 60_000} minutes`,
        );
      } else if (organization && family) {
        const { token } = await createEmailLink(db, { organizationId: organization.id, familyId: family.id, returnUrl });
        const base = returnUrl ?? `${messaging.publicUrl!.replace(/\/$/, '')}/family/sign-in`;
        const link = `${base.split('#')[0]}#tandem-sign-in=${token}`;
        const texts = emailTexts(locale);
        try {
          await messaging.mailer.send({ to: family.email!, subject: texts.signInSubject(organization.name), text: texts.signInBody(link) });
        } catch (error) {
          request.log.error({ err: error }, 'sending a sign-in email failed');
        }
      }
      return reply.code(202).header('cache-control', 'no-store').send({ status: 'accepted' });
    },
  });

  app.route<{ Body: EmailLinkSessionRequest }>({
    ...routeOptions('createEmailLinkSession'),
    config: rateLimit,
    handler: async (request, reply) => {
      const invite = await redeemEmailLink(db, request.body.token.trim());
      if (!invite?.family_id) throw notAccepted('This sign-in link');
      const tokens = await startFamilySession(db, {
        organizationId: invite.organization_id,
        familyId: invite.family_id,
        via: 'email-link',
      });
      return sessionAnswer(reply, 201, tokens, invite.organization_id, invite.family_id);
    },
  });

  app.route<{ Body: InviteSessionRequest }>({
    ...routeOptions('createInviteSession'),
    config: rateLimit,
    handler: async (request, reply) => {
      const body = request.body;
      const invite = await redeemInviteCode(db, body.code, (row) => {
        if (row.kind === 'class' && !body.name) {
          throw validationProblem([{ pointer: '/name', code: 'required', detail: 'A class code asks for your name.' }]);
        }
      });
      if (!invite) throw notAccepted('This invite code');
      let familyId = invite.family_id;
      if (!familyId) {
        const family = await createFamily(db, invite.organization_id, {
          schoolId: invite.school_id,
          name: body.name!,
          locale: body.locale ?? 'en',
          students: body.studentName
            ? [
                {
                  id: `student-${sha256Hex(`${invite.id}:${body.name}:${body.studentName}:${Date.now()}`).slice(0, 16)}`,
                  name: body.studentName,
                },
              ]
            : [],
          ...(invite.class_name ? { className: invite.class_name } : {}),
        });
        familyId = family.id;
      } else if (body.locale) {
        await db
          .updateTable('families')
          .set({ locale: body.locale, updated_at: new Date().toISOString() })
          .where('id', '=', familyId)
          .execute();
      }
      const tokens = await startFamilySession(db, { organizationId: invite.organization_id, familyId, via: 'invite' });
      return sessionAnswer(reply, 201, tokens, invite.organization_id, familyId);
    },
  });

  app.route<{ Body: RefreshSessionRequest }>({
    ...routeOptions('refreshFamilySession'),
    config: rateLimit,
    handler: async (request, reply) => {
      const outcome = await refreshFamilySession(db, request.body.refreshToken.trim());
      if ('refused' in outcome) {
        if (outcome.refused === 'reused') {
          request.log.warn('a used refresh token was presented again; the family session was ended');
          throw unauthorized('This refresh token was already used, so the session was ended for safety. Sign in again.');
        }
        throw unauthorized('This refresh token is not valid or expired. Sign in again.');
      }
      return sessionAnswer(reply, 200, outcome.tokens, outcome.principal.organizationId, outcome.principal.familyId);
    },
  });

  app.route({
    ...familyRouteOptions('signOutFamily', requireFamily(db)),
    handler: async (request, reply) => {
      await revokeFamilySession(db, familyOf(request).sessionId, 'signed-out');
      return reply.code(204).send();
    },
  });
}
