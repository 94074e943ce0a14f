/** <tandem-resource-card>: one school or community resource — hours, contact, map, languages spoken — and "Was this helpful?". */
import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { baseStyles, lazyUi, TandemElement } from '@tandem/core';
import type { PublicResource } from '@tandem/protocol';
import type { CardView } from './card-view.js';
import { resourceShellStyles } from './resource-shell.styles.js';
import type { FeedbackPhase } from './views/feedback.js';
import { renderLoading, type LoadPhase } from './views/loading.js';

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
  // First paint only; the rest (buttons, field errors, content) arrives with card-ui.ts and is adopted by CardView.
  static override styles = [baseStyles, resourceShellStyles];

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

  #loadRun = 0;
  /** Everything past the skeleton (see card-view.ts): loading into phases, feedback, rendering. Made when card-ui.ts arrives. */
  #view?: CardView;

  /** Where "Was this helpful?" stands: `ask`, `comment`, `sending`, `queued`, `thanks` or `given` (earlier on this device). */
  get feedback(): FeedbackPhase {
    return this.#view?.feedback ?? 'ask';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated || changed.has('resourceId') || changed.has('backend') || changed.has('backendUrl')) void this.load();
  }

  /** Loads (or reloads) the resource and whether feedback was already given on this device. */
  async load(): Promise<void> {
    const run = ++this.#loadRun;
    const backend = this.resolveBackend();
    // Requested here, alongside the rest of the card's code rather than after it; CardView reports how it went.
    const request = backend && this.resourceId ? backend.getResource(this.resourceId) : undefined;
    // Handled by the view's show(); dropped unread only when the code never arrives, so never an unhandled rejection.
    request?.catch(() => undefined);
    if (!this.#view) {
      try {
        const ui = await loadUi();
        this.#view ??= new ui.CardView(this, this.i18n);
      } catch (error) {
        // The rest of the card's code could not be fetched (offline since the page opened): the skeleton
        // stays, and the card tries again once the connection is back.
        console.warn('Tandem: could not fetch the resource card code; trying again when back online', error);
        window.addEventListener('online', () => void this.load(), { once: true });
        return;
      }
      // A later load() (another resource, another backend) started while the code was on its way.
      if (run !== this.#loadRun) return;
    }
    return this.#view.show(!!backend, request);
  }

  protected override render() {
    // Until card-ui.ts arrives: the same frame as CardView renders, with the skeleton.
    return (
      this.#view?.render() ??
      html`<article part="base" class="base">
        <div class="tools"><tandem-language-switch></tandem-language-switch></div>
        ${renderLoading()}
      </article>`
    );
  }
}
