/** Words of the Events screen that more than one view uses: statuses, needs, field errors. */
import { msg, str } from '@lit/localize';
import type { EventNeed, EventStatus } from '@tandem/protocol';
import { CAPACITY_MAX, type Problem } from './event-draft.js';

export function statusLabel(status: EventStatus): string {
  switch (status) {
    case 'draft':
      return msg('Draft', { id: 'console.events.status.draft' });
    case 'published':
      return msg('Published', { id: 'console.events.status.published' });
    case 'cancelled':
      return msg('Cancelled', { id: 'console.events.status.cancelled' });
  }
}

export function needLabel(need: EventNeed): string {
  switch (need) {
    case 'interpreter':
      return msg('Interpreter', { id: 'console.events.need.interpreter' });
    case 'childcare':
      return msg('Childcare', { id: 'console.events.need.childcare' });
    case 'transportation':
      return msg('Transportation', { id: 'console.events.need.transportation' });
    case 'accessibility':
      return msg('Accessibility', { id: 'console.events.need.accessibility' });
  }
}

/** A field's problem in the person's language. */
export function problemText(problem: Problem): string {
  const { pointer, code } = problem;
  if (pointer === '/title') return msg('Give the event a title in the default language.', { id: 'console.events.error.title' });
  if (pointer === '/timeZone')
    return msg('This is not a time zone we know. Use a name like America/Chicago.', { id: 'console.events.error.timeZone' });
  if (pointer === '/onlineUrl') return msg('Enter a link that starts with https://', { id: 'console.events.error.url' });
  if (pointer === '/sessions') return msg('Add at least one session.', { id: 'console.events.error.noSessions' });
  if (pointer.endsWith('/capacity'))
    return msg(str`Enter a whole number from 1 to ${CAPACITY_MAX}, or leave it empty for no limit.`, {
      id: 'console.events.error.capacity',
    });
  if (pointer.endsWith('/endsAt') && code === 'out-of-range')
    return msg('The session must end after it starts.', { id: 'console.events.error.endBeforeStart' });
  if (pointer.endsWith('/startsAt')) return msg('Enter the date and time the session starts.', { id: 'console.events.error.start' });
  if (pointer.endsWith('/endsAt')) return msg('Enter the date and time the session ends.', { id: 'console.events.error.end' });
  return msg('Check this field.', { id: 'console.events.error.field' });
}

export const checkFieldsMessage = () =>
  msg('Some of this could not be saved. Check the marked fields.', { id: 'console.events.error.checkFields' });

export const bookedSessionMessage = () =>
  msg('A session that families have answered cannot be removed. Keep it, or cancel the event.', {
    id: 'console.events.error.sessionBooked',
  });
