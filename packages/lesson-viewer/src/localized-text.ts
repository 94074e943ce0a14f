/** Lesson content (LocalizedText) in a chosen language, tagged with the language it is really in so screen readers and speech get it right. */
import { html, nothing, type TemplateResult } from 'lit';
import { isRtl, pickText, type LocalizedText } from '@tandem/protocol';

export interface Picked {
  text: string;
  /** The language the text is in: the wanted one, or the lesson's default when it is missing. */
  locale: string;
  dir: 'ltr' | 'rtl';
}

export function pick(text: LocalizedText | undefined, wanted: string, defaultLocale: string): Picked {
  const picked = pickText(text, wanted, defaultLocale);
  return { text: picked.text, locale: picked.locale, dir: isRtl(picked.locale) ? 'rtl' : 'ltr' };
}

/**
 * One piece of content per shown language. With one language it is rendered as is; with two, the
 * pieces are interleaved (first language, second language, next first…) inside a `.pair` grid, which is
 * two columns when the widget is wide and paired paragraphs when it is narrow. Every cell carries its
 * own `lang` and `dir`, so Arabic reads right to left beside English.
 */
export function paired(
  languages: readonly string[],
  rows: (wanted: string) => { locale: string; content: TemplateResult[] },
  tag: 'div' | 'span' = 'div',
): TemplateResult {
  const columns = languages.map(rows);
  if (columns.length === 1) {
    const { locale, content } = columns[0]!;
    const dir = isRtl(locale) ? 'rtl' : 'ltr';
    return tag === 'span'
      ? html`<span class="cell" lang=${locale} dir=${dir}>${content}</span>`
      : html`<div class="cell" lang=${locale} dir=${dir}>${content}</div>`;
  }
  const length = Math.max(...columns.map((c) => c.content.length));
  const cells: TemplateResult[] = [];
  for (let i = 0; i < length; i++) {
    columns.forEach((column, c) => {
      const dir = isRtl(column.locale) ? 'rtl' : 'ltr';
      const cls = c === 0 ? 'cell' : 'cell cell--second';
      cells.push(
        tag === 'span'
          ? html`<span class=${cls} lang=${column.locale} dir=${dir}>${column.content[i] ?? nothing}</span>`
          : html`<div class=${cls} lang=${column.locale} dir=${dir}>${column.content[i] ?? nothing}</div>`,
      );
    });
  }
  return tag === 'span' ? html`<span class="pair">${cells}</span>` : html`<div class="pair">${cells}</div>`;
}

/** A LocalizedText in each shown language, as one row of a pair. */
export function pairedText(
  languages: readonly string[],
  text: LocalizedText | undefined,
  defaultLocale: string,
  tag: 'div' | 'span' = 'span',
): TemplateResult {
  return paired(
    languages,
    (wanted) => {
      const p = pick(text, wanted, defaultLocale);
      return { locale: p.locale, content: [html`${p.text}`] };
    },
    tag,
  );
}
