/** Remembers whether a family wants the side-by-side bilingual view, and in which second language. */

const KEY = 'tandem:bilingual';
/** Stored when the family turned the view off, so a page's `bilingual` default does not turn it back on. */
const OFF = 'off';

/** The family's remembered choice: a locale, `null` for "off", or `undefined` when they never chose. */
export function loadBilingualChoice(): string | null | undefined {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    if (value === null || value === undefined) return undefined;
    return value === OFF ? null : value;
  } catch {
    return undefined;
  }
}

export function saveBilingualChoice(locale: string | null): void {
  try {
    globalThis.localStorage?.setItem(KEY, locale ?? OFF);
  } catch {
    // Not remembering is acceptable; failing to switch is not.
  }
}
