/**
 * PostgreSQL LISTEN/NOTIFY for the realtime hub: every message or receipt commit notifies a channel,
 * and each server process listening on it looks at the log at once instead of at its next poll. The
 * poll stays as the safety net (a dropped listener connection loses notifications, never messages).
 */
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from '../db/schema.js';

export const MESSAGE_CHANNEL = 'tandem_message_log';

/** Queued with the transaction; PostgreSQL delivers it only if the transaction commits. */
export async function notifyMessageLog(trx: Transaction<DatabaseSchema>): Promise<void> {
  await sql`select pg_notify(${MESSAGE_CHANNEL}, '')`.execute(trx);
}

export interface Listener {
  close(): Promise<void>;
}

/** Listens on its own connection (a pooled one would be handed to other queries); reconnects after errors. */
export function listenForMessages(url: string, schema: string | undefined, log: FastifyBaseLogger, onNotify: () => void): Listener {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema},public` } : {}) });
    next.on('notification', () => onNotify());
    next.on('error', (error) => {
      log.warn({ err: error }, 'message listener connection failed; polling until it is back');
      void next.end().catch(() => {});
      if (client === next) client = undefined;
      if (!closed) retry = setTimeout(() => (connecting = connect()), 2000).unref();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${MESSAGE_CHANNEL}`);
      // Closed while connecting: an open connection here would keep the process alive.
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      // Anything committed while (re)connecting is caught by looking now.
      onNotify();
    } catch (error) {
      log.warn({ err: error }, 'could not listen for messages; polling instead');
      void next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => (connecting = connect()), 2000).unref();
    }
  };
  let connecting = connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      await connecting;
      await client?.end().catch(() => {});
    },
  };
}
