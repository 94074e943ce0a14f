/** A tiny widget used only by core's tests: loads a survey title through the resolved backend. */
import { msg } from '@lit/localize';
import type { PublicSurvey } from '@tandem/protocol';
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { backendErrorMessage, notConnectedMessage, TandemElement, type BackendError } from '../src/index.js';
import { defineTandemUi } from '../src/ui/index.js';

export class TestWidget extends TandemElement {
  @state() survey?: PublicSurvey;
  @state() error?: BackendError;
  private loadedFrom?: unknown;

  /** Exposed for tests; widgets keep it protected. */
  get locale() {
    return this.i18n;
  }

  /** What the very first render showed, to prove it was already in the family's language. */
  firstRenderText = '';

  protected override firstUpdated(): void {
    this.firstRenderText = (this.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  protected override updated(): void {
    // Only a Backend object is asked for data: URL-configured test widgets must not hit the network.
    const backend = this.backend;
    if (backend && backend !== this.loadedFrom) {
      this.loadedFrom = backend;
      backend.getSurvey('demo').then(
        (survey) => (this.survey = survey),
        (error: BackendError) => (this.error = error),
      );
    }
  }

  protected override render() {
    const backend = this.resolveBackend();
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${msg('Language', { id: 'core.language' })}</h2>
      <tandem-language-switch .value=${this.i18n.locale}></tandem-language-switch>
      ${
        !backend
          ? html`<p>${notConnectedMessage()}</p>`
          : this.error
            ? html`<p>${backendErrorMessage(this.error)}</p>`
            : html`<p>${this.survey ? (this.survey.title[this.i18n.locale] ?? this.survey.title.en) : '…'}</p>`
      }
    </section>`;
  }
}

defineTandemUi();
TestWidget.define('tandem-test-widget');

declare global {
  interface HTMLElementTagNameMap {
    'tandem-test-widget': TestWidget;
  }
}
