/**
 * One chart per question: CSS bars for choices, yes/no and rating scores. The bars are hidden from assistive
 * technology; a visually hidden table beside them carries the same numbers, so nothing is only in the picture.
 */
import { msg, str } from '@lit/localize';
import { pickText, type QuestionResult } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';

export interface Bar {
  key: string;
  label: string;
  /** The label's language, when it is survey content rather than a number. */
  lang?: string;
  count: number;
}

export function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 100);
}

function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

export function barsFor(result: QuestionResult, uiLocale: string, defaultLocale: string): Bar[] {
  if (result.options) {
    return result.options.map((o) => {
      const label = pickText(o.label, uiLocale, defaultLocale);
      return { key: o.optionId, label: label.text, lang: label.locale, count: o.count };
    });
  }
  if (result.distribution) {
    const format = new Intl.NumberFormat(uiLocale);
    return result.distribution.map((count, i) => ({ key: String(i + 1), label: format.format(i + 1), count }));
  }
  return [];
}

/** Bars with count and percentage of those who answered, and the same numbers as a hidden table. */
export function renderBars(id: string, caption: string, bars: Bar[], total: number, uiLocale: string): TemplateResult {
  const format = new Intl.NumberFormat(uiLocale);
  return html`<div class="bars" aria-hidden="true" data-chart=${id}>
      ${bars.map((bar) => {
        const percent = percentOf(bar.count, total);
        return html`<div class="bar-row" data-bar=${bar.key}>
          <span class="bar-label" lang=${bar.lang ?? nothing}>${bar.label}</span>
          <span class="bar-track"><span class="bar-fill" style="inline-size: ${percent}%"></span></span>
          <span class="bar-value">${format.format(bar.count)} (${formatPercent(percent, uiLocale)})</span>
        </div>`;
      })}
    </div>
    <table class="visually-hidden" data-table=${id}>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Answer', { id: 'console.results.column.answer' })}</th>
          <th scope="col">${msg('Count', { id: 'console.results.column.count' })}</th>
          <th scope="col">${msg('Percent', { id: 'console.results.column.percent' })}</th>
        </tr>
      </thead>
      <tbody>
        ${bars.map(
          (bar) =>
            html`<tr>
              <th scope="row" lang=${bar.lang ?? nothing}>${bar.label}</th>
              <td>${format.format(bar.count)}</td>
              <td>${formatPercent(percentOf(bar.count, total), uiLocale)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

export function averageText(average: number | null | undefined, scale: number, uiLocale: string): string {
  if (average === null || average === undefined) return msg('No ratings yet.', { id: 'console.results.rating.none' });
  const value = new Intl.NumberFormat(uiLocale, { maximumFractionDigits: 1 }).format(average);
  const max = new Intl.NumberFormat(uiLocale).format(scale);
  return msg(str`Average: ${value} out of ${max}`, { id: 'console.results.rating.average' });
}
