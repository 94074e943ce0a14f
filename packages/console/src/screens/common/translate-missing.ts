/**
 * "Translate missing languages" for any content builder: which texts lack which languages, one batch request to
 * `POST /api/v1/content-translations` for all of them, and filling the answers in only where the field is still
 * empty, each marked as an unreviewed machine translation. A builder lists its texts as TranslatableField[]
 * (the same objects it edits, so filling them fills the draft) and keeps its marks in a MachineMarks record.
 * `translationOutcomeMessage` / `translationErrorMessage` turn the result into the notice every builder shows.
 */
import { msg, str } from '@lit/localize';
import { routes, type ContentTranslationResult, type LocalizedText } from '@tandem/protocol';
import { ConsoleError, type ConsoleCaller } from '../../console-client.js';
import { problemMessage } from '../../console-messages.js';
import { markMachineTranslated, ownName, type MachineMarks } from './localized-text.js';

/** One editable text of a draft: its stable review key, where it lives (JSON pointer into the API body) and its text. */
export interface TranslatableField {
  /** Stable across reordering, so machine-translation marks follow the text. */
  key: string;
  pointer: string;
  /** Edited in place: translations are written into this object. */
  text: LocalizedText;
  /** Required texts must have the default language. */
  required: boolean;
}

/** What a builder hands over: its texts, their default language and where marks are kept. */
export interface TranslatableDraft {
  defaultLocale: string;
  fields: TranslatableField[];
  marks: MachineMarks;
}

export interface TranslationOutcome {
  /** Fields filled, across languages. */
  filled: number;
  /** Languages the provider has no pair for. */
  unsupported: string[];
  /** Languages where some texts failed. */
  partial: string[];
  provider: string;
}

/** Texts with default-language text that some target language lacks. */
function missingFields(draft: TranslatableDraft, targets: readonly string[]): TranslatableField[] {
  return draft.fields.filter((f) => (f.text[draft.defaultLocale] ?? '').trim() !== '' && targets.some((l) => !(f.text[l] ?? '').trim()));
}

/** Whether there is anything to translate into `targets`. */
export function hasMissing(draft: TranslatableDraft, targets: readonly string[]): boolean {
  return (
    missingFields(
      draft,
      targets.filter((l) => l !== draft.defaultLocale),
    ).length > 0
  );
}

/**
 * Asks the server to translate what is missing and fills it in. Throws what `api.call` throws (a 503
 * ConsoleError when no provider is configured); the draft is untouched then.
 */
export async function translateMissing(
  api: ConsoleCaller,
  draft: TranslatableDraft,
  locales: readonly string[],
): Promise<TranslationOutcome> {
  const targets = locales.filter((l) => l !== draft.defaultLocale);
  const fields = missingFields(draft, targets);
  if (fields.length === 0) return { filled: 0, unsupported: [], partial: [], provider: '' };
  const wanted = targets.filter((l) => fields.some((f) => !(f.text[l] ?? '').trim()));
  // The same source text (an option "Yes" in ten questions) is sent once.
  const sources = [...new Set(fields.map((f) => f.text[draft.defaultLocale]!))];
  const result = await api.call<ContentTranslationResult>(routes.translateContent, {
    body: { from: draft.defaultLocale, to: wanted, texts: sources },
  });
  let filled = 0;
  const unsupported: string[] = [];
  const partial: string[] = [];
  for (const target of result.targets) {
    if (target.status === 'unsupported') unsupported.push(target.locale);
    if (target.status === 'partial') partial.push(target.locale);
    for (const field of fields) {
      // Typed while the request ran, or there before: a person's text always wins.
      if ((field.text[target.locale] ?? '').trim()) continue;
      const translated = target.texts[sources.indexOf(field.text[draft.defaultLocale]!)];
      if (typeof translated !== 'string' || translated.trim() === '') continue;
      field.text[target.locale] = translated;
      markMachineTranslated(draft.marks, field.key, target.locale);
      filled += 1;
    }
  }
  return { filled, unsupported, partial, provider: result.provider };
}

/** "Every text already has every language." — when there was nothing to send. */
export const nothingToTranslateMessage = () => msg('Every text already has every language.', { id: 'console.common.translate.nothing' });

export const translatingMessage = () => msg('Translating…', { id: 'console.common.translate.working' });

/** The notice after a translation: how many texts were filled, and which languages could not be. */
export function translationOutcomeMessage(outcome: TranslationOutcome): string {
  const parts = [
    msg(str`Filled in ${outcome.filled} texts with machine translation. Check each one and mark it reviewed.`, {
      id: 'console.common.translate.done',
    }),
  ];
  if (outcome.unsupported.length > 0) {
    const names = outcome.unsupported.map(ownName).join(', ');
    parts.push(msg(str`The translation service cannot translate into: ${names}.`, { id: 'console.common.translate.unsupported' }));
  }
  if (outcome.partial.length > 0) {
    parts.push(msg('Some texts could not be translated; they are still empty.', { id: 'console.common.translate.partial' }));
  }
  return parts.join(' ');
}

/** Why a translation request failed; a server with no provider answers 503. */
export function translationErrorMessage(error: unknown): string {
  return error instanceof ConsoleError && error.status === 503
    ? msg(
        'No translation service is available on this server, so nothing was translated. Type the translations yourself, or ask your Tandem administrator to set one up.',
        { id: 'console.common.translate.unavailable' },
      )
    : problemMessage(error);
}
