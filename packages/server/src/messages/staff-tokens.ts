/** API tokens that act for one staff member, so replies carry their name and the inbox shows their conversations. */
import type { Kysely } from 'kysely';
import type { DatabaseSchema, StaffRole } from '../db/schema.js';
import { createApiToken } from '../store/organizations.js';

export async function createStaffApiToken(
  db: Kysely<DatabaseSchema>,
  input: { organizationId: string; staffUserId: string; role: StaffRole; name: string },
): Promise<{ id: string; token: string }> {
  const staff = await db
    .selectFrom('staff_users')
    .select('id')
    .where('id', '=', input.staffUserId)
    .where('organization_id', '=', input.organizationId)
    .executeTakeFirst();
  if (!staff) throw new Error('No staff user with this id in the organization.');
  const created = await createApiToken(db, input);
  await db.updateTable('api_tokens').set({ staff_user_id: input.staffUserId }).where('id', '=', created.id).execute();
  return created;
}
