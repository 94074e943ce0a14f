/** Session times with Intl: in the family's locale and the event's time zone, and in the viewer's own zone when it differs. */

export interface Span {
  startsAt: string;
  endsAt: string;
}

const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' };

/** Some browsers lack CLDR data for Hmong and others: English formats beat the engine's own default. */
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat([locale, 'en'], { ...options, timeZone });
}

function zonePart(locale: string, timeZone: string, at: string, style: 'long' | 'longOffset'): string | undefined {
  return formatter(locale, timeZone, { timeZoneName: style })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName')?.value;
}

/** "Wednesday, December 9, 5:00 – 6:15 PM CST", in `timeZone`. */
export function sessionTime(session: Span, locale: string, timeZone: string): string {
  return formatter(locale, timeZone, { ...DATE_TIME, timeZoneName: 'short' }).formatRange(
    new Date(session.startsAt),
    new Date(session.endsAt),
  );
}

/** The viewer's device zone (e.g. `Europe/Paris`). */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** True when the viewer's clock reads differently from the event's at the session's start (same offset, same clock). */
export function zoneDiffers(session: Span, eventZone: string, viewer = viewerZone()): boolean {
  return zonePart('en', eventZone, session.startsAt, 'longOffset') !== zonePart('en', viewer, session.startsAt, 'longOffset');
}

/** A zone's name in the family's language, e.g. "Central Standard Time". */
export function zoneName(locale: string, timeZone: string, at: string): string {
  return zonePart(locale, timeZone, at, 'long') ?? timeZone;
}
