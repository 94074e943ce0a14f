/** What <tandem-message-box> and <tandem-inbox> share before their UI arrives: the `messaging` property, the skeleton, styles adopted as chunks load. */
import { adoptStyles, html, type CSSResultOrNative, type PropertyDeclarations, type ReactiveController, type TemplateResult } from 'lit';
import { TandemElement } from '@tandem/core';
import type { MessagingBackend } from './client/messaging-backend.js';

/** The widget's behaviour once its UI chunk is here; it renders everything inside the base part. */
export interface WidgetApp extends ReactiveController {
  render(): unknown;
  readonly phase: string;
}

export abstract class MessagingElement extends TandemElement {
  static override properties: PropertyDeclarations = { messaging: { attribute: false } };

  /** A MessagingBackend object (in-memory for stories and tests, or a school system's own); wins over `backend`. */
  messaging?: MessagingBackend;

  protected app?: WidgetApp;
  #sheets: CSSResultOrNative[] = [];
  #starting = false;

  /** The language the widget speaks now (and reads translations in). */
  get uiLocale(): string {
    return this.i18n.locale;
  }

  /** Where the widget is: `loading`, `signed-out`, `home`, `thread`, `no-backend`… */
  get phase(): string {
    return this.app?.phase ?? 'loading';
  }

  /** Fetches the UI chunk and builds the app. */
  protected abstract startApp(): Promise<WidgetApp>;
  protected abstract renderLoading(): TemplateResult;

  /** Adopts a chunk's styles next to the first-paint ones, before the render that uses them. */
  adoptExtraStyles(...sheets: CSSResultOrNative[]): void {
    const fresh = sheets.filter((s) => !this.#sheets.includes(s));
    if (fresh.length === 0) return;
    this.#sheets.push(...fresh);
    if (this.renderRoot instanceof ShadowRoot) {
      adoptStyles(this.renderRoot, [...(this.constructor as typeof MessagingElement).elementStyles, ...this.#sheets]);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.app) void this.#start();
  }

  async #start(): Promise<void> {
    if (this.#starting) return;
    this.#starting = true;
    try {
      this.app = await this.startApp();
      this.requestUpdate();
    } catch (error) {
      // The UI code could not be fetched (offline since the page opened): try again when back online.
      console.warn('Tandem: could not fetch the message box code; trying again when back online', error);
      window.addEventListener('online', () => void this.#start(), { once: true });
    } finally {
      this.#starting = false;
    }
  }

  protected override render() {
    return html`<div part="base" class="base">${this.app ? this.app.render() : this.renderLoading()}</div>`;
  }
}
