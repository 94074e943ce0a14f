/** Event content (LocalizedText) in the family's language; text shown in another language carries its own `lang`. */
import { html, nothing, type TemplateResult } from 'lit';
import { isRtl, pickText, type LocalizedText } from '@tandem/protocol';

export interface TextContext {
  /** The family's language (the UI locale). */
  locale: string;
  /** The event's default language, used when text is missing in `locale`. */
  defaultLocale: string;
}

/** The text in the family's language, or its fallback marked with `lang` (and `dir` when the direction differs) for screen readers. */
export function localized(text: LocalizedText | undefined, ctx: TextContext): TemplateResult {
  const picked = pickText(text, ctx.locale, ctx.defaultLocale);
  if (!picked.isFallback) return html`${picked.text}`;
  const dir = isRtl(picked.locale) === isRtl(ctx.locale) ? nothing : isRtl(picked.locale) ? 'rtl' : 'ltr';
  return html`<span class="fallback" lang=${picked.locale} dir=${dir}>${picked.text}</span>`;
}

/** Plain text in the best language, for calendar entries. */
export const plainText = (text: LocalizedText | undefined, ctx: TextContext) => pickText(text, ctx.locale, ctx.defaultLocale).text;

/** The language the title is shown in when it is not the family's, for the "not yet in your language" note. */
export function fallsBack(text: LocalizedText | undefined, ctx: TextContext): string | undefined {
  const picked = pickText(text, ctx.locale, ctx.defaultLocale);
  return picked.isFallback ? picked.locale : undefined;
}
