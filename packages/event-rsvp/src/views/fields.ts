/** Small field builders the RSVP form composes: labelled inputs with their error tied by aria-describedby. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { renderFieldError } from '@tandem/core/ui.js';
import type { FieldName, FormValues } from '../rsvp-model.js';

/** What every field builder needs from the form. */
export interface FieldContext {
  values: FormValues;
  /** The message for each field that was refused. */
  messages: ReadonlyMap<FieldName, string>;
}

export const errorId = (field: FieldName) => `error-${field}`;

/** aria attributes for a control: invalid when its field (or `also`, e.g. the contact pair) was refused. */
export function described(ctx: FieldContext, field: FieldName, also?: FieldName, hint?: string) {
  const ids = [field, also].filter((f): f is FieldName => !!f && ctx.messages.has(f)).map(errorId);
  if (hint) ids.push(hint);
  return { invalid: ids.some((id) => id.startsWith('error-')) ? 'true' : undefined, describedBy: ids.join(' ') || undefined };
}

export const fieldError = (ctx: FieldContext, field: FieldName) => renderFieldError(errorId(field), ctx.messages.get(field));

type TextName = 'names' | 'email' | 'phone' | 'childcare-ages' | 'accessibility';

export function textField(
  ctx: FieldContext,
  name: TextName,
  label: string,
  options: { type?: string; autocomplete?: string; hint?: string; also?: FieldName } = {},
): TemplateResult {
  const hintId = options.hint ? `hint-${name}` : undefined;
  const aria = described(ctx, name, options.also, hintId);
  return html`<div class="field">
    <label for=${name}>${label}</label>
    ${options.hint ? html`<span class="hint" id=${hintId!}>${options.hint}</span>` : nothing}
    <input
      id=${name}
      name=${name}
      class="input"
      type=${options.type ?? 'text'}
      autocomplete=${ifDefined(options.autocomplete)}
      .value=${ctx.values[name]}
      aria-invalid=${ifDefined(aria.invalid)}
      aria-describedby=${ifDefined(aria.describedBy)}
    />
    ${fieldError(ctx, name)}
  </div>`;
}

type NumberName = 'adults' | 'children' | 'childcare-children';

/**
 * A number box with −/+ buttons for touch. The buttons stay out of the tab order: keyboards step with
 * the arrow keys in the box itself, so each number costs one Tab stop.
 */
export function numberField(
  ctx: FieldContext,
  name: NumberName,
  label: string,
  min: number,
  max: number,
  step: (name: NumberName, delta: number) => void,
): TemplateResult {
  const aria = described(ctx, name);
  const button = (delta: number, text: string, sign: string) =>
    html`<button type="button" class="button step" tabindex="-1" aria-label=${text} @click=${() => step(name, delta)}>${sign}</button>`;
  return html`<div class="field">
    <label for=${name}>${label}</label>
    <div class="stepper">
      ${button(-1, `${label} −1`, '−')}
      <input
        id=${name}
        name=${name}
        class="input number"
        type="number"
        inputmode="numeric"
        min=${min}
        max=${max}
        .value=${ctx.values[name]}
        aria-invalid=${ifDefined(aria.invalid)}
        aria-describedby=${ifDefined(aria.describedBy)}
      />
      ${button(1, `${label} +1`, '+')}
    </div>
    ${fieldError(ctx, name)}
  </div>`;
}

type CheckName = 'need-interpreter' | 'need-childcare' | 'need-transportation' | 'need-accessibility';

export const checkbox = (ctx: FieldContext, name: CheckName, label: string) =>
  html`<label class="option"><input type="checkbox" name=${name} .checked=${ctx.values[name]} /><span>${label}</span></label>`;

/** A radio group in a fieldset; the group's error is announced with its legend. */
export function radioGroup(
  ctx: FieldContext,
  name: 'response' | 'session',
  legend: string,
  options: { value: string; label: unknown; disabled?: boolean }[],
): TemplateResult {
  const aria = described(ctx, name);
  return html`<fieldset class="group" aria-describedby=${ifDefined(aria.describedBy)}>
    <legend>${legend}</legend>
    ${fieldError(ctx, name)}
    <div class="options">
      ${options.map(
        (o) =>
          html`<label class="option" ?data-disabled=${o.disabled}>
            <input
              type="radio"
              name=${name}
              .value=${o.value}
              .checked=${ctx.values[name] === o.value}
              ?disabled=${o.disabled}
              aria-invalid=${ifDefined(aria.invalid)}
            /><span class="option-text">${o.label}</span>
          </label>`,
      )}
    </div>
  </fieldset>`;
}
