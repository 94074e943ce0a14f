/** The event editor: texts in the default language with a second language beside them, place, link, zone, sessions, needs. */
import { msg, str } from '@lit/localize';
import { renderFieldError } from '@tandem/core/ui.js';
import { EVENT_NEEDS, type EventNeed } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderConfirm, renderLeaveConfirm } from '../common/confirm-box.js';
import { pickSecondLocale, renderLanguagePickers, renderLocalizedField } from '../common/localized-field.js';
import { renderFormStatus, renderInput } from '../form-controls.js';
import { CAPACITY_MAX, type EventDraft } from './event-draft.js';
import { needLabel, statusLabel } from './events-messages.js';
import type { ConsoleEvents } from './events-screen.js';

type TextKey = 'title' | 'description' | 'placeName';

/** One text in the default language and, beside it, the same text in the second language. */
function renderText(host: ConsoleEvents, key: TextKey, prefix: string, label: string, multiline = false): TemplateResult {
  const draft = host.draft!;
  return renderLocalizedField({
    idBase: prefix,
    label,
    text: draft[key],
    defaultLocale: draft.defaultLocale,
    secondLocale: host.secondLocale,
    multiline,
    error: host.errors[`${prefix}-${draft.defaultLocale}`],
    secondError: host.errors[`${prefix}-${host.secondLocale}`],
    machine: { marks: draft.marks, key },
    onInput: () => host.changed(),
    onReviewed: (controlId) => void host.reviewed(controlId),
  });
}

function renderLanguages(host: ConsoleEvents, draft: EventDraft): TemplateResult {
  return html`<div class="row">
    ${renderLanguagePickers({
      locales: host.locales,
      defaultLocale: draft.defaultLocale,
      secondLocale: host.secondLocale,
      onDefault: (locale) => {
        draft.defaultLocale = locale;
        host.secondLocale = pickSecondLocale(host.locales, locale, host.secondLocale);
        host.changed();
      },
      onSecond: (locale) => (host.secondLocale = locale),
    })}
    ${
      host.session.schools.length > 1
        ? html`<div class="field">
            <label for="school">${msg('School', { id: 'console.events.school' })}</label>
            <select
              id="school"
              @change=${(e: Event) => {
                draft.schoolId = (e.target as HTMLSelectElement).value;
                host.changed();
              }}
            >
              ${host.session.schools.map((s) => html`<option value=${s.id} ?selected=${s.id === draft.schoolId}>${s.name}</option>`)}
            </select>
          </div>`
        : nothing
    }
  </div>`;
}

