/**
 * Per-language side-by-side editing for content builders: `renderLocalizedField` draws one text (title,
 * description…) in the default language with the same text in a second language beside it (stacked on phones),
 * each control with its own `lang` and `dir`, the default-language error tied by aria-describedby, and the
 * "Machine translated, not reviewed yet · Mark reviewed" note under a machine-filled translation.
 * `renderLanguagePickers` draws the "Main language" / "Translate side by side into" selects that choose the pair.
 * Control ids are `${idBase}-${locale}` and errors `${id}-error`, so a builder can focus a field by id.
 */
import { msg } from '@lit/localize';
import { renderFieldError } from '@tandem/core/ui.js';
import type { LocalizedText } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { dirOf, isMachineTranslated, markReviewed, ownName, type MachineMarks } from './localized-text.js';

export interface LocalizedFieldOptions {
  /** Control ids are `${idBase}-${locale}`. */
  idBase: string;
  label: string;
  /** Edited in place: typing writes `text[locale]`, then calls `onInput`. */
  text: LocalizedText;
  defaultLocale: string;
  /** The language beside the default one; '' or the default language shows the default alone. */
  secondLocale: string;
  multiline?: boolean;
  rows?: number;
  /** A hint under the label of both languages ("Who can use it, in plain words"). */
  hint?: string;
  /** The default-language control's error, shown under it (the server checks the default language). */
  error?: string | undefined;
  /** The second-language control's error, when a builder checks translations too. */
  secondError?: string | undefined;
  /** Put on the default-language control as `data-pointer`, so a builder can focus the field an error points at. */
  pointer?: string;
  /** Machine-translation marks of the draft and this text's key in them: shows the note and "Mark reviewed". */
  machine?: { marks: MachineMarks; key: string };
  /** After the text changed (typing or a review): re-render, forget "saved". */
  onInput: () => void;
  /** After "Mark reviewed": `controlId` is the reviewed control, to focus it and announce the change. */
  onReviewed?: (controlId: string) => void;
}

function control(o: LocalizedFieldOptions, locale: string, described: string | undefined, invalid: boolean, pointer?: string) {
  const id = `${o.idBase}-${locale}`;
  const onInput = (event: Event) => {
    o.text[locale] = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    o.onInput();
  };
  return o.multiline
    ? html`<textarea
        id=${id}
        lang=${locale}
        dir=${dirOf(locale)}
        rows=${o.rows ?? 3}
        data-pointer=${ifDefined(pointer)}
        .value=${live(o.text[locale] ?? '')}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        @input=${onInput}
      ></textarea>`
    : html`<input
        id=${id}
        type="text"
        lang=${locale}
        dir=${dirOf(locale)}
        data-pointer=${ifDefined(pointer)}
        .value=${live(o.text[locale] ?? '')}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        @input=${onInput}
      />`;
}

const joinIds = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** One text in the default language and, beside it, the second language with its machine-translation mark. */
export function renderLocalizedField(o: LocalizedFieldOptions): TemplateResult {
  const dl = o.defaultLocale;
  const second = o.secondLocale && o.secondLocale !== dl ? o.secondLocale : undefined;
  const label = (locale: string) =>
    html`<label for=${`${o.idBase}-${locale}`}>${o.label} <span class="lang-name" lang=${locale}>(${ownName(locale)})</span></label>`;
  const hintId = (locale: string) => (o.hint ? `${o.idBase}-${locale}-hint` : undefined);
  const hint = (locale: string) => (o.hint ? html`<p class="hint" id=${hintId(locale)!}>${o.hint}</p>` : nothing);
  const errorId = `${o.idBase}-${dl}-error`;
  return html`<div class="pair">
    <div class="field">
      ${label(dl)} ${hint(dl)} ${control(o, dl, joinIds(hintId(dl), o.error && errorId), !!o.error, o.pointer)}
      ${renderFieldError(errorId, o.error)}
    </div>
    ${second ? renderSecond(o, second, label(second), hint(second), hintId(second)) : nothing}
  </div>`;
}

function renderSecond(o: LocalizedFieldOptions, second: string, label: TemplateResult, hint: unknown, hintId: string | undefined) {
  const id = `${o.idBase}-${second}`;
  const machine = o.machine !== undefined && isMachineTranslated(o.machine.marks, o.machine.key, second);
  const noteId = `${id}-mt`;
  const errorId = `${id}-error`;
  return html`<div class="field">
    ${label} ${hint} ${control(o, second, joinIds(hintId, machine && noteId, o.secondError && errorId), !!o.secondError)}
    ${renderFieldError(errorId, o.secondError)}
    ${
      machine
        ? html`<p class="machine-note" id=${noteId}>
            <span>${msg('Machine translated, not reviewed yet.', { id: 'console.common.machine.note' })}</span>
            <button
              class="link"
              type="button"
              data-review=${o.machine!.key}
              @click=${() => {
                markReviewed(o.machine!.marks, o.machine!.key, second);
                o.onInput();
                o.onReviewed?.(id);
              }}
            >
              ${msg('Mark reviewed', { id: 'console.common.machine.markReviewed' })}
            </button>
          </p>`
        : nothing
    }
  </div>`;
}

/** "Marked as reviewed." — for the live region after "Mark reviewed". */
export const reviewedMessage = () => msg('Marked as reviewed.', { id: 'console.common.machine.reviewed' });

export interface LanguagePickerOptions {
  /** Languages staff may write in. */
  locales: readonly string[];
  defaultLocale: string;
  secondLocale: string;
  onDefault: (locale: string) => void;
  onSecond: (locale: string) => void;
}

/** The main language's select and the side-by-side language's (`#default-locale`, `#second-locale`). */
export function renderLanguagePickers(o: LanguagePickerOptions): TemplateResult {
  const valueOf = (event: Event) => (event.target as HTMLSelectElement).value;
  return html`<div class="field">
      <label for="default-locale">${msg('Main language', { id: 'console.common.defaultLocale' })}</label>
      <select id="default-locale" @change=${(event: Event) => o.onDefault(valueOf(event))}>
        ${o.locales.map((l) => html`<option value=${l} lang=${l} ?selected=${l === o.defaultLocale}>${ownName(l)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="second-locale">${msg('Translate side by side into', { id: 'console.common.secondLocale' })}</label>
      <select id="second-locale" @change=${(event: Event) => o.onSecond(valueOf(event))}>
        <option value="" ?selected=${!o.secondLocale}>${msg('(no second language)', { id: 'console.common.noSecond' })}</option>
        ${o.locales
          .filter((l) => l !== o.defaultLocale)
          .map((l) => html`<option value=${l} lang=${l} ?selected=${l === o.secondLocale}>${ownName(l)}</option>`)}
      </select>
    </div>`;
}

/** The second language to show after the default changed: keeps the current one unless it became the default. */
export function pickSecondLocale(locales: readonly string[], defaultLocale: string, current: string): string {
  return current && current !== defaultLocale ? current : (locales.find((l) => l !== defaultLocale) ?? '');
}
