/**
 * Attendance of one event: RSVP counts per session, the needs the school must arrange (per session and overall),
 * the waitlist in order, the CSV; and the door check-in, sized for a phone.
 */
import { msg, str } from '@lit/localize';
import { localeDisplayName } from '@tandem/core';
import type { Attendee, NeedsSummary } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsoleEvents } from './events-screen.js';
import { eventTitle, formatMoment, placesText } from './list-view.js';

/** What staff call a family: the names it gave, else its contact. */
export function familyName(a: Attendee): string {
  const names = a.names.filter((n) => n.trim());
  if (names.length) return names.join(', ');
  return a.contact.email ?? a.contact.phone ?? msg('A family without a name', { id: 'console.events.unnamed' });
}

const count = (list: Attendee[], status: Attendee['status']) => list.filter((a) => a.status === status).length;

function renderNeeds(summary: NeedsSummary, attendees: Attendee[], headingId: string, heading: string): TemplateResult {
  const confirmed = attendees.filter((a) => a.status === 'confirmed');
  const ages = confirmed.flatMap((a) => a.needs.childcare?.ages ?? []).sort((x, y) => x - y);
  const notes = confirmed.filter((a) => a.needs.accessibility?.trim());
  return html`<section aria-labelledby=${headingId} data-needs=${headingId}>
    <h3 id=${headingId}>${heading}</h3>
    <div class="needs">
      <div data-need="interpreter">
        <h4>${msg('Interpreters', { id: 'console.events.needs.interpreters' })}</h4>
        ${
          summary.interpreter.length
            ? html`<ul class="plain">
                ${summary.interpreter.map(
                  (i) =>
                    html`<li>
                      ${msg(str`${localeDisplayName(i.language)}: ${i.families} families`, { id: 'console.events.needs.interpreterLine' })}
                    </li>`,
                )}
              </ul>`
            : html`<p>${msg('None asked for.', { id: 'console.events.needs.none' })}</p>`
        }
      </div>
      <div data-need="childcare">
        <h4>${msg('Childcare', { id: 'console.events.need.childcare' })}</h4>
        <p>
          ${msg(str`${summary.childcare.children} children from ${summary.childcare.families} families`, {
            id: 'console.events.needs.childcareLine',
          })}
        </p>
        ${ages.length ? html`<p>${msg(str`Ages: ${ages.join(', ')}`, { id: 'console.events.needs.ages' })}</p>` : nothing}
      </div>
      <div data-need="transportation">
        <h4>${msg('Rides', { id: 'console.events.needs.rides' })}</h4>
        <p>${msg(str`${summary.transportation.families} families need a ride`, { id: 'console.events.needs.ridesLine' })}</p>
      </div>
      <div data-need="accessibility">
        <h4>${msg('Accessibility', { id: 'console.events.need.accessibility' })}</h4>
        ${
          notes.length
            ? html`<ul class="plain">
                ${notes.map((a) => html`<li><span dir="auto">${a.needs.accessibility}</span> — ${familyName(a)}</li>`)}
              </ul>`
            : html`<p>${msg('None asked for.', { id: 'console.events.needs.none' })}</p>`
        }
      </div>
    </div>
  </section>`;
}

