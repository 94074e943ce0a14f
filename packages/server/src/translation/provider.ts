/** The translation seam: providers translate plain text between Tandem locales; none is configured by default. */

export interface TranslationProvider {
  /** Short name stored with each cached translation, e.g. `apertium`. */
  readonly name: string;
  /** Whether this provider can translate from one Tandem locale to another. */
  supports(from: string, to: string): Promise<boolean>;
  /** The translated text; throws when the provider fails. */
  translate(text: string, from: string, to: string): Promise<string>;
}

/** Base language of a tag (`es` for `es-MX`), so regional variants are not "translated" into each other. */
export function baseLanguage(locale: string): string {
  return locale === 'zh-Hans' ? locale : locale.split('-')[0]!.toLowerCase();
}

export function sameLanguage(a: string, b: string): boolean {
  return baseLanguage(a) === baseLanguage(b);
}
