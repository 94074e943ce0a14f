/** Staff status changes (publish, close, cancel, unpublish), written the same way for every kind of content. */
import type { Kysely, UpdateObject } from 'kysely';
import type { StaffPrincipal } from '../auth.js';
import { recordAudit } from '../console-auth/audit.js';
import type { DatabaseSchema } from '../db/schema.js';
import { laterThan } from '../timestamps.js';

/** Content that staff open to families and take back. */
type StatusTable = 'surveys' | 'events' | 'resources' | 'lessons';

/**
 * Writes `changes(now)` with an `updated_at` strictly after the row's last one, so caches and ETags always
 * see the change, and only within the staff member's organization. With `actor`, the change goes into the
 * audit log as `<kind>.<published|closed|cancelled|unpublished>`.
 */
export async function writeStatusChange<T extends StatusTable>(
  db: Kysely<DatabaseSchema>,
  table: T,
  organizationId: string,
  row: { id: string; updated_at: string },
  changes: (now: string) => UpdateObject<DatabaseSchema, T>,
  actor?: StaffPrincipal,
): Promise<void> {
  const now = laterThan(row.updated_at);
  const values = changes(now);
  // Kysely cannot follow a table chosen by a type parameter: `changes` is typed by T above, and id,
  // organization_id and updated_at exist in every StatusTable.
  await db
    .updateTable(table as 'surveys')
    .set({ ...values, updated_at: now } as UpdateObject<DatabaseSchema, 'surveys'>)
    .where('id', '=', row.id)
    .where('organization_id', '=', organizationId)
    .execute();
  if (actor) {
    const kind = table.slice(0, -1); // surveys → survey
    const status = (values as { status?: string }).status;
    await recordAudit(db, actor, `${kind}.${status === 'draft' ? 'unpublished' : status}`, { kind, id: row.id });
  }
}
