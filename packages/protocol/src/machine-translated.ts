/**
 * Marks on staff-written content that a machine translated and no one has reviewed yet: the shape, reading a mark,
 * and keeping marks true to the content they describe (a removed text or language takes its mark with it).
 */
import type { Static } from '@sinclair/typebox';
import type * as Schemas from './schemas/locales.js';
import type { LocalizedText } from './locales.js';
import { pickText } from './localized-text.js';

/** Text id → languages whose text is an unreviewed machine translation (each content type names its text ids). */
export type MachineTranslated = Static<typeof Schemas.MachineTranslated>;

/** Every text of a piece of content under its mark key. */
export type TextsByKey = ReadonlyMap<string, LocalizedText | undefined>;

/** Whether the text `key` in `locale` is a machine translation no one has reviewed. */
export function isMachineTranslated(marks: MachineTranslated | undefined, key: string, locale: string): boolean {
  return marks?.[key]?.includes(locale) ?? false;
}

/**
 * Whether a family reading `wanted` sees an unreviewed machine translation in `text` (key `key`): the text is shown
 * in their language, not a fallback, and that language is marked. What widgets ask before showing the quiet note.
 */
export function showsMachineTranslation(
  marks: MachineTranslated | undefined,
  key: string,
  text: LocalizedText | undefined,
  wanted: string,
  defaultLocale: string,
): boolean {
  if (!marks?.[key]) return false;
  const picked = pickText(text, wanted, defaultLocale);
  return !picked.isFallback && picked.text !== '' && isMachineTranslated(marks, key, picked.locale);
}

const hasWords = (text: LocalizedText | undefined, locale: string) => (text?.[locale] ?? '').trim() !== '';

/**
 * The marks that still describe a text with words in that language, each language once; undefined when none is
 * left, so content without marks stores and sends none.
 */
export function keptMarks(marks: MachineTranslated | undefined, texts: TextsByKey): MachineTranslated | undefined {
  const kept: MachineTranslated = {};
  for (const [key, locales] of Object.entries(marks ?? {})) {
    const text = texts.get(key);
    const still = [...new Set(locales)].filter((locale) => hasWords(text, locale));
    if (still.length > 0) kept[key] = still;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * Marks after an edit that did not send marks of its own: a text a person changed in some language is theirs
 * now, so that language's mark goes; marks of texts that no longer exist go too.
 */
export function marksAfterEdit(marks: MachineTranslated | undefined, before: TextsByKey, after: TextsByKey): MachineTranslated | undefined {
  const unchanged: MachineTranslated = {};
  for (const [key, locales] of Object.entries(marks ?? {})) {
    unchanged[key] = locales.filter((locale) => before.get(key)?.[locale] === after.get(key)?.[locale]);
  }
  return keptMarks(unchanged, after);
}
