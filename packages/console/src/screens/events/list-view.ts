/** The Events list: title, status, next session (in the event's own time zone) and places taken of capacity. */
import { msg, str } from '@lit/localize';
import { pickText, type TandemEvent } from '@tandem/protocol';
import { html, type TemplateResult } from 'lit';
import { renderContentList, renderStatus } from '../common/content-list.js';
import { statusLabel } from './events-messages.js';
import type { ConsoleEvents } from './events-screen.js';

/** A moment as the event's place tells time: "Mar 12, 2026, 5:00 PM CST". */
export function formatMoment(iso: string, timeZone: string, lang: string): string {
  try {
    return (
      new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone, timeZoneName: undefined }).format(new Date(iso)) +
      ` (${timeZone})`
    );
  } catch {
    return iso;
  }
}

/** The next session not yet over, else the last one. */
function nextSession(event: TandemEvent, now = Date.now()) {
  return event.sessions.find((s) => Date.parse(s.endsAt) > now) ?? event.sessions.at(-1);
}

export function placesText(taken: number, capacity: number | null): string {
  return capacity === null
    ? msg(str`${taken} taken, no limit`, { id: 'console.events.placesUnlimited' })
    : msg(str`${taken} of ${capacity}`, { id: 'console.events.places' });
}

function places(event: TandemEvent): string {
  const taken = event.sessions.reduce((sum, s) => sum + s.taken, 0);
  const unlimited = event.sessions.some((s) => s.capacity === null);
  return placesText(taken, unlimited ? null : event.sessions.reduce((sum, s) => sum + (s.capacity ?? 0), 0));
}

export function eventTitle(event: { title: Record<string, string>; defaultLocale: string }, lang: string): string {
  return pickText(event.title, lang, event.defaultLocale).text;
}

export function renderList(host: ConsoleEvents): TemplateResult {
  const lang = host.uiLocale;
  return renderContentList<TandemEvent>({
    headingId: 'events-heading',
    heading: msg('Events', { id: 'console.nav.events' }),
    create: { label: msg('New event', { id: 'console.events.new' }), href: '#/events/new' },
    items: host.events ?? [],
    loadingText: msg('Loading…', { id: 'console.events.loading' }),
    emptyText: msg('No events yet. Create one to invite families.', { id: 'console.events.empty' }),
    keyOf: (event) => event.id,
    itemHeader: msg('Title', { id: 'console.events.col.title' }),
    itemCell: (event) => html`<a href="#/events/${event.id}">${eventTitle(event, lang)}</a>`,
    columns: [
      { header: msg('Status', { id: 'console.events.col.status' }), cell: (e) => renderStatus(e.status, statusLabel(e.status)) },
      {
        header: msg('Next session', { id: 'console.events.col.next' }),
        cell: (e) => {
          const next = nextSession(e);
          return next ? formatMoment(next.startsAt, e.timeZone, lang) : '';
        },
      },
      { header: msg('Places taken', { id: 'console.events.col.places' }), cell: places },
      {
        header: msg('Actions', { id: 'console.events.col.actions' }),
        hiddenHeader: true,
        cell: (e) =>
          html`<a
            href="#/events/${e.id}/attendance"
            aria-label=${msg(str`Attendance: ${eventTitle(e, lang)}`, { id: 'console.events.attendanceOf' })}
            >${msg('Attendance', { id: 'console.events.attendance' })}</a
          >`,
      },
    ],
  });
}
