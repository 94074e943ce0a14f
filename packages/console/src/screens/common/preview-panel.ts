/**
 * "Preview": shows a draft exactly as families see it — the real widget over an in-memory backend, rendered by
 * the screen — in any language, right to left for Arabic. This draws the card around it: heading, a hint, the
 * preview-language select (`#preview-locale`, languages without text marked with *), the Show/Refresh button
 * (`data-action="preview"`) and the frame (`.preview-frame`, with `dir`) holding the widget once shown.
 */
import { msg } from '@lit/localize';
import { isRtl } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { ownName } from './localized-text.js';

export interface PreviewOptions {
  /** Every language staff may preview. */
  locales: readonly string[];
  /** Languages the draft has text in (others fall back to the main language). */
  withText: readonly string[];
  /** The language chosen in the select. */
  chosen: string;
  /** What families see while previewing, e.g. "Answers given here are not saved." */
  hint: string;
  /** The shown preview's language and widget; undefined until "Show preview". */
  shown: { locale: string; widget: TemplateResult } | undefined;
  /** Show (or refresh) the preview in `locale`. */
  onShow: (locale: string) => void;
}

export function renderPreviewPanel(o: PreviewOptions): TemplateResult {
  return html`<section class="card" aria-labelledby="preview-heading">
    <h2 id="preview-heading">${msg('Preview', { id: 'console.common.preview' })}</h2>
    <p class="hint">${o.hint}</p>
    <div class="row">
      <div class="field">
        <label for="preview-locale">${msg('Preview language', { id: 'console.common.preview.language' })}</label>
        <select id="preview-locale" @change=${(event: Event) => o.onShow((event.target as HTMLSelectElement).value)}>
          ${o.locales.map(
            (l) =>
              html`<option value=${l} lang=${l} ?selected=${l === o.chosen}>${ownName(l)}${o.withText.includes(l) ? '' : ' *'}</option>`,
          )}
        </select>
      </div>
      <button class="button" type="button" data-action="preview" @click=${() => o.onShow(o.chosen)}>
        ${o.shown ? msg('Refresh preview', { id: 'console.common.preview.refresh' }) : msg('Show preview', { id: 'console.common.preview.show' })}
      </button>
    </div>
    <p class="hint">${msg('* not translated yet: families see the main language there.', { id: 'console.common.preview.missing' })}</p>
    ${o.shown ? html`<div class="preview-frame" dir=${isRtl(o.shown.locale) ? 'rtl' : 'ltr'}>${o.shown.widget}</div>` : nothing}
  </section>`;
}
