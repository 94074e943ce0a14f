/**
 * Translations of messages for their readers, cached per message and language in the database. A
 * provider failure never blocks a message: the reader gets the original with `status: 'failed'`, and
 * the next read tries again (failures are not cached).
 */
import type { Kysely } from 'kysely';
import type { MessageTranslation } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import { sameLanguage, type TranslationProvider } from './provider.js';

type Db = Kysely<DatabaseSchema>;

export interface Translatable {
  id: string;
  body: string;
  locale: string;
}

export interface TranslatorLog {
  warn(object: object, message: string): void;
}

/** Calls to the provider at once per batch: a page of 50 messages must not open 50 connections. */
const CONCURRENCY = 4;

export class Translator {
  constructor(
    private readonly db: Db,
    private readonly provider: TranslationProvider | null,
    private readonly log: TranslatorLog,
  ) {}

  get providerName(): string | undefined {
    return this.provider?.name;
  }

  /** A translation for every message not already in `readerLocale`; messages in the reader's language get none. */
  async forReader(messages: readonly Translatable[], readerLocale: string): Promise<Map<string, MessageTranslation>> {
    const result = new Map<string, MessageTranslation>();
    const foreign = messages.filter((m) => !sameLanguage(m.locale, readerLocale));
    if (foreign.length === 0) return result;
    const cached = await this.db
      .selectFrom('message_translations')
      .select(['message_id', 'text', 'provider'])
      .where('locale', '=', readerLocale)
      .where(
        'message_id',
        'in',
        foreign.map((m) => m.id),
      )
      .execute();
    for (const row of cached)
      result.set(row.message_id, { status: 'translated', locale: readerLocale, text: row.text, provider: row.provider });
    const missing = foreign.filter((m) => !result.has(m.id));
    for (let i = 0; i < missing.length; i += CONCURRENCY) {
      const batch = missing.slice(i, i + CONCURRENCY);
      const translated = await Promise.all(batch.map((m) => this.#translateOne(m, readerLocale)));
      batch.forEach((m, index) => result.set(m.id, translated[index]!));
    }
    return result;
  }

  async #translateOne(message: Translatable, to: string): Promise<MessageTranslation> {
    const provider = this.provider;
    if (!provider) return { status: 'unavailable', locale: to };
    try {
      if (!(await provider.supports(message.locale, to))) return { status: 'unavailable', locale: to, provider: provider.name };
      const text = await provider.translate(message.body, message.locale, to);
      await this.db
        .insertInto('message_translations')
        .values({ message_id: message.id, locale: to, text, provider: provider.name, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['message_id', 'locale']).doNothing())
        .execute();
      return { status: 'translated', locale: to, text, provider: provider.name };
    } catch (error) {
      this.log.warn({ err: error, messageId: message.id, from: message.locale, to }, 'translation failed; the original is shown');
      return { status: 'failed', locale: to, provider: provider.name };
    }
  }
}
