/**
 * The @lit/localize runtime: loads and switches the page's UI strings. Not part of a widget's first download
 * (see localization.ts): a page in English never needs it before the family picks another language, and
 * otherwise it is fetched beside that language's strings, which are the larger of the two.
 */
import { configureLocalization } from '@lit/localize';
import { matchSupportedLocale, SUPPORTED_LOCALES, type SupportedLocale } from '@tandem/protocol';
import { loadLocale, provideLocalizationRuntime, SOURCE_LOCALE } from './localization.js';

let localization: ReturnType<typeof configureLocalization> | undefined;

/**
 * Configures @lit/localize once per copy of core. UI strings are page-global in runtime mode, so
 * every widget shares this one configuration.
 */
export function configureTandemLocalization(): ReturnType<typeof configureLocalization> {
  localization ??= configureLocalization({
    sourceLocale: SOURCE_LOCALE,
    targetLocales: SUPPORTED_LOCALES.filter((l) => l !== SOURCE_LOCALE),
    loadLocale,
  });
  return localization;
}

/** The locale whose UI strings are active on the page right now. */
export function activeUiLocale(): SupportedLocale {
  return matchSupportedLocale(localization?.getLocale()) ?? SOURCE_LOCALE;
}

/** Loads and activates the UI strings for `locale`; resolves when they are in place. */
export function setUiLocale(locale: SupportedLocale): Promise<void> {
  try {
    return configureTandemLocalization().setLocale(locale);
  } catch (error) {
    return Promise.reject(error);
  }
}

provideLocalizationRuntime({ activeUiLocale, setUiLocale });
