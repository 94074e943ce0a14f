/** The seam through which families hear news (a waitlist place opened); the message issue plugs in real delivery. */
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

export interface NotificationSink {
  /** A waitlisted family now holds a confirmed place. Called after the change is committed; errors are logged, never rethrown. */
  rsvpPromoted(promotion: RsvpPromotion): Promise<void> | void;
}

/** The default: records the promotion in the server log, without the family's contact details. */
export function loggingNotificationSink(log: FastifyBaseLogger): NotificationSink {
  return {
    rsvpPromoted: (p) => {
      log.info({ rsvpId: p.rsvpId, eventId: p.eventId, sessionId: p.sessionId }, 'waitlisted RSVP promoted to confirmed');
    },
  };
}
