/** Removes what can no longer be used: expired family tokens, stream tickets and sign-in links. */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';

export async function pruneExpiredCredentials(db: Kysely<DatabaseSchema>, now = new Date()): Promise<number> {
  const cutoff = now.toISOString();
  let removed = 0;
  for (const table of ['family_tokens', 'stream_tickets'] as const) {
    const result = await db.deleteFrom(table).where('expires_at', '<', cutoff).executeTakeFirst();
    removed += Number(result.numDeletedRows ?? 0);
  }
  // Printed codes stay for staff to see how they were used; one-time email links go once expired.
  const links = await db.deleteFrom('family_invites').where('kind', '=', 'email-link').where('expires_at', '<', cutoff).executeTakeFirst();
  return removed + Number(links.numDeletedRows ?? 0);
}
