/**
 * LocalizedText helpers every content builder (surveys, events, resources, lessons) shares: texts without blank
 * languages for the API, machine-translation marks and their review, language names and writing direction, the
 * languages a draft has text in, short ids and keyboard reordering. Plain functions, no rendering.
 */
import { isRtl, LOCALE_NAMES, type LocalizedText, type SupportedLocale } from '@tandem/protocol';

/** Text key → languages whose text is an unreviewed machine translation (the protocol's MachineTranslated shape). */
export type MachineMarks = Record<string, string[]>;

/** A language's own name (Español, العربية), for pickers and labels where it carries its own `lang`. */
export function ownName(locale: string): string {
  return LOCALE_NAMES[locale as SupportedLocale] ?? locale;
}

export const dirOf = (locale: string): 'rtl' | 'ltr' => (isRtl(locale) ? 'rtl' : 'ltr');

/** The text without blank languages: an empty translation is no translation. */
export function keptText(text: LocalizedText | undefined): LocalizedText {
  return Object.fromEntries(Object.entries(text ?? {}).filter(([, value]) => value.trim() !== ''));
}

/** A required text: without blank languages, but keeping at least the default language so the server can say what is missing. */
export function requiredText(text: LocalizedText, defaultLocale: string): LocalizedText {
  const kept = keptText(text);
  return Object.keys(kept).length > 0 ? kept : { [defaultLocale]: '' };
}

/** An optional text: undefined when no language has any. */
export function optionalText(text: LocalizedText | undefined): LocalizedText | undefined {
  const kept = keptText(text);
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** `{ key: text }` when the text has any language, else `{}`: spread into an API body for optional fields. */
export function withOptional<K extends string>(key: K, text: LocalizedText | undefined): Partial<Record<K, LocalizedText>> {
  const value = optionalText(text);
  return value ? ({ [key]: value } as Record<K, LocalizedText>) : {};
}

export function isMachineTranslated(marks: MachineMarks, key: string, locale: string): boolean {
  return marks[key]?.includes(locale) ?? false;
}

export function markMachineTranslated(marks: MachineMarks, key: string, locale: string): void {
  const list = marks[key] ?? [];
  if (!list.includes(locale)) marks[key] = [...list, locale];
}

export function markReviewed(marks: MachineMarks, key: string, locale: string): void {
  const list = (marks[key] ?? []).filter((l) => l !== locale);
  if (list.length > 0) marks[key] = list;
  else delete marks[key];
}

/** Marks that still stand for a text: a removed field or an emptied translation takes its mark with it. */
export function marksFor(marks: MachineMarks, fields: readonly { key: string; text: LocalizedText | undefined }[]): MachineMarks {
  const texts = new Map(fields.map((f) => [f.key, f.text]));
  const kept: MachineMarks = {};
  for (const [key, locales] of Object.entries(marks)) {
    const still = locales.filter((l) => (texts.get(key)?.[l] ?? '').trim() !== '');
    if (still.length > 0) kept[key] = still;
  }
  return kept;
}

/** Languages any of the texts has words in, the default language first. */
export function localesWithText(defaultLocale: string, texts: readonly (LocalizedText | undefined)[]): string[] {
  const found = new Set<string>([defaultLocale]);
  for (const text of texts) for (const [locale, value] of Object.entries(text ?? {})) if (value.trim()) found.add(locale);
  return [...found];
}

let counter = 0;
/** Short, URL-safe ids matching the protocol's Id pattern; unique within one item is all the server asks. */
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Moves `list[index]` by `delta` places; returns the new index, or undefined when it cannot move. */
export function moveItem<T>(list: T[], index: number, delta: number): number | undefined {
  const to = index + delta;
  if (index < 0 || to < 0 || to >= list.length || index >= list.length) return undefined;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item!);
  return to;
}
