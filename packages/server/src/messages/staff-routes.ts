/** The staff side of messaging: inbox across their schools, threads, replies, read receipts, office hours and the inbox stream. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  MESSAGE_PAGE_SIZE,
  type FieldError,
  type MessageInput,
  type OfficeHours,
  type ReadInput,
  type SchoolMessaging,
  type SchoolMessagingInput,
  type StaffMessagingInput,
} from '@tandem/protocol';
import { authenticateSession, bearerTokenOf, principalForTicketSubject, principalOf, requireStaff } from '../auth.js';
import { recordAudit } from '../console-auth/audit.js';
import type { AppContext } from '../context.js';
import { csvDocument } from '../csv.js';
import { findFamily } from '../identity/families.js';
import { notFound, unauthorized, validationProblem } from '../problems.js';
import { staffRouteOptions } from '../routes/route-schema.js';
import { authenticateToken, schoolBelongsTo, type TokenPrincipal } from '../store/organizations.js';
import { forbidden, NO_MATCH, staffCanSee, staffReader, type StaffReader } from './access.js';
import type { Messaging } from './messaging.js';
import { isKnownTimeZone, parseOfficeHours } from './office-hours.js';
import { serveStream } from './realtime.js';
import { sendMessage } from './send.js';
import { findConversation, markRead, messagePage } from './store.js';
import { createStreamTicket, redeemStreamTicket, staffStreamSource } from './stream-sources.js';
import { presentConversations, presentMessages, schoolMessagingInfo } from './views.js';

type ConversationParams = { conversationId: string };
type PageQuery = { before?: string; lang?: string };

const conversationNotFound = () => notFound('No conversation with this id in your schools.');

function checkHours(hours: OfficeHours | undefined, pointer: string): FieldError[] {
  if (!hours || isKnownTimeZone(hours.timeZone)) return [];
  return [{ pointer: `${pointer}/timeZone`, code: 'invalid-option', detail: 'Not a known IANA time zone, e.g. America/Chicago.' }];
}

export function registerStaffMessageRoutes(app: FastifyInstance, ctx: AppContext, messaging: Messaging): void {
  const db = ctx.database.db;
  const dialect = ctx.database.dialect;
  const preHandler = requireStaff(db);

  const readerOf = (request: FastifyRequest) => staffReader(db, principalOf(request));
  const visibleConversation = async (reader: StaffReader, id: string) => {
    const row = await findConversation(db, reader.organizationId, id);
    if (!row || !staffCanSee(reader, row)) throw conversationNotFound();
    return row;
  };
  const ownSchool = async (organizationId: string, schoolId: string) => {
    if (!(await schoolBelongsTo(db, schoolId, organizationId))) throw notFound('No school with this id in your organization.');
  };

  app.route<{ Querystring: { lang?: string; studentId?: string } }>({
    ...staffRouteOptions('getInbox', preHandler),
    handler: async (request, reply) => {
      const reader = await readerOf(request);
      if (reader.schoolIds.length === 0) return { items: [] };
      let query = db
        .selectFrom('conversations')
        .selectAll()
        .where('organization_id', '=', reader.organizationId)
        .where('school_id', 'in', reader.schoolIds);
      if (reader.role !== 'admin') {
        query = query.where((eb) => eb.or([eb('staff_user_id', 'is', null), eb('staff_user_id', '=', reader.staffUserId ?? NO_MATCH)]));
      }
      if (request.query.studentId !== undefined) query = query.where('student_id', '=', request.query.studentId);
      const items = await presentConversations(db, await query.execute(), 'staff');
      // Unread first, then the most recent.
      items.sort(
        (a, b) =>
          Number(b.unread > 0) - Number(a.unread > 0) ||
          (b.lastMessage?.seq ?? 0) - (a.lastMessage?.seq ?? 0) ||
          b.createdAt.localeCompare(a.createdAt),
      );
      reply.header('cache-control', 'no-store');
      return { items };
    },
  });

  app.route<{ Params: ConversationParams; Querystring: PageQuery }>({
    ...staffRouteOptions('listStaffMessages', preHandler),
    handler: async (request, reply) => {
      const reader = await readerOf(request);
      const conversation = await visibleConversation(reader, request.params.conversationId);
      const before = request.query.before === undefined ? undefined : Number(request.query.before);
      const page = await messagePage(db, conversation.id, before, MESSAGE_PAGE_SIZE);
      const items = await presentMessages(db, messaging.translator, page.rows, 'staff', request.query.lang ?? reader.locale);
      reply.header('cache-control', 'no-store');
      return { items, hasMore: page.hasMore, ...(page.hasMore && items.length ? { before: items[0]!.seq } : {}) };
    },
  });

  app.route<{ Params: ConversationParams; Body: MessageInput }>({
    ...staffRouteOptions('sendStaffMessage', preHandler),
    handler: async (request, reply) => {
      const reader = await readerOf(request);
      const conversation = await visibleConversation(reader, request.params.conversationId);
      if (!reader.staffUserId)
        throw forbidden('Replies need an API token that belongs to a staff member (tandem-server token create --staff EMAIL).');
      const result = await sendMessage(ctx, messaging, request, reply, conversation, {
        kind: 'staff',
        id: reader.staffUserId,
        name: reader.name,
        scope: `staff-message:${reader.tokenId}`,
      });
      if (result.sent && ctx.notifications.staffReplied) {
        try {
          const family = await findFamily(db, conversation.organization_id, conversation.family_id);
          const school = (await schoolMessagingInfo(db, [conversation.school_id])).get(conversation.school_id);
          if (family) {
            await ctx.notifications.staffReplied({
              organizationId: conversation.organization_id,
              schoolId: conversation.school_id,
              schoolName: school?.name ?? '',
              conversationId: conversation.id,
              messageId: result.sent.id,
              familyId: family.id,
              locale: family.locale,
              email: family.email,
              staffName: reader.name,
            });
          }
        } catch (error) {
          request.log.error({ err: error, conversationId: conversation.id }, 'notifying the family of a reply failed');
        }
      }
      return result.reply;
    },
  });

  app.route<{ Params: ConversationParams; Body: ReadInput }>({
    ...staffRouteOptions('markStaffRead', preHandler),
    handler: async (request) => {
      const reader = await readerOf(request);
      const conversation = await visibleConversation(reader, request.params.conversationId);
      const state = await markRead(db, dialect, conversation, 'staff', request.body.upToSeq);
      if (state.changed) messaging.hub.poke();
      return { conversationId: conversation.id, readerKind: 'staff', lastReadSeq: state.lastReadSeq, readAt: state.readAt };
    },
  });

  // Schools keep the record: staff cannot delete messages, and an admin can take a thread out whole.
  app.route<{ Params: ConversationParams }>({
    ...staffRouteOptions('exportConversation', preHandler, { successContentType: 'text/csv' }),
    handler: async (request, reply) => {
      const reader = await readerOf(request);
      if (reader.role !== 'admin') throw forbidden('Only an organization admin exports a thread.');
      const conversation = await visibleConversation(reader, request.params.conversationId);
      const rows = await db
        .selectFrom('messages')
        .select(['seq', 'created_at', 'sender_kind', 'sender_name', 'locale', 'body'])
        .where('conversation_id', '=', conversation.id)
        .orderBy('seq')
        .execute();
      await recordAudit(db, principalOf(request), 'conversation.exported', { kind: 'conversation', id: conversation.id });
      const csv = csvDocument([
        ['Seq', 'Sent at', 'From', 'Name', 'Language', 'Message'],
        ...rows.map((r) => [String(r.seq), r.created_at, r.sender_kind, r.sender_name, r.locale, r.body]),
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="conversation-${conversation.id}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  });

  app.route<{ Params: { schoolId: string }; Body: SchoolMessagingInput }>({
    ...staffRouteOptions('setSchoolMessaging', preHandler),
    handler: async (request): Promise<SchoolMessaging> => {
      const { organizationId, role } = principalOf(request);
      if (role !== 'admin') throw forbidden("Only an organization admin sets a school's office hours and notice.");
      await ownSchool(organizationId, request.params.schoolId);
      const input = request.body;
      const errors = checkHours(input.officeHours, '/officeHours');
      if (errors.length) throw validationProblem(errors);
      const values = {
        office_name: input.officeName?.trim() || null,
        emergency_notice: input.emergencyNotice ? JSON.stringify(input.emergencyNotice) : null,
        office_hours: input.officeHours ? JSON.stringify(input.officeHours) : null,
        updated_at: new Date().toISOString(),
      };
      await db
        .insertInto('school_messaging')
        .values({ school_id: request.params.schoolId, organization_id: organizationId, ...values })
        .onConflict((oc) => oc.column('school_id').doUpdateSet(values))
        .execute();
      const info = (await schoolMessagingInfo(db, [request.params.schoolId])).get(request.params.schoolId)!;
      return {
        schoolId: request.params.schoolId,
        officeName: info.officeName,
        ...(info.emergencyNotice ? { emergencyNotice: info.emergencyNotice } : {}),
        ...(info.officeHours ? { officeHours: info.officeHours } : {}),
      };
    },
  });

  // Read back what the console's forms set, so a save never blanks what the form did not show.
  app.route<{ Params: { schoolId: string } }>({
    ...staffRouteOptions('getSchoolMessaging', preHandler),
    handler: async (request, reply): Promise<SchoolMessaging> => {
      const { organizationId } = principalOf(request);
      await ownSchool(organizationId, request.params.schoolId);
      const row = await db
        .selectFrom('school_messaging')
        .select('office_name')
        .where('school_id', '=', request.params.schoolId)
        .executeTakeFirst();
      const info = (await schoolMessagingInfo(db, [request.params.schoolId])).get(request.params.schoolId)!;
      reply.header('cache-control', 'no-store');
      return {
        schoolId: request.params.schoolId,
        // The name as set; families see a default ("<school> office") when none is.
        officeName: row?.office_name ?? '',
        ...(info.emergencyNotice ? { emergencyNotice: info.emergencyNotice } : {}),
        ...(info.officeHours ? { officeHours: info.officeHours } : {}),
      };
    },
  });

  app.route<{ Params: { schoolId: string; staffUserId: string } }>({
    ...staffRouteOptions('getStaffMessaging', preHandler),
    handler: async (request, reply) => {
      const reader = await readerOf(request);
      const { schoolId, staffUserId } = request.params;
      if (reader.role !== 'admin' && reader.staffUserId !== staffUserId) throw forbidden('You can only see your own office hours.');
      await ownSchool(reader.organizationId, schoolId);
      const row = await db
        .selectFrom('staff_school_members as m')
        .innerJoin('staff_users as u', 'u.id', 'm.staff_user_id')
        .select(['u.name', 'm.office_hours'])
        .where('m.school_id', '=', schoolId)
        .where('m.staff_user_id', '=', staffUserId)
        .where('m.organization_id', '=', reader.organizationId)
        .executeTakeFirst();
      if (!row) throw notFound('This staff member is not a member of this school.');
      const officeHours = parseOfficeHours(row.office_hours);
      reply.header('cache-control', 'no-store');
      return { schoolId, staffUserId, name: row.name, ...(officeHours ? { officeHours } : {}) };
    },
  });

  app.route<{ Params: { schoolId: string; staffUserId: string }; Body: StaffMessagingInput }>({
    ...staffRouteOptions('setStaffMessaging', preHandler),
    handler: async (request) => {
      const reader = await readerOf(request);
      const { schoolId, staffUserId } = request.params;
      // Staff set their own hours; admins anyone's.
      if (reader.role !== 'admin' && reader.staffUserId !== staffUserId) throw forbidden('You can only set your own office hours.');
      await ownSchool(reader.organizationId, schoolId);
      const staff = await db
        .selectFrom('staff_users')
        .select(['id', 'name'])
        .where('id', '=', staffUserId)
        .where('organization_id', '=', reader.organizationId)
        .executeTakeFirst();
      if (!staff) throw notFound('No staff member with this id in your organization.');
      const errors = checkHours(request.body.officeHours, '/officeHours');
      if (errors.length) throw validationProblem(errors);
      const hours = request.body.officeHours ? JSON.stringify(request.body.officeHours) : null;
      if (reader.role === 'admin') {
        await db
          .insertInto('staff_school_members')
          .values({
            school_id: schoolId,
            staff_user_id: staffUserId,
            organization_id: reader.organizationId,
            office_hours: hours,
            created_at: new Date().toISOString(),
          })
          .onConflict((oc) => oc.columns(['school_id', 'staff_user_id']).doUpdateSet({ office_hours: hours }))
          .execute();
      } else {
        // Membership decides which schools' conversations staff read, so only an admin grants it; staff
        // change the hours of a school they already belong to.
        const updated = await db
          .updateTable('staff_school_members')
          .set({ office_hours: hours })
          .where('school_id', '=', schoolId)
          .where('staff_user_id', '=', staffUserId)
          .where('organization_id', '=', reader.organizationId)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw notFound('You are not a member of this school; an admin can add you.');
      }
      const officeHours = parseOfficeHours(hours);
      return { schoolId, staffUserId, name: staff.name, ...(officeHours ? { officeHours } : {}) };
    },
  });

  app.route({
    ...staffRouteOptions('createInboxStreamTicket', preHandler),
    handler: async (request, reply) => {
      const { organizationId, tokenId } = principalOf(request);
      reply.code(201).header('cache-control', 'no-store');
      return createStreamTicket(db, { organizationId, subjectKind: 'staff', subjectId: tokenId });
    },
  });

  app.route<{ Querystring: { ticket?: string; lang?: string } }>({
    ...staffRouteOptions('inboxStream', async () => {}),
    handler: async (request: FastifyRequest<{ Querystring: { ticket?: string; lang?: string } }>, reply: FastifyReply) => {
      let principal: TokenPrincipal | undefined;
      const bearer = bearerTokenOf(request);
      if (bearer) principal = await authenticateToken(db, bearer);
      else if (request.query.ticket) {
        const ticket = await redeemStreamTicket(db, request.query.ticket, 'staff');
        if (ticket) principal = await principalForTicketSubject(db, request, ticket);
      } else principal = await authenticateSession(db, request); // the console's EventSource sends its cookie
      if (!principal)
        throw unauthorized('Open the stream with "Authorization: Bearer <API token>" or a fresh ?ticket= from stream-tickets.');
      const reader = await staffReader(db, principal);
      const source = staffStreamSource(db, messaging.translator, reader, request.query.lang ?? reader.locale);
      await serveStream(messaging.hub, request, reply, source, { heartbeatMs: messaging.heartbeatMs });
    },
  });
}
