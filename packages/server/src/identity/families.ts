/** Family records: registered by staff, or created on first sight of a host-signed identity; always within one organization. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Family, FamilyProfile, FamilyStudent } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import type { FamiliesTable } from '../messages/tables.js';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export type FamilyRow = FamiliesTable;

export interface HostIdentity {
  issuer: string;
  subject: string;
  name: string;
  locale: string;
  email?: string;
  students: FamilyStudent[];
}

export async function findFamily(db: Db, organizationId: string, familyId: string): Promise<FamilyRow | undefined> {
  return db.selectFrom('families').selectAll().where('id', '=', familyId).where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function studentsOf(db: Db, familyId: string): Promise<FamilyStudent[]> {
  const rows = await db
    .selectFrom('family_students')
    .select(['student_id', 'name', 'school_id'])
    .where('family_id', '=', familyId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.student_id, name: r.name, ...(r.school_id ? { schoolId: r.school_id } : {}) }));
}

export async function toFamily(db: Db, row: FamilyRow): Promise<Family> {
  return {
    id: row.id,
    ...(row.school_id ? { schoolId: row.school_id } : {}),
    name: row.name,
    ...(row.email ? { email: row.email } : {}),
    locale: row.locale,
    students: await studentsOf(db, row.id),
    createdAt: row.created_at,
  };
}

export async function toFamilyProfile(db: Db, row: FamilyRow): Promise<FamilyProfile> {
  return { id: row.id, name: row.name, locale: row.locale, students: await studentsOf(db, row.id) };
}

/** Schools of the organization among `ids`; others are dropped so a token cannot point a family at another tenant. */
async function ownSchools(db: Db, organizationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('schools').select('id').where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function createFamily(
  db: Kysely<DatabaseSchema>,
  organizationId: string,
  input: {
    schoolId: string | null;
    name: string;
    email?: string | undefined;
    locale: string;
    students: FamilyStudent[];
    className?: string;
  },
): Promise<FamilyRow> {
  const now = new Date().toISOString();
  const row: FamilyRow = {
    id: randomUUID(),
    organization_id: organizationId,
    school_id: input.schoolId,
    name: input.name.trim(),
    email: input.email?.trim().toLowerCase() || null,
    locale: input.locale,
    issuer: null,
    subject: null,
    created_at: now,
    updated_at: now,
  };
  const schools = await ownSchools(
    db,
    organizationId,
    input.students.flatMap((s) => (s.schoolId ? [s.schoolId] : [])),
  );
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('families').values(row).execute();
    await replaceStudents(trx, row, input.students, schools, input.className);
  });
  return row;
}

async function replaceStudents(trx: Db, family: FamilyRow, students: readonly FamilyStudent[], schools: Set<string>, className?: string) {
  await trx.deleteFrom('family_students').where('family_id', '=', family.id).execute();
  const unique = [...new Map(students.map((s) => [s.id, s])).values()];
  if (unique.length === 0) return;
  await trx
    .insertInto('family_students')
    .values(
      unique.map((s) => ({
        family_id: family.id,
        student_id: s.id,
        organization_id: family.organization_id,
        name: s.name.trim(),
        school_id: s.schoolId && schools.has(s.schoolId) ? s.schoolId : family.school_id,
        class_name: className ?? null,
      })),
    )
    .execute();
}

/**
 * The family behind a verified host identity: created on first sight, and its name, language and
 * students refreshed from every newer token, since the host site is the source of truth for them.
 */
export async function upsertHostFamily(db: Kysely<DatabaseSchema>, organizationId: string, identity: HostIdentity): Promise<FamilyRow> {
  const now = new Date().toISOString();
  const schools = await ownSchools(
    db,
    organizationId,
    identity.students.flatMap((s) => (s.schoolId ? [s.schoolId] : [])),
  );
  const firstSchool = identity.students.map((s) => s.schoolId).find((id) => id && schools.has(id)) ?? null;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('families')
      .values({
        id: randomUUID(),
        organization_id: organizationId,
        school_id: firstSchool,
        name: identity.name,
        email: identity.email?.toLowerCase() ?? null,
        locale: identity.locale,
        issuer: identity.issuer,
        subject: identity.subject,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['organization_id', 'issuer', 'subject']).doUpdateSet({
          name: identity.name,
          locale: identity.locale,
          school_id: firstSchool,
          ...(identity.email ? { email: identity.email.toLowerCase() } : {}),
          updated_at: now,
        }),
      )
      .execute();
    const row = await trx
      .selectFrom('families')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('issuer', '=', identity.issuer)
      .where('subject', '=', identity.subject)
      .executeTakeFirstOrThrow();
    await replaceStudents(trx, row, identity.students, schools);
    return row;
  });
}

/** Schools a family may write to: those of its students and its own; none known means every school of the organization. */
export async function schoolsOfFamily(db: Db, family: FamilyRow): Promise<string[]> {
  const rows = await db.selectFrom('family_students').select('school_id').where('family_id', '=', family.id).execute();
  const ids = new Set(rows.flatMap((r) => (r.school_id ? [r.school_id] : [])));
  if (family.school_id) ids.add(family.school_id);
  if (ids.size > 0) return [...ids];
  const all = await db.selectFrom('schools').select('id').where('organization_id', '=', family.organization_id).execute();
  return all.map((s) => s.id);
}