export function renderAttendance(host: ConsoleEvents): TemplateResult {
  const event = host.event!;
  const data = host.attendance!;
  const lang = host.uiLocale;
  const title = eventTitle(event, lang);
  const when = (id: string) => {
    const s = event.sessions.find((x) => x.id === id);
    return s ? formatMoment(s.startsAt, event.timeZone, lang) : id;
  };
  return html`<section aria-labelledby="attendance-heading">
    <p><a href="#/events">${msg('Back to events', { id: 'console.events.back' })}</a></p>
    <h1 id="attendance-heading" tabindex="-1">${msg(str`Attendance: ${title}`, { id: 'console.events.attendanceOf' })}</h1>
    ${host.errors['form'] ? html`<p class="alert" role="alert" tabindex="-1">${host.errors['form']}</p>` : nothing}
    <div class="actions">
      <a class="button button--primary" href="#/events/${event.id}/check-in">${msg('Door check-in', { id: 'console.events.checkIn' })}</a>
      <button class="button" type="button" id="csv" @click=${() => host.downloadCsv()}>
        ${msg('Download CSV', { id: 'console.events.csv' })}
      </button>
      <a class="button" href="#/events/${event.id}">${msg('Edit event', { id: 'console.events.editTitle' })}</a>
    </div>
    <h2>${msg('Answers per session', { id: 'console.events.counts' })}</h2>
    <div class="table-wrap">
      <table id="counts">
        <thead>
          <tr>
            <th scope="col">${msg('Session', { id: 'console.events.col.session' })}</th>
            <th scope="col">${msg('Confirmed families', { id: 'console.events.col.confirmed' })}</th>
            <th scope="col">${msg('Waitlisted', { id: 'console.events.col.waitlisted' })}</th>
            <th scope="col">${msg('Declined', { id: 'console.events.col.declined' })}</th>
            <th scope="col">${msg('Places taken', { id: 'console.events.col.places' })}</th>
          </tr>
        </thead>
        <tbody>
          ${data.sessions.map((s) => {
            const own = data.attendees.filter((a) => a.sessionId === s.id);
            return html`<tr data-session=${s.id}>
              <th scope="row">${when(s.id)}</th>
              <td data-count="confirmed">${count(own, 'confirmed')}</td>
              <td data-count="waitlisted">${count(own, 'waitlisted')}</td>
              <td data-count="declined">${count(own, 'declined')}</td>
              <td>${placesText(s.taken, s.capacity)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <h2>${msg('What families need', { id: 'console.events.needsHeading' })}</h2>
    ${renderNeeds(data.needs, data.attendees, 'needs-all', msg('All sessions', { id: 'console.events.needs.all' }))}
    ${
      data.sessions.length > 1
        ? data.sessions.map((s, i) =>
            renderNeeds(
              s.needs,
              data.attendees.filter((a) => a.sessionId === s.id),
              `needs-${i}`,
              when(s.id),
            ),
          )
        : nothing
    }
    <h2>${msg('Waitlist', { id: 'console.events.waitlist' })}</h2>
    ${data.sessions.map((s) => {
      const waiting = data.attendees
        .filter((a) => a.sessionId === s.id && a.status === 'waitlisted')
        .sort((x, y) => (x.position ?? 0) - (y.position ?? 0));
      return html`<section data-waitlist=${s.id}>
        <h3>${when(s.id)}</h3>
        ${
          waiting.length
            ? html`<ol class="plain">
                ${waiting.map((a) => html`<li>${familyName(a)} — ${msg(str`${a.partySize} people`, { id: 'console.events.people' })}</li>`)}
              </ol>`
            : html`<p>${msg('Nobody is waiting.', { id: 'console.events.waitlistEmpty' })}</p>`
        }
      </section>`;
    })}
  </section>`;
}

export function renderCheckIn(host: ConsoleEvents): TemplateResult {
  const event = host.event!;
  const title = eventTitle(event, host.uiLocale);
  const expected = host.attendance!.attendees.filter((a) => a.status === 'confirmed');
  const arrived = expected.filter((a) => a.attendedAt);
  const people = arrived.reduce((sum, a) => sum + a.partySize, 0);
  const query = host.search.trim().toLocaleLowerCase();
  const shown = query ? expected.filter((a) => familyName(a).toLocaleLowerCase().includes(query)) : expected;
  const total = expected.length;
  const done = arrived.length;
  return html`<section aria-labelledby="check-in-heading">
    <p><a href="#/events/${event.id}/attendance">${msg('Back to attendance', { id: 'console.events.backToAttendance' })}</a></p>
    <h1 id="check-in-heading" tabindex="-1">${msg(str`Check-in: ${title}`, { id: 'console.events.checkInOf' })}</h1>
    <p class="count" role="status" id="arrived-count">
      ${msg(str`${done} of ${total} families arrived (${people} people)`, { id: 'console.events.arrivedCount' })}
    </p>
    ${host.errors['form'] ? html`<p class="alert" role="alert">${host.errors['form']}</p>` : nothing}
    <div class="field">
      <label for="check-in-search">${msg('Search by name', { id: 'console.events.search' })}</label>
      <input
        id="check-in-search"
        class="search"
        type="search"
        autocomplete="off"
        .value=${host.search}
        @input=${(e: Event) => (host.search = (e.target as HTMLInputElement).value)}
      />
    </div>
    ${shown.length === 0 ? html`<p>${msg('No family matches.', { id: 'console.events.noMatch' })}</p>` : nothing}
    <ul class="check-in-list">
      ${shown.map((a) => {
        const name = familyName(a);
        const isIn = Boolean(a.attendedAt);
        return html`<li data-rsvp=${a.rsvpId}>
          <span class="who">${name} · ${msg(str`${a.partySize} people`, { id: 'console.events.people' })}</span>
          <span class="door-actions">
            <button
              class="button arrived"
              type="button"
              aria-pressed=${isIn ? 'true' : 'false'}
              aria-label=${msg(str`Arrived: ${name}`, { id: 'console.events.arrivedLabel' })}
              ?disabled=${host.checkingIn.has(a.rsvpId)}
              @click=${() => host.checkIn(a)}
            >
              ${isIn ? msg('Arrived ✓', { id: 'console.events.arrivedDone' }) : msg('Arrived', { id: 'console.events.arrived' })}
            </button>
            ${
              isIn
                ? html`<button
                    class="button undo-check-in"
                    type="button"
                    aria-label=${msg(str`Undo check-in: ${name}`, { id: 'console.events.undoCheckInLabel' })}
                    ?disabled=${host.checkingIn.has(a.rsvpId)}
                    @click=${() => host.undoCheckIn(a)}
                  >
                    ${msg('Undo', { id: 'console.events.undoCheckIn' })}
                  </button>`
                : nothing
            }
          </span>
        </li>`;
      })}
    </ul>
  </section>`;
}
