/** Opens the database: a SQLite file (WAL, synchronous=FULL) by default, or PostgreSQL when a URL is given. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from './schema.js';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | {
      dialect: 'postgres';
      url: string;
      /** Schema to put first on search_path (tests isolate runs this way). */ schema?: string;
      poolSize?: number;
    };

export interface TandemDatabase {
  db: Kysely<DatabaseSchema>;
  dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/** Where the SQLite file lives when nothing else is said. */
export function defaultSqliteFile(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.TANDEM_DATA_DIR || '.tandem-data', 'tandem.sqlite');
}

/** Reads `DATABASE_URL` (+ optional `DATABASE_SCHEMA`) or falls back to the SQLite file under `TANDEM_DATA_DIR`. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) {
    return { dialect: 'postgres', url: env.DATABASE_URL, ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}) };
  }
  return { dialect: 'sqlite', file: defaultSqliteFile(env) };
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function openDatabase(config: DatabaseConfig): TandemDatabase {
  if (config.dialect === 'postgres') return openPostgres(config);
  return openSqlite(config.file);
}

function openSqlite(file: string): TandemDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  // FULL: a response the family was told is saved survives a power cut, not just a crash.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares a statement per query; reusing prepared statements by SQL text removes that cost
 * from the hot submit path. The cache is bounded because batch inserts vary in width.
 */
function withStatementCache(raw: BetterSqlite3.Database, limit = 256) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        // Refresh recency so hot statements stay.
        cache.delete(text);
      } else {
        statement = raw.prepare(text);
        if (cache.size >= limit) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
    close() {
      cache.clear();
      raw.close();
    },
  };
}

function openPostgres(config: { url: string; schema?: string; poolSize?: number }): TandemDatabase {
  if (config.schema !== undefined && !SCHEMA_NAME.test(config.schema)) {
    throw new Error(`Invalid PostgreSQL schema name "${config.schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    ...(config.schema ? { options: `-c search_path=${config.schema},public` } : {}),
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** A real round trip, for health checks. */
export async function ping(database: TandemDatabase): Promise<void> {
  await sql`select 1`.execute(database.db);
}
