/** The seam through which families hear news (a waitlist place opened, staff replied); mail/email-notifications.ts delivers by email. */
import type { FastifyBaseLogger } from 'fastify';

export interface RsvpPromotion {
  rsvpId: string;
  eventId: string;
  sessionId: string;
  organizationId: string;
  schoolId: string;
  /** The language the family answered in, for the message they receive. */
  locale: string;
  email: string | null;
  phone: string | null;
  partySize: number;
}

/** Staff answered a family in the message box. */
export interface StaffReply {
  organizationId: string;
  schoolId: string;
  schoolName: string;
  conversationId: string;
  messageId: string;
  familyId: string;
  /** The family's language, for the message they receive. */
  locale: string;
  email: string | null;
  staffName: string;
}

export interface NotificationSink {
  /** A waitlisted family now holds a confirmed place. Called after the change is committed; errors are logged, never rethrown. */
  rsvpPromoted(promotion: RsvpPromotion): Promise<void> | void;
  /** Staff replied to a family. Called after the message is committed; errors are logged, never rethrown. */
  staffReplied?(reply: StaffReply): Promise<void> | void;
}

/** The default: records the promotion in the server log, without the family's contact details. */
export function loggingNotificationSink(log: FastifyBaseLogger): NotificationSink {
  return {
    rsvpPromoted: (p) => {
      log.info({ rsvpId: p.rsvpId, eventId: p.eventId, sessionId: p.sessionId }, 'waitlisted RSVP promoted to confirmed');
    },
    staffReplied: (r) => {
      log.info({ conversationId: r.conversationId, messageId: r.messageId }, 'staff replied to a family');
    },
  };
}
