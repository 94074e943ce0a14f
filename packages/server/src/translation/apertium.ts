/**
 * Apertium APy (`apertium-apy`) as a TranslationProvider: `GET /listPairs` says which pairs are
 * installed, `POST /translate` with `langpair=eng|spa&q=…` translates. Apertium names languages with
 * ISO 639-3 codes, so Tandem locales are mapped first.
 */
import type { TranslationProvider } from './provider.js';
import { baseLanguage } from './provider.js';

/** Tandem locale → Apertium code. Pairs that are not installed are reported by /listPairs, not guessed. */
export const APERTIUM_CODES: Record<string, string> = {
  en: 'eng',
  es: 'spa',
  ar: 'ara',
  vi: 'vie',
  so: 'som',
  ht: 'hat',
  hmn: 'hmn',
  'zh-Hans': 'zho',
};

const PAIRS_TTL_MS = 10 * 60_000;

export class ApertiumProvider implements TranslationProvider {
  readonly name = 'apertium';
  #pairs: { at: number; set: Set<string> } | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  static code(locale: string): string | undefined {
    return APERTIUM_CODES[locale] ?? APERTIUM_CODES[baseLanguage(locale)];
  }

  async supports(from: string, to: string): Promise<boolean> {
    const source = ApertiumProvider.code(from);
    const target = ApertiumProvider.code(to);
    if (!source || !target) return false;
    return (await this.#listPairs()).has(`${source}|${target}`);
  }

  async translate(text: string, from: string, to: string): Promise<string> {
    const source = ApertiumProvider.code(from);
    const target = ApertiumProvider.code(to);
    if (!source || !target) throw new Error(`Apertium has no code for ${from} or ${to}`);
    const body = new URLSearchParams({ langpair: `${source}|${target}`, q: text, markUnknown: 'no' });
    const json = await this.#fetchJson('/translate', { method: 'POST', body });
    const translated = (json as { responseData?: { translatedText?: unknown } }).responseData?.translatedText;
    if (typeof translated !== 'string') throw new Error('Apertium answered without translatedText');
    return translated;
  }

  async #listPairs(): Promise<Set<string>> {
    if (this.#pairs && Date.now() - this.#pairs.at < PAIRS_TTL_MS) return this.#pairs.set;
    const json = (await this.#fetchJson('/listPairs')) as { responseData?: { sourceLanguage: string; targetLanguage: string }[] };
    const set = new Set((json.responseData ?? []).map((p) => `${p.sourceLanguage}|${p.targetLanguage}`));
    this.#pairs = { at: Date.now(), set };
    return set;
  }

  async #fetchJson(path: string, init: RequestInit = {}): Promise<unknown> {
    const response = await fetch(new URL(path.replace(/^\//, ''), this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`), {
      ...init,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`Apertium answered ${response.status} for ${path}`);
    const json = (await response.json()) as { responseStatus?: number };
    if (json.responseStatus !== undefined && json.responseStatus !== 200)
      throw new Error(`Apertium status ${json.responseStatus} for ${path}`);
    return json;
  }
}
