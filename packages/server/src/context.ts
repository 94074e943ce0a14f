/** What route modules share: the database, the submission batcher, and the identity and notification seams. */
import type { TandemDatabase } from './db/database.js';
import type { IdentityVerifier } from './identity.js';
import type { NotificationSink } from './notifications.js';
import type { HotQueries } from './store/hot-queries.js';
import type { SubmissionBatcher } from './store/submission-batcher.js';
import { parseContent, type SurveyContent, type SurveyRow } from './store/surveys.js';

export interface AppContext {
  database: TandemDatabase;
  batcher: SubmissionBatcher;
  queries: HotQueries;
  identityVerifier: IdentityVerifier;
  notifications: NotificationSink;
  contentCache: ContentCache;
  publicBodyLimit: number;
  rateLimitPerMinute: number;
}

/**
 * Parsed survey content keyed by id and last update, so the submit path does not re-parse the same
 * JSON for every family. Staleness is impossible: a changed survey has a new `updated_at`.
 */
export class ContentCache {
  readonly #entries = new Map<string, { updatedAt: string; content: SurveyContent }>();
  constructor(private readonly limit = 200) {}

  get(row: Pick<SurveyRow, 'id' | 'updated_at' | 'content'>): SurveyContent {
    const hit = this.#entries.get(row.id);
    if (hit && hit.updatedAt === row.updated_at) return hit.content;
    const content = parseContent(row);
    if (!hit && this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(row.id, { updatedAt: row.updated_at, content });
    return content;
  }
}
