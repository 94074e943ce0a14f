/** Locales Tandem speaks, and the LocalizedText shape that all family-facing content uses. */

/** The family languages Tandem ships UI strings for, in the order the language switch lists them. */
export const SUPPORTED_LOCALES = ['en', 'es', 'hmn', 'vi', 'so', 'ar', 'zh-Hans', 'ht'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

// Language names and pickText live in their own module so that code needing only the locale list and matching
// (a widget's first paint) does not carry them; they are re-exported here for every existing import.
export { LOCALE_NAMES, pickText, type PickedText } from './localized-text.js';

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'ckb', 'dv']);

export function isRtl(locale: string): boolean {
  return RTL_LANGUAGES.has(locale.split('-')[0]!.toLowerCase());
}

/** Text in one or more languages, keyed by BCP 47 tag: `{ "en": "Hello", "es": "Hola" }`. */
export type LocalizedText = Record<string, string>;

/**
 * Maps any tag a browser or a page may carry (`es-MX`, `zh-CN`, `AR`) to the supported locale that
 * serves it, or undefined when none does.
 */
export function matchSupportedLocale(tag: string | null | undefined): SupportedLocale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split('-')[0];
  if (language === 'zh') {
    // Traditional-script tags are not served by zh-Hans; falling back to it would be the wrong script.
    return /-(hant|tw|hk|mo)\b/.test(lower) ? undefined : 'zh-Hans';
  }
  if (language === 'mww' || language === 'hnj') return 'hmn';
  return SUPPORTED_LOCALES.find((l) => l === language);
}
