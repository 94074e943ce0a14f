/** A labelled input with its error tied by aria-describedby, as every console form uses it. */
import { renderFieldError } from '@tandem/core/ui.js';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface FieldOptions {
  id: string;
  label: string;
  type: 'email' | 'password';
  autocomplete: string;
  /** Bound for fields the console keeps (email); passwords stay only in the input itself. */
  value?: string;
  error: string | undefined;
  hint?: string;
  onInput: (value: string) => void;
}

export function renderField(o: FieldOptions): TemplateResult {
  const errorId = `${o.id}-error`;
  const hintId = `${o.id}-hint`;
  const describedBy = [o.hint ? hintId : '', o.error ? errorId : ''].filter(Boolean).join(' ');
  const onInput = (event: InputEvent) => o.onInput((event.target as HTMLInputElement).value);
  const described = ifDefined(describedBy || undefined);
  const invalid = o.error ? 'true' : 'false';
  // Two templates, since a property binding cannot be left out: passwords are never written back into the input.
  const input =
    o.value === undefined
      ? html`<input
          id=${o.id}
          name=${o.id}
          type=${o.type}
          autocomplete=${o.autocomplete}
          aria-invalid=${invalid}
          aria-describedby=${described}
          @input=${onInput}
        />`
      : html`<input
          id=${o.id}
          name=${o.id}
          type=${o.type}
          autocomplete=${o.autocomplete}
          spellcheck="false"
          autocapitalize="none"
          .value=${live(o.value)}
          aria-invalid=${invalid}
          aria-describedby=${described}
          @input=${onInput}
        />`;
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p id=${hintId} class="hint">${o.hint}</p>` : nothing} ${input} ${renderFieldError(errorId, o.error)}
  </div>`;
}

/** The message about a whole form (wrong password, too many attempts), announced and focusable. */
export function renderFormError(message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<p id="form-error" class="alert" role="alert" tabindex="-1">${message}</p>` : nothing;
}
