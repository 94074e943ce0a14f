/**
 * <console-survey-results>: one survey's answers as charts, text answers with machine translations into the
 * reader's language (the original one click away), filters by language and date, CSV export and live refresh.
 */
import { msg, str } from '@lit/localize';
import { baseStyles, localeDisplayName, TandemElement } from '@tandem/core';
import { buttonStyles } from '@tandem/core/ui.js';
import {
  pickText,
  routePath,
  routes,
  type ConsoleSession,
  type ContentTranslationResult,
  type QuestionResult,
  type Survey,
  type SurveyResults,
} from '@tandem/protocol';
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ConsoleError, type ConsoleCaller } from '../../../console-client.js';
import { problemMessage } from '../../../console-messages.js';
import { contentStyles } from '../../common/content.styles.js';
import { surveysStyles } from '../surveys.styles.js';
import { averageText, barsFor, renderBars } from './results-charts.js';
import { resultsStyles } from './results.styles.js';

/** How often results refresh by themselves while the page is visible. */
export const REFRESH_MS = 30_000;

export interface ResultsFilters {
  locale: string;
  from: string;
  to: string;
}

const sameLanguage = (a: string, b: string) => a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
const textKey = (locale: string, text: string) => `${locale}\u0000${text}`;

export class ConsoleSurveyResults extends TandemElement {
  static override styles = css`
    ${baseStyles} ${buttonStyles} ${contentStyles} ${surveysStyles} ${resultsStyles}
  `;

  static override properties: PropertyDeclarations = {
    ...TandemElement.properties,
    api: { attribute: false },
    session: { attribute: false },
    surveyId: { attribute: 'survey-id' },
    survey: { state: true },
    results: { state: true },
    error: { state: true },
    filters: { state: true },
    loading: { state: true },
    refreshedAt: { state: true },
    translationNote: { state: true },
    exportNote: { state: true },
  };