function renderSessions(host: ConsoleEvents, draft: EventDraft): TemplateResult {
  const sessionError = host.errors['sessions'];
  return html`<fieldset id="sessions" aria-describedby=${ifDefined(sessionError ? 'sessions-error' : undefined)}>
    <legend>${msg(str`Sessions (times in ${draft.timeZone})`, { id: 'console.events.sessions' })}</legend>
    ${renderFieldError('sessions-error', sessionError)}
    <ol class="plain">
      ${repeat(
        draft.sessions,
        (s) => s.id,
        (s, i) => {
          const n = i + 1;
          const field = (part: 'start' | 'end' | 'capacity', label: string, type: string, value: string, set: (v: string) => void) => {
            const id = `session-${i}-${part}`;
            const error = host.errors[id];
            return html`<div class="field">
              <label for=${id}>${label}</label>
              <input
                id=${id}
                type=${type}
                min=${ifDefined(part === 'capacity' ? '1' : undefined)}
                max=${ifDefined(part === 'capacity' ? String(CAPACITY_MAX) : undefined)}
                inputmode=${ifDefined(part === 'capacity' ? 'numeric' : undefined)}
                .value=${live(value)}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${ifDefined(error ? `${id}-error` : part === 'capacity' ? `${id}-hint` : undefined)}
                @input=${(e: Event) => {
                  set((e.target as HTMLInputElement).value);
                  host.changed();
                }}
              />
              ${
                part === 'capacity' && !error
                  ? html`<p class="hint" id="${id}-hint">${msg('Empty means no limit.', { id: 'console.events.capacityHint' })}</p>`
                  : nothing
              }
              ${renderFieldError(`${id}-error`, error)}
            </div>`;
          };
          return html`<li class="session" data-session=${s.id} aria-label=${msg(str`Session ${n}`, { id: 'console.events.sessionN' })}>
            ${field('start', msg(str`Session ${n} starts`, { id: 'console.events.sessionStart' }), 'datetime-local', s.start, (v) => (s.start = v))}
            ${field('end', msg(str`Session ${n} ends`, { id: 'console.events.sessionEnd' }), 'datetime-local', s.end, (v) => (s.end = v))}
            ${field('capacity', msg(str`Session ${n} places`, { id: 'console.events.sessionCapacity' }), 'number', s.capacity, (v) => (s.capacity = v))}
            <div class="field">
              ${
                s.booked > 0
                  ? html`<p class="hint" id="session-${i}-booked">
                      ${msg('Families have answered: this session cannot be removed.', { id: 'console.events.sessionBooked' })}
                    </p>`
                  : nothing
              }
              <button
                class="button"
                type="button"
                data-remove=${i}
                ?disabled=${draft.sessions.length === 1}
                aria-disabled=${s.booked > 0 ? 'true' : 'false'}
                aria-describedby=${ifDefined(s.booked > 0 ? `session-${i}-booked` : undefined)}
                @click=${() => (s.booked > 0 ? host.refuseRemove(i) : host.removeSession(i))}
              >
                ${msg(str`Remove session ${n}`, { id: 'console.events.removeSession' })}
              </button>
            </div>
          </li>`;
        },
      )}
    </ol>
    <div class="actions">
      <button id="add-session" class="button" type="button" @click=${() => host.addSession()}>
        ${msg('Add a session', { id: 'console.events.addSession' })}
      </button>
    </div>
  </fieldset>`;
}

function renderNeeds(host: ConsoleEvents, draft: EventDraft): TemplateResult {
  const toggle = (need: EventNeed, on: boolean) => {
    const set = new Set(draft.needsAsked);
    if (on) set.add(need);
    else set.delete(need);
    draft.needsAsked = EVENT_NEEDS.filter((n) => set.has(n));
    host.changed();
  };
  return html`<fieldset>
    <legend>${msg('Ask families what they need', { id: 'console.events.needsAsked' })}</legend>
    ${EVENT_NEEDS.map(
      (need) =>
        html`<label class="checkbox">
          <input
            type="checkbox"
            name="need"
            value=${need}
            .checked=${live(draft.needsAsked.includes(need))}
            @change=${(e: Event) => toggle(need, (e.target as HTMLInputElement).checked)}
          />
          ${needLabel(need)}
        </label>`,
    )}
  </fieldset>`;
}

function renderConfirmBox(host: ConsoleEvents): TemplateResult | typeof nothing {
  const kind = host.confirming;
  if (!kind) return nothing;
  const publish = kind === 'publish';
  return renderConfirm({
    title: publish
      ? msg('Publish this event?', { id: 'console.events.confirm.publishTitle' })
      : msg('Cancel this event?', { id: 'console.events.confirm.cancelTitle' }),
    text: publish
      ? msg('Families will see it and can answer. What you typed is saved first.', { id: 'console.events.confirm.publishText' })
      : msg('Families see it as cancelled and calendars are updated. This cannot be undone.', {
          id: 'console.events.confirm.cancelText',
        }),
    confirmLabel: publish
      ? msg('Yes, publish', { id: 'console.events.confirm.publish' })
      : msg('Yes, cancel the event', { id: 'console.events.confirm.cancel' }),
    cancelLabel: msg('Go back', { id: 'console.events.confirm.back' }),
    // "cancel" already names the "Cancel event…" button.
    cancelAction: 'back',
    onConfirm: () => void host.changeStatus(),
    onCancel: () => void host.closeConfirm(),
  });
}

