/** Events core defines for every widget: `tandem-error` and the language-switch plumbing. */
import type { SupportedLocale } from '@tandem/protocol';
import type { BackendError } from './backend.js';

export interface TandemErrorDetail {
  error: BackendError | Error;
  /** What went wrong, in the family's language, ready to show or log. */
  message: string;
}
/** Fired (bubbling, composed) by a widget when something failed that the host page may want to know about. */
export type TandemErrorEvent = CustomEvent<TandemErrorDetail>;

/** Sent by `<tandem-language-switch>` up to its widget, which applies the choice. */
export type TandemLocaleRequestEvent = CustomEvent<{ locale: SupportedLocale }>;

/** Window event telling every Tandem widget on the page that the family chose a language. */
export type TandemLocaleChangeEvent = CustomEvent<{ locale: SupportedLocale }>;

export const LOCALE_CHANGE_EVENT = 'tandem-locale-change';
export const LOCALE_REQUEST_EVENT = 'tandem-locale-request';

declare global {
  interface HTMLElementEventMap {
    'tandem-error': TandemErrorEvent;
    'tandem-locale-request': TandemLocaleRequestEvent;
  }
  interface WindowEventMap {
    'tandem-locale-change': TandemLocaleChangeEvent;
  }
}
