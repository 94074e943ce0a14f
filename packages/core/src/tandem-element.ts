/** TandemElement: the thin base of every widget — define(), emit(), locale wiring and backend resolution. */
import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import type { Backend } from './backend.js';
import { baseStyles } from './base-styles.js';
import { LOCALE_REQUEST_EVENT, type TandemLocaleRequestEvent } from './events.js';
import { backendForUrl, loadHttpBackends } from './http-backend-registry.js';
import { composedParent } from './localization.js';
import { LocaleController } from './locale-controller.js';

declare global {
  // Set by the /tandem.js loader to the directory it was served from.
  var tandemBackendBase: string | undefined;
}

/** Longest the first render waits for UI strings before showing English rather than nothing. */
const FIRST_RENDER_STRINGS_WAIT_MS = 1500;

/** The outbox key of a backend: its base URL for HttpBackend, `memory` for MemoryBackend. */
export function backendKeyOf(backend: Backend): string {
  const key = (backend as { key?: unknown }).key;
  return typeof key === 'string' ? key : 'custom';
}

/** The nearest `<tandem-config backend>` above `el`, crossing shadow roots. */
export function configBackendUrl(el: Element): string | undefined {
  for (let node = composedParent(el); node; node = composedParent(node)) {
    if (node instanceof Element && node.localName === 'tandem-config') {
      const url = node.getAttribute('backend');
      if (url) return url;
    }
  }
  return undefined;
}

/**
 * Base of every Tandem widget. Theme with these custom properties on the widget or any ancestor:
 * @cssprop [--tandem-accent=#1d4ed8] - Primary buttons, selected options.
 * @cssprop [--tandem-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--tandem-text=currentColor] - Body text; inherits the page's colour by default.
 * @cssprop [--tandem-muted-text] - Help text; defaults to the text colour at 75%.
 * @cssprop [--tandem-surface=transparent] - Widget background.
 * @cssprop [--tandem-field-surface=Field] - Input background.
 * @cssprop [--tandem-field-text=FieldText] - Input text.
 * @cssprop [--tandem-border] - Borders; defaults to the text colour at 55%.
 * @cssprop [--tandem-radius=8px] - Corner radius.
 * @cssprop [--tandem-font-size=16px] - Base size; use px or rem (never shrinks with a tiny root font size).
 * @cssprop [--tandem-line-height=1.5]
 * @cssprop [--tandem-space=16px] - Base spacing unit.
 * @cssprop [--tandem-focus=#1d4ed8] - Focus ring.
 * @cssprop [--tandem-error=#b42318]
 * @cssprop [--tandem-success=#157f3b]
 * @cssprop [--tandem-warning=#8a4b00]
 * @fires tandem-error - Something failed that the page may want to know about; `detail: { error, message }`.
 */
export class TandemElement extends LitElement {
  // Typed as a group so a widget may list its sheets ([baseStyles, own]) rather than join them with css``.
  static override styles: CSSResultGroup = baseStyles;

  /** Defines the element unless the tag is taken already (a second copy of Tandem on the page). */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
    // The HTTP client is not part of the first download: fetched now, alongside the widget's other chunks,
    // so requests can start the moment it arrives. A failure is retried by the first request that needs it.
    loadHttpBackends().catch(() => undefined);
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  // Declared here rather than with decorators: each decorated module ships its own copy of tsc's helper.
  static override properties: PropertyDeclarations = { backend: { attribute: false }, backendUrl: { attribute: 'backend' } };

  /** A Backend object; wins over every other way of choosing the server. */
  backend?: Backend;

  /** Base URL of a Tandem-compatible server, e.g. `https://tandem.district.org/`. */
  backendUrl?: string;

  protected readonly i18n: LocaleController = new LocaleController(this);

  constructor() {
    super();
    this.addEventListener(LOCALE_REQUEST_EVENT, this.#onLocaleRequest);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.i18n.hostLangChanged(value);
  }

  /**
   * The server to talk to: the `backend` property, the `backend` attribute, the nearest
   * `<tandem-config backend>`, the loader's `tandemBackendBase`, else undefined (show "not connected").
   * A URL gives the page's shared HttpBackend for it (or, while that code is still arriving, a stand-in
   * with the same `key` whose requests wait for it).
   */
  resolveBackend(): Backend | undefined {
    if (this.backend) return this.backend;
    const url = this.backendUrl || configBackendUrl(this) || globalThis.tandemBackendBase;
    if (!url) return undefined;
    try {
      return backendForUrl(url);
    } catch {
      // A malformed URL in the page must read as "not connected", not throw from render.
      return undefined;
    }
  }

  /** Dispatches a bubbling, composed event: `emit(new MyEvent())` or `emit('tandem-x', detail)`. */
  emit<E extends Event>(event: E): E;
  emit<T>(name: string, detail: T): CustomEvent<T>;
  emit(eventOrName: Event | string, detail?: unknown): Event {
    const event =
      typeof eventOrName === 'string'
        ? new CustomEvent(eventOrName, { detail, bubbles: true, composed: true, cancelable: false })
        : eventOrName;
    this.dispatchEvent(event);
    return event;
  }

  /**
   * The first render waits (briefly) for the family's UI strings, so a Spanish-speaking family never
   * sees an English flash and the layout does not shift when the strings arrive.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const giveUp = new Promise((resolve) => (timer = setTimeout(resolve, FIRST_RENDER_STRINGS_WAIT_MS)));
      await Promise.race([this.i18n.ready, giveUp]);
      clearTimeout(timer);
    }
    return super.scheduleUpdate();
  }

  readonly #onLocaleRequest = (event: TandemLocaleRequestEvent) => {
    // Handled here (and marked handled) so a widget nested in another does not apply it twice.
    event.stopPropagation();
    event.preventDefault();
    void this.i18n.setLocale(event.detail.locale);
  };
}
