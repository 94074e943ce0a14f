/** <tandem-resource-card>: one school or community resource — hours, contact, map, languages spoken — and "Was this helpful?". */
import { adoptStyles, css, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { backendKeyOf, baseStyles, lazyUi, TandemElement } from '@tandem/core';
import type { PublicResource } from '@tandem/protocol';
import type * as CardUiModule from './card-ui.js';
import type { FeedbackController } from './feedback-controller.js';
import { resourceShellStyles } from './resource-shell.styles.js';
import type { FeedbackPhase } from './views/feedback.js';
import { renderLoading, type LoadPhase } from './views/loading.js';

type CardUi = typeof CardUiModule;

/** The rest of the card's code (see card-ui.ts), fetched once per page by the first card that needs it. */
const loadUi = lazyUi(
  () => import('./card-ui.js'),
  // <tandem-language-switch> and <tandem-status> come with the rest of the UI; the first paint reserves
  // the switch's room (see the shell styles), so nothing moves when it appears.
  (ui) => ui.defineTandemUi(),
);

// Fetched as soon as the widget's code runs, in parallel with its first render and the resource request.
// A failure is retried by the element's own load().
loadUi().catch(() => undefined);

/**
 * One community or school resource.
 *
 * @tagname tandem-resource-card
 * @summary A resource with hours (open now?), phone and map links, languages spoken, eligibility, cost, and "Was this helpful?".
 * @attr resource - Id of the resource to show
 * @attr backend - Base URL of a Tandem-compatible server (or set the `backend` property to a Backend object)
 * @attr lang - Language of the widget; a language the family picked with the switch wins
 * @fires tandem-feedback-sent - the family's feedback reached the backend; `detail: { resourceId, feedbackId, helpful }`
 * @fires tandem-error - loading or sending failed; `detail: { error, message }`
 * @csspart base - the whole card
 * @csspart name - the resource's name (heading)
 * @csspart category - the category label
 * @csspart hours - "Open now · closes at 5:00 PM"
 * @csspart description - the short description
 * @csspart details - contact, address, languages, eligibility and cost
 * @csspart phone-link - each `tel:`/`sms:` link
 * @csspart map-link - the map link
 * @csspart website-link - the website link
 * @csspart feedback - the "Was this helpful?" section
 * @csspart feedback-yes - the Yes button
 * @csspart feedback-no - the No button
 * @csspart feedback-send - the Send button under the comment
 * @csspart action - a state's button (Try again)
 * @cssprop --tandem-accent - links and the Send button
 * @cssprop --tandem-success - "Open now" and the thank-you
 * @cssprop --tandem-text - text colour (default: inherited)
 * @cssprop --tandem-muted-text - organization and phone labels
 * @cssprop --tandem-border - borders of inputs and the feedback divider
 * @cssprop --tandem-radius - corner radius (default 8px)
 * @cssprop --tandem-font-size - base text size (default 16px)
 * @cssprop --tandem-space - spacing unit (default 16px)
 * @cssprop --tandem-focus - focus ring colour
 * @cssprop --tandem-error - error text
 */
export class TandemResourceCard extends TandemElement {
  // First paint only; the rest (buttons, field errors, content) arrives with card-ui.ts and is adopted in willUpdate.
  static override styles = css`
    ${baseStyles} ${resourceShellStyles}
  `;

  static override properties: PropertyDeclarations = {
    resourceId: { attribute: 'resource' },
    now: { attribute: false },
    phase: { state: true, attribute: false },
    resource: { state: true, attribute: false },
  };

  /** Id of the resource to show. */
  resourceId = '';

  /** The moment "open now" is judged at; the current time when unset (stories and tests pin it). */
  now?: Date;

  /** `loading`, `ready`, `no-backend`, `not-found` or `load-error`. */
  phase: LoadPhase = 'loading';
  /** The loaded resource. */
  resource?: PublicResource;

  #loadError?: Error;
  #loadRun = 0;
  /** The card-ui module once it has arrived; every phase but `loading` renders with it. */
  #ui?: CardUi;
  #uiStylesAdopted = false;
  /**
   * "Was this helpful?" and the outbox that sends it. Attached when card-ui.ts arrives (which brings it),
   * moments after connecting; an answer queued on an earlier visit is looked for and resent from then on.
   */
  #feedback?: FeedbackController;

  /** Where "Was this helpful?" stands: `ask`, `comment`, `sending`, `queued`, `thanks` or `given` (earlier on this device). */
  get feedback(): FeedbackPhase {
    return this.#feedback?.phase ?? 'ask';
  }

  get #backendKey(): string {
    const backend = this.resolveBackend();
    return backend ? backendKeyOf(backend) : '';
  }

  /** Re-renders each minute, so "Open now" turns into "Closed" at closing time on a page left open. */
  #clock?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clock = setInterval(() => {
      if (!this.now && this.resource) this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#ui && !this.#uiStylesAdopted && this.renderRoot instanceof ShadowRoot) {
      // Before the render that first uses the UI module, so its markup never shows unstyled.
      this.#uiStylesAdopted = true;
      adoptStyles(this.renderRoot, [...(this.constructor as typeof TandemResourceCard).elementStyles, this.#ui.uiStyles]);
    }
    if (!this.hasUpdated || changed.has('resourceId') || changed.has('backend') || changed.has('backendUrl')) void this.load();
  }

  /** Loads (or reloads) the resource and whether feedback was already given on this device. */
  async load(): Promise<void> {
    try {
      await this.#load();
    } catch (error) {
      if (this.#ui) throw error;
      // The rest of the card's code could not be fetched (offline since the page opened): the skeleton
      // stays, and the card tries again once the connection is back.
      console.warn('Tandem: could not fetch the resource card code; trying again when back online', error);
      window.addEventListener('online', () => void this.load(), { once: true });
    }
  }

  async #load(): Promise<void> {
    const run = ++this.#loadRun;
    this.resource = undefined;
    this.#feedback?.reset();
    const backend = this.resolveBackend();
    // Fetched alongside the resource; no phase but `loading` is entered before it is here.
    const uiLoaded = this.#needUi();
    if (!backend || !this.resourceId) {
      await uiLoaded;
      if (run !== this.#loadRun) return;
      return this.#fail(backend ? 'not-found' : 'no-backend', this.#ui!.setupError('tandem-resource-card', !!backend));
    }
    this.phase = 'loading';
    const [loaded, earlier] = await Promise.all([
      backend.getResource(this.resourceId).then(
        (resource) => ({ resource }),
        (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
      ),
      uiLoaded.then(() => this.#feedback!.lookUp()),
    ]);
    if (run !== this.#loadRun) return;
    if ('error' in loaded) return this.#fail(this.#ui!.loadFailurePhase(loaded.error), loaded.error);
    this.resource = loaded.resource;
    this.phase = 'ready';
    this.#feedback!.show(earlier);
  }

  async #needUi(): Promise<CardUi> {
    if (this.#ui) return this.#ui;
    const ui = await loadUi();
    if (!this.#ui) {
      this.#ui = ui;
      this.#feedback = new ui.FeedbackController(this, { backendKey: () => this.#backendKey, locale: () => this.i18n.locale });
    }
    return this.#ui;
  }

  #fail(phase: LoadPhase, error: Error): void {
    this.phase = phase;
    this.#loadError = error;
    const ui = this.#ui!;
    this.emit(new ui.TandemResourceErrorEvent({ error, message: ui.backendErrorMessage(error) }));
  }

  protected override render() {
    const resource = this.resource;
    const labelledBy = resource ? 'resource-name' : this.phase === 'loading' ? nothing : 'state-heading';
    return html`<article part="base" class="base" aria-labelledby=${labelledBy}>
      <div class="tools"><tandem-language-switch .locales=${this.#ui?.switchLocales(resource?.locales)}></tandem-language-switch></div>
      ${this.#renderBody()}
    </article>`;
  }

  #renderBody() {
    const ui = this.#ui;
    const resource = this.resource;
    if (this.phase === 'loading' || !ui) return renderLoading();
    if (this.phase !== 'ready' || !resource) {
      const phase = this.phase === 'ready' ? 'load-error' : this.phase;
      return ui.renderState(phase, false, this.#loadError ? ui.backendErrorMessage(this.#loadError) : '', () => void this.load());
    }
    const locale = this.i18n.locale;
    return html`${ui.renderSummary(resource, locale, this.now ?? new Date(), 2, 'resource-name')} ${ui.renderDetails(resource, locale)}
    ${this.#feedback!.render()}`;
  }
}
