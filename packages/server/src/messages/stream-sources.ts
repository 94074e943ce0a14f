/** What a family's stream and a staff inbox stream contain: their log entries, as message and read-receipt events. */
import { randomBytes } from 'node:crypto';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { STREAM_EVENTS, type ReadReceipt } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import { SESSION_TOKEN_PREFIX } from '../auth.js';
import { activeSession } from '../identity/family-sessions.js';
import { sha256Hex } from '../secrets.js';
import type { Translator } from '../translation/translator.js';
import { NO_MATCH, type StaffReader } from './access.js';
import type { LogEntry, StreamEvent, StreamSource } from './realtime.js';
import { normalize } from './store.js';
import type { SenderKind } from './tables.js';
import { presentMessages } from './views.js';

type Db = Kysely<DatabaseSchema>;
type LogQuery = SelectQueryBuilder<DatabaseSchema, 'message_log', object>;

export const STREAM_TICKET_TTL_MS = 60_000;

export async function createStreamTicket(
  db: Db,
  input: { organizationId: string; subjectKind: SenderKind; subjectId: string },
): Promise<{ ticket: string; expiresAt: string }> {
  const ticket = 'tst_' + randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + STREAM_TICKET_TTL_MS).toISOString();
  await db
    .insertInto('stream_tickets')
    .values({
      ticket_hash: sha256Hex(ticket),
      organization_id: input.organizationId,
      subject_kind: input.subjectKind,
      subject_id: input.subjectId,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { ticket, expiresAt };
}

/** Uses a ticket up: a ticket in a URL may be logged by a proxy, so it opens exactly one stream, within a minute. */
export async function redeemStreamTicket(
  db: Db,
  ticket: string,
  kind: SenderKind,
): Promise<{ organizationId: string; subjectId: string } | undefined> {
  const hash = sha256Hex(ticket);
  const now = new Date().toISOString();
  const row = await db
    .selectFrom('stream_tickets')
    .select(['organization_id', 'subject_id'])
    .where('ticket_hash', '=', hash)
    .where('subject_kind', '=', kind)
    .where('expires_at', '>', now)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const claimed = await db
    .updateTable('stream_tickets')
    .set({ used_at: now })
    .where('ticket_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1 ? { organizationId: row.organization_id, subjectId: row.subject_id } : undefined;
}

function logSource(
  db: Db,
  translator: Translator,
  reader: { kind: SenderKind; locale: string },
  keys: { key: string; allowKey: string },
  scope: (qb: LogQuery) => LogQuery,
  concerns: (entry: LogEntry) => boolean,
  stillAllowed: () => Promise<boolean>,
): StreamSource {
  return {
    key: `${reader.kind}|${reader.locale}|${keys.key}`,
    allowKey: keys.allowKey,
    concerns,
    stillAllowed,
    head: async () => {
      const row = await scope(db.selectFrom('message_log'))
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      return Number(row?.seq ?? 0);
    },
    read: async (afterSeq, limit) => {
      const entries = await scope(db.selectFrom('message_log'))
        .selectAll()
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      if (entries.length === 0) return { events: [], lastSeq: afterSeq };
      const messageIds = entries.flatMap((e) => (e.kind === 'message' && e.message_id ? [e.message_id] : []));
      const rows = messageIds.length
        ? (await db.selectFrom('messages').selectAll().where('id', 'in', messageIds).execute()).map(normalize)
        : [];
      const views = new Map((await presentMessages(db, translator, rows, reader.kind, reader.locale)).map((m) => [m.id, m]));
      const events: StreamEvent[] = [];
      for (const entry of entries) {
        const seq = Number(entry.seq);
        if (entry.kind === 'message') {
          const view = views.get(entry.message_id!);
          if (view) events.push({ id: seq, event: STREAM_EVENTS.message, data: view });
        } else {
          const receipt: ReadReceipt = {
            conversationId: entry.conversation_id,
            readerKind: entry.reader_kind!,
            lastReadSeq: Number(entry.read_seq),
            readAt: entry.created_at,
          };
          events.push({ id: seq, event: STREAM_EVENTS.read, data: receipt });
        }
      }
      return { events, lastSeq: Number(entries[entries.length - 1]!.seq) };
    },
  };
}

export function familyStreamSource(
  db: Db,
  translator: Translator,
  family: { sessionId: string; familyId: string; organizationId: string; locale: string },
): StreamSource {
  return logSource(
    db,
    translator,
    { kind: 'family', locale: family.locale },
    { key: `${family.organizationId}|${family.familyId}`, allowKey: `family-session|${family.sessionId}` },
    (qb) => qb.where('family_id', '=', family.familyId).where('organization_id', '=', family.organizationId),
    (entry) => entry.family_id === family.familyId,
    async () => (await activeSession(db, family.sessionId)) !== undefined,
  );
}

export function staffStreamSource(db: Db, translator: Translator, reader: StaffReader, locale: string): StreamSource {
  const schools = reader.schoolIds.length > 0 ? reader.schoolIds : [NO_MATCH];
  return logSource(
    db,
    translator,
    { kind: 'staff', locale },
    {
      // Everything the scope below depends on.
      key: JSON.stringify([reader.organizationId, [...schools].sort(), reader.role === 'admin' ? 'admin' : (reader.staffUserId ?? null)]),
      allowKey: `api-token|${reader.tokenId}`,
    },
    (qb) => {
      let scoped = qb.where('organization_id', '=', reader.organizationId).where('school_id', 'in', schools);
      if (reader.role !== 'admin') {
        scoped = scoped.where((eb) => eb.or([eb('staff_user_id', 'is', null), eb('staff_user_id', '=', reader.staffUserId ?? NO_MATCH)]));
      }
      return scoped;
    },
    (entry) =>
      entry.organization_id === reader.organizationId &&
      reader.schoolIds.includes(entry.school_id) &&
      (reader.role === 'admin' || entry.staff_user_id === null || entry.staff_user_id === reader.staffUserId),
    async () => {
      // A console session (`session:<id>`) stays allowed until it is signed out, reset or past its absolute expiry;
      // an open inbox counts as use, so the idle timeout does not cut a stream the staff member is watching.
      if (reader.tokenId.startsWith(SESSION_TOKEN_PREFIX)) {
        const session = await db
          .selectFrom('staff_sessions')
          .select(['revoked_at', 'expires_at'])
          .where('id', '=', reader.tokenId.slice(SESSION_TOKEN_PREFIX.length))
          .executeTakeFirst();
        return session !== undefined && session.revoked_at === null && Date.parse(session.expires_at) > Date.now();
      }
      const token = await db.selectFrom('api_tokens').select('revoked_at').where('id', '=', reader.tokenId).executeTakeFirst();
      return token !== undefined && token.revoked_at === null;
    },
  );
}
