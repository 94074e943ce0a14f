/** When a reply can be expected: office hours (a weekly schedule in the owner's zone) read at a moment. */
import { openStatus, type Availability, type OfficeHours } from '@tandem/protocol';

export function parseOfficeHours(json: string | null): OfficeHours | undefined {
  return json ? (JSON.parse(json) as OfficeHours) : undefined;
}

export function availabilityOf(hours: OfficeHours | undefined, now: Date = new Date()): Availability {
  if (!hours || hours.schedule.regular.length === 0) return { open: true, hoursSet: false };
  const status = openStatus(hours.schedule, hours.timeZone, now);
  return {
    open: status.open,
    hoursSet: true,
    timeZone: hours.timeZone,
    ...(status.opensAt ? { nextOpening: status.opensAt } : {}),
  };
}

/** A zone Intl knows; an unknown one would make every later availability check throw. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
