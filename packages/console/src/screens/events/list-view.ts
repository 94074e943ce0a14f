/** The Events list: title, status, next session (in the event's own time zone) and places taken of capacity. */
import { msg, str } from '@lit/localize';
import { pickText, type TandemEvent } from '@tandem/protocol';
import { html, type TemplateResult } from 'lit';
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
  const events = host.events ?? [];
  return html`<section aria-labelledby="events-heading">
    <div class="row">
      <h1 id="events-heading" tabindex="-1">${msg('Events', { id: 'console.nav.events' })}</h1>
      <a class="button button--primary" href="#/events/new">${msg('New event', { id: 'console.events.new' })}</a>
    </div>
    ${
      events.length === 0
        ? html`<p>${msg('No events yet. Create one to invite families.', { id: 'console.events.empty' })}</p>`
        : html`<div class="table-wrap">
            <table>
              <caption class="visually-hidden">
                ${msg('Events', { id: 'console.nav.events' })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Title', { id: 'console.events.col.title' })}</th>
                  <th scope="col">${msg('Status', { id: 'console.events.col.status' })}</th>
                  <th scope="col">${msg('Next session', { id: 'console.events.col.next' })}</th>
                  <th scope="col">${msg('Places taken', { id: 'console.events.col.places' })}</th>
                  <th scope="col"><span class="visually-hidden">${msg('Actions', { id: 'console.events.col.actions' })}</span></th>
                </tr>
              </thead>
              <tbody>
                ${events.map((event) => {
                  const next = nextSession(event);
                  const title = eventTitle(event, lang);
                  return html`<tr data-event=${event.id}>
                    <th scope="row"><a href="#/events/${event.id}">${title}</a></th>
                    <td>${statusLabel(event.status)}</td>
                    <td>${next ? formatMoment(next.startsAt, event.timeZone, lang) : ''}</td>
                    <td>${places(event)}</td>
                    <td>
                      <a
                        href="#/events/${event.id}/attendance"
                        aria-label=${msg(str`Attendance: ${title}`, { id: 'console.events.attendanceOf' })}
                        >${msg('Attendance', { id: 'console.events.attendance' })}</a
                      >
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}