export function renderEditor(host: ConsoleEvents): TemplateResult {
  const draft = host.draft!;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void host.save();
  };
  const heading = draft.id ? msg('Edit event', { id: 'console.events.editTitle' }) : msg('New event', { id: 'console.events.new' });
  return html`<section aria-labelledby="editor-heading">
    <p>
      <a
        href="#/events"
        data-action="back"
        @click=${(event: MouseEvent) => {
          // A plain click goes through the unsaved-changes check; a new tab (Ctrl/⌘-click) is left to the browser.
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          void host.backToList();
        }}
        >${msg('Back to events', { id: 'console.events.back' })}</a
      >
    </p>
    ${host.leaving ? renderLeaveConfirm(host) : nothing}
    <h1 id="editor-heading" tabindex="-1">${heading}</h1>
    ${
      draft.id
        ? html`<p>
            ${msg(str`Status: ${statusLabel(draft.status)}`, { id: 'console.events.statusIs' })} ·
            <a href="#/events/${draft.id}/attendance">${msg('Attendance', { id: 'console.events.attendance' })}</a>
          </p>`
        : nothing
    }
    <form id="event-form" novalidate @submit=${onSubmit}>
      ${renderFormStatus(host.errors['form'], host.saved)} ${renderLanguages(host, draft)}
      ${renderText(host, 'title', 'title', msg('Title', { id: 'console.events.field.title' }))}
      ${renderText(host, 'description', 'description', msg('Description', { id: 'console.events.field.description' }), true)}
      ${renderText(host, 'placeName', 'place', msg('Place', { id: 'console.events.field.place' }))}
      ${renderInput({
        id: 'address',
        label: msg('Address', { id: 'console.events.field.address' }),
        value: draft.address,
        error: host.errors['address'],
        onInput: (v) => {
          draft.address = v;
          host.changed();
        },
      })}
      ${renderInput({
        id: 'online-url',
        label: msg('Online link (optional)', { id: 'console.events.field.onlineUrl' }),
        type: 'url',
        dir: 'ltr',
        value: draft.onlineUrl,
        error: host.errors['online-url'],
        onInput: (v) => {
          draft.onlineUrl = v;
          host.changed();
        },
      })}
      ${renderInput({
        id: 'time-zone',
        label: msg('Time zone', { id: 'console.events.field.timeZone' }),
        hint: msg('Session times are in this zone, for example America/Chicago.', { id: 'console.events.field.timeZoneHint' }),
        dir: 'ltr',
        value: draft.timeZone,
        error: host.errors['time-zone'],
        onInput: (v) => {
          draft.timeZone = v;
          host.changed();
        },
      })}
      ${renderSessions(host, draft)} ${renderNeeds(host, draft)}
      <div class="actions">
        <button class="button" type="submit" ?disabled=${host.busy}>
          ${draft.status === 'draft' ? msg('Save draft', { id: 'console.events.saveDraft' }) : msg('Save changes', { id: 'console.events.save' })}
        </button>
        <button class="button" type="button" data-action="translate" ?disabled=${host.busy} @click=${() => host.translateMissing()}>
          ${msg('Translate missing languages', { id: 'console.events.translate' })}
        </button>
        ${
          draft.status === 'draft'
            ? html`<button
                class="button button--primary"
                type="button"
                data-action="publish"
                ?disabled=${host.busy}
                @click=${() => host.askToConfirm('publish')}
              >
                ${msg('Publish…', { id: 'console.events.publish' })}
              </button>`
            : nothing
        }
        ${
          draft.status === 'published'
            ? html`<button
                class="button"
                type="button"
                data-action="cancel"
                ?disabled=${host.busy}
                @click=${() => host.askToConfirm('cancel')}
              >
                ${msg('Cancel event…', { id: 'console.events.cancel' })}
              </button>`
            : nothing
        }
      </div>
      ${renderConfirmBox(host)}
    </form>
  </section>`;
}
