/** The preview (the real <tandem-lesson-viewer> over an in-memory copy of the draft), completion counts and embed snippets. */
import { msg, str } from '@lit/localize';
import { isRtl } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { renderEmbed as renderEmbedCard } from '../common/embed-snippets.js';
import { ownName } from '../common/localized-text.js';
import { draftLocales, type LessonDraft } from './lesson-draft.js';
import type { ConsoleLessons } from './lessons-screen.js';

export function renderPreview(host: ConsoleLessons, draft: LessonDraft): TemplateResult {
  const preview = host.preview;
  const locales = draftLocales(draft);
  const chosen = preview?.locale ?? draft.defaultLocale;
  const bilingual = preview?.bilingual ?? '';
  return html`<section class="card" aria-labelledby="preview-heading">
    <h2 id="preview-heading">${msg('Preview', { id: 'console.lessons.preview' })}</h2>
    <p class="hint">${msg('This is what families see. Nothing done in the preview is saved.', { id: 'console.lessons.preview.hint' })}</p>
    <div class="row">
      <div class="field">
        <label for="preview-locale">${msg('Preview language', { id: 'console.lessons.preview.language' })}</label>
        <select id="preview-locale" @change=${(event: Event) => void host.showPreview((event.target as HTMLSelectElement).value)}>
          ${host.locales.map(
            (l) => html`<option value=${l} lang=${l} ?selected=${l === chosen}>${ownName(l)}${locales.includes(l) ? '' : ' *'}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="preview-bilingual">${msg('Side by side with', { id: 'console.lessons.preview.bilingual' })}</label>
        <select
          id="preview-bilingual"
          @change=${(event: Event) => void host.showPreview(chosen, (event.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!bilingual}>${msg('(one language)', { id: 'console.lessons.preview.oneLanguage' })}</option>
          ${locales
            .filter((l) => l !== chosen)
            .map((l) => html`<option value=${l} lang=${l} ?selected=${l === bilingual}>${ownName(l)}</option>`)}
        </select>
      </div>
      <button class="button" type="button" data-action="preview" @click=${() => host.showPreview(chosen, bilingual)}>
        ${preview ? msg('Refresh preview', { id: 'console.lessons.preview.refresh' }) : msg('Show preview', { id: 'console.lessons.preview.show' })}
      </button>
    </div>
    <p class="hint">${msg('* not translated yet: families see the main language there.', { id: 'console.lessons.preview.missing' })}</p>
    ${
      preview && preview.locale !== host.uiLocale
        ? html`<p class="hint">
            ${msg("While the preview is open, the console's own words may show in the preview language.", {
              id: 'console.lessons.preview.uiNote',
            })}
          </p>`
        : nothing
    }
    ${
      preview
        ? html`<div class="preview-frame" dir=${isRtl(preview.locale) ? 'rtl' : 'ltr'}>
              <tandem-lesson-viewer
                .backend=${preview.backend}
                lesson=${preview.lessonId}
                lang=${preview.locale}
                fixed-lang
                bilingual=${preview.bilingual}
              ></tandem-lesson-viewer>
            </div>
            <button class="button" type="button" data-action="close-preview" @click=${() => host.closePreview()}>
              ${msg('Close preview', { id: 'console.lessons.preview.close' })}
            </button>`
        : nothing
    }
  </section>`;
}

/** How many families said "We tried it!", by language, with what they wrote. */
export function renderCompletions(host: ConsoleLessons, draft: LessonDraft): TemplateResult | typeof nothing {
  if (!draft.id) return nothing;
  const data = host.completions;
  const format = new Intl.NumberFormat(host.uiLocale);
  const total = data?.total ?? draft.completions;
  const reflections = (data?.items ?? []).filter((item) => item.reflection?.trim());
  return html`<section class="card" aria-labelledby="completions-heading">
    <h2 id="completions-heading">${msg('Families who tried it', { id: 'console.lessons.column.completions' })}</h2>
    <p id="completion-total">
      ${msg(str`${format.format(total)} families said "We tried it!"`, { id: 'console.lessons.completions.total' })}
    </p>
    ${
      data && data.byLocale.length > 0
        ? html`<ul class="counts" aria-label=${msg('By language', { id: 'console.lessons.completions.byLocale' })}>
            ${data.byLocale.map(
              (row) =>
                html`<li data-locale=${row.locale}>
                  <span lang=${row.locale}>${ownName(row.locale)}</span>: ${format.format(row.count)}
                </li>`,
            )}
          </ul>`
        : nothing
    }
    ${
      reflections.length > 0
        ? html`<h3>${msg('What families noticed', { id: 'console.lessons.completions.reflections' })}</h3>
            <ul class="reflections">
              ${reflections.map((item) => html`<li lang=${item.locale} dir="auto">${item.reflection}</li>`)}
            </ul>`
        : nothing
    }
    <button class="button" type="button" data-action="refresh-completions" @click=${() => host.loadCompletions()}>
      ${msg('Refresh counts', { id: 'console.lessons.completions.refresh' })}
    </button>
  </section>`;
}

export function renderEmbed(host: ConsoleLessons): TemplateResult {
  return renderEmbedCard({
    snippets: host.embedSnippets(),
    saveFirstText: msg('Save the lesson to get the code for your website.', { id: 'console.lessons.embed.saveFirst' }),
    copyNotice: host.copyNotice,
    onCopy: (code, fieldId) => void host.copy(code, fieldId),
  });
}
