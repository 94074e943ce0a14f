/** Labelled inputs, selects and text areas for the console's screens, each tied to its error by aria-describedby. */
import { renderFieldError } from '@tandem/core/ui.js';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** Field errors of one form by field id; `form` is the message about the whole form. */
export type Errors = Record<string, string>;

interface Common {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  onInput: (value: string) => void;
}

function described(o: Common) {
  return ifDefined([o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ') || undefined);
}

function wrap(o: Common, control: TemplateResult): TemplateResult {
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p id="${o.id}-hint" class="hint">${o.hint}</p>` : nothing} ${control} ${renderFieldError(`${o.id}-error`, o.error)}
  </div>`;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement).value;

export function renderInput(
  o: Common & { type?: 'text' | 'email' | 'time' | 'url'; autocomplete?: string; dir?: 'ltr' | 'auto' },
): TemplateResult {
  return wrap(
    o,
    html`<input
      id=${o.id}
      name=${o.id}
      type=${o.type ?? 'text'}
      autocomplete=${o.autocomplete ?? 'off'}
      dir=${ifDefined(o.dir)}
      .value=${live(o.value)}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${described(o)}
      @input=${(e: Event) => o.onInput(valueOf(e))}
    />`,
  );
}

export function renderTextarea(o: Common & { lang?: string; dir?: string }): TemplateResult {
  return wrap(
    o,
    html`<textarea
      id=${o.id}
      name=${o.id}
      lang=${ifDefined(o.lang)}
      dir=${ifDefined(o.dir)}
      .value=${live(o.value)}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${described(o)}
      @input=${(e: Event) => o.onInput(valueOf(e))}
    ></textarea>`,
  );
}

export function renderSelect(o: Common & { options: { value: string; label: string }[] }): TemplateResult {
  return wrap(
    o,
    html`<select
      id=${o.id}
      name=${o.id}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${described(o)}
      @change=${(e: Event) => o.onInput((e.target as HTMLSelectElement).value)}
    >
      ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === o.value}>${opt.label}</option>`)}
    </select>`,
  );
}

/** The message about a whole form (refused, failed), announced and focusable; or a quiet "saved". */
export function renderFormStatus(error: string | undefined, saved: string | undefined): TemplateResult | typeof nothing {
  if (error) return html`<p class="alert" role="alert" tabindex="-1">${error}</p>`;
  return html`<p class="notice" role="status" ?hidden=${!saved}>${saved ?? ''}</p>`;
}
