/**
 * Office hours as staff type them — a time zone, the days and one opening time — checked here in the staff
 * member's language before the server checks them again, and turned into the protocol's weekly schedule.
 */
import { msg } from '@lit/localize';
import type { OfficeHours } from '@tandem/protocol';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { renderFieldError } from '@tandem/core/ui.js';
import { renderInput, type Errors } from '../form-controls.js';

export interface HoursDraft {
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  opensAt: string;
  closesAt: string;
}

export const emptyHours = (): HoursDraft => ({
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  days: [],
  opensAt: '',
  closesAt: '',
});

/** Whether the browser knows the zone: the same IANA names the server accepts. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const TIME = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

/** Nothing typed means "no hours" (families may write any time, with no promise of an answer time). */
export const hoursAreEmpty = (h: HoursDraft) => h.days.length === 0 && !h.opensAt && !h.closesAt;

/** Errors keyed `${prefix}-zone`, `-days`, `-opens`, `-closes`, matching the field ids. */
export function checkHours(h: HoursDraft, prefix: string): Errors {
  const errors: Errors = {};
  if (hoursAreEmpty(h)) return errors;
  if (!h.timeZone.trim())
    errors[`${prefix}-zone`] = msg('Enter the time zone, like America/Chicago.', { id: 'console.hours.zoneRequired' });
  else if (!isTimeZone(h.timeZone.trim()))
    errors[`${prefix}-zone`] = msg('This is not a time zone we know. Use a name like America/Chicago.', {
      id: 'console.hours.zoneUnknown',
    });
  if (h.days.length === 0) errors[`${prefix}-days`] = msg('Choose at least one day.', { id: 'console.hours.daysRequired' });
  if (!TIME.test(h.opensAt))
    errors[`${prefix}-opens`] = msg('Enter the time you start, like 08:00.', { id: 'console.hours.opensRequired' });
  if (!TIME.test(h.closesAt))
    errors[`${prefix}-closes`] = msg('Enter the time you stop, like 16:00.', { id: 'console.hours.closesRequired' });
  else if (h.closesAt === h.opensAt)
    errors[`${prefix}-closes`] = msg('The end time must be different from the start time.', { id: 'console.hours.sameTimes' });
  return errors;
}

export function toOfficeHours(h: HoursDraft): OfficeHours | undefined {
  if (hoursAreEmpty(h)) return undefined;
  return {
    timeZone: h.timeZone.trim(),
    schedule: { regular: [...h.days].sort().map((weekday) => ({ weekday, opensAt: h.opensAt, closesAt: h.closesAt })) },
  };
}

/** Back from the server's schedule; hours that differ by day show the first day's times for every day. */
export function fromOfficeHours(hours: OfficeHours | undefined): HoursDraft {
  if (!hours) return emptyHours();
  const first = hours.schedule.regular[0];
  return {
    timeZone: hours.timeZone,
    days: hours.schedule.regular.map((r) => r.weekday),
    opensAt: first?.opensAt ?? '',
    closesAt: first?.closesAt ?? '',
  };
}

/** Weekday names in the reader's language, from a Monday (2024-01-01 was one). */
function weekdayName(weekday: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, weekday));
}

export function renderHoursFields(o: {
  prefix: string;
  legend: string;
  hours: HoursDraft;
  errors: Errors;
  locale: string;
  onChange: (hours: HoursDraft) => void;
}): TemplateResult {
  const { prefix, hours, errors } = o;
  const set = (patch: Partial<HoursDraft>) => o.onChange({ ...hours, ...patch });
  const toggle = (day: number, on: boolean) => set({ days: on ? [...new Set([...hours.days, day])] : hours.days.filter((d) => d !== day) });
  const daysError = errors[`${prefix}-days`];
  return html`<fieldset>
    <legend>${o.legend}</legend>
    <p class="hint" id="${prefix}-hint">
      ${msg('Leave the days empty for no set hours. Families see these hours before they write.', { id: 'console.hours.hint' })}
    </p>
    <div
      id="${prefix}-days"
      role="group"
      tabindex="-1"
      aria-labelledby="${prefix}-days-label"
      aria-invalid=${daysError ? 'true' : 'false'}
      aria-describedby=${ifDefined(daysError ? `${prefix}-days-error` : undefined)}
    >
      <p id="${prefix}-days-label" class="label-text"><strong>${msg('Days', { id: 'console.hours.days' })}</strong></p>
      <div class="checks">
        ${[1, 2, 3, 4, 5, 6, 7].map(
          (day) =>
            html`<label
              ><input
                type="checkbox"
                name="${prefix}-day"
                value=${day}
                .checked=${hours.days.includes(day)}
                @change=${(e: Event) => toggle(day, (e.target as HTMLInputElement).checked)}
              />${weekdayName(day, o.locale)}</label
            >`,
        )}
      </div>
      ${renderFieldError(`${prefix}-days-error`, daysError)}
    </div>
    <div class="row">
      ${renderInput({
        id: `${prefix}-opens`,
        label: msg('From', { id: 'console.hours.opens' }),
        type: 'time',
        value: hours.opensAt,
        error: errors[`${prefix}-opens`],
        onInput: (opensAt) => set({ opensAt }),
      })}
      ${renderInput({
        id: `${prefix}-closes`,
        label: msg('Until', { id: 'console.hours.closes' }),
        type: 'time',
        value: hours.closesAt,
        error: errors[`${prefix}-closes`],
        onInput: (closesAt) => set({ closesAt }),
      })}
    </div>
    ${renderInput({
      id: `${prefix}-zone`,
      label: msg('Time zone', { id: 'console.hours.zone' }),
      value: hours.timeZone,
      dir: 'ltr',
      error: errors[`${prefix}-zone`],
      onInput: (timeZone) => set({ timeZone }),
    })}
  </fieldset>`;
}
