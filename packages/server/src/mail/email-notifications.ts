/** A NotificationSink that emails families who left an address, on top of another sink (the log). */
import type { NotificationSink, RsvpPromotion, StaffReply } from '../notifications.js';
import { emailTexts } from './email-texts.js';
import type { Mailer } from './mailer.js';

export function emailNotificationSink(mailer: Mailer, inner: NotificationSink): NotificationSink {
  return {
    rsvpPromoted: async (p: RsvpPromotion) => {
      await inner.rsvpPromoted(p);
      if (!p.email) return;
      const t = emailTexts(p.locale);
      await mailer.send({ to: p.email, subject: t.promotedSubject, text: t.promotedBody });
    },
    staffReplied: async (r: StaffReply) => {
      await inner.staffReplied?.(r);
      if (!r.email) return;
      const t = emailTexts(r.locale);
      await mailer.send({ to: r.email, subject: t.replySubject(r.staffName), text: t.replyBody(r.staffName, r.schoolName) });
    },
  };
}
