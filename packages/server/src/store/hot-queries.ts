/**
 * The reads on the family submit path, compiled once per database: each call then skips Kysely's
 * query building and compiling, and SQLite reuses the prepared statement.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';

function prepared<Row>(db: Kysely<DatabaseSchema>, query: Compilable<Row>) {
  const compiled: CompiledQuery<Row> = query.compile();
  return async (parameters: readonly unknown[]): Promise<Row | undefined> =>
    (await db.executeQuery<Row>({ ...compiled, parameters })).rows[0];
}

export function hotQueries(db: Kysely<DatabaseSchema>) {
  const surveyWithSchool = prepared(
    db,
    db
      .selectFrom('surveys')
      .innerJoin('schools', 'schools.id', 'surveys.school_id')
      .selectAll('surveys')
      .select('schools.name as school_name')
      .where('surveys.id', '=', '?survey'),
  );
  const storedResult = prepared(
    db,
    db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status_code', 'response_body'])
      .where('scope', '=', '?scope')
      .where('key', '=', '?key'),
  );
  return {
    surveyWithSchool: (surveyId: string) => surveyWithSchool([surveyId]),
    storedResult: (scope: string, key: string) => storedResult([scope, key]),
  };
}

export type HotQueries = ReturnType<typeof hotQueries>;
