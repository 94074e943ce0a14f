/** Timestamps for `updated_at`, which versions cached content. */

/** Now, but strictly after `previous`, so two edits within one millisecond still differ. */
export function laterThan(previous: string): string {
  const now = Date.now();
  const prev = Date.parse(previous);
  return new Date(now > prev ? now : prev + 1).toISOString();
}
