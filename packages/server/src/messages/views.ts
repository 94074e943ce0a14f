/** Turns conversation and message rows into what the API answers, for a family or a staff reader. */
import type { Kysely } from 'kysely';
import type { Conversation, LocalizedText, Message, OfficeHours } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import type { Translator } from '../translation/translator.js';
import { availabilityOf, parseOfficeHours } from './office-hours.js';
import { conversationStats, readMarks, type ConversationRow, type MessageRow } from './store.js';
import type { SenderKind } from './tables.js';

type Db = Kysely<DatabaseSchema>;

const PREVIEW_LENGTH = 140;

export const otherSide = (kind: SenderKind): SenderKind => (kind === 'family' ? 'staff' : 'family');

export interface SchoolMessagingInfo {
  name: string;
  officeName: string;
  officeHours?: OfficeHours;
  emergencyNotice?: LocalizedText;
}

export async function schoolMessagingInfo(db: Db, schoolIds: readonly string[]): Promise<Map<string, SchoolMessagingInfo>> {
  const result = new Map<string, SchoolMessagingInfo>();
  if (schoolIds.length === 0) return result;
  const rows = await db
    .selectFrom('schools')
    .leftJoin('school_messaging', 'school_messaging.school_id', 'schools.id')
    .select([
      'schools.id',
      'schools.name',
      'school_messaging.office_name',
      'school_messaging.office_hours',
      'school_messaging.emergency_notice',
    ])
    .where('schools.id', 'in', [...new Set(schoolIds)])
    .execute();
  for (const r of rows) {
    const hours = parseOfficeHours(r.office_hours ?? null);
    result.set(r.id, {
      name: r.name,
      officeName: r.office_name || `${r.name} office`,
      ...(hours ? { officeHours: hours } : {}),
      ...(r.emergency_notice ? { emergencyNotice: JSON.parse(r.emergency_notice) as LocalizedText } : {}),
    });
  }
  return result;
}

/** Office hours of each staff member at each school, keyed `school|staff`. */
export async function staffHours(
  db: Db,
  pairs: readonly { schoolId: string; staffUserId: string }[],
): Promise<Map<string, OfficeHours | undefined>> {
  const result = new Map<string, OfficeHours | undefined>();
  const staffIds = [...new Set(pairs.map((p) => p.staffUserId))];
  if (staffIds.length === 0) return result;
  const rows = await db
    .selectFrom('staff_school_members')
    .select(['school_id', 'staff_user_id', 'office_hours'])
    .where('staff_user_id', 'in', staffIds)
    .execute();
  for (const r of rows) result.set(`${r.school_id}|${r.staff_user_id}`, parseOfficeHours(r.office_hours));
  return result;
}

export async function presentConversations(
  db: Db,
  rows: readonly ConversationRow[],
  readerKind: SenderKind,
  now = new Date(),
): Promise<Conversation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [schools, stats, hours, staff, families] = await Promise.all([
    schoolMessagingInfo(
      db,
      rows.map((r) => r.school_id),
    ),
    conversationStats(db, ids, readerKind),
    staffHours(
      db,
      rows.flatMap((r) => (r.staff_user_id ? [{ schoolId: r.school_id, staffUserId: r.staff_user_id }] : [])),
    ),
    namesOf(
      db,
      'staff_users',
      rows.flatMap((r) => (r.staff_user_id ? [r.staff_user_id] : [])),
    ),
    db
      .selectFrom('families')
      .select(['id', 'name', 'locale'])
      .where('id', 'in', [...new Set(rows.map((r) => r.family_id))])
      .execute(),
  ]);
  const familyById = new Map(families.map((f) => [f.id, f]));
  return rows.map((row) => {
    const school = schools.get(row.school_id)!;
    const stat = stats.get(row.id)!;
    const family = familyById.get(row.family_id)!;
    const peerHours = row.staff_user_id ? hours.get(`${row.school_id}|${row.staff_user_id}`) : school.officeHours;
    return {
      id: row.id,
      schoolId: row.school_id,
      schoolName: school.name,
      ...(row.student_id ? { student: { id: row.student_id, name: row.student_name ?? '' } } : {}),
      with: row.staff_user_id
        ? { kind: 'staff' as const, id: row.staff_user_id, name: staff.get(row.staff_user_id) ?? 'Staff member' }
        : { kind: 'office' as const, name: school.officeName },
      family: { id: family.id, name: family.name, locale: family.locale },
      unread: stat.unread,
      ...(stat.last
        ? {
            lastMessage: {
              seq: stat.last.seq,
              preview: [...stat.last.body].slice(0, PREVIEW_LENGTH).join(''),
              senderKind: stat.last.sender_kind,
              createdAt: stat.last.created_at,
            },
          }
        : {}),
      availability: availabilityOf(peerHours, now),
      createdAt: row.created_at,
    };
  });
}

async function namesOf(db: Db, table: 'staff_users', ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Messages as `readerKind` sees them: read state from the other side's mark, and translations of the other side's messages. */
export async function presentMessages(
  db: Db,
  translator: Translator,
  rows: readonly MessageRow[],
  readerKind: SenderKind,
  readerLocale: string,
): Promise<Message[]> {
  if (rows.length === 0) return [];
  const marks = await readMarks(db, [...new Set(rows.map((r) => r.conversation_id))]);
  const translations = await translator.forReader(
    rows.filter((r) => r.sender_kind !== readerKind),
    readerLocale,
  );
  return rows.map((row) =>
    toMessage(row, marks.get(row.conversation_id)![otherSide(row.sender_kind)] >= row.seq, translations.get(row.id)),
  );
}

export function toMessage(row: MessageRow, read: boolean, translation?: Message['translation']): Message {
  return {
    id: row.id,
    seq: row.seq,
    conversationId: row.conversation_id,
    sender: { kind: row.sender_kind, id: row.sender_id, name: row.sender_name },
    body: row.body,
    locale: row.locale,
    ...(row.client_message_id ? { clientMessageId: row.client_message_id } : {}),
    createdAt: row.created_at,
    state: read ? 'read' : 'sent',
    ...(translation ? { translation } : {}),
  };
}
