/**
 * Sign-in throttling, kept in the database so every server process counts the same failures. Accounts are
 * keyed by the email typed, whether or not such an account exists, so a locked answer says nothing about
 * which emails are staff.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { HttpProblem } from '../problems.js';
import { PROBLEM_TYPES } from '@tandem/protocol';

type Db = Kysely<DatabaseSchema>;

export interface ThrottleRule {
  key: string;
  limit: number;
}

/** Seconds until every rule is under its limit again, or 0 when none is over. */
export async function throttledFor(db: Db, rules: ThrottleRule[], windowMs: number): Promise<number> {
  const rows = await db
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where(
      'key',
      'in',
      rules.map((r) => r.key),
    )
    .execute();
  const now = Date.now();
  let waitMs = 0;
  for (const row of rows) {
    const rule = rules.find((r) => r.key === row.key)!;
    const endsAt = Date.parse(row.window_started_at) + windowMs;
    if (endsAt > now && row.failures >= rule.limit) waitMs = Math.max(waitMs, endsAt - now);
  }
  return Math.ceil(waitMs / 1000);
}

/** Counts one failure against each key, starting a new window where the last one ended. */
export async function recordFailure(db: Db, keys: string[], windowMs: number): Promise<void> {
  const now = new Date();
  for (const key of keys) {
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      if (!row) {
        await trx
          .insertInto('sign_in_throttle')
          .values({ key, failures: 1, window_started_at: now.toISOString() })
          .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ failures: eb('sign_in_throttle.failures', '+', 1) })))
          .execute();
      } else if (Date.parse(row.window_started_at) + windowMs <= now.getTime()) {
        await trx
          .updateTable('sign_in_throttle')
          .set({ failures: 1, window_started_at: now.toISOString() })
          .where('key', '=', key)
          .execute();
      } else {
        await trx
          .updateTable('sign_in_throttle')
          .set((eb) => ({ failures: eb('failures', '+', 1) }))
          .where('key', '=', key)
          .execute();
      }
    });
  }
}

/**
 * Counts this attempt against every rule before the password is checked, and says how long to wait when it is
 * over any rule's limit. The count is one atomic upsert that returns the new number, so attempts arriving in
 * parallel each get their own place in line: no more than `limit` of them ever reach the (slow) password check.
 */
export async function countAttempt(db: Db, rules: ThrottleRule[], windowMs: number): Promise<number> {
  const now = new Date();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  let waitMs = 0;
  for (const rule of rules) {
    const row = await db
      .insertInto('sign_in_throttle')
      .values({ key: rule.key, failures: 1, window_started_at: now.toISOString() })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          // A window that has run out starts again with this attempt.
          const expired = eb('sign_in_throttle.window_started_at', '<=', cutoff);
          return {
            failures: eb
              .case()
              .when(expired)
              .then(eb.val(1))
              .else(eb('sign_in_throttle.failures', '+', 1))
              .end(),
            window_started_at: eb
              .case()
              .when(expired)
              .then(eb.val(now.toISOString()))
              .else(eb.ref('sign_in_throttle.window_started_at'))
              .end(),
          };
        }),
      )
      .returning(['failures', 'window_started_at'])
      .executeTakeFirstOrThrow();
    if (Number(row.failures) > rule.limit) waitMs = Math.max(waitMs, Date.parse(row.window_started_at) + windowMs - now.getTime());
  }
  return Math.ceil(waitMs / 1000);
}

/** Takes back one counted attempt (a sign-in that succeeded), so colleagues behind one address are not locked out by it. */
export async function forgiveAttempt(db: Db, key: string): Promise<void> {
  await db
    .updateTable('sign_in_throttle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}

export function tooManyAttempts(retryAfterSeconds: number): HttpProblem {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new HttpProblem({
    status: 429,
    type: PROBLEM_TYPES.rateLimited,
    title: 'Too many requests',
    detail: `Too many sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}
