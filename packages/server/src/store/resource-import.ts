/** HSDS import and export for one organization, shared by the staff API and the tandem-server CLI. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Value } from '@sinclair/typebox/value';
import { resourcesFromHsds, resourcesToHsds, type FieldError, type HsdsImportItemResult, type HsdsImportResult } from '@tandem/protocol';
import { ResourceInput } from '@tandem/protocol/schemas';
import type { DatabaseSchema } from '../db/schema.js';
import { validationProblem } from '../problems.js';
import { laterThan } from '../timestamps.js';
import { schoolBelongsTo } from './organizations.js';
import { listResources, resourceColumns, toResource, type ResourceRow } from './resources.js';

type Db = Kysely<DatabaseSchema>;

export interface ImportOptions {
  /** Publish newly created resources at once; updated ones keep their status. */
  publish?: boolean;
  defaultLocale?: string;
  timeZone?: string;
}

/** Errors the JSON Schema finds that the HSDS reader does not (lengths, URL and tag patterns). */
function schemaErrors(resource: unknown): FieldError[] {
  return [...Value.Errors(ResourceInput, resource)].slice(0, 20).map((e) => ({
    pointer: e.path,
    code: 'invalid-format',
    detail: `Value ${e.message.toLowerCase()}.`,
  }));
}

/** Services one import may hold: far above a district's directory, low enough that one request cannot stall the server. */
export const MAX_IMPORT_SERVICES = 2000;

/**
 * Reads every service; stores those without errors in one transaction. A service whose HSDS id (or
 * Tandem id, after an export) matches one of the organization's resources updates it; others are new.
 */
export async function importHsds(
  db: Db,
  organizationId: string,
  document: unknown,
  options: ImportOptions = {},
): Promise<HsdsImportResult> {
  const items = resourcesFromHsds(document, {
    ...(options.defaultLocale ? { defaultLocale: options.defaultLocale } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  if (items.length > MAX_IMPORT_SERVICES) {
    throw validationProblem([
      {
        pointer: '',
        code: 'too-many',
        detail: `One import holds at most ${MAX_IMPORT_SERVICES} services; split the file.`,
        params: { max: MAX_IMPORT_SERVICES },
      },
    ]);
  }
  const results: HsdsImportItemResult[] = [];
  const acceptedIds = new Set<string>();
  const accepted: { index: number; externalId?: string; resource: NonNullable<(typeof items)[number]['resource']> }[] = [];
  for (const item of items) {
    const errors = [...item.errors];
    if (item.resource) {
      errors.push(...schemaErrors(item.resource));
      for (const [i, schoolId] of item.resource.schoolIds.entries()) {
        if (!(await schoolBelongsTo(db, schoolId, organizationId))) {
          errors.push({
            pointer: `/x_tandem/schoolIds/${i}`,
            code: 'invalid-option',
            detail: `No school "${schoolId}" in your organization.`,
          });
        }
      }
    }
    const seen = item.externalId !== undefined && acceptedIds.has(item.externalId);
    if (seen) errors.push({ pointer: '/id', code: 'invalid-format', detail: `Service id "${item.externalId}" appears twice in the file.` });
    if (errors.length > 0 || !item.resource) {
      results.push({ index: item.index, ...(item.externalId ? { externalId: item.externalId } : {}), outcome: 'refused', errors });
    } else {
      accepted.push({ index: item.index, ...(item.externalId ? { externalId: item.externalId } : {}), resource: item.resource });
      if (item.externalId !== undefined) acceptedIds.add(item.externalId);
    }
  }

  await db.transaction().execute(async (trx) => {
    const existing = new Map<string, ResourceRow>();
    for (const row of await listResources(trx, organizationId)) {
      existing.set(row.id, row);
      if (row.external_id) existing.set(row.external_id, row);
    }
    for (const { index, externalId, resource } of accepted) {
      const match = externalId ? existing.get(externalId) : undefined;
      const now = match ? laterThan(match.updated_at) : new Date().toISOString();
      if (match) {
        await trx
          .updateTable('resources')
          .set({ ...resourceColumns(resource), updated_at: now })
          .where('id', '=', match.id)
          .where('organization_id', '=', organizationId)
          .execute();
        results.push({ index, ...(externalId ? { externalId } : {}), resourceId: match.id, outcome: 'updated' });
      } else {
        const row: ResourceRow = {
          id: randomUUID(),
          organization_id: organizationId,
          external_id: externalId ?? null,
          status: options.publish ? 'published' : 'draft',
          ...resourceColumns(resource),
          created_at: now,
          updated_at: now,
          published_at: options.publish ? now : null,
        };
        await trx.insertInto('resources').values(row).execute();
        existing.set(row.id, row);
        if (row.external_id) existing.set(row.external_id, row);
        results.push({ index, ...(externalId ? { externalId } : {}), resourceId: row.id, outcome: 'created' });
      }
    }
  });
  results.sort((a, b) => a.index - b.index);
  const count = (outcome: HsdsImportItemResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return { created: count('created'), updated: count('updated'), refused: count('refused'), items: results };
}

/** The organization's resources as an HSDS 3 services page; `status` narrows to published or drafts. */
export async function exportHsds(db: Db, organizationId: string, status?: 'draft' | 'published'): Promise<Record<string, unknown>> {
  const rows = (await listResources(db, organizationId)).filter((r) => !status || r.status === status);
  return resourcesToHsds(rows.map(toResource));
}
