/**
 * The lesson builder's building blocks on top of common/: one text side by side in the default and the second
 * language (common's renderLocalizedField, wired to this screen's errors, marks and focus), a web address (a
 * picture, a recording), and the move buttons and drag handle a reorderable item carries. Keyboard buttons are the
 * way to reorder; dragging is a shortcut for pointer users.
 */
import { msg } from '@lit/localize';
import { renderFieldError } from '@tandem/core/ui.js';
import type { LocalizedText } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { renderLocalizedField, reviewedMessage } from '../common/localized-field.js';
import { ownName } from '../common/localized-text.js';
import type { ConsoleLessons } from './lessons-screen.js';

/** The id of a field's control in one language, from its JSON pointer: `/sections/0/body` → `t_sections_0_body-en`. */
export const idFor = (pointer: string, locale: string) => `t${pointer.replace(/\//g, '_')}-${locale}`;

export interface TextOptions {
  pointer: string;
  /** Stable key of the machine-translation mark. */
  key: string;
  text: LocalizedText;
  label: string;
  multiline?: boolean;
  /** Shown under the label of both languages, e.g. what formatting works. */
  hint?: string;
  /** Shown under the pair while the second language's text is empty, e.g. what families get instead. */
  missingHint?: string;
  /** Advice about what was typed (a link families will not get), shown under the pair while it applies. */
  notes?: string[];
}

/** The second language edited beside the default, if any. */
export function secondOf(host: ConsoleLessons): string | undefined {
  const dl = host.draft!.defaultLocale;
  return host.secondLocale && host.secondLocale !== dl ? host.secondLocale : undefined;
}

/** One text in the default language and, beside it, the second language with its machine-translation mark. */
export function renderText(host: ConsoleLessons, o: TextOptions): TemplateResult {
  const draft = host.draft!;
  const second = secondOf(host);
  const missing = second !== undefined && o.missingHint && !(o.text[second] ?? '').trim();
  return html`${renderLocalizedField({
    idBase: `t${o.pointer.replace(/\//g, '_')}`,
    label: o.label,
    text: o.text,
    defaultLocale: draft.defaultLocale,
    secondLocale: host.secondLocale,
    multiline: o.multiline ?? false,
    rows: 4,
    ...(o.hint ? { hint: o.hint } : {}),
    error: host.errorFor(o.pointer),
    pointer: o.pointer,
    machine: { marks: draft.machineTranslated, key: o.key },
    onInput: () => host.changed(),
    onReviewed: (controlId) => {
      host.announce(reviewedMessage());
      host.focusLater(`#${controlId}`);
    },
  })}${missing ? html`<p class="hint">${o.missingHint}</p>` : nothing}${(o.notes ?? []).map((note) => html`<p class="hint" data-note>${note}</p>`)}`;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** A web address (a picture, or a recording in one language), with its own error. */
export function renderUrl(
  host: ConsoleLessons,
  o: { pointer: string; label: string; value: string; hint?: string; lang?: string; onInput: (value: string) => void },
): TemplateResult {
  const id = idFor(o.pointer, 'url');
  const error = host.errorFor(o.pointer);
  const hintId = o.hint ? `${id}-hint` : undefined;
  return html`<div class="field">
    <label for=${id}>${o.label}${o.lang ? html` <span class="lang-name" lang=${o.lang}>(${ownName(o.lang)})</span>` : nothing}</label>
    ${o.hint ? html`<p class="hint" id=${hintId!}>${o.hint}</p>` : nothing}
    <input
      id=${id}
      type="url"
      dir="ltr"
      inputmode="url"
      autocomplete="off"
      placeholder="https://"
      data-pointer=${o.pointer}
      .value=${live(o.value)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(hintId, error && `${id}-error`))}
      @input=${(event: Event) => {
        o.onInput((event.target as HTMLInputElement).value);
        host.changed();
      }}
    />
    ${renderFieldError(`${id}-error`, error)}
  </div>`;
}

// --- reordering ---
let dragging: { list: unknown[]; index: number } | undefined;

export function dragHandle(list: unknown[], index: number): TemplateResult {
  return html`<span
    class="drag-handle"
    aria-hidden="true"
    draggable="true"
    title=${msg('Drag to reorder', { id: 'console.lessons.drag' })}
    @dragstart=${(event: DragEvent) => {
      dragging = { list, index };
      event.dataTransfer?.setData('text/plain', String(index));
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    }}
    @dragend=${() => (dragging = undefined)}
    >⠿</span
  >`;
}

/** Handlers for the element an item is dropped on; only drops from the same list count. */
export function dropTarget(host: ConsoleLessons, list: { id: string }[], index: number) {
  return {
    over: (event: DragEvent) => {
      if (dragging?.list === list) event.preventDefault();
    },
    drop: (event: DragEvent) => {
      if (dragging?.list !== list) return;
      event.preventDefault();
      event.stopPropagation();
      const from = dragging.index;
      dragging = undefined;
      if (from !== index) host.move(list, from, index - from);
    },
  };
}

export function moveButtons(host: ConsoleLessons, list: { id: string }[], index: number, describedBy: string): TemplateResult {
  const id = list[index]!.id;
  return html`<button
      class="button button--small"
      type="button"
      data-move="up"
      data-item=${id}
      aria-describedby=${describedBy}
      ?disabled=${index === 0}
      @click=${() => host.move(list, index, -1)}
    >
      ${msg('Move up', { id: 'console.lessons.moveUp' })}</button
    ><button
      class="button button--small"
      type="button"
      data-move="down"
      data-item=${id}
      aria-describedby=${describedBy}
      ?disabled=${index === list.length - 1}
      @click=${() => host.move(list, index, 1)}
    >
      ${msg('Move down', { id: 'console.lessons.moveDown' })}
    </button>`;
}
