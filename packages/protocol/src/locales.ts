/** Locales Tandem speaks, and the LocalizedText shape that all family-facing content uses. */

/** The family languages Tandem ships UI strings for, in the order the language switch lists them. */
export const SUPPORTED_LOCALES = ['en', 'es', 'hmn', 'vi', 'so', 'ar', 'zh-Hans', 'ht'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Each locale's name in its own language, for language switches. */
export const LOCALE_NAMES: Record<SupportedLocale, string> = {
  en: 'English',
  es: 'Español',
  hmn: 'Hmoob',
  vi: 'Tiếng Việt',
  so: 'Soomaali',
  ar: 'العربية',
  'zh-Hans': '简体中文',
  ht: 'Kreyòl ayisyen',
};

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

export interface PickedText {
  text: string;
  /** The language the text is actually in: the wanted one, or the fallback. */
  locale: string;
  /** True when the wanted language was missing and another was used. */
  isFallback: boolean;
}

/**
 * Chooses the text to show for `wanted`: the exact language, then its base language (`es` for
 * `es-MX`), then the item's default language, then any language present.
 */
export function pickText(text: LocalizedText | undefined, wanted: string, defaultLocale: string): PickedText {
  if (!text) return { text: '', locale: wanted, isFallback: false };
  const base = wanted.split('-')[0]!;
  for (const candidate of [wanted, base]) {
    const value = text[candidate];
    if (value !== undefined && value.trim() !== '') return { text: value, locale: candidate, isFallback: false };
  }
  const fallbackLocale = text[defaultLocale]?.trim() ? defaultLocale : Object.keys(text).find((k) => text[k]?.trim());
  if (fallbackLocale === undefined) return { text: '', locale: wanted, isFallback: false };
  return { text: text[fallbackLocale]!, locale: fallbackLocale, isFallback: true };
}
