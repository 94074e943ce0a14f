/** Applying a staff PATCH to stored content: a field left out stays, a given one replaces, `null` removes it. */

type WithNulls<T> = { [K in keyof T]?: T[K] | null };

/** `stored` with `patch` applied; keys the patch set to `null` are gone from the result. */
export function applyPatch<T extends object>(stored: T, patch: WithNulls<T>): T {
  const result = { ...stored } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (value !== undefined) result[key] = value;
  }
  return result as T;
}

/** Marks a PATCH sent: `null` removes them all, which is the same as sending none. */
export const sentMarks = <M>(marks: M | null | undefined): M | Record<string, never> | undefined => (marks === null ? {} : marks);
