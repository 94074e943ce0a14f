/**
 * LTI users become Tandem identities. Instructors and other course staff become staff of the
 * registration's school; learners become students (with a family record of their own, so the message
 * box can sign them in); mentors (parents and observers) become the family of the students their launch
 * names in `role_scope_mentor`. Every link is kept in lti_users, keyed by registration and LTI user id.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { upsertHostFamily } from '../identity/families.js';
import type { RegistrationRow } from './registrations.js';
import type { LtiUserKind } from './tables.js';

type Db = Kysely<DatabaseSchema>;

const STAFF_ROLES = new Set([
  'Instructor',
  'TeachingAssistant',
  'Administrator',
  'ContentDeveloper',
  'Faculty',
  'Staff',
  'SysAdmin',
  'SysSupport',
  'Manager',
  'Grader',
]);

/** The role names in a list of role URIs: `…/membership#Instructor`, `…/membership/Instructor#TeachingAssistant`, or the old short `Instructor`. */
export function roleNames(roles: readonly unknown[]): Set<string> {
  const names = new Set<string>();
  for (const role of roles) {
    if (typeof role !== 'string') continue;
    const hash = role.lastIndexOf('#');
    names.add(hash >= 0 ? role.slice(hash + 1) : role.slice(role.lastIndexOf('/') + 1));
    // A sub-role also carries its principal role: `membership/Instructor#TeachingAssistant` is an instructor's assistant.
    const sub = /\/membership\/([A-Za-z]+)#/.exec(role);
    if (sub) names.add(sub[1]!);
  }
  return names;
}

/** Course staff first: a person who is both instructor and learner is treated as staff. */
export function classifyRoles(roles: readonly unknown[]): LtiUserKind | undefined {
  const names = roleNames(roles);
  if ([...names].some((n) => STAFF_ROLES.has(n))) return 'staff';
  if (names.has('Mentor')) return 'mentor';
  if (names.has('Learner') || names.has('Student')) return 'student';
  return undefined;
}

/** A stable Tandem student id for an LTI learner, the same whether the learner or their mentor is seen first. */
export function studentIdFor(registrationId: string, ltiUserId: string): string {
  return `lti-${createHash('sha256').update(`${registrationId}\n${ltiUserId}`).digest('hex').slice(0, 24)}`;
}

export interface LtiPerson {
  sub: string;
  name?: string | undefined;
  email?: string | undefined;
  locale: string;
  roles: readonly unknown[];
  /** LTI user ids of the students a mentor observes. */
  mentorOf?: readonly string[] | undefined;
}

export interface MappedIdentity {
  kind: LtiUserKind | undefined;
  staffUserId?: string;
  familyId?: string;
  studentId?: string;
}

/** Families made from LMS launches are kept apart from those an identity site signs, even if both named the same issuer. */
const familyIssuer = (registration: RegistrationRow) => `lti:${registration.issuer}`;

const personName = (person: LtiPerson, fallback: string) => (person.name?.trim() || fallback).slice(0, 200);

async function upsertLtiUser(
  db: Db,
  registration: RegistrationRow,
  sub: string,
  values: {
    kind: LtiUserKind;
    name: string | null;
    email: string | null;
    staff_user_id?: string | null;
    family_id?: string | null;
    student_id?: string | null;
  },
): Promise<void> {
  const now = new Date().toISOString();
  const changes = {
    kind: values.kind,
    ...(values.name ? { name: values.name } : {}),
    ...(values.email ? { email: values.email } : {}),
    ...(values.staff_user_id !== undefined ? { staff_user_id: values.staff_user_id } : {}),
    ...(values.family_id !== undefined ? { family_id: values.family_id } : {}),
    ...(values.student_id !== undefined ? { student_id: values.student_id } : {}),
    updated_at: now,
  };
  await db
    .insertInto('lti_users')
    .values({
      registration_id: registration.id,
      lti_user_id: sub,
      organization_id: registration.organization_id,
      kind: values.kind,
      name: values.name,
      email: values.email,
      staff_user_id: values.staff_user_id ?? null,
      family_id: values.family_id ?? null,
      student_id: values.student_id ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['registration_id', 'lti_user_id']).doUpdateSet(changes))
    .execute();
}

/**
 * Course staff: linked to the organization's staff member with the same email when there is one; otherwise a
 * new staff record without a password and with an address that can receive nothing, so an LMS account never
 * turns into a console sign-in (or a password reset) by itself.
 */
