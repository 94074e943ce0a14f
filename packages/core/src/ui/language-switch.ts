/** <tandem-language-switch>: a labelled native select of the family languages, each named in its own language. */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LOCALE_NAMES, matchSupportedLocale, SUPPORTED_LOCALES, type SupportedLocale } from '@tandem/protocol';
import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base-styles.js';
import { LOCALE_CHANGE_EVENT, LOCALE_REQUEST_EVENT } from '../events.js';
import { activeUiLocale, saveLocale, setUiLocale } from '../localization.js';

const globeIcon = html`<svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
  <path
    fill="currentColor"
    d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8ZM12 4c.8 1.2 1.5 2.5 1.9 4h-3.8c.4-1.5 1.1-2.8 1.9-4ZM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4H4.3Zm.8 2h2.9c.3 1.3.8 2.5 1.4 3.6A8 8 0 0 1 5.1 16ZM8 8H5.1a8 8 0 0 1 4.3-3.6C8.8 5.5 8.4 6.7 8 8Zm4 12c-.8-1.2-1.5-2.5-1.9-4h3.8c-.4 1.5-1.1 2.8-1.9 4Zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4Zm.3 5.6c.6-1.1 1.1-2.3 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6Zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4h-3.4Z"
  />
</svg>`;

/** Parses `locales="en es hmn"` into the supported locales it names. */
const localesConverter = {
  fromAttribute(value: string | null): SupportedLocale[] | undefined {
    if (!value) return undefined;
    return value
      .split(/[\s,]+/)
      .map((tag) => matchSupportedLocale(tag))
      .filter((l): l is SupportedLocale => l !== undefined);
  },
  toAttribute(value: readonly SupportedLocale[] | undefined): string | null {
    return value ? value.join(' ') : null;
  },
};

export class TandemLanguageSwitch extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .switch {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.375em;
        font-weight: 600;
      }
      .icon {
        flex: none;
      }
      select {
        font: inherit;
        color: var(--_field-text);
        background-color: var(--_field-surface);
        min-block-size: 44px;
        min-inline-size: 44px;
        padding-block: 0.25em;
        padding-inline: 0.5em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        text-transform: none;
      }
    `,
  ];

  // Declared here rather than with decorators: each decorated module ships its own copy of tsc's helper.
  static override properties: PropertyDeclarations = { locales: { converter: localesConverter }, value: {} };

  /** Which locales to offer; all supported ones by default. Attribute form: `locales="en es hmn"`. */
  locales?: readonly SupportedLocale[];

  /** The locale shown as chosen; defaults to the page's active UI locale. */
  value?: SupportedLocale;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  get #offered(): readonly SupportedLocale[] {
    const wanted = this.locales?.length ? this.locales : SUPPORTED_LOCALES;
    return SUPPORTED_LOCALES.filter((l) => wanted.includes(l));
  }

  protected override render() {
    const current = this.value ?? activeUiLocale();
    return html`<div class="switch" part="base">
      <label for="select" part="label">${globeIcon}<span>${msg('Language', { id: 'core.language' })}</span></label>
      <select id="select" part="select" @change=${this.#onChange}>
        ${this.#offered.map(
          (locale) =>
            html`<option value=${locale} lang=${locale} dir="auto" ?selected=${locale === current}>${LOCALE_NAMES[locale]}</option>`,
        )}
      </select>
    </div>`;
  }

  /** Focuses the select, for widgets that move focus here. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('select')?.focus(options);
  }

  #onChange(event: Event) {
    const locale = matchSupportedLocale((event.target as HTMLSelectElement).value);
    if (!locale) return;
    this.value = locale;
    const request = new CustomEvent(LOCALE_REQUEST_EVENT, { detail: { locale }, bubbles: true, composed: true, cancelable: true });
    const unhandled = this.dispatchEvent(request);
    // Outside any widget (a page-level switch) nobody applies the choice, so apply it page-wide here.
    if (unhandled) {
      saveLocale(locale);
      window.dispatchEvent(new CustomEvent(LOCALE_CHANGE_EVENT, { detail: { locale } }));
      setUiLocale(locale).catch((error: unknown) => console.error(`Tandem: could not load UI strings for "${locale}"`, error));
    }
  }
}
