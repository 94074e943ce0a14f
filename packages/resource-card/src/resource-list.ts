/** <tandem-resource-list>: a school's resources (or a static HSDS file) with search and filters for category, language spoken and open now. */
import { adoptStyles, css, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { type Backend, baseStyles, lazyUi, TandemElement } from '@tandem/core';
import type { PublicResource, ResourceQuery } from '@tandem/protocol';
import type * as ListUiModule from './list-ui.js';
import { resourceShellStyles } from './resource-shell.styles.js';
import { renderLoading, type LoadPhase } from './views/loading.js';

/** Long enough to let a word be typed, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 300;

type ListUi = typeof ListUiModule;

/** The rest of the list's code (see list-ui.ts), fetched once per page by the first list that needs it. */
const loadUi = lazyUi(
  () => import('./list-ui.js'),
  // <tandem-language-switch> and <tandem-status> come with the rest of the UI; the first paint reserves
  // the switch's room (see the shell styles), so nothing moves when it appears.
  (ui) => ui.defineTandemUi(),
);

// Fetched as soon as the widget's code runs, in parallel with its first render and the resources request.
// A failure is retried by the element's own load().
loadUi().catch(() => undefined);

/**
 * A searchable, filterable list of resources.
 *
 * @tagname tandem-resource-list
 * @summary School and community resources with search and filters (category, language spoken, open now), from a Tandem server or a static HSDS file.
 * @attr school - Id of the school whose resources to list (or use `organization`)
 * @attr organization - Slug of the organization (district) whose resources to list
 * @attr src - URL of an HSDS-style JSON file to read instead of a Tandem server (static mode)
 * @attr category - Category filter (`food`, `health`, …); reflects the family's choice
 * @attr language - Language-spoken filter (BCP 47, `es` matches `es-MX`); reflects the family's choice
 * @attr q - Search words; reflects what the family typed (after a short pause)
 * @attr open-now - Only resources open right now; reflects the checkbox
 * @attr backend - Base URL of a Tandem-compatible server (or set the `backend` property to a Backend object)
 * @attr lang - Language of the widget; a language the family picked with the switch wins
 * @fires tandem-error - loading failed; `detail: { error, message }`
 * @csspart base - the whole list
 * @csspart search - the search and filter form
 * @csspart count - the number of results (a polite live region)
 * @csspart results - the list of resources
 * @csspart item - one resource in the list
 * @csspart name - a resource's name
 * @csspart category - a resource's category
 * @csspart hours - "Open now · closes at 5:00 PM"
 * @csspart description - a resource's short description
 * @csspart details - contact, address, languages, eligibility and cost (inside "More details")
 * @csspart phone-link - each `tel:`/`sms:` link
 * @csspart map-link - each map link
 * @csspart website-link - each website link
 * @csspart empty - the "nothing matches" message
 * @csspart clear - the Clear filters button
 * @csspart action - a state's button (Try again)
 * @cssprop --tandem-accent - links and buttons
 * @cssprop --tandem-success - "Open now"
 * @cssprop --tandem-text - text colour (default: inherited)
 * @cssprop --tandem-muted-text - organization and phone labels
 * @cssprop --tandem-border - borders of inputs and between results
 * @cssprop --tandem-radius - corner radius (default 8px)
 * @cssprop --tandem-font-size - base text size (default 16px)
 * @cssprop --tandem-space - spacing unit (default 16px)
 * @cssprop --tandem-focus - focus ring colour
 */
export class TandemResourceList extends TandemElement {
  // First paint only; the rest (buttons, form, results) arrives with list-ui.ts and is adopted in willUpdate.
  static override styles = css`
    ${baseStyles} ${resourceShellStyles}
  `;

  static override properties: PropertyDeclarations = {
    school: { reflect: true },
    organization: { reflect: true },
    src: { reflect: true },
    category: { reflect: true },
    language: { reflect: true },
    q: { reflect: true },
    openNow: { attribute: 'open-now', type: Boolean, reflect: true },
    now: { attribute: false },
    phase: { state: true, attribute: false },
    items: { state: true, attribute: false },
    typed: { state: true, attribute: false },
  };

  school?: string;
  organization?: string;
  /** URL of an HSDS-style JSON file; when set, no server is asked. */
  src?: string;
  category?: string;
  language?: string;
  /** Search words. */
  q?: string;
  openNow = false;
  /** The moment "open now" is judged at; the current time when unset (stories and tests pin it). */
  now?: Date;

  /** `loading`, `ready`, `no-backend`, `not-found` or `load-error`. */
  phase: LoadPhase = 'loading';
  /** Every resource loaded, before the family's filters. */
  items: PublicResource[] = [];
  /** What is in the search box; becomes `q` after a short pause. */
  private typed = '';

  #loadRun = 0;
  #loadError?: Error;
  #debounce?: ReturnType<typeof setTimeout>;
  /** The list-ui module once it has arrived; every phase but `loading` renders with it. */
  #ui?: ListUi;
  #uiStylesAdopted = false;

  /** The resources that pass the current filters, in list order (none before the list's code has arrived). */
  get results(): PublicResource[] {
    if (!this.#ui) return [];
    const filters = { category: this.category, language: this.language, q: this.q, openNow: this.openNow, school: this.school };
    return this.#ui.filterResources(this.items, { ...filters, staticMode: !!this.src }, this.now ?? new Date(), this.i18n.locale);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#debounce);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#ui && !this.#uiStylesAdopted && this.renderRoot instanceof ShadowRoot) {
      // Before the render that first uses the UI module, so its markup never shows unstyled.
      this.#uiStylesAdopted = true;
      adoptStyles(this.renderRoot, [...(this.constructor as typeof TandemResourceList).elementStyles, this.#ui.uiStyles]);
    }
    // Set from outside (attribute, clearFilters): show it. Set by the debounce from what was typed: leave the
    // box alone, or a trailing space would vanish while the family is still typing.
    if (changed.has('q') && (this.q ?? '') !== this.typed.trim()) this.typed = this.q ?? '';
    const sources = ['school', 'organization', 'src', 'backend', 'backendUrl'] as const;
    if (!this.hasUpdated || sources.some((p) => changed.has(p))) void this.load();
  }

  /**
   * Loads every resource of the school, organization or file once; the filters then run on the device
   * with the server's own rules, so typing never waits for the network.
   */
  async load(): Promise<void> {
    try {
      await this.#load();
    } catch (error) {
      if (this.#ui) throw error;
      // The rest of the list's code could not be fetched (offline since the page opened): the skeleton
      // stays, and the list tries again once the connection is back.
      console.warn('Tandem: could not fetch the resource list code; trying again when back online', error);
      window.addEventListener('online', () => void this.load(), { once: true });
    }
  }

  async #load(): Promise<void> {
    const run = ++this.#loadRun;
    const backend = this.resolveBackend();
    // Fetched alongside the resources; no phase but `loading` is entered before it is here.
    const uiLoaded = this.#needUi();
    if (!this.src && (!backend || (!this.school && !this.organization))) {
      await uiLoaded;
      if (run !== this.#loadRun) return;
      return this.#fail(backend ? 'not-found' : 'no-backend', this.#ui!.setupError('tandem-resource-list', !!backend));
    }
    this.phase = 'loading';
    const [loaded] = await Promise.all([
      this.#fetchItems(backend).then(
        (items) => ({ items }),
        (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
      ),
      uiLoaded,
    ]);
    if (run !== this.#loadRun) return;
    if ('items' in loaded) return void Object.assign(this, { items: loaded.items, phase: 'ready' });
    this.#fail(this.#ui!.loadFailurePhase(loaded.error), loaded.error);
  }

  /** From the static file (its reader is fetched only then), else from the school's or organization's server. */
  async #fetchItems(backend: Backend | undefined): Promise<PublicResource[]> {
    if (this.src) return (await import('./static-resources.js')).fetchStaticResources(this.src);
    const query: ResourceQuery = this.school ? { school: this.school } : { organization: this.organization! };
    return (await backend!.listResources(query)).items;
  }

  async #needUi(): Promise<ListUi> {
    return (this.#ui ??= await loadUi());
  }

  #fail(phase: LoadPhase, error: Error): void {
    Object.assign(this, { phase, items: [] });
    this.#loadError = error;
    const ui = this.#ui!;
    this.emit(new ui.TandemResourceErrorEvent({ error, message: ui.backendErrorMessage(error) }));
  }
  readonly #onSearchInput = (event: Event) => {
    this.typed = (event.target as HTMLInputElement).value;
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#applySearch(), SEARCH_DEBOUNCE_MS);
  };

  #applySearch(): void {
    clearTimeout(this.#debounce);
    this.q = this.typed.trim() || undefined;
  }

  readonly #onSubmit = (event: Event) => {
    // Enter in the search box applies the words at once; there is nothing to send anywhere.
    event.preventDefault();
    this.#applySearch();
  };

  readonly #onCategory = (event: Event) => {
    this.category = (event.target as HTMLSelectElement).value || undefined;
  };

  readonly #onLanguage = (event: Event) => {
    this.language = (event.target as HTMLSelectElement).value || undefined;
  };

  readonly #onOpenNow = (event: Event) => {
    this.openNow = (event.target as HTMLInputElement).checked;
  };

  /** Empties the search and every filter, and puts the family back in the search box. */
  async clearFilters(): Promise<void> {
    clearTimeout(this.#debounce);
    Object.assign(this, { q: undefined, typed: '', category: undefined, language: undefined, openNow: false });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  }

  protected override render() {
    return html`<div part="base" class="base">
      <div class="tools"><tandem-language-switch></tandem-language-switch></div>
      ${this.#renderBody()}
    </div>`;
  }

  #renderBody() {
    const ui = this.#ui;
    if (this.phase === 'loading' || !ui) return renderLoading();
    if (this.phase !== 'ready') {
      return ui.renderState(this.phase, true, this.#loadError ? ui.backendErrorMessage(this.#loadError) : '', () => void this.load());
    }
    return ui.renderList({
      results: this.results,
      categories: ui.categoriesOf(this.items, this.category),
      languages: ui.languagesOf(this.items, this.language),
      typed: this.typed,
      category: ui.isCategory(this.category) ? this.category : '',
      language: this.language?.split('-')[0]?.toLowerCase() ?? '',
      openNow: this.openNow,
      locale: this.i18n.locale,
      now: this.now ?? new Date(),
      onSearchInput: this.#onSearchInput,
      onSubmit: this.#onSubmit,
      onCategory: this.#onCategory,
      onLanguage: this.#onLanguage,
      onOpenNow: this.#onOpenNow,
      onClear: () => void this.clearFilters(),
    });
  }
}
