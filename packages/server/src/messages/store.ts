/**
 * Conversations, messages and read receipts. Every write also appends to `message_log`, whose `seq` is
 * the thread order and the event id streams resume from. On PostgreSQL, writers take one transaction
 * advisory lock so `seq` values commit in order: a reader that has seen seq N has seen everything
 * before it, which is what lets streams resume with no gaps.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { notifyMessageLog } from './pg-listener.js';
import type { ConversationsTable, MessagesTable, SenderKind } from './tables.js';

type Db = Kysely<DatabaseSchema>;
type Trx = Transaction<DatabaseSchema>;
export type ConversationRow = ConversationsTable;
export type MessageRow = MessagesTable;

/** An arbitrary constant naming Tandem's message-log lock. */
const MESSAGE_LOG_LOCK = 7_245_001;

export class KeyAlreadyTaken extends Error {}

/** Orders log writers (PostgreSQL) and tells listening processes about the write when it commits. */
export async function lockMessageLog(trx: Trx, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(${MESSAGE_LOG_LOCK})`.execute(trx);
  await notifyMessageLog(trx);
}

export function topicKey(staffUserId: string | null, studentId: string | null): string {
  return `${staffUserId ?? 'office'}|${studentId ?? ''}`;
}

export async function findConversation(db: Db | Trx, organizationId: string, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).where('organization_id', '=', organizationId).executeTakeFirst();
}

/** The family's one conversation with this peer about this student, created on first use. */
export async function openConversation(
  db: Db,
  input: { organizationId: string; schoolId: string; familyId: string; staffUserId: string | null; student?: { id: string; name: string } },
): Promise<{ row: ConversationRow; created: boolean }> {
  const key = topicKey(input.staffUserId, input.student?.id ?? null);
  const inserted = await db
    .insertInto('conversations')
    .values({
      id: randomUUID(),
      organization_id: input.organizationId,
      school_id: input.schoolId,
      family_id: input.familyId,
      staff_user_id: input.staffUserId,
      topic_key: key,
      student_id: input.student?.id ?? null,
      student_name: input.student?.name ?? null,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.columns(['family_id', 'school_id', 'topic_key']).doNothing())
    .returning('id')
    .execute();
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('family_id', '=', input.familyId)
    .where('school_id', '=', input.schoolId)
    .where('topic_key', '=', key)
    .executeTakeFirstOrThrow();
  return { row, created: inserted.length > 0 };
}

export interface NewMessage {
  senderKind: SenderKind;
  senderId: string;
  senderName: string;
  body: string;
  locale: string;
  clientMessageId: string | null;
}

/**
 * Appends a message. `storeResult` runs in the same transaction with the new row, so the message and
 * its Idempotency-Key are stored together or not at all; it throws KeyAlreadyTaken when another request
 * holding the same key won.
 */
export async function appendMessage(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  conversation: ConversationRow,
  message: NewMessage,
  storeResult?: (trx: Trx, row: MessageRow) => Promise<void>,
): Promise<MessageRow> {
  return db.transaction().execute(async (trx) => {
    await lockMessageLog(trx, dialect);
    const now = new Date().toISOString();
    const id = randomUUID();
    const { seq } = await trx
      .insertInto('message_log')
      .values({
        organization_id: conversation.organization_id,
        conversation_id: conversation.id,
        family_id: conversation.family_id,
        school_id: conversation.school_id,
        staff_user_id: conversation.staff_user_id,
        kind: 'message',
        message_id: id,
        reader_kind: null,
        read_seq: null,
        created_at: now,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    const row: MessageRow = {
      id,
      seq: Number(seq),
      organization_id: conversation.organization_id,
      conversation_id: conversation.id,
      sender_kind: message.senderKind,
      sender_id: message.senderId,
      sender_name: message.senderName,
      body: message.body,
      locale: message.locale,
      client_message_id: message.clientMessageId,
      created_at: now,
    };
    await trx.insertInto('messages').values(row).execute();
    if (storeResult) await storeResult(trx, row);
    return row;
  });
}

export interface ReadState {
  lastReadSeq: number;
  readAt: string;
  changed: boolean;
}

/** Moves the reader's mark forward (never back) to `upToSeq`, or to the latest message; logs a receipt when it moved. */
export async function markRead(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  conversation: ConversationRow,
  readerKind: SenderKind,
  upToSeq: number | undefined,
): Promise<ReadState> {
  return db.transaction().execute(async (trx) => {
    await lockMessageLog(trx, dialect);
    const latest = await trx
      .selectFrom('messages')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('conversation_id', '=', conversation.id)
      .executeTakeFirst();
    const newest = Number(latest?.seq ?? 0);
    const target = Math.min(upToSeq ?? newest, newest);
    const current = await trx
      .selectFrom('conversation_reads')
      .select(['last_read_seq', 'read_at'])
      .where('conversation_id', '=', conversation.id)
      .where('reader_kind', '=', readerKind)
      .executeTakeFirst();
    if (current && current.last_read_seq >= target) return { lastReadSeq: current.last_read_seq, readAt: current.read_at, changed: false };
    if (!current && target === 0) return { lastReadSeq: 0, readAt: conversation.created_at, changed: false };
    const now = new Date().toISOString();
    await trx
      .insertInto('conversation_reads')
      .values({ conversation_id: conversation.id, reader_kind: readerKind, last_read_seq: target, read_at: now })
      .onConflict((oc) => oc.columns(['conversation_id', 'reader_kind']).doUpdateSet({ last_read_seq: target, read_at: now }))
      .execute();
    await trx
      .insertInto('message_log')
      .values({
        organization_id: conversation.organization_id,
        conversation_id: conversation.id,
        family_id: conversation.family_id,
        school_id: conversation.school_id,
        staff_user_id: conversation.staff_user_id,
        kind: 'read',
        message_id: null,
        reader_kind: readerKind,
        read_seq: target,
        created_at: now,
      })
      .execute();
    return { lastReadSeq: target, readAt: now, changed: true };
  });
}

/** How far each side has read, per conversation. */
export async function readMarks(db: Db, conversationIds: readonly string[]): Promise<Map<string, Record<SenderKind, number>>> {
  const marks = new Map<string, Record<SenderKind, number>>();
  for (const id of conversationIds) marks.set(id, { family: 0, staff: 0 });
  if (conversationIds.length === 0) return marks;
  const rows = await db
    .selectFrom('conversation_reads')
    .select(['conversation_id', 'reader_kind', 'last_read_seq'])
    .where('conversation_id', 'in', conversationIds)
    .execute();
  for (const r of rows) marks.get(r.conversation_id)![r.reader_kind] = r.last_read_seq;
  return marks;
}

/** A page of a thread, oldest first: the newest `limit` messages, or those before `before`. */
export async function messagePage(
  db: Db,
  conversationId: string,
  before: number | undefined,
  limit: number,
): Promise<{ rows: MessageRow[]; hasMore: boolean }> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .$if(before !== undefined, (qb) => qb.where('seq', '<', before!))
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const hasMore = rows.length > limit;
  return { rows: rows.slice(0, limit).reverse().map(normalize), hasMore };
}

/** pg returns integers as numbers for int4; better-sqlite3 too; this keeps both honest if a column widens. */
export function normalize(row: MessageRow): MessageRow {
  return { ...row, seq: Number(row.seq) };
}

export interface ConversationStats {
  unread: number;
  last?: MessageRow;
}

/** Unread counts (messages from the other side past the reader's mark) and the latest message per conversation. */
export async function conversationStats(
  db: Db,
  conversationIds: readonly string[],
  readerKind: SenderKind,
): Promise<Map<string, ConversationStats>> {
  const stats = new Map<string, ConversationStats>();
  for (const id of conversationIds) stats.set(id, { unread: 0 });
  if (conversationIds.length === 0) return stats;
  const other: SenderKind = readerKind === 'family' ? 'staff' : 'family';
  const unread = await db
    .selectFrom('messages as m')
    .leftJoin('conversation_reads as r', (join) =>
      join.onRef('r.conversation_id', '=', 'm.conversation_id').on('r.reader_kind', '=', readerKind),
    )
    .select((eb) => ['m.conversation_id', eb.fn.countAll().as('n')])
    .where('m.conversation_id', 'in', conversationIds)
    .where('m.sender_kind', '=', other)
    .where((eb) => eb('m.seq', '>', eb.fn.coalesce('r.last_read_seq', sql<number>`0`)))
    .groupBy('m.conversation_id')
    .execute();
  for (const row of unread) stats.get(row.conversation_id)!.unread = Number(row.n);
  const latest = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('conversation_id', 'in', conversationIds)
    .groupBy('conversation_id')
    .execute();
  const seqs = latest.map((r) => Number(r.seq));
  if (seqs.length > 0) {
    const rows = await db.selectFrom('messages').selectAll().where('seq', 'in', seqs).execute();
    for (const row of rows) stats.get(row.conversation_id)!.last = normalize(row);
  }
  return stats;
}
