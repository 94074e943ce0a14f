/**
 * The list every content screen opens with (surveys, events, resources, lessons): a heading with the "New …" action,
 * a loading line, a load error, an empty-state sentence, or a table whose first column is the item (a row header,
 * usually a link or button opening it) followed by the columns a screen chooses. Helpers render the parts most
 * lists share: a status badge, the languages an item is written in, and "last changed" in the console's language.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ownName } from './localized-text.js';

export interface ContentColumn<T> {
  header: string;
  /** Said to screen readers only (an actions column). */
  hiddenHeader?: boolean;
  cell: (item: T) => unknown;
}

export interface ContentListOptions<T> {
  /** The h1's id, focused when the list opens. */
  headingId: string;
  heading: string;
  /** "New survey": a link when `href` is given, else a button (`data-action="new"`). */
  create: { label: string; href?: string; onClick?: () => void };
  /** Undefined while loading. */
  items: readonly T[] | undefined;
  /** Why the list could not be loaded, as a sentence. */
  error?: string;
  loadingText: string;
  emptyText: string;
  /** The first column: the item itself, as a row header. */
  itemHeader: string;
  itemCell: (item: T) => unknown;
  columns: ContentColumn<T>[];
  /** Stable id of an item, put on its row as `data-row`. */
  keyOf: (item: T) => string;
  /** Anything to show between the heading and the table (filters, an import form). */
  toolbar?: unknown;
}

export function renderContentList<T>(o: ContentListOptions<T>): TemplateResult {
  const create = o.create.href
    ? html`<a class="button button--primary" href=${o.create.href} data-action="new">${o.create.label}</a>`
    : html`<button class="button button--primary" type="button" data-action="new" @click=${() => o.create.onClick?.()}>
        ${o.create.label}
      </button>`;
  return html`<section aria-labelledby=${o.headingId}>
    <div class="heading-row">
      <h1 id=${o.headingId} tabindex="-1">${o.heading}</h1>
      ${create}
    </div>
    ${o.toolbar ?? nothing} ${o.error ? html`<p class="alert" role="alert">${o.error}</p>` : nothing} ${renderBody(o)}
  </section>`;
}

function renderBody<T>(o: ContentListOptions<T>): unknown {
  if (o.items === undefined) return o.error ? nothing : html`<p role="status">${o.loadingText}</p>`;
  if (o.items.length === 0) return html`<p>${o.emptyText}</p>`;
  return html`<div class="table-wrap">
    <table>
      <caption class="visually-hidden">
        ${o.heading}
      </caption>
      <thead>
        <tr>
          <th scope="col">${o.itemHeader}</th>
          ${o.columns.map((c) =>
            c.hiddenHeader
              ? html`<th scope="col"><span class="visually-hidden">${c.header}</span></th>`
              : html`<th scope="col">${c.header}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${o.items.map(
          (item) =>
            html`<tr data-row=${o.keyOf(item)}>
              <th scope="row">${o.itemCell(item)}</th>
              ${o.columns.map((c) => html`<td>${c.cell(item)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** A status as a badge (`.status--published` is green); `label` is the status in words. */
export function renderStatus(status: string, label: string): TemplateResult {
  return html`<span class="status status--${status}">${label}</span>`;
}

/** Languages by their own names, each marked with its `lang`. */
export function renderLanguageNames(locales: readonly string[]): TemplateResult[] {
  return locales.map((l, i) => html`${i > 0 ? ', ' : ''}<span lang=${l}>${ownName(l)}</span>`);
}

/** A moment in the console's language: "Mar 12, 2026, 5:00 PM", inside a <time>. */
export function renderUpdated(iso: string, locale: string): TemplateResult {
  const words = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return html`<time datetime=${iso}>${words}</time>`;
}
