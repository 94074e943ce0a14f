/** The preview (the real <tandem-survey> over an in-memory copy of the draft) and the embed snippets. */
import { msg } from '@lit/localize';
import { isRtl } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { draftLocales, type SurveyDraft } from './survey-draft.js';
import { ownName } from './surveys-messages.js';
import type { ConsoleSurveys } from './surveys-screen.js';

export function renderPreview(host: ConsoleSurveys, draft: SurveyDraft): TemplateResult {
  const preview = host.preview;
  const locales = draftLocales(draft);
  const chosen = preview?.locale ?? draft.defaultLocale;
  return html`<section class="card" aria-labelledby="preview-heading">
    <h2 id="preview-heading">${msg('Preview', { id: 'console.surveys.preview' })}</h2>
    <p class="hint">${msg('This is what families see. Answers given here are not saved.', { id: 'console.surveys.preview.hint' })}</p>
    <div class="row">
      <div class="field">
        <label for="preview-locale">${msg('Preview language', { id: 'console.surveys.preview.language' })}</label>
        <select id="preview-locale" @change=${(event: Event) => void host.showPreview((event.target as HTMLSelectElement).value)}>
          ${host.locales.map(
            (l) => html`<option value=${l} lang=${l} ?selected=${l === chosen}>${ownName(l)}${locales.includes(l) ? '' : ' *'}</option>`,
          )}
        </select>
      </div>
      <button class="button" type="button" data-action="preview" @click=${() => host.showPreview(chosen)}>
        ${preview ? msg('Refresh preview', { id: 'console.surveys.preview.refresh' }) : msg('Show preview', { id: 'console.surveys.preview.show' })}
      </button>
    </div>
    <p class="hint">${msg('* not translated yet: families see the main language there.', { id: 'console.surveys.preview.missing' })}</p>
    ${
      preview
        ? html`<div class="preview-frame" dir=${isRtl(preview.locale) ? 'rtl' : 'ltr'}>
            <tandem-survey .backend=${preview.backend} survey=${preview.surveyId} lang=${preview.locale}></tandem-survey>
          </div>`
        : nothing
    }
  </section>`;
}

export function renderEmbed(host: ConsoleSurveys): TemplateResult {
  const snippets = host.embedSnippets();
  return html`<section class="card" aria-labelledby="embed-heading">
    <h2 id="embed-heading">${msg('Put it on your website', { id: 'console.surveys.embed' })}</h2>
    ${
      snippets
        ? html`${snippet(host, 'embed-script', msg('Script and element (most sites)', { id: 'console.surveys.embed.script' }), snippets.script)}
            ${snippet(host, 'embed-iframe', msg('Iframe (sites that remove scripts)', { id: 'console.surveys.embed.iframe' }), snippets.iframe)}
            <p role="status" class="hint">${host.copyNotice}</p>`
        : html`<p class="hint">${msg('Save the survey to get the code for your website.', { id: 'console.surveys.embed.saveFirst' })}</p>`
    }
  </section>`;
}

function snippet(host: ConsoleSurveys, id: string, label: string, code: string): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <textarea id=${id} class="code" readonly rows="3" dir="ltr" spellcheck="false" .value=${code}></textarea>
    <button class="button" type="button" data-copy=${id} @click=${() => host.copy(code, id)}>
      ${msg('Copy', { id: 'console.surveys.embed.copy' })}
    </button>
  </div>`;
}
