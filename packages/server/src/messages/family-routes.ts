/** The family side of the message box: home, conversations, threads, sending, read receipts and the event stream. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MESSAGE_PAGE_SIZE, type ConversationInput, type FamilyHome, type MessageInput, type ReadInput } from '@tandem/protocol';
import type { AppContext } from '../context.js';
import { findFamily, schoolsOfFamily, studentsOf, toFamilyProfile, type FamilyRow } from '../identity/families.js';
import { activeSession } from '../identity/family-sessions.js';
import { bearerTokenOf } from '../auth.js';
import { authenticateFamily, type FamilyPrincipal } from '../identity/family-sessions.js';
import { notFound, unauthorized, validationProblem } from '../problems.js';
import { familyOf, familyRouteOptions, requireFamily } from './access.js';
import type { Messaging } from './messaging.js';
import { availabilityOf, parseOfficeHours } from './office-hours.js';
import { serveStream } from './realtime.js';
import { sendMessage } from './send.js';
import { findConversation, markRead, messagePage, openConversation } from './store.js';
import { createStreamTicket, familyStreamSource, redeemStreamTicket } from './stream-sources.js';
import { presentConversations, presentMessages, schoolMessagingInfo } from './views.js';

type ConversationParams = { conversationId: string };
type PageQuery = { before?: string; lang?: string };

const conversationNotFound = () => notFound('No conversation with this id for this family.');

export function registerFamilyMessageRoutes(app: FastifyInstance, ctx: AppContext, messaging: Messaging): void {
  const db = ctx.database.db;
  const dialect = ctx.database.dialect;
  const preHandler = requireFamily(db);
  // Per family, not per IP: a school's families often share one network.
  const sendLimit =
    ctx.rateLimitPerMinute > 0
      ? {
          rateLimit: {
            max: ctx.rateLimitPerMinute,
            timeWindow: '1 minute',
            keyGenerator: (r: FastifyRequest) => `family:${bearerTokenOf(r) ?? r.ip}`,
          },
        }
      : {};

  const familyRow = async (principal: FamilyPrincipal): Promise<FamilyRow> => {
    const row = await findFamily(db, principal.organizationId, principal.familyId);
    if (!row) throw unauthorized('This family no longer exists.');
    return row;
  };
  const ownConversation = async (principal: FamilyPrincipal, id: string) => {
    const row = await findConversation(db, principal.organizationId, id);
    if (!row || row.family_id !== principal.familyId) throw conversationNotFound();
    return row;
  };

  app.route({
    ...familyRouteOptions('getFamilyHome', preHandler),
    handler: async (request, reply): Promise<FamilyHome> => {
      const family = await familyRow(familyOf(request));
      const schoolIds = await schoolsOfFamily(db, family);
      const info = await schoolMessagingInfo(db, schoolIds);
      const members = schoolIds.length
        ? await db
            .selectFrom('staff_school_members as m')
            .innerJoin('staff_users as u', 'u.id', 'm.staff_user_id')
            .select(['m.school_id', 'm.staff_user_id', 'm.office_hours', 'u.name'])
            .where('m.school_id', 'in', schoolIds)
            .where('m.organization_id', '=', family.organization_id)
            .orderBy('u.name')
            .execute()
        : [];
      reply.header('cache-control', 'no-store');
      return {
        family: await toFamilyProfile(db, family),
        schools: schoolIds
          .filter((id) => info.has(id))
          .map((id) => {
            const school = info.get(id)!;
            return {
              id,
              name: school.name,
              ...(school.emergencyNotice ? { emergencyNotice: school.emergencyNotice } : {}),
              contacts: [
                { kind: 'office' as const, name: school.officeName, availability: availabilityOf(school.officeHours) },
                ...members
                  .filter((m) => m.school_id === id)
                  .map((m) => ({
                    kind: 'staff' as const,
                    id: m.staff_user_id,
                    name: m.name,
                    availability: availabilityOf(parseOfficeHours(m.office_hours)),
                  })),
              ],
            };
          }),
      };
    },
  });

  app.route<{ Querystring: { studentId?: string } }>({
    ...familyRouteOptions('listFamilyConversations', preHandler),
    handler: async (request, reply) => {
      const { familyId, organizationId } = familyOf(request);
      const rows = await db
        .selectFrom('conversations')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('organization_id', '=', organizationId)
        .$if(request.query.studentId !== undefined, (qb) => qb.where('student_id', '=', request.query.studentId!))
        .execute();
      const items = await presentConversations(db, rows, 'family');
      items.sort((a, b) => (b.lastMessage?.seq ?? 0) - (a.lastMessage?.seq ?? 0) || b.createdAt.localeCompare(a.createdAt));
      reply.header('cache-control', 'no-store');
      return { items };
    },
  });

  app.route<{ Body: ConversationInput }>({
    ...familyRouteOptions('openFamilyConversation', preHandler),
    handler: async (request, reply) => {
      const principal = familyOf(request);
      const family = await familyRow(principal);
      const { schoolId, staffUserId, studentId } = request.body;
      if (!(await schoolsOfFamily(db, family)).includes(schoolId)) {
        throw validationProblem([{ pointer: '/schoolId', code: 'invalid-option', detail: "Not one of this family's schools." }]);
      }
      if (staffUserId !== undefined) {
        const member = await db
          .selectFrom('staff_school_members')
          .select('staff_user_id')
          .where('school_id', '=', schoolId)
          .where('staff_user_id', '=', staffUserId)
          .where('organization_id', '=', principal.organizationId)
          .executeTakeFirst();
        if (!member)
          throw validationProblem([
            { pointer: '/staffUserId', code: 'invalid-option', detail: 'No staff member with this id takes messages at this school.' },
          ]);
      }
      let student: { id: string; name: string } | undefined;
      if (studentId !== undefined) {
        student = (await studentsOf(db, family.id)).find((s) => s.id === studentId);
        if (!student)
          throw validationProblem([{ pointer: '/studentId', code: 'invalid-option', detail: "Not one of this family's students." }]);
      }
      const { row } = await openConversation(db, {
        organizationId: principal.organizationId,
        schoolId,
        familyId: family.id,
        staffUserId: staffUserId ?? null,
        ...(student ? { student: { id: student.id, name: student.name } } : {}),
      });
      reply.header('cache-control', 'no-store');
      return (await presentConversations(db, [row], 'family'))[0];
    },
  });

  app.route<{ Params: ConversationParams; Querystring: PageQuery }>({
    ...familyRouteOptions('listFamilyMessages', preHandler),
    handler: async (request, reply) => {
      const principal = familyOf(request);
      const conversation = await ownConversation(principal, request.params.conversationId);
      const family = await familyRow(principal);
      const before = request.query.before === undefined ? undefined : Number(request.query.before);
      const page = await messagePage(db, conversation.id, before, MESSAGE_PAGE_SIZE);
      const items = await presentMessages(db, messaging.translator, page.rows, 'family', request.query.lang ?? family.locale);
      reply.header('cache-control', 'no-store');
      return { items, hasMore: page.hasMore, ...(page.hasMore && items.length ? { before: items[0]!.seq } : {}) };
    },
  });

  app.route<{ Params: ConversationParams; Body: MessageInput }>({
    ...familyRouteOptions('sendFamilyMessage', preHandler),
    bodyLimit: ctx.publicBodyLimit,
    config: sendLimit,
    handler: async (request, reply) => {
      const principal = familyOf(request);
      const conversation = await ownConversation(principal, request.params.conversationId);
      const family = await familyRow(principal);
      const result = await sendMessage(ctx, messaging, request, reply, conversation, {
        kind: 'family',
        id: family.id,
        name: family.name,
        scope: `family-message:${family.id}`,
      });
      return result.reply;
    },
  });

  app.route<{ Params: ConversationParams; Body: ReadInput }>({
    ...familyRouteOptions('markFamilyRead', preHandler),
    handler: async (request) => {
      const principal = familyOf(request);
      const conversation = await ownConversation(principal, request.params.conversationId);
      const state = await markRead(db, dialect, conversation, 'family', request.body.upToSeq);
      if (state.changed) messaging.hub.poke();
      return { conversationId: conversation.id, readerKind: 'family', lastReadSeq: state.lastReadSeq, readAt: state.readAt };
    },
  });

  app.route({
    ...familyRouteOptions('createFamilyStreamTicket', preHandler),
    handler: async (request, reply) => {
      const { organizationId, sessionId } = familyOf(request);
      reply.code(201).header('cache-control', 'no-store');
      return createStreamTicket(db, { organizationId, subjectKind: 'family', subjectId: sessionId });
    },
  });

  // EventSource cannot send headers, so this route takes a ticket instead of (or besides) the bearer token.
  app.route<{ Querystring: { ticket?: string; lang?: string } }>({
    ...familyRouteOptions('familyStream', async () => {}),
    handler: async (request: FastifyRequest<{ Querystring: { ticket?: string; lang?: string } }>, reply: FastifyReply) => {
      let principal: FamilyPrincipal | undefined;
      const bearer = bearerTokenOf(request);
      if (bearer) principal = await authenticateFamily(db, bearer);
      else if (request.query.ticket) {
        const ticket = await redeemStreamTicket(db, request.query.ticket, 'family');
        const session = ticket ? await activeSession(db, ticket.subjectId) : undefined;
        principal = session && session.organizationId === ticket!.organizationId ? session : undefined;
      }
      if (!principal)
        throw unauthorized('Open the stream with "Authorization: Bearer <access token>" or a fresh ?ticket= from stream-tickets.');
      const family = await familyRow(principal);
      const source = familyStreamSource(db, messaging.translator, { ...principal, locale: request.query.lang ?? family.locale });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) if (typeof value === 'string') headers[name] = value;
      await serveStream(messaging.hub, request, reply, source, { heartbeatMs: messaging.heartbeatMs, headers });
    },
  });
}
