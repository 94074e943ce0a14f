/** Renders survey content (LocalizedText) in the family's language, marking fallbacks and adding a second language. */
import { html, nothing, type TemplateResult } from 'lit';
import { localeDisplayName } from '@tandem/core';
import { isRtl, LOCALE_NAMES, pickText, SUPPORTED_LOCALES, type LocalizedText } from '@tandem/protocol';

/** Which languages content is shown in. */
export interface TextContext {
  /** The family's language (the UI locale). */
  locale: string;
  /** The survey's default language, used when text is missing in `locale`. */
  defaultLocale: string;
  /** The second language of the bilingual view, when it is on. */
  second?: string | undefined;
}

/** The languages to show a survey in: the family's, plus the bilingual view's second language when it helps. */
export function textContextFor(survey: { defaultLocale: string }, locale: string, second: string | null): TextContext {
  // Asked for their own language as the second one: the survey's default language is the useful companion.
  const companion = second === locale ? (survey.defaultLocale !== locale ? survey.defaultLocale : undefined) : (second ?? undefined);
  return { locale, defaultLocale: survey.defaultLocale, second: companion };
}

/** `lang`/`dir` for text whose language differs from the widget's, so screen readers switch voice. */
function languageAttributes(textLocale: string, uiLocale: string): { lang: string | typeof nothing; dir: string | typeof nothing } {
  if (textLocale === uiLocale) return { lang: nothing, dir: nothing };
  return { lang: textLocale, dir: isRtl(textLocale) === isRtl(uiLocale) ? nothing : isRtl(textLocale) ? 'rtl' : 'ltr' };
}

/**
 * The text in the family's language (or its fallback, carrying its own `lang`), followed in the
 * bilingual view by the second language, muted and with its own `lang`.
 */
export function localized(text: LocalizedText | undefined, ctx: TextContext, after: unknown = nothing): TemplateResult {
  const primary = pickText(text, ctx.locale, ctx.defaultLocale);
  const attrs = languageAttributes(primary.locale, ctx.locale);
  // `after` (e.g. the required marker) belongs with the family's language, before the second one.
  const main = html`<span class="text" lang=${attrs.lang} dir=${attrs.dir}>${primary.text}</span>${after}`;
  if (!ctx.second || ctx.second === ctx.locale) return main;
  const second = pickText(text, ctx.second, ctx.defaultLocale);
  // A missing translation would only repeat the fallback, which is noise rather than help.
  if (second.isFallback || second.text === primary.text || second.text === '') return main;
  return html`${main}<span class="second-language" lang=${second.locale} dir=${isRtl(second.locale) ? 'rtl' : 'ltr'}>${second.text}</span>`;
}

/** True when `text` has nothing in the family's language and is shown in another one. */
export function fallsBack(text: LocalizedText | undefined, ctx: TextContext): string | undefined {
  const picked = pickText(text, ctx.locale, ctx.defaultLocale);
  return picked.isFallback ? picked.locale : undefined;
}

/**
 * A language's name in the family's language, the active UI locale ("inglés", "lus Askiv"): Tandem's
 * own translations for its locales, since browsers lack some of them (Chromium has no Hmong names).
 */
export function languageName(locale: string): string {
  return localeDisplayName(locale);
}

/** A language's name in that language itself ("Español"), for lists where each option carries its own `lang`. */
export function ownLanguageName(locale: string): string {
  const supported = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === locale.toLowerCase());
  if (supported) return LOCALE_NAMES[supported];
  try {
    const name = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'none' }).of(locale);
    if (name && name.toLowerCase() !== locale.toLowerCase()) return name;
  } catch {
    // Older engines without Intl.DisplayNames, or a tag they refuse: the tag below still says something.
  }
  return locale;
}
