/**
 * Machine translation of staff-written content (POST /api/v1/content-translations): the console's
 * "Translate missing languages" sends the texts it lacks, and staff review the drafts before relying on them.
 * Nothing is stored here; the editor decides what to keep.
 */
import type { FastifyInstance } from 'fastify';
import { TRANSLATION_UNAVAILABLE_PROBLEM, type ContentTranslationRequest, type ContentTranslationTarget } from '@tandem/protocol';
import { requireStaff } from '../auth.js';
import type { AppContext } from '../context.js';
import type { MessagingOptions } from '../messages/messaging.js';
import { HttpProblem } from '../problems.js';
import { translationProviderFromEnv } from '../translation/from-env.js';
import { sameLanguage, type TranslationProvider } from '../translation/provider.js';
import { staffRouteOptions } from './route-schema.js';

/** Calls to the provider at once: a survey of 100 texts must not open 100 connections to a small APy. */
const CONCURRENCY = 4;

const unavailable = () =>
  new HttpProblem({
    status: 503,
    type: TRANSLATION_UNAVAILABLE_PROBLEM,
    title: 'Translation unavailable',
    detail: 'No translation service is configured on this server (set TANDEM_TRANSLATION_URL).',
  });

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function translateInto(
  provider: TranslationProvider,
  request: ContentTranslationRequest,
  to: string,
): Promise<ContentTranslationTarget> {
  if (!(await provider.supports(request.from, to))) return { locale: to, status: 'unsupported', texts: request.texts.map(() => null) };
  const texts = await mapLimited(request.texts, CONCURRENCY, async (text) => {
    if (text.trim() === '') return '';
    try {
      return await provider.translate(text, request.from, to);
    } catch {
      // One failed text must not cost the others; the editor keeps the field empty and says so.
      return null;
    }
  });
  return { locale: to, status: texts.some((t) => t === null) ? 'partial' : 'translated', texts };
}

/**
 * `messaging` is the app's messaging options: the same provider that translates messages translates content
 * (`translationProvider`, else TANDEM_TRANSLATION_URL, else none).
 */
export function registerContentTranslationRoutes(app: FastifyInstance, ctx: AppContext, messaging: MessagingOptions | undefined): void {
  const provider = messaging?.translationProvider === undefined ? translationProviderFromEnv() : messaging.translationProvider;
  app.route<{ Body: ContentTranslationRequest }>({
    ...staffRouteOptions('translateContent', requireStaff(ctx.database.db)),
    handler: async (request) => {
      if (!provider) throw unavailable();
      const targets = [...new Set(request.body.to)].filter((to) => !sameLanguage(to, request.body.from));
      const results: ContentTranslationTarget[] = [];
      try {
        // One language after another: the concurrency limit is per provider, not per language.
        for (const to of targets) results.push(await translateInto(provider, request.body, to));
      } catch (error) {
        // supports() failing means the service itself is down: the same answer as none configured, logged.
        request.log.warn({ err: error }, 'translation provider failed');
        throw new HttpProblem({
          status: 503,
          type: TRANSLATION_UNAVAILABLE_PROBLEM,
          title: 'Translation unavailable',
          detail: 'The translation service did not answer. Try again later.',
        });
      }
      return { provider: provider.name, from: request.body.from, targets: results };
    },
  });
}
