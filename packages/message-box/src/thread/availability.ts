/** "Ms. Rivera is out of office hours; expect a reply Monday 8:00 AM CST": the next opening, in the reader's language, on the contact's clock. */
import { msg, str } from '@lit/localize';
import type { Availability } from '@tandem/protocol';

/** Milliseconds `timeZone` is ahead of UTC at `instant`. */
function zoneOffset(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute')) - Math.floor(instant / 60000) * 60000;
}

/** The moment a wall-clock date and time in `timeZone` happens. */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  const first = wall - zoneOffset(timeZone, wall);
  // Once more, in case the first guess fell on the other side of a DST change.
  return wall - zoneOffset(timeZone, first);
}

/** When the next opening is, e.g. "Monday 8:00 AM CST", or undefined when the contact gave no hours or is open now. */
export function nextOpeningText(availability: Availability | undefined, locale: string): string | undefined {
  const next = availability?.nextOpening;
  if (!availability || availability.open || !availability.hoursSet || !next || !availability.timeZone) return undefined;
  try {
    const instant = zonedInstant(next.date, next.time, availability.timeZone);
    return new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: availability.timeZone,
      timeZoneName: 'short',
    }).format(instant);
  } catch {
    return `${next.date} ${next.time}`;
  }
}

export function availabilityNotice(name: string, availability: Availability | undefined, locale: string): string | undefined {
  const when = nextOpeningText(availability, locale);
  if (!when) return undefined;
  return msg(str`${name} is out of office hours; expect a reply ${when}.`, { id: 'messages.out-of-office' });
}
