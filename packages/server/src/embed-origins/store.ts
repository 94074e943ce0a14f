/** Reading and replacing an organization's allowed embedding sites, with a short per-organization cache. */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';

type Db = Kysely<DatabaseSchema>;

export async function readEmbedOrigins(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('embed_origins')
    .select('origin')
    .where('organization_id', '=', organizationId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.origin);
}

/** Replaces the whole list in one transaction, so no request ever sees half of it. */
export async function replaceEmbedOrigins(db: Db, organizationId: string, origins: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('embed_origins').where('organization_id', '=', organizationId).execute();
    if (origins.length > 0) {
      await trx
        .insertInto('embed_origins')
        .values(origins.map((origin, position) => ({ organization_id: organizationId, origin, position })))
        .execute();
    }
  });
}

/** What the embedding checks need of an organization: its name (for the refusal) and its allowed sites. */
export interface EmbedPolicy {
  organizationName: string;
  origins: string[];
}

async function readEmbedPolicy(db: Db, organizationId: string): Promise<EmbedPolicy> {
  const organization = await db.selectFrom('organizations').select('name').where('id', '=', organizationId).executeTakeFirst();
  return { organizationName: organization?.name ?? 'this organization', origins: await readEmbedOrigins(db, organizationId) };
}

/**
 * Allowed sites per organization, kept for a few seconds: every embed page and every cross-origin widget
 * call asks, and the list changes rarely. This instance's PUT clears its entry at once; other instances
 * of the server catch up within `ttlMs`.
 */
export class EmbedOriginCache {
  readonly #entries = new Map<string, { policy: Promise<EmbedPolicy>; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 10_000,
    private readonly limit = 1000,
  ) {}

  get(organizationId: string): Promise<EmbedPolicy> {
    const now = Date.now();
    const hit = this.#entries.get(organizationId);
    if (hit && hit.until > now) return hit.policy;
    if (!hit && this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value!);
    const policy = readEmbedPolicy(this.db, organizationId);
    // A failed read is not remembered: the next request asks the database again.
    policy.catch(() => this.#entries.delete(organizationId));
    this.#entries.set(organizationId, { policy, until: now + this.ttlMs });
    return policy;
  }

  invalidate(organizationId: string): void {
    this.#entries.delete(organizationId);
  }
}