async function mapStaff(db: Db, registration: RegistrationRow, person: LtiPerson): Promise<MappedIdentity> {
  const linked = await db
    .selectFrom('lti_users')
    .select('staff_user_id')
    .where('registration_id', '=', registration.id)
    .where('lti_user_id', '=', person.sub)
    .executeTakeFirst();
  let staffUserId = linked?.staff_user_id ?? undefined;
  const email = person.email?.trim().toLowerCase() || undefined;
  if (!staffUserId && email) {
    const existing = await db
      .selectFrom('staff_users')
      .select('id')
      .where('organization_id', '=', registration.organization_id)
      .where('email', '=', email)
      .executeTakeFirst();
    staffUserId = existing?.id;
  }
  if (!staffUserId) {
    staffUserId = randomUUID();
    await db
      .insertInto('staff_users')
      .values({
        id: staffUserId,
        organization_id: registration.organization_id,
        email: `lti-${studentIdFor(registration.id, person.sub).slice(4)}@lti.invalid`,
        name: personName(person, 'LMS instructor'),
        role: 'staff',
        // Not a scrypt hash, so no password ever matches it.
        password_hash: '!lti',
        created_at: new Date().toISOString(),
      })
      .execute();
  }
  if (registration.school_id) {
    await db
      .insertInto('staff_school_members')
      .values({
        school_id: registration.school_id,
        staff_user_id: staffUserId,
        organization_id: registration.organization_id,
        office_hours: null,
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.columns(['school_id', 'staff_user_id']).doNothing())
      .execute();
  }
  await upsertLtiUser(db, registration, person.sub, {
    kind: 'staff',
    name: person.name ?? null,
    email: email ?? null,
    staff_user_id: staffUserId,
  });
  return { kind: 'staff', staffUserId };
}

async function knownName(db: Db, registration: RegistrationRow, sub: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('lti_users')
    .select('name')
    .where('registration_id', '=', registration.id)
    .where('lti_user_id', '=', sub)
    .executeTakeFirst();
  return row?.name ?? undefined;
}

async function mapStudent(db: Db, registration: RegistrationRow, person: LtiPerson): Promise<MappedIdentity> {
  const studentId = studentIdFor(registration.id, person.sub);
  const name = personName(person, 'Student');
  const family = await upsertHostFamily(db, registration.organization_id, {
    issuer: familyIssuer(registration),
    subject: person.sub,
    name,
    locale: person.locale,
    ...(person.email ? { email: person.email } : {}),
    students: [{ id: studentId, name, ...(registration.school_id ? { schoolId: registration.school_id } : {}) }],
  });
  await upsertLtiUser(db, registration, person.sub, {
    kind: 'student',
    name: person.name ?? null,
    email: person.email ?? null,
    family_id: family.id,
    student_id: studentId,
  });
  return { kind: 'student', familyId: family.id, studentId };
}

async function mapMentor(db: Db, registration: RegistrationRow, person: LtiPerson): Promise<MappedIdentity> {
  const observed = [...new Set((person.mentorOf ?? []).filter((s) => typeof s === 'string' && s.length > 0 && s.length <= 255))].slice(
    0,
    50,
  );
  const now = new Date().toISOString();
  if (observed.length) {
    await db
      .insertInto('lti_mentor_links')
      .values(
        observed.map((student) => ({
          registration_id: registration.id,
          mentor_user_id: person.sub,
          student_user_id: student,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['registration_id', 'mentor_user_id', 'student_user_id']).doNothing())
      .execute();
  }
  // The launch names the students; links kept from earlier launches (or a roster import) count too.
  const links = await db
    .selectFrom('lti_mentor_links')
    .select('student_user_id')
    .where('registration_id', '=', registration.id)
    .where('mentor_user_id', '=', person.sub)
    .execute();
  const students = [];
  for (const { student_user_id: sub } of links) {
    students.push({
      id: studentIdFor(registration.id, sub),
      name: ((await knownName(db, registration, sub)) ?? sub).slice(0, 200),
      ...(registration.school_id ? { schoolId: registration.school_id } : {}),
    });
  }
  const family = await upsertHostFamily(db, registration.organization_id, {
    issuer: familyIssuer(registration),
    subject: person.sub,
    name: personName(person, 'Family'),
    locale: person.locale,
    ...(person.email ? { email: person.email } : {}),
    students,
  });
  await upsertLtiUser(db, registration, person.sub, {
    kind: 'mentor',
    name: person.name ?? null,
    email: person.email ?? null,
    family_id: family.id,
  });
  return { kind: 'mentor', familyId: family.id };
}

export async function mapLaunchIdentity(db: Db, registration: RegistrationRow, person: LtiPerson): Promise<MappedIdentity> {
  const kind = classifyRoles(person.roles);
  if (kind === 'staff') return mapStaff(db, registration, person);
  if (kind === 'mentor') return mapMentor(db, registration, person);
  if (kind === 'student') return mapStudent(db, registration, person);
  return { kind: undefined };
}
