/**
 * A LibreTranslate-compatible API as a TranslationProvider: `GET /languages` lists each source
 * language with its targets, `POST /translate` with `{ q, source, target, format: 'text' }` translates.
 * Self-hosted LibreTranslate and compatible services speak it; an API key is sent when configured.
 */
import type { TranslationProvider } from './provider.js';
import { baseLanguage } from './provider.js';

const LANGUAGES_TTL_MS = 10 * 60_000;

interface Language {
  code: string;
  targets?: string[];
}

export class LibreTranslateProvider implements TranslationProvider {
  readonly name = 'libretranslate';
  #languages: { at: number; list: Language[] } | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey?: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** The service's code for a Tandem locale: exact (`zh-Hans`), then the base language (`es` for `es-MX`, `zh` for `zh-Hans`). */
  static codeIn(locale: string, available: readonly string[]): string | undefined {
    if (available.includes(locale)) return locale;
    const base = baseLanguage(locale) === 'zh-Hans' ? 'zh' : baseLanguage(locale);
    return available.includes(base) ? base : undefined;
  }

  async supports(from: string, to: string): Promise<boolean> {
    return (await this.#pair(from, to)) !== undefined;
  }

  async translate(text: string, from: string, to: string): Promise<string> {
    const pair = await this.#pair(from, to);
    if (!pair) throw new Error(`LibreTranslate has no ${from}→${to} pair`);
    const json = (await this.#fetchJson('translate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        q: text,
        source: pair.source,
        target: pair.target,
        format: 'text',
        ...(this.apiKey ? { api_key: this.apiKey } : {}),
      }),
    })) as { translatedText?: unknown };
    if (typeof json.translatedText !== 'string') throw new Error('LibreTranslate answered without translatedText');
    return json.translatedText;
  }

  async #pair(from: string, to: string): Promise<{ source: string; target: string } | undefined> {
    const languages = await this.#list();
    const source = LibreTranslateProvider.codeIn(
      from,
      languages.map((l) => l.code),
    );
    const entry = languages.find((l) => l.code === source);
    const target = entry ? LibreTranslateProvider.codeIn(to, entry.targets ?? languages.map((l) => l.code)) : undefined;
    return source && target && source !== target ? { source, target } : undefined;
  }

  async #list(): Promise<Language[]> {
    if (this.#languages && Date.now() - this.#languages.at < LANGUAGES_TTL_MS) return this.#languages.list;
    const list = (await this.#fetchJson('languages')) as Language[];
    if (!Array.isArray(list)) throw new Error('LibreTranslate /languages did not answer a list');
    this.#languages = { at: Date.now(), list };
    return list;
  }

  async #fetchJson(path: string, init: RequestInit = {}): Promise<unknown> {
    const base = this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`;
    const response = await fetch(new URL(path, base), { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new Error(`LibreTranslate answered ${response.status} for /${path}`);
    return response.json();
  }
}
