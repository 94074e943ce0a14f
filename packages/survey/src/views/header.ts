/** The survey's header: language tools, title, description and a note when the survey is not in the family's language. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { matchSupportedLocale, SUPPORTED_LOCALES, type PublicSurvey, type SupportedLocale } from '@tandem/protocol';
import { renderHeaderFrame } from './loading.js';
import { fallsBack, languageName, localized, ownLanguageName, type TextContext } from '../localized-text.js';

export interface HeaderOptions {
  survey: PublicSurvey | undefined;
  text: TextContext;
  /** The second language the family chose for the bilingual view, or undefined when it is off. */
  second: string | undefined;
  onBilingual(locale: string | null): void;
}

/** The survey's own languages first (those the family can read it in), then every UI language. */
export function switchLocales(survey: PublicSurvey | undefined): SupportedLocale[] {
  const content = (survey?.locales ?? []).map((l) => matchSupportedLocale(l)).filter((l): l is SupportedLocale => !!l);
  return [...new Set([...content, ...SUPPORTED_LOCALES])];
}

function bilingualTools(options: HeaderOptions): TemplateResult | typeof nothing {
  const { survey, text, second } = options;
  const others = (survey?.locales ?? []).filter((l) => l !== text.locale);
  if (others.length === 0) return nothing;
  const toggle = (e: Event) => options.onBilingual((e.target as HTMLInputElement).checked ? (others[0] ?? null) : null);
  const choose = (e: Event) => options.onBilingual((e.target as HTMLSelectElement).value);
  return html`<div class="bilingual-tools">
    <label class="bilingual-toggle">
      <input type="checkbox" .checked=${!!second} @change=${toggle} />
      <span>${msg('Show in two languages', { id: 'survey.bilingual-toggle' })}</span>
    </label>
    ${
      second && others.length > 1
        ? html`<label class="second-language-picker">
            <span>${msg('Second language', { id: 'survey.second-language' })}</span>
            <select @change=${choose}>
              ${others.map((l) => html`<option value=${l} lang=${l} ?selected=${l === second}>${ownLanguageName(l)}</option>`)}
            </select>
          </label>`
        : nothing
    }
  </div>`;
}

/** Said once for the whole survey when none of it is in the family's language. */
function languageNote(survey: PublicSurvey, text: TextContext): TemplateResult | typeof nothing {
  const fallback = fallsBack(survey.title, text);
  if (!fallback) return nothing;
  const wanted = languageName(text.locale);
  const shown = languageName(fallback);
  return html`<p class="fallback-note fallback-note--survey">
    ${msg(str`This survey is not yet available in ${wanted}. It is shown in ${shown}.`, { id: 'survey.not-in-language' })}
  </p>`;
}

export function renderHeader(options: HeaderOptions): TemplateResult {
  const { survey, text } = options;
  const content = survey
    ? html`<h2 class="title" id="survey-title">${localized(survey.title, text)}</h2>
        ${survey.description ? html`<p class="description">${localized(survey.description, text)}</p>` : nothing}
        ${languageNote(survey, text)}`
    : nothing;
  return renderHeaderFrame(switchLocales(survey), bilingualTools(options), content);
}
