/** Keeps a widget in the family's language: resolves its locale, loads UI strings, sets lang/dir, re-renders. */
import { LOCALE_STATUS_EVENT } from '@lit/localize';
import { isRtl, type SupportedLocale } from '@tandem/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LOCALE_CHANGE_EVENT, type TandemLocaleChangeEvent } from './events.js';
import { isLangFixed, resolveLocale, saveLocale, setUiLocale } from './localization.js';

export class LocaleController implements ReactiveController {
  #current: SupportedLocale = 'en';
  #readyPromise: Promise<void> = Promise.resolve();
  /** The `lang` the page author gave the host, as opposed to the one this controller writes. */
  #authorLang: string | null = null;
  #writingLang = false;
  #applied = false;
  /** Site-wide translators (and some CMS language menus) change `<html lang>` after load. */
  readonly #pageLangObserver = new MutationObserver(() => this.refresh());

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The locale this widget speaks now. */
  get locale(): SupportedLocale {
    return this.#current;
  }

  get dir(): 'ltr' | 'rtl' {
    return isRtl(this.#current) ? 'rtl' : 'ltr';
  }

  /** Settles when the UI strings for the current locale are loaded (never rejects). */
  get ready(): Promise<void> {
    return this.#readyPromise;
  }

  /**
   * The family chose a language: remember it, apply it here and tell every other widget on the page. A widget
   * whose page fixes its language (a console preview) changes alone and remembers nothing.
   */
  setLocale(locale: SupportedLocale): Promise<void> {
    if (isLangFixed(this.#host)) {
      this.#authorLang = locale;
      this.#apply(locale);
      return this.#readyPromise;
    }
    saveLocale(locale);
    this.#apply(locale);
    window.dispatchEvent(new CustomEvent(LOCALE_CHANGE_EVENT, { detail: { locale } }));
    return this.#readyPromise;
  }

  /** Called by the host when its `lang` attribute changes, so author-set languages take effect. */
  hostLangChanged(value: string | null): void {
    if (this.#writingLang) return;
    this.#authorLang = value;
    if (this.#host.isConnected) this.#apply(resolveLocale(this.#host, this.#authorLang));
  }

  /** Looks again at the page (saved choice, lang attributes, browser) and follows it. */
  refresh(): void {
    const locale = resolveLocale(this.#host, this.#authorLang);
    if (!this.#applied || locale !== this.#current) this.#apply(locale);
  }

  hostConnected(): void {
    window.addEventListener(LOCALE_CHANGE_EVENT, this.#onLocaleChange);
    window.addEventListener(LOCALE_STATUS_EVENT, this.#onStringsLoaded);
    this.#pageLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.refresh();
  }

  hostDisconnected(): void {
    window.removeEventListener(LOCALE_CHANGE_EVENT, this.#onLocaleChange);
    window.removeEventListener(LOCALE_STATUS_EVENT, this.#onStringsLoaded);
    this.#pageLangObserver.disconnect();
  }

  readonly #onLocaleChange = (event: TandemLocaleChangeEvent) => {
    if (event.detail.locale !== this.#current) this.refresh();
  };

  readonly #onStringsLoaded = (event: WindowEventMap[typeof LOCALE_STATUS_EVENT]) => {
    if (event.detail.status === 'ready') this.#host.requestUpdate();
  };

  #apply(locale: SupportedLocale): void {
    const changed = locale !== this.#current;
    this.#current = locale;
    this.#applied = true;
    this.#writingLang = true;
    try {
      if (this.#host.getAttribute('lang') !== locale) this.#host.setAttribute('lang', locale);
      if (this.#host.getAttribute('dir') !== this.dir) this.#host.setAttribute('dir', this.dir);
    } finally {
      this.#writingLang = false;
    }
    this.#readyPromise = setUiLocale(locale).catch((error: unknown) => {
      // Missing strings must not break the widget: it keeps working in English text.
      console.error(`Tandem: could not load UI strings for "${locale}"`, error);
    });
    if (changed) this.#host.requestUpdate();
  }
}
