/**
 * Opening hours by weekday, all by keyboard: each day a group of openings (opens / closes time inputs) with "Add
 * hours on Monday" and a Remove button per opening, plus "Copy Monday to Tuesday–Friday". Focus goes to the new
 * opening, or back to the day's Add button after a removal; the live region says what happened.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { renderFieldError } from '@tandem/core/ui.js';
import { renderLocalizedField, reviewedMessage } from '../common/localized-field.js';
import { newHours, WEEKDAYS, type HoursDraft, type ResourceDraft } from './resource-draft.js';
import { weekdayName } from './resources-messages.js';
import type { ConsoleResources } from './resources-screen.js';

function addHours(host: ConsoleResources, draft: ResourceDraft, weekday: number): void {
  const same = draft.hours.filter((h) => h.weekday === weekday);
  const row = newHours(weekday, same.at(-1) ?? draft.hours.at(-1));
  draft.hours.push(row);
  const day = weekdayName(weekday, host.uiLocale);
  host.announce(msg(str`Hours added on ${day}.`, { id: 'console.resources.hours.added' }));
  host.focusLater(`#hours-${row.id}-opens`);
  host.changed();
}

function removeHours(host: ConsoleResources, draft: ResourceDraft, row: HoursDraft): void {
  draft.hours.splice(draft.hours.indexOf(row), 1);
  // Error ids follow rows; a removed row's error goes with it.
  host.errors = Object.fromEntries(Object.entries(host.errors).filter(([id]) => !id.startsWith(`hours-${row.id}`)));
  const day = weekdayName(row.weekday, host.uiLocale);
  host.announce(msg(str`Hours removed on ${day}.`, { id: 'console.resources.hours.removed' }));
  host.focusLater(`#add-hours-${row.weekday}`);
  host.changed();
}

/** Monday's openings, copied onto Tuesday to Friday (replacing theirs): most places keep the same weekday hours. */
function copyMonday(host: ConsoleResources, draft: ResourceDraft): void {
  const monday = draft.hours.filter((h) => h.weekday === 1);
  draft.hours = [
    ...draft.hours.filter((h) => h.weekday === 1 || h.weekday > 5),
    ...[2, 3, 4, 5].flatMap((weekday) => monday.map((h) => ({ ...newHours(weekday, h) }))),
  ].sort((a, b) => a.weekday - b.weekday);
  host.errors = Object.fromEntries(Object.entries(host.errors).filter(([id]) => !id.startsWith('hours-')));
  host.announce(msg("Monday's hours copied to Tuesday to Friday.", { id: 'console.resources.hours.copied' }));
  host.changed();
}

function timeInput(host: ConsoleResources, row: HoursDraft, part: 'opens' | 'closes', label: string): TemplateResult {
  const id = `hours-${row.id}-${part}`;
  const error = host.errors[id];
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      type="time"
      .value=${live(part === 'opens' ? row.opensAt : row.closesAt)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
      @input=${(e: Event) => {
        const value = (e.target as HTMLInputElement).value;
        if (part === 'opens') row.opensAt = value;
        else row.closesAt = value;
        host.changed();
      }}
    />
    ${renderFieldError(`${id}-error`, error)}
  </div>`;
}

function renderDay(host: ConsoleResources, draft: ResourceDraft, weekday: number): TemplateResult {
  const day = weekdayName(weekday, host.uiLocale);
  const rows = draft.hours.filter((h) => h.weekday === weekday);
  return html`<fieldset class="day" data-weekday=${weekday}>
    <legend>${day}</legend>
    ${rows.length === 0 ? html`<p class="hint">${msg('Closed', { id: 'console.resources.hours.closed' })}</p>` : nothing}
    ${rows.map((row, n) => {
      // "Monday" alone, or "Monday 2" when the day has several openings: each control's name says which.
      const which = rows.length > 1 ? `${day} ${n + 1}` : day;
      return html`<div class="hours-row" data-hours=${row.id}>
        ${timeInput(host, row, 'opens', msg(str`Opens (${which})`, { id: 'console.resources.hours.opensOn' }))}
        ${timeInput(host, row, 'closes', msg(str`Closes (${which})`, { id: 'console.resources.hours.closesOn' }))}
        <button class="button button--small" type="button" data-remove-hours=${row.id} @click=${() => removeHours(host, draft, row)}>
          ${msg(str`Remove hours (${which})`, { id: 'console.resources.hours.removeOn' })}
        </button>
      </div>`;
    })}
    <div class="actions">
      <button id="add-hours-${weekday}" class="button button--small" type="button" @click=${() => addHours(host, draft, weekday)}>
        ${msg(str`Add hours on ${day}`, { id: 'console.resources.hours.add' })}
      </button>
      ${
        weekday === 1 && rows.length > 0
          ? html`<button class="button button--small" type="button" data-action="copy-monday" @click=${() => copyMonday(host, draft)}>
              ${msg('Copy to Tuesday to Friday', { id: 'console.resources.hours.copyMonday' })}
            </button>`
          : nothing
      }
    </div>
  </fieldset>`;
}

export function renderHours(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  const zoneError = host.errors['time-zone'];
  const hoursError = host.errors['hours'];
  return html`<fieldset id="hours" aria-describedby=${ifDefined(hoursError ? 'hours-error' : undefined)}>
    <legend>${msg('Opening hours', { id: 'console.resources.hours' })}</legend>
    <p class="hint">
      ${msg('A closing time earlier than the opening time runs past midnight. No hours: families see no opening times.', {
        id: 'console.resources.hours.hint',
      })}
    </p>
    ${renderFieldError('hours-error', hoursError)}
    <div class="field">
      <label for="time-zone">${msg('Time zone', { id: 'console.resources.timeZone' })}</label>
      <input
        id="time-zone"
        type="text"
        dir="ltr"
        autocomplete="off"
        .value=${live(draft.timeZone)}
        aria-invalid=${zoneError ? 'true' : 'false'}
        aria-describedby=${zoneError ? 'time-zone-hint time-zone-error' : 'time-zone-hint'}
        @input=${(e: Event) => {
          draft.timeZone = (e.target as HTMLInputElement).value;
          host.changed();
        }}
      />
      <p class="hint" id="time-zone-hint">${msg('For example America/Chicago.', { id: 'console.resources.timeZoneHint' })}</p>
      ${renderFieldError('time-zone-error', zoneError)}
    </div>
    <div class="days">${WEEKDAYS.map((weekday) => renderDay(host, draft, weekday))}</div>
    ${renderLocalizedField({
      idBase: 'notes',
      label: msg('About the hours (optional)', { id: 'console.resources.field.scheduleNotes' }),
      hint: msg('For example: walk-ins until 3:00, call first on Fridays.', { id: 'console.resources.field.scheduleNotesHint' }),
      text: draft.scheduleNotes,
      defaultLocale: draft.defaultLocale,
      secondLocale: host.secondLocale,
      multiline: true,
      rows: 2,
      error: host.errors[`notes-${draft.defaultLocale}`],
      machine: { marks: draft.marks, key: 'scheduleNotes' },
      onInput: () => host.changed(),
      onReviewed: (id) => {
        host.announce(reviewedMessage());
        host.focusLater(`#${id}`);
      },
    })}
  </fieldset>`;
}
