/** Drops console credentials nobody can use any more: ended sessions, spent or expired reset links, old throttle windows. */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';

/** Ended sessions stay a week, so "who was signed in from where" can still be answered after an incident. */
const KEEP_ENDED_SESSIONS_MS = 7 * 86_400_000;

export async function pruneConsoleCredentials(db: Kysely<DatabaseSchema>, throttleWindowMs: number): Promise<void> {
  const now = Date.now();
  const cutoff = new Date(now - KEEP_ENDED_SESSIONS_MS).toISOString();
  await db
    .deleteFrom('staff_sessions')
    .where((eb) => eb.or([eb('expires_at', '<', cutoff), eb('revoked_at', '<', cutoff)]))
    .execute();
  await db
    .deleteFrom('password_reset_tokens')
    .where('expires_at', '<', new Date(now - 86_400_000).toISOString())
    .execute();
  // Reset-email windows are an hour, sign-in windows `throttleWindowMs`: anything older than both has ended.
  const windowEnded = new Date(now - Math.max(throttleWindowMs, 3600_000)).toISOString();
  await db.deleteFrom('sign_in_throttle').where('window_started_at', '<', windowEnded).execute();
}
