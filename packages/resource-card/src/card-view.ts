/**
 * What <tandem-resource-card> does once card-ui.ts has arrived: takes the resource request the element started,
 * moves it through its phases, attaches "Was this helpful?", re-renders each minute, and renders everything but
 * the first paint's skeleton. Kept out of the element so the first download holds only the frame and the request.
 */
import { adoptStyles, css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { backendErrorMessage, backendKeyOf, type LocaleController } from '@tandem/core';
import { buttonStyles, fieldErrorStyles, machineNoteStyles } from '@tandem/core/ui.js';
import type { PublicResource } from '@tandem/protocol';
import { FeedbackController } from './feedback-controller.js';
import { loadFailurePhase, setupError } from './load-failure.js';
import type { TandemResourceCard } from './resource-card.js';
import { TandemResourceErrorEvent } from './resource.events.js';
import { resourceStyles } from './resource.styles.js';
import { switchLocales } from './switch-locales.js';
import { renderDetails, renderSummary } from './views/details.js';
import type { FeedbackPhase } from './views/feedback.js';
import { renderLoading, type LoadPhase } from './views/loading.js';
import { renderState } from './views/states.js';

/** Adopted next to the element's first-paint styles, in the order the single sheet used to have. */
const uiStyles = css`
  ${buttonStyles} ${fieldErrorStyles} ${resourceStyles} ${machineNoteStyles}
`;

export class CardView implements ReactiveController {
  readonly #host: TandemResourceCard;
  readonly #i18n: LocaleController;
  /** "Was this helpful?" and the outbox that sends it; an answer queued on an earlier visit is resent from now on. */
  readonly #feedback: FeedbackController;
  #run = 0;
  #loadError?: Error;
  /** Re-renders each minute, so "Open now" turns into "Closed" at closing time on a page left open. */
  #clock?: ReturnType<typeof setInterval>;

  /** Made by the element once this module is here, before anything renders with the styles it adopts. */
  constructor(host: TandemResourceCard, i18n: LocaleController) {
    this.#host = host;
    this.#i18n = i18n;
    if (host.renderRoot instanceof ShadowRoot) {
      adoptStyles(host.renderRoot, [...(host.constructor as typeof TandemResourceCard).elementStyles, uiStyles]);
    }
    this.#feedback = new FeedbackController(host, {
      backendKey: () => {
        const backend = host.resolveBackend();
        return backend ? backendKeyOf(backend) : '';
      },
      locale: () => i18n.locale,
    });
    host.addController(this);
  }

  get feedback(): FeedbackPhase {
    return this.#feedback.phase;
  }

  hostConnected(): void {
    this.#clock = setInterval(() => {
      if (!this.#host.now && this.#host.resource) this.#host.requestUpdate();
    }, 60_000);
  }

  hostDisconnected(): void {
    clearInterval(this.#clock);
  }

  /** Shows what `request` brings (undefined: no backend or no resource id), with what this device knew of the feedback. */
  async show(hasBackend: boolean, request: Promise<PublicResource> | undefined): Promise<void> {
    const run = ++this.#run;
    const host = this.#host;
    host.resource = undefined;
    this.#feedback.reset();
    if (!request) return this.#fail(hasBackend ? 'not-found' : 'no-backend', setupError('tandem-resource-card', hasBackend));
    host.phase = 'loading';
    const [loaded, earlier] = await Promise.all([
      request.then(
        (resource) => ({ resource }),
        (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
      ),
      this.#feedback.lookUp(),
    ]);
    if (run !== this.#run) return;
    if ('error' in loaded) return this.#fail(loadFailurePhase(loaded.error), loaded.error);
    host.resource = loaded.resource;
    host.phase = 'ready';
    this.#feedback.show(earlier);
  }

  #fail(phase: LoadPhase, error: Error): void {
    this.#host.phase = phase;
    this.#loadError = error;
    this.#host.emit(new TandemResourceErrorEvent({ error, message: backendErrorMessage(error) }));
  }

  /** The whole card; the element renders the same frame, with the skeleton, until this module arrives. */
  render(): TemplateResult {
    const { resource, phase } = this.#host;
    const labelledBy = resource ? 'resource-name' : phase === 'loading' ? nothing : 'state-heading';
    return html`<article part="base" class="base" aria-labelledby=${labelledBy}>
      <div class="tools"><tandem-language-switch .locales=${switchLocales(resource?.locales)}></tandem-language-switch></div>
      ${this.#renderBody()}
    </article>`;
  }

  #renderBody() {
    const host = this.#host;
    const { resource, phase } = host;
    if (phase === 'loading') return renderLoading();
    if (phase !== 'ready' || !resource) {
      const shown = phase === 'ready' ? 'load-error' : phase;
      return renderState(shown, false, this.#loadError ? backendErrorMessage(this.#loadError) : '', () => void host.load());
    }
    const locale = this.#i18n.locale;
    return html`${renderSummary(resource, locale, host.now ?? new Date(), 2, 'resource-name')} ${renderDetails(resource, locale)}
    ${this.#feedback.render()}`;
  }
}
