/** The resource list's filtering on the device: the server's own matching rules, sorted by the name the family reads. */
import {
  RESOURCE_CATEGORIES,
  SUPPORTED_LOCALES,
  matchesResourceQuery,
  type PublicResource,
  type ResourceCategory,
  type ResourceQuery,
} from '@tandem/protocol';
import { plain } from './localized-text.js';

export const isCategory = (value: string | undefined): value is ResourceCategory =>
  !!value && (RESOURCE_CATEGORIES as readonly string[]).includes(value);

/** What the family chose in the list's form (and attributes), before it becomes a query. */
export interface ListFilters {
  category?: string | undefined;
  language?: string | undefined;
  q?: string | undefined;
  openNow: boolean;
  /** In static mode the file may hold several schools: `school` then filters on the device. */
  school?: string | undefined;
  staticMode: boolean;
}

/** The resources that pass the filters, sorted by the name the family reads, in their language's order. */
export function filterResources(items: readonly PublicResource[], filters: ListFilters, now: Date, locale: string): PublicResource[] {
  const query: ResourceQuery = {};
  if (isCategory(filters.category)) query.category = filters.category;
  if (filters.language) query.language = filters.language;
  if (filters.q) query.q = filters.q;
  if (filters.openNow) query.openNow = 'true';
  if (filters.staticMode && filters.school) query.school = filters.school;
  // The server sorts by the default-language name; the family reads another one.
  const collator = new Intl.Collator([locale, 'en']);
  return items
    .filter((r) => matchesResourceQuery(r, query, now))
    .map((r) => ({ r, name: plain(r.name, { locale, defaultLocale: r.defaultLocale }) }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ r }) => r);
}

/** Categories present in the list (and the chosen one, even when nothing has it), in the protocol's order. */
export function categoriesOf(items: readonly PublicResource[], chosen: string | undefined): ResourceCategory[] {
  const present = new Set<string>(items.flatMap((r) => [r.category, ...(r.categories ?? [])]));
  if (chosen) present.add(chosen);
  return RESOURCE_CATEGORIES.filter((c) => present.has(c));
}

/** Tandem's own languages first in their usual order, then any other spoken language by tag. */
function languageOrder(tag: string): number {
  const index = (SUPPORTED_LOCALES as readonly string[]).indexOf(tag);
  return index === -1 ? SUPPORTED_LOCALES.length : index;
}

/** Languages spoken somewhere in the list (primary subtags), plus the chosen one. */
export function languagesOf(items: readonly PublicResource[], chosen: string | undefined): string[] {
  const present = new Set(items.flatMap((r) => r.languages.map((l) => l.split('-')[0]!.toLowerCase())));
  if (chosen) present.add(chosen);
  return [...present].sort((a, b) => languageOrder(a) - languageOrder(b) || a.localeCompare(b));
}
