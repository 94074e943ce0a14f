/** "Open now · closes at 5:00 PM" from the protocol's openStatus, with times in the family's locale. */
import { msg, str } from '@lit/localize';
import { openStatus, type LocalizedText, type PublicResource } from '@tandem/protocol';

/**
 * A wall-clock `HH:MM` in the family's format ("5:00 PM", "17:00"). Formatted as UTC on purpose: the time
 * is already the resource's local time, and no zone conversion may touch it. English backs up locales
 * a browser has no data for (Hmong).
 */
export function formatClock(time: string, locale: string): string {
  const at = Date.UTC(2000, 0, 1, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  return new Intl.DateTimeFormat([locale, 'en'], { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(at);
}

function weekdayName(date: string, locale: string): string {
  return new Intl.DateTimeFormat([locale, 'en'], { weekday: 'long', timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));
}

export interface OpenLine {
  open: boolean;
  /** "Open now" / "Closed". */
  state: string;
  /** "closes at 5:00 PM", "opens tomorrow at 9:00 AM"; empty when nothing more is known. */
  detail: string;
  /** Why it is closed today, when a listed closure says so ("Thanksgiving"). */
  reason?: LocalizedText | undefined;
  /** The day of that closure, which names its note among the resource's machine-translation marks. */
  closureDate?: string | undefined;
}

/** Undefined when the resource lists no hours: saying "closed" would be wrong. */
export function openLine(resource: PublicResource, locale: string, now: Date): OpenLine | undefined {
  if (!resource.schedule?.regular.length) return undefined;
  let status: ReturnType<typeof openStatus>;
  try {
    status = openStatus(resource.schedule, resource.timeZone, now);
  } catch {
    // A time zone this browser does not know: better no hours line than a card that fails to render.
    return undefined;
  }
  if (status.open) {
    const time = status.closesAt ? formatClock(status.closesAt, locale) : '';
    return {
      open: true,
      state: msg('Open now', { id: 'resource.open-now' }),
      detail: time ? msg(str`closes at ${time}`, { id: 'resource.closes-at' }) : '',
    };
  }
  const state = msg('Closed', { id: 'resource.closed' });
  const reason = status.closure?.note;
  const closureDate = status.closure?.date;
  const next = status.opensAt;
  if (!next) return { open: false, state, detail: '', reason, closureDate };
  const time = formatClock(next.time, locale);
  let detail: string;
  if (next.inDays === 0) detail = msg(str`opens today at ${time}`, { id: 'resource.opens-today' });
  else if (next.inDays === 1) detail = msg(str`opens tomorrow at ${time}`, { id: 'resource.opens-tomorrow' });
  else {
    const day = weekdayName(next.date, locale);
    detail = msg(str`opens ${day} at ${time}`, { id: 'resource.opens-on' });
  }
  return { open: false, state, detail, reason, closureDate };
}
