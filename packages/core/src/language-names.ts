/** Language names in the family's own language ("inglés", "lus Askiv"), which browsers lack for some of Tandem's locales. */
import { msg } from '@lit/localize';
import { matchSupportedLocale, SUPPORTED_LOCALES, type SupportedLocale } from '@tandem/protocol';
import { activeUiLocale } from './localization.js';

/**
 * A supported locale's name in the active UI language. Written to read mid-sentence ("Se muestra en
 * inglés"), so languages that do not capitalize language names keep them lower-case.
 */
function supportedLocaleName(locale: SupportedLocale): string {
  switch (locale) {
    case 'en':
      return msg('English', { id: 'core.language-name.en' });
    case 'es':
      return msg('Spanish', { id: 'core.language-name.es' });
    case 'hmn':
      return msg('Hmong', { id: 'core.language-name.hmn' });
    case 'vi':
      return msg('Vietnamese', { id: 'core.language-name.vi' });
    case 'so':
      return msg('Somali', { id: 'core.language-name.so' });
    case 'ar':
      return msg('Arabic', { id: 'core.language-name.ar' });
    case 'zh-Hans':
      return msg('Chinese (Simplified)', { id: 'core.language-name.zh-Hans' });
    case 'ht':
      return msg('Haitian Creole', { id: 'core.language-name.ht' });
  }
}

/**
 * The name of `locale` in the language of the UI strings active now (msg() evaluates in the current
 * locale): Tandem's own translations for its supported locales, since Chromium's Intl.DisplayNames has
 * no Hmong or Haitian Creole names; the browser's name for any other tag; else the tag itself.
 */
export function localeDisplayName(locale: string): string {
  const supported = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === locale.toLowerCase());
  if (supported) return supportedLocaleName(supported);
  try {
    const name = new Intl.DisplayNames([activeUiLocale(), 'en'], { type: 'language', fallback: 'none' }).of(locale);
    if (name && name.toLowerCase() !== locale.toLowerCase()) return name;
  } catch {
    // Older engines without Intl.DisplayNames, or a tag they refuse: the names below still help.
  }
  // A regional or legacy tag the browser cannot name ("hmn-US", "mww") still has its language's name.
  const language = matchSupportedLocale(locale);
  return language ? supportedLocaleName(language) : locale;
}
