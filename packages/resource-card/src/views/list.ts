/** The resource list's search form, result count and results (or "nothing matches"). */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { localeDisplayName } from '@tandem/core';
import type { PublicResource, ResourceCategory } from '@tandem/protocol';
import { categoryName } from '../labels.js';
import { renderDetails, renderSummary } from './details.js';

export interface ListViewOptions {
  results: PublicResource[];
  categories: ResourceCategory[];
  languages: string[];
  /** What is in the search box. */
  typed: string;
  /** The chosen category ('' for all) and language spoken (a primary subtag, '' for any). */
  category: string;
  language: string;
  openNow: boolean;
  locale: string;
  now: Date;
  onSearchInput(event: Event): void;
  onSubmit(event: Event): void;
  onCategory(event: Event): void;
  onLanguage(event: Event): void;
  onOpenNow(event: Event): void;
  onClear(): void;
}

function renderForm(o: ListViewOptions): TemplateResult {
  return html`<form part="search" role="search" aria-label=${msg('Find a resource', { id: 'resource.find' })} @submit=${o.onSubmit}>
    <div class="filters">
      <div class="field">
        <label for="search">${msg('Search', { id: 'resource.search' })}</label>
        <input id="search" type="search" autocomplete="off" .value=${o.typed} @input=${o.onSearchInput} />
      </div>
      <div class="field">
        <label for="category">${msg('Category', { id: 'resource.category' })}</label>
        <select id="category" @change=${o.onCategory}>
          <option value="" ?selected=${!o.category}>${msg('All categories', { id: 'resource.all-categories' })}</option>
          ${o.categories.map((c) => html`<option value=${c} ?selected=${c === o.category}>${categoryName(c)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="language">${msg('Language spoken', { id: 'resource.language-spoken' })}</label>
        <select id="language" @change=${o.onLanguage}>
          <option value="" ?selected=${!o.language}>${msg('Any language', { id: 'resource.any-language' })}</option>
          ${o.languages.map((l) => html`<option value=${l} ?selected=${l === o.language}>${localeDisplayName(l)}</option>`)}
        </select>
      </div>
      <label class="check">
        <input type="checkbox" id="open-now" .checked=${o.openNow} @change=${o.onOpenNow} />
        <span>${msg('Open now', { id: 'resource.filter-open-now' })}</span>
      </label>
    </div>
  </form>`;
}

function renderItem(resource: PublicResource, index: number, o: ListViewOptions): TemplateResult {
  const headingId = `resource-${index}`;
  return html`<li class="item" part="item" data-resource=${resource.id}>
    <article aria-labelledby=${headingId}>
      ${renderSummary(resource, o.locale, o.now, 3, headingId)}
      <details>
        <summary>${msg('More details', { id: 'resource.more-details' })}</summary>
        ${renderDetails(resource, o.locale)}
      </details>
    </article>
  </li>`;
}

export function renderList(o: ListViewOptions): TemplateResult {
  const count = o.results.length;
  return html`${renderForm(o)}
    <p class="count" part="count" role="status" aria-live="polite">
      ${count === 1 ? msg('1 resource', { id: 'resource.count-one' }) : msg(str`${count} resources`, { id: 'resource.count' })}
    </p>
    ${
      count === 0
        ? html`<div class="empty" part="empty">
            <p>${msg('No resources match your search.', { id: 'resource.empty' })}</p>
            <button type="button" class="button" part="clear" @click=${o.onClear}>
              ${msg('Clear filters', { id: 'resource.clear-filters' })}
            </button>
          </div>`
        : html`<ul class="results" part="results">
            ${o.results.map((r, i) => renderItem(r, i, o))}
          </ul>`
    }`;
}
