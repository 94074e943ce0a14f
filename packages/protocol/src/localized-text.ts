/** Language names and picking the language to show from LocalizedText; re-exported by locales.ts. */
import type { LocalizedText, SupportedLocale } from './locales.js';

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
