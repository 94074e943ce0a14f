/** <tandem-resource-list>: a school's resources (or a static HSDS file) with search and filters for category, language spoken and open now. */
import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { baseStyles, lazyUi, TandemElement } from '@tandem/core';
import type { PublicResource } from '@tandem/protocol';
import type { ListView } from './list-view.js';
import { resourceShellStyles } from './resource-shell.styles.js';
import { renderLoading, type LoadPhase } from './views/loading.js';

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
  // First paint only; the rest (buttons, form, results) arrives with list-ui.ts and is adopted by ListView.
  static override styles = [baseStyles, resourceShellStyles];

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

  #loadRun = 0;
  /** Everything past the skeleton (see list-view.ts): loading into phases, search, filters, rendering. Made when list-ui.ts arrives. */
  #view?: ListView;

  /** The resources that pass the current filters, in list order (none before the list's code has arrived). */
  get results(): PublicResource[] {
    return this.#view?.results ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const sources = ['school', 'organization', 'src', 'backend', 'backendUrl'] as const;
    if (!this.hasUpdated || sources.some((p) => changed.has(p))) void this.load();
  }

  /**
   * Loads every resource of the school, organization or file once; the filters then run on the device
   * with the server's own rules, so typing never waits for the network.
   */
  async load(): Promise<void> {
    const run = ++this.#loadRun;
    const backend = this.resolveBackend();
    const { src, school, organization } = this;
    // Requested here, alongside the rest of the list's code rather than after it; ListView reports how it went.
    // The static file's reader is fetched only in static mode.
    const request = src
      ? import('./static-resources.js').then((m) => m.fetchStaticResources(src))
      : backend && (school || organization)
        ? backend.listResources(school ? { school } : { organization: organization! }).then((list) => list.items)
        : undefined;
    // Handled by the view's show(); dropped unread only when the code never arrives, so never an unhandled rejection.
    request?.catch(() => undefined);
    let view = this.#view;
    if (!view) {
      try {
        view = await this.#attachView();
      } catch (error) {
        // The rest of the list's code could not be fetched (offline since the page opened): the skeleton
        // stays, and the list tries again once the connection is back.
        console.warn('Tandem: could not fetch the resource list code; trying again when back online', error);
        window.addEventListener('online', () => void this.load(), { once: true });
        return;
      }
    }
    // A later load() (another school, file or backend) may have started while the code was on its way.
    if (run === this.#loadRun) return view.show(!!backend, request);
  }

  /** Empties the search and every filter, and puts the family back in the search box. */
  async clearFilters(): Promise<void> {
    return (this.#view ?? (await this.#attachView())).clearFilters();
  }

  /** The ListView, made once list-ui.ts has arrived. */
  async #attachView(): Promise<ListView> {
    const ui = await loadUi();
    return (this.#view ??= new ui.ListView(this, this.i18n));
  }

  protected override render() {
    // Until list-ui.ts arrives: the same frame as ListView renders, with the skeleton.
    return (
      this.#view?.render() ??
      html`<div part="base" class="base">
        <div class="tools"><tandem-language-switch></tandem-language-switch></div>
        ${renderLoading()}
      </div>`
    );
  }
}
