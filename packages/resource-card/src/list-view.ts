/**
 * What <tandem-resource-list> does once list-ui.ts has arrived: takes the request the element started, moves it
 * through its phases, keeps the search box and filters, and renders everything but the first paint's skeleton.
 * Kept out of the element so the first download holds only the frame and the request.
 */
import { adoptStyles, css, html, type ReactiveController, type TemplateResult } from 'lit';
import { backendErrorMessage, type LocaleController } from '@tandem/core';
import { buttonStyles, machineNoteStyles } from '@tandem/core/ui.js';
import type { PublicResource } from '@tandem/protocol';
import { categoriesOf, filterResources, isCategory, languagesOf } from './list-model.js';
import { loadFailurePhase, setupError } from './load-failure.js';
import type { TandemResourceList } from './resource-list.js';
import { TandemResourceErrorEvent } from './resource.events.js';
import { listStyles, resourceStyles } from './resource.styles.js';
import { renderList } from './views/list.js';
import { renderLoading, type LoadPhase } from './views/loading.js';
import { renderState } from './views/states.js';

/** Long enough to let a word be typed, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 300;

/** Adopted next to the element's first-paint styles, in the order the single sheet used to have. */
const uiStyles = css`
  ${buttonStyles} ${resourceStyles} ${listStyles} ${machineNoteStyles}
`;

export class ListView implements ReactiveController {
  readonly #host: TandemResourceList;
  readonly #i18n: LocaleController;
  #run = 0;
  #loadError?: Error;
  #debounce?: ReturnType<typeof setTimeout>;
  /** What is in the search box; becomes `q` after a short pause. */
  #typed = '';
  /** The `q` last rendered, to tell a `q` set from outside (attribute, clearFilters) from one set by typing. */
  #shownQ = '';

  /** Made by the element once this module is here, before anything renders with the styles it adopts. */
  constructor(host: TandemResourceList, i18n: LocaleController) {
    this.#host = host;
    this.#i18n = i18n;
    if (host.renderRoot instanceof ShadowRoot) {
      adoptStyles(host.renderRoot, [...(host.constructor as typeof TandemResourceList).elementStyles, uiStyles]);
    }
    host.addController(this);
  }

  /** The resources that pass the current filters, in list order. */
  get results(): PublicResource[] {
    const { category, language, q, openNow, school, src, items, now } = this.#host;
    const filters = { category, language, q, openNow, school, staticMode: !!src };
    return filterResources(items, filters, now ?? new Date(), this.#i18n.locale);
  }

  hostUpdate(): void {
    // Set from outside (attribute, clearFilters): show it. Set by the debounce from what was typed: leave the
    // box alone, or a trailing space would vanish while the family is still typing.
    const q = this.#host.q ?? '';
    if (q !== this.#shownQ && q !== this.#typed.trim()) this.#typed = q;
    this.#shownQ = q;
  }

  hostDisconnected(): void {
    clearTimeout(this.#debounce);
  }

  /** Shows what `request` brings (undefined: nothing to ask, with or without a backend). */
  async show(hasBackend: boolean, request: Promise<PublicResource[]> | undefined): Promise<void> {
    const run = ++this.#run;
    if (!request) return this.#fail(hasBackend ? 'not-found' : 'no-backend', setupError('tandem-resource-list', hasBackend));
    this.#host.phase = 'loading';
    const loaded = await request.then(
      (items) => ({ items }),
      (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
    );
    if (run !== this.#run) return;
    if ('items' in loaded) return void Object.assign(this.#host, { items: loaded.items, phase: 'ready' });
    this.#fail(loadFailurePhase(loaded.error), loaded.error);
  }

  #fail(phase: LoadPhase, error: Error): void {
    Object.assign(this.#host, { phase, items: [] });
    this.#loadError = error;
    this.#host.emit(new TandemResourceErrorEvent({ error, message: backendErrorMessage(error) }));
  }

  readonly #onSearchInput = (event: Event) => {
    this.#typed = (event.target as HTMLInputElement).value;
    this.#host.requestUpdate();
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#applySearch(), SEARCH_DEBOUNCE_MS);
  };

  #applySearch(): void {
    clearTimeout(this.#debounce);
    this.#host.q = this.#typed.trim() || undefined;
  }

  readonly #onSubmit = (event: Event) => {
    // Enter in the search box applies the words at once; there is nothing to send anywhere.
    event.preventDefault();
    this.#applySearch();
  };

  readonly #onCategory = (event: Event) => {
    this.#host.category = (event.target as HTMLSelectElement).value || undefined;
  };

  readonly #onLanguage = (event: Event) => {
    this.#host.language = (event.target as HTMLSelectElement).value || undefined;
  };

  readonly #onOpenNow = (event: Event) => {
    this.#host.openNow = (event.target as HTMLInputElement).checked;
  };

  /** Empties the search and every filter, and puts the family back in the search box. */
  async clearFilters(): Promise<void> {
    clearTimeout(this.#debounce);
    this.#typed = '';
    Object.assign(this.#host, { q: undefined, category: undefined, language: undefined, openNow: false });
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  }

  /** The whole list; the element renders the same frame, with the skeleton, until this module arrives. */
  render(): TemplateResult {
    return html`<div part="base" class="base">
      <div class="tools"><tandem-language-switch></tandem-language-switch></div>
      ${this.#renderBody()}
    </div>`;
  }

  #renderBody() {
    const host = this.#host;
    const { phase, items, category, language } = host;
    if (phase === 'loading') return renderLoading();
    if (phase !== 'ready') {
      return renderState(phase, true, this.#loadError ? backendErrorMessage(this.#loadError) : '', () => void host.load());
    }
    return renderList({
      results: this.results,
      categories: categoriesOf(items, category),
      languages: languagesOf(items, language),
      typed: this.#typed,
      category: isCategory(category) ? category : '',
      language: language?.split('-')[0]?.toLowerCase() ?? '',
      openNow: host.openNow,
      locale: this.#i18n.locale,
      now: host.now ?? new Date(),
      onSearchInput: this.#onSearchInput,
      onSubmit: this.#onSubmit,
      onCategory: this.#onCategory,
      onLanguage: this.#onLanguage,
      onOpenNow: this.#onOpenNow,
      onClear: () => void this.clearFilters(),
    });
  }
}