  api: ConsoleCaller | undefined;
  session: ConsoleSession | undefined;
  surveyId = '';
  survey: Survey | undefined;
  results: SurveyResults | undefined;
  error = '';
  filters: ResultsFilters = { locale: '', from: '', to: '' };
  loading = false;
  refreshedAt: Date | undefined;
  translationNote = '';
  exportNote = '';
  /** Machine translations of text answers into the reader's language, by language + text. */
  translations = new Map<string, string>();
  /** Text answers the reader switched back to as written. */
  showingOriginal = new Set<string>();
  /** Languages answers came in, gathered across loads so a filter never hides its own choices. */
  knownLocales = new Set<string>();
  #timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(() => {
      if (document.visibilityState === 'visible' && !this.loading && !this.error) void this.load();
    }, REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  protected override firstUpdated(): void {
    // Opening results is a change of view: focus its heading so screen readers announce where they are.
    this.shadowRoot!.querySelector<HTMLElement>('#results-heading')?.focus();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('api') || changed.has('surveyId')) && this.api && this.surveyId) void this.load();
  }

  get uiLocale(): string {
    return this.i18n.locale;
  }

  get query(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.filters).filter(([, v]) => v !== ''));
  }

  async load(): Promise<void> {
    if (!this.api || !this.surveyId) return;
    this.loading = true;
    try {
      const params = { surveyId: this.surveyId };
      if (!this.survey) this.survey = await this.api.call<Survey>(routes.getSurvey, { params });
      const results = await this.api.call<SurveyResults>(routes.getSurveyResults, { params, query: this.query });
      for (const locale of Object.keys(results.locales)) this.knownLocales.add(locale);
      this.results = results;
      this.error = '';
      this.refreshedAt = new Date();
      await this.translateTexts(results);
    } catch (error) {
      this.error =
        error instanceof ConsoleError && (error.status === 403 || error.status === 404)
          ? msg('You cannot see this survey. It belongs to a school you do not work with, or it no longer exists.', {
              id: 'console.results.error.forbidden',
            })
          : problemMessage(error);
    } finally {
      this.loading = false;
    }
  }

  /** Asks once per language for the text answers not yet translated into the reader's language. */
  async translateTexts(results: SurveyResults): Promise<void> {
    const wanted = new Map<string, Set<string>>();
    for (const q of results.questions) {
      for (const t of q.texts ?? []) {
        if (sameLanguage(t.locale, this.uiLocale) || this.translations.has(textKey(t.locale, t.text))) continue;
        if (!wanted.has(t.locale)) wanted.set(t.locale, new Set());
        wanted.get(t.locale)!.add(t.text);
      }
    }
    for (const [from, set] of wanted) {
      const texts = [...set].slice(0, 50);
      try {
        const answer = await this.api!.call<ContentTranslationResult>(routes.translateContent, {
          body: { from, to: [this.uiLocale], texts },
        });
        const target = answer.targets.find((t) => t.locale === this.uiLocale) ?? answer.targets[0];
        target?.texts.forEach((translated, i) => {
          if (translated) this.translations.set(textKey(from, texts[i]!), translated);
        });
      } catch (error) {
        this.translationNote =
          error instanceof ConsoleError && error.status === 503
            ? msg('No translation service is set up, so answers are shown as written.', { id: 'console.results.translate.unavailable' })
            : msg('Some answers could not be translated; they are shown as written.', { id: 'console.results.translate.failed' });
      }
    }
    this.requestUpdate();
  }

  toggleOriginal(key: string): void {
    if (this.showingOriginal.has(key)) this.showingOriginal.delete(key);
    else this.showingOriginal.add(key);
    this.requestUpdate();
  }

  applyFilters(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    this.filters = { locale: value('locale'), from: value('from'), to: value('to') };
    void this.load();
  }

  clearFilters(): void {
    this.filters = { locale: '', from: '', to: '' };
    void this.load();
  }

  /** Fetches the CSV with the session cookie and saves it, so the export honours the same filters. */
  async exportCsv(): Promise<void> {
    this.exportNote = '';
    const url = new URL(routePath(routes.getSurveyResultsCsv, { surveyId: this.surveyId }), location.origin);
    for (const [name, value] of Object.entries(this.query)) url.searchParams.set(name, value);
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/csv' } });
      if (!response.ok) throw new ConsoleError(response.status === 403 ? 'forbidden' : 'server', response.status);
      this.save(await response.blob(), `survey-${this.surveyId}-results.csv`);
      this.exportNote = msg('The CSV file was downloaded.', { id: 'console.results.export.done' });
    } catch (error) {
      this.exportNote = problemMessage(error);
    }
  }

  save(blob: Blob, filename: string): void {
    const href = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = href;
    link.download = filename;
    link.hidden = true;
    this.shadowRoot!.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 1000);
  }

  back(): void {
    this.dispatchEvent(new CustomEvent('results-back', { bubbles: true, composed: true }));
  }

  protected override render(): TemplateResult {
    const survey = this.survey;
    const title = survey ? pickText(survey.title, this.uiLocale, survey.defaultLocale) : undefined;
    return html`<section class="results" aria-labelledby="results-heading">
      <div class="heading-row">
        <h1 id="results-heading" tabindex="-1">
          ${msg('Results', { id: 'console.results.title' })}${title ? html`: <span lang=${title.locale}>${title.text}</span>` : nothing}
        </h1>
        <button class="button" type="button" data-action="results-back" @click=${() => this.back()}>
          ${msg('Back to surveys', { id: 'console.results.back' })}
        </button>
      </div>
      ${this.error ? html`<p class="alert" role="alert" id="results-error">${this.error}</p>` : nothing}
      ${survey && !this.error ? this.#renderBody(survey) : !this.error ? html`<p role="status">${msg('Loading results…', { id: 'console.results.loading' })}</p>` : nothing}
    </section>`;
  }

  #renderBody(survey: Survey): TemplateResult {
    const results = this.results;
    const responses = new Intl.NumberFormat(this.uiLocale).format(results?.responseCount ?? 0);
    const school = this.session?.schools.find((s) => s.id === survey.schoolId)?.name ?? survey.schoolId;
    return html`<p class="results-meta">${msg(str`School: ${school}`, { id: 'console.results.school' })}</p>
      ${this.#renderToolbar()} ${this.#renderFilters(survey)}
      ${
        results
          ? html`<p id="response-count" role="status">
                ${
                  results.responseCount === 1
                    ? msg('1 response', { id: 'console.results.countOne' })
                    : msg(str`${responses} responses`, { id: 'console.results.count' })
                }
              </p>
              ${this.translationNote ? html`<p class="notice" id="translation-note">${this.translationNote}</p>` : nothing}
              ${results.questions.map((q, i) => this.#renderQuestion(q, i, survey))}`
          : nothing
      }`;
  }

  #renderToolbar(): TemplateResult {
    const time = this.refreshedAt ? new Intl.DateTimeFormat(this.uiLocale, { timeStyle: 'medium' }).format(this.refreshedAt) : '';
    return html`<div class="toolbar">
      <button class="button" type="button" data-action="refresh" ?disabled=${this.loading} @click=${() => this.load()}>
        ${msg('Refresh', { id: 'console.results.refresh' })}
      </button>
      <button class="button" type="button" data-action="export" @click=${() => this.exportCsv()}>
        ${msg('Download CSV', { id: 'console.results.export' })}
      </button>
      <span class="results-meta" id="refreshed">
        ${time ? msg(str`Updated ${time}. Refreshes every 30 seconds.`, { id: 'console.results.refreshed' }) : nothing}
      </span>
      <span role="status" id="export-note">${this.exportNote}</span>
    </div>`;
  }

  #renderFilters(survey: Survey): TemplateResult {
    const locales = [...new Set([survey.defaultLocale, ...Object.keys(survey.title), ...this.knownLocales])];
    return html`<form class="filters" aria-labelledby="filters-heading" @submit=${(e: Event) => this.applyFilters(e)}>
      <h2 id="filters-heading" class="visually-hidden">${msg('Filters', { id: 'console.results.filters' })}</h2>
      <label
        >${msg('Language of the answer', { id: 'console.results.filter.locale' })}
        <select name="locale" id="filter-locale" .value=${this.filters.locale}>
          <option value="" ?selected=${this.filters.locale === ''}>
            ${msg('All languages', { id: 'console.results.filter.allLocales' })}
          </option>
          ${locales.map((l) => html`<option value=${l} ?selected=${this.filters.locale === l}>${localeDisplayName(l)}</option>`)}
        </select>
      </label>
      <label
        >${msg('From', { id: 'console.results.filter.from' })}
        <input type="date" name="from" id="filter-from" .value=${this.filters.from} />
      </label>
      <label
        >${msg('To', { id: 'console.results.filter.to' })}
        <input type="date" name="to" id="filter-to" .value=${this.filters.to} />
      </label>
      <button class="button button--primary" type="submit" data-action="apply-filters">
        ${msg('Apply filters', { id: 'console.results.filter.apply' })}
      </button>
      <button class="button" type="button" data-action="clear-filters" @click=${() => this.clearFilters()}>
        ${msg('Clear', { id: 'console.results.filter.clear' })}
      </button>
    </form>`;
  }

  #renderQuestion(result: QuestionResult, index: number, survey: Survey): TemplateResult {
    const prompt = pickText(result.prompt, this.uiLocale, survey.defaultLocale);
    const headingId = `q-${index}`;
    const people = new Intl.NumberFormat(this.uiLocale).format(result.answered);
    const answered =
      result.answered === 1
        ? msg('1 person answered', { id: 'console.results.answeredOne' })
        : msg(str`${people} people answered`, { id: 'console.results.answered' });
    let body: TemplateResult;
    if (result.texts) {
      body = this.#renderTexts(result);
    } else {
      const bars = barsFor(result, this.uiLocale, survey.defaultLocale);
      const caption = msg(str`Answers to: ${prompt.text}`, { id: 'console.results.caption' });
      body = html`${renderBars(result.questionId, caption, bars, result.answered, this.uiLocale)}
      ${
        result.distribution
          ? html`<p class="average" data-average=${result.questionId}>
              ${averageText(result.average, result.distribution.length, this.uiLocale)}
            </p>`
          : nothing
      }`;
    }
    return html`<article class="question-result" aria-labelledby=${headingId} data-question=${result.questionId}>
      <h2 id=${headingId} lang=${prompt.locale}>${prompt.text}</h2>
      <p class="results-meta">${answered}</p>
      ${body}
    </article>`;
  }

  #renderTexts(result: QuestionResult): TemplateResult {
    const texts = result.texts ?? [];
    if (texts.length === 0) return html`<p>${msg('No answers yet.', { id: 'console.results.texts.none' })}</p>`;
    const date = new Intl.DateTimeFormat(this.uiLocale, { dateStyle: 'medium' });
    return html`<ul class="text-answers">
      ${texts.map((t, i) => {
        const key = textKey(t.locale, t.text);
        const translation = this.translations.get(key);
        const original = !translation || this.showingOriginal.has(key);
        const id = `${result.questionId}-${i}`;
        return html`<li data-text=${id}>
          <p class="text-answer" lang=${original ? t.locale : this.uiLocale} id="text-${id}">${original ? t.text : translation}</p>
          <p class="results-meta">
            ${localeDisplayName(t.locale)} · <time datetime=${t.submittedAt}>${date.format(new Date(t.submittedAt))}</time>
            ${translation && !original ? html` · ${msg('Machine translation', { id: 'console.results.texts.machine' })}` : nothing}
          </p>
          ${
            translation
              ? html`<button
                  class="link"
                  type="button"
                  data-toggle=${id}
                  aria-controls="text-${id}"
                  @click=${() => this.toggleOriginal(key)}
                >
                  ${
                    original
                      ? msg('Show translation', { id: 'console.results.texts.showTranslation' })
                      : msg('Show original', { id: 'console.results.texts.showOriginal' })
                  }
                </button>`
              : nothing
          }
        </li>`;
      })}
    </ul>`;
  }
}
