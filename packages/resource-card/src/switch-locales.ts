/** Which languages the language switch offers: a resource's own languages first, then every UI language. */
import { SUPPORTED_LOCALES, matchSupportedLocale, type SupportedLocale } from '@tandem/protocol';

export function switchLocales(locales: readonly string[] | undefined): SupportedLocale[] | undefined {
  const own = (locales ?? []).map((l) => matchSupportedLocale(l)).filter((l): l is SupportedLocale => !!l);
  return own.length ? [...new Set([...own, ...SUPPORTED_LOCALES])] : undefined;
}
