/**
 * The public resource list's filters, in one place: the server runs them over its database rows, and the
 * list widget over a static `resources.json`, so a family gets the same list either way.
 */
import { isOpenNow, type PublicResource, type ResourceQuery } from './resource.js';

/** What a filter looks at: content shared by the public and the staff shape of a resource. */
export type FilterableResource = Pick<
  PublicResource,
  'schoolIds' | 'name' | 'organizationName' | 'description' | 'category' | 'categories' | 'languages' | 'schedule' | 'timeZone'
>;

/** Lowercased, accents removed, so "credito" finds "crédito" and "HMONG" finds "Hmong". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `es-MX` asked finds a place that speaks `es`, and `es` finds `es-MX`. */
export function speaksLanguage(spoken: readonly string[], wanted: string): boolean {
  const want = wanted.toLowerCase();
  const base = want.split('-')[0]!;
  return spoken.some((tag) => {
    const have = tag.toLowerCase();
    return have === want || have === base || have.split('-')[0] === base;
  });
}

/** Every word of `q` appears in the name, organization, description (any language) or category. */
export function matchesSearch(resource: FilterableResource, q: string): boolean {
  const haystack = foldForSearch(
    [
      ...Object.values(resource.name),
      resource.organizationName,
      ...Object.values(resource.description),
      resource.category,
      ...(resource.categories ?? []),
    ].join('\n'),
  );
  return foldForSearch(q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Whether a resource belongs in the list a family asked for (`school` and every filter of the query). */
export function matchesResourceQuery(resource: FilterableResource, query: ResourceQuery, now: Date = new Date()): boolean {
  if (query.school && resource.schoolIds.length > 0 && !resource.schoolIds.includes(query.school)) return false;
  if (query.category && resource.category !== query.category && !(resource.categories ?? []).includes(query.category)) return false;
  if (query.language && !speaksLanguage(resource.languages, query.language)) return false;
  if (query.q?.trim() && !matchesSearch(resource, query.q)) return false;
  return query.openNow !== 'true' || isOpenNow(resource.schedule, resource.timeZone, now);
}

/** The order the list shows: by name in the resource's own default language. */
export function compareResourceNames(a: Pick<PublicResource, 'name' | 'defaultLocale'>, b: Pick<PublicResource, 'name' | 'defaultLocale'>) {
  return (a.name[a.defaultLocale] ?? '').localeCompare(b.name[b.defaultLocale] ?? '', 'en');
}
