/** The RSVP form: answer, time, party, contact, needs, note; an error summary above and the send button below. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PARTY_MAX, type PublicEvent } from '@tandem/protocol';
import type { TextContext } from '../localized-text.js';
import type { FieldName } from '../rsvp-model.js';
import { described, fieldError, numberField, radioGroup, textField, type FieldContext } from './fields.js';
import { renderNeeds } from './needs.js';
import { renderRemaining, renderTime } from './when.js';

export interface FormOptions extends FieldContext {
  event: PublicEvent;
  text: TextContext;
  showSummary: boolean;
  notice: string | undefined;
  submitting: boolean;
  /** Changing an RSVP made earlier (rather than making one). */
  editing: boolean;
  onInput(event: Event): void;
  onSubmit(event: Event): void;
  onStep(name: string, delta: number): void;
  onGoTo(field: FieldName): void;
  onStopEditing(): void;
}

function summary(options: FormOptions): TemplateResult | typeof nothing {
  if (!options.showSummary || options.messages.size === 0) return nothing;
  const follow = (e: Event, field: FieldName) => {
    // Fragment links cannot reach into a shadow root, so the link moves focus itself.
    e.preventDefault();
    options.onGoTo(field);
  };
  return html`<div class="error-summary" role="group" aria-labelledby="error-summary-heading">
    <h4 id="error-summary-heading">${msg('Please check these answers', { id: 'rsvp.error-summary' })}</h4>
    <ul>
      ${[...options.messages].map(([field, message]) => html`<li><a href=${`#${field}`} @click=${(e: Event) => follow(e, field)}>${message}</a></li>`)}
    </ul>
  </div>`;
}

export function renderForm(options: FormOptions): TemplateResult {
  const { event, values, text } = options;
  const coming = values.response !== 'not-going';
  const chosen = event.sessions.find((s) => s.id === values.session);
  const joinsWaitlist = coming && chosen?.remaining === 0;
  const contact = described(options, 'contact', undefined, 'hint-contact');
  const note = described(options, 'note');
  const sendLabel = options.submitting
    ? msg('Sending…', { id: 'rsvp.sending' })
    : options.editing
      ? msg('Save changes', { id: 'rsvp.save-changes' })
      : joinsWaitlist
        ? msg('Join the waitlist', { id: 'rsvp.join-waitlist' })
        : msg('Send RSVP', { id: 'rsvp.send' });
  return html`<form
    class="form"
    novalidate
    aria-labelledby="form-heading"
    @input=${options.onInput}
    @change=${options.onInput}
    @submit=${options.onSubmit}
  >
    <h3 id="form-heading" tabindex="-1">
      ${options.editing ? msg('Change your RSVP', { id: 'rsvp.change-heading' }) : msg('RSVP', { id: 'rsvp.form-heading' })}
    </h3>
    ${summary(options)}
    ${radioGroup(options, 'response', msg('Will you come?', { id: 'rsvp.response' }), [
      { value: 'going', label: msg('Yes, we are coming', { id: 'rsvp.going' }) },
      { value: 'maybe', label: msg('Maybe', { id: 'rsvp.maybe' }) },
      { value: 'not-going', label: msg("No, we can't come", { id: 'rsvp.not-going' }) },
    ])}
    ${
      coming && event.sessions.length > 1
        ? radioGroup(
            options,
            'session',
            msg('Choose a time', { id: 'rsvp.session' }),
            event.sessions.map((s) => ({
              value: s.id,
              disabled: s.past,
              label: html`${renderTime(s, event, text.locale)} ${renderRemaining(s)}`,
            })),
          )
        : nothing
    }
    ${
      coming
        ? html`<fieldset class="group">
            <legend>${msg('Who is coming?', { id: 'rsvp.party' })}</legend>
            <div class="row-fields">
              ${numberField(options, 'adults', msg('Adults', { id: 'rsvp.adults' }), 1, PARTY_MAX, options.onStep)}
              ${numberField(options, 'children', msg('Children', { id: 'rsvp.children' }), 0, PARTY_MAX, options.onStep)}
            </div>
            ${textField(options, 'names', msg('Names (optional)', { id: 'rsvp.names' }), {
              autocomplete: 'name',
              hint: msg('Separate names with commas.', { id: 'rsvp.names-hint' }),
            })}
          </fieldset>`
        : nothing
    }
    <fieldset class="group" aria-describedby=${contact.describedBy ?? 'hint-contact'}>
      <legend>${msg('How can the school reach you?', { id: 'rsvp.contact' })}</legend>
      <span class="hint" id="hint-contact">${msg('An email address or a phone number is enough.', { id: 'rsvp.contact-hint' })}</span>
      ${fieldError(options, 'contact')}
      ${textField(options, 'email', msg('Email', { id: 'rsvp.email' }), { type: 'email', autocomplete: 'email', also: 'contact' })}
      ${textField(options, 'phone', msg('Phone', { id: 'rsvp.phone' }), { type: 'tel', autocomplete: 'tel', also: 'contact' })}
    </fieldset>
    ${coming ? renderNeeds(options, event, options.onStep) : nothing}
    <div class="field">
      <label for="note">${msg('Anything else the school should know? (optional)', { id: 'rsvp.note' })}</label>
      <textarea
        id="note"
        name="note"
        class="input"
        rows="3"
        .value=${values.note}
        aria-invalid=${ifDefined(note.invalid)}
        aria-describedby=${ifDefined(note.describedBy)}
      ></textarea>
      ${fieldError(options, 'note')}
    </div>
    ${options.notice ? html`<tandem-status tone="error">${options.notice}</tandem-status>` : nothing}
    <div part="footer" class="buttons">
      <button type="submit" class="button button--primary" part="submit" aria-disabled=${options.submitting ? 'true' : 'false'}>
        ${sendLabel}
      </button>
      ${
        options.editing
          ? html`<button type="button" class="button" part="keep" @click=${options.onStopEditing}>
              ${msg('Keep my RSVP as it was', { id: 'rsvp.keep-as-was' })}
            </button>`
          : nothing
      }
    </div>
  </form>`;
}
