/** Resource content (LocalizedText) in the family's language; a fallback carries its own `lang`/`dir` so screen readers switch voice. */
import { html, nothing, type TemplateResult } from 'lit';
import { isRtl, pickText, type LocalizedText } from '@tandem/protocol';

/** The family's language, and the resource's default language for text missing in it. */
export interface TextContext {
  locale: string;
  defaultLocale: string;
}

/** The text in the family's language, or its fallback marked with the language it is really in. */
export function localized(text: LocalizedText | undefined, ctx: TextContext): TemplateResult {
  const picked = pickText(text, ctx.locale, ctx.defaultLocale);
  if (!picked.isFallback) return html`${picked.text}`;
  const dir = isRtl(picked.locale) === isRtl(ctx.locale) ? nothing : isRtl(picked.locale) ? 'rtl' : 'ltr';
  return html`<span lang=${picked.locale} dir=${dir}>${picked.text}</span>`;
}

/** Plain text in the family's language (or the fallback), for attributes and sorting. */
export function plain(text: LocalizedText | undefined, ctx: TextContext): string {
  return pickText(text, ctx.locale, ctx.defaultLocale).text;
}
