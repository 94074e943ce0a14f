/**
 * The demo school's message box: a teacher who takes messages, the front office's hours and its
 * not-for-emergencies notice, and a Spanish-speaking demo family that signs in with a printed code.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { inviteCodeHash } from '../identity/invites.js';

/** Printed on the demo site; works for anyone trying the demo, until 2099. */
export const DEMO_FAMILY_INVITE_CODE = 'TANDM-DEM26';
export const DEMO_TEACHER_ID = 'demo-teacher-rivera';
export const DEMO_TEACHER_EMAIL = 'rivera@lincoln.example';
export const DEMO_FAMILY_ID = 'demo-family-martinez';

const CREATED = '2026-01-05T15:00:00.000Z';
const weekdays = (opensAt: string, closesAt: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt, closesAt }));

export async function seedDemoMessaging(db: Kysely<DatabaseSchema>, organizationId: string, schoolId: string): Promise<void> {
  await db
    .insertInto('staff_users')
    .values({
      id: DEMO_TEACHER_ID,
      organization_id: organizationId,
      email: DEMO_TEACHER_EMAIL,
      name: 'Ms. Rivera',
      role: 'staff',
      // Not a scrypt hash, so no password signs in as the demo teacher; use an API token (token create --staff).
      password_hash: 'disabled',
      locale: 'en',
      created_at: CREATED,
    })
    // Any conflict (the id, or the email taken by a real account) leaves what is there.
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('staff_school_members')
    .values({
      school_id: schoolId,
      staff_user_id: DEMO_TEACHER_ID,
      organization_id: organizationId,
      office_hours: JSON.stringify({ timeZone: 'America/Chicago', schedule: { regular: weekdays('08:00', '15:30') } }),
      created_at: CREATED,
    })
    .onConflict((oc) => oc.columns(['school_id', 'staff_user_id']).doNothing())
    .execute();
  await db
    .insertInto('school_messaging')
    .values({
      school_id: schoolId,
      organization_id: organizationId,
      office_name: 'Lincoln Elementary front office',
      emergency_notice: JSON.stringify({
        en: 'Messages are not for emergencies. In an emergency call 911; to report an absence call the office at 555-0100.',
        es: 'Los mensajes no son para emergencias. En una emergencia llame al 911; para avisar una ausencia llame a la oficina al 555-0100.',
        hmn: 'Cov lus no tsis yog rau xwm txheej ceev. Thaum muaj xwm txheej ceev hu 911; yog tus menyuam tsis tuaj kawm ntawv hu rau chaw ua haujlwm ntawm 555-0100.',
      }),
      office_hours: JSON.stringify({ timeZone: 'America/Chicago', schedule: { regular: weekdays('07:30', '16:00') } }),
      updated_at: CREATED,
    })
    .onConflict((oc) => oc.column('school_id').doNothing())
    .execute();
  await db
    .insertInto('families')
    .values({
      id: DEMO_FAMILY_ID,
      organization_id: organizationId,
      school_id: schoolId,
      name: 'Rosa Martínez',
      email: 'rosa.martinez@example.org',
      locale: 'es',
      issuer: null,
      subject: null,
      created_at: CREATED,
      updated_at: CREATED,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('family_students')
    .values({
      family_id: DEMO_FAMILY_ID,
      student_id: 'demo-student-mateo',
      organization_id: organizationId,
      name: 'Mateo Martínez',
      school_id: schoolId,
      class_name: 'Room 12',
    })
    .onConflict((oc) => oc.columns(['family_id', 'student_id']).doNothing())
    .execute();
  await db
    .insertInto('family_invites')
    .values({
      id: 'demo-family-invite',
      organization_id: organizationId,
      school_id: schoolId,
      kind: 'family',
      code_hash: inviteCodeHash(DEMO_FAMILY_INVITE_CODE),
      family_id: DEMO_FAMILY_ID,
      class_name: null,
      return_url: null,
      max_uses: 1_000_000_000,
      uses: 0,
      expires_at: '2099-12-31T00:00:00.000Z',
      created_at: CREATED,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
