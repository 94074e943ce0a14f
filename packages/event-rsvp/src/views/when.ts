/** A session's time (event zone, plus the viewer's own when it differs) and how many places it has left. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PublicEvent, PublicEventSession } from '@tandem/protocol';
import { sessionTime, viewerZone, zoneDiffers, zoneName } from '../event-time.js';

export function renderTime(session: PublicEventSession, event: PublicEvent, locale: string): TemplateResult {
  const own = viewerZone();
  const local = zoneDiffers(session, event.timeZone, own) ? sessionTime(session, locale, own) : undefined;
  return html`<span class="time">${sessionTime(session, locale, event.timeZone)}</span>${
      local ? html`<span class="local-time">${msg(str`Your time: ${local}`, { id: 'rsvp.your-time' })}</span>` : nothing
    }`;
}

/** Said once above the times when the viewer's clock differs from the event's. */
export function renderZoneNote(event: PublicEvent, locale: string): TemplateResult | typeof nothing {
  const first = event.sessions.find((s) => !s.past) ?? event.sessions[0];
  if (!first || !zoneDiffers(first, event.timeZone)) return nothing;
  const zone = zoneName(locale, event.timeZone, first.startsAt);
  return html`<p class="note zone-note">
    ${msg(str`Times are in the event's time zone, ${zone}. Your device is set to a different time zone.`, { id: 'rsvp.zone-note' })}
  </p>`;
}

/** "12 places left", "Full — join the waitlist", "This time has passed"; nothing when places are unlimited. */
export function remainingText(session: PublicEventSession): string | undefined {
  const left = session.remaining;
  if (session.past) return msg('This time has passed', { id: 'rsvp.session-past' });
  if (left === null) return undefined;
  if (left === 0 || session.waitlistOpen) return msg('Full — join the waitlist', { id: 'rsvp.full' });
  return left === 1 ? msg('1 place left', { id: 'rsvp.one-place-left' }) : msg(str`${left} places left`, { id: 'rsvp.places-left' });
}

export function renderRemaining(session: PublicEventSession): TemplateResult | typeof nothing {
  const text = remainingText(session);
  return text ? html`<span part="remaining" class="remaining" data-full=${session.remaining === 0}>${text}</span>` : nothing;
}
