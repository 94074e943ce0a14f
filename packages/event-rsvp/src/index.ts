/** @tandem/event-rsvp: the school event RSVP widget. Import `@tandem/event-rsvp/tandem-event-rsvp.js` to define the tag. */
export { TandemEventRsvp } from './event-rsvp.js';
export type { RsvpPhase } from './rsvp-phase.js';
export { TandemRsvpChangedEvent, TandemRsvpErrorEvent, type RsvpChangedDetail } from './event-rsvp.events.js';
export { rsvpStyles } from './rsvp-form.styles.js';
export { googleCalendarUrl, outlookCalendarUrl, type CalendarEntry } from './calendar-links.js';
