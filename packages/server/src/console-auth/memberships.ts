/** School membership of staff: which schools a staff member works in, and where they are a school admin. */
import type { Kysely } from 'kysely';
import type { SchoolRole } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';

/**
 * Adds (or changes the role of) a staff member's membership in each school. Every school must belong to the
 * organization; otherwise nothing is written and the error names the school.
 */
export async function setSchoolMemberships(
  db: Kysely<DatabaseSchema>,
  input: { organizationId: string; staffUserId: string; schools: { schoolId: string; role: SchoolRole }[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { schoolId, role } of input.schools) {
      const school = await trx
        .selectFrom('schools')
        .select('id')
        .where('id', '=', schoolId)
        .where('organization_id', '=', input.organizationId)
        .executeTakeFirst();
      if (!school) throw new Error(`No school "${schoolId}" in this organization.`);
      await trx
        .insertInto('staff_school_members')
        .values({
          school_id: schoolId,
          staff_user_id: input.staffUserId,
          organization_id: input.organizationId,
          office_hours: null,
          created_at: new Date().toISOString(),
          role,
        })
        .onConflict((oc) => oc.columns(['school_id', 'staff_user_id']).doUpdateSet({ role }))
        .execute();
    }
  });
}
