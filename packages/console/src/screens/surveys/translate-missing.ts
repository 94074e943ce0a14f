/**
 * "Translate missing languages": which texts lack which languages, one batch request for all of them, and
 * filling the answers in only where the field is still empty, each marked as an unreviewed machine translation.
 */
import { routes, type ContentTranslationResult } from '@tandem/protocol';
import type { ConsoleCaller } from '../../console-client.js';
import { markMachineTranslated, textFields, type SurveyDraft, type TextField } from './survey-draft.js';

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
function missingFields(draft: SurveyDraft, targets: readonly string[]): TextField[] {
  return textFields(draft).filter(
    (f) => (f.text[draft.defaultLocale] ?? '').trim() !== '' && targets.some((l) => !(f.text[l] ?? '').trim()),
  );
}

/** Whether there is anything to translate into `targets`. */
export function hasMissing(draft: SurveyDraft, targets: readonly string[]): boolean {
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
export async function translateMissing(api: ConsoleCaller, draft: SurveyDraft, locales: readonly string[]): Promise<TranslationOutcome> {
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
      markMachineTranslated(draft, field.key, target.locale);
      filled += 1;
    }
  }
  return { filled, unsupported, partial, provider: result.provider };
}
