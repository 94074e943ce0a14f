/** The family-needs part of the form: only the needs this event asks about, each opening its details when ticked. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localeDisplayName } from '@tandem/core';
import { PARTY_MAX, SUPPORTED_LOCALES, type PublicEvent } from '@tandem/protocol';
import { checkbox, described, fieldError, numberField, textField, type FieldContext } from './fields.js';

export function renderNeeds(
  ctx: FieldContext,
  event: PublicEvent,
  step: Parameters<typeof numberField>[5],
): TemplateResult | typeof nothing {
  const asked = event.needsAsked;
  if (asked.length === 0) return nothing;
  const { values } = ctx;
  const language = described(ctx, 'interpreter-language');
  const parts: Record<string, () => TemplateResult> = {
    interpreter: () =>
      html`${checkbox(ctx, 'need-interpreter', msg('An interpreter', { id: 'rsvp.need-interpreter' }))}
      ${
        values['need-interpreter']
          ? html`<div class="field sub">
              <label for="interpreter-language">${msg('Language', { id: 'rsvp.interpreter-language' })}</label>
              <select
                id="interpreter-language"
                name="interpreter-language"
                class="input"
                aria-invalid=${ifDefined(language.invalid)}
                aria-describedby=${ifDefined(language.describedBy)}
              >
                ${SUPPORTED_LOCALES.map(
                  (l) => html`<option value=${l} ?selected=${values['interpreter-language'] === l}>${localeDisplayName(l)}</option>`,
                )}
              </select>
              ${fieldError(ctx, 'interpreter-language')}
            </div>`
          : nothing
      }`,
    childcare: () =>
      html`${checkbox(ctx, 'need-childcare', msg('Childcare during the event', { id: 'rsvp.need-childcare' }))}
      ${
        values['need-childcare']
          ? html`<div class="sub">
              ${numberField(ctx, 'childcare-children', msg('How many children?', { id: 'rsvp.childcare-children' }), 1, PARTY_MAX, step)}
              ${textField(ctx, 'childcare-ages', msg('Their ages (optional)', { id: 'rsvp.childcare-ages' }), {
                hint: msg('For example: 4, 7', { id: 'rsvp.childcare-ages-hint' }),
              })}
            </div>`
          : nothing
      }`,
    transportation: () => checkbox(ctx, 'need-transportation', msg('A ride to the event', { id: 'rsvp.need-transportation' })),
    accessibility: () =>
      html`${checkbox(ctx, 'need-accessibility', msg('An accessibility accommodation', { id: 'rsvp.need-accessibility' }))}
      ${
        values['need-accessibility']
          ? html`<div class="sub">${textField(ctx, 'accessibility', msg('What would help you?', { id: 'rsvp.accessibility' }))}</div>`
          : nothing
      }`,
  };
  return html`<fieldset class="group">
    <legend>${msg('Do you need anything to take part? (optional)', { id: 'rsvp.needs' })}</legend>
    <div class="options">${asked.map((need) => parts[need]?.() ?? nothing)}</div>
  </fieldset>`;
}
