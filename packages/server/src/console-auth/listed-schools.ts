/**
 * School scope for content that lists its schools (resources and lessons, `schoolIds`; empty means every
 * school of the organization). Surveys and events belong to one school and are scoped by school-scope.ts;
 * these are scoped here, by the list. Staff limited to some schools see and change only content that
 * lists one of their schools; content for every school is the organization admins' to run. A school
 * admin asking for another school's item gets 404, as if it did not exist.
 */
import type { FieldError } from '@tandem/protocol';
import { forbiddenProblem, type StaffPrincipal } from '../auth.js';
import { validationProblem } from '../problems.js';

export function seesListedContent(principal: Pick<StaffPrincipal, 'schoolIds'>, schoolIds: readonly string[]): boolean {
  const scope = principal.schoolIds;
  return scope === undefined || schoolIds.some((id) => scope.includes(id));
}

/**
 * What a school-scoped staff member may write into `schoolIds`: they may add or remove only their own
 * schools, and may not make an item every school's (an empty list). `before` is the stored list on edits.
 */
export function checkListedSchools(
  principal: Pick<StaffPrincipal, 'schoolIds'>,
  after: readonly string[],
  before: readonly string[] = [],
): void {
  const scope = principal.schoolIds;
  if (scope === undefined) return;
  const errors: FieldError[] = [];
  if (after.length === 0) {
    errors.push({
      pointer: '/schoolIds',
      code: 'required',
      detail: 'Choose at least one of your schools; only an organization admin shares an item with every school.',
    });
  }
  after.forEach((id, index) => {
    if (!before.includes(id) && !scope.includes(id)) {
      errors.push({ pointer: `/schoolIds/${index}`, code: 'invalid-option', detail: 'You are not a member of this school.' });
    }
  });
  const removed = before.filter((id) => !after.includes(id) && !scope.includes(id));
  if (removed.length > 0) {
    errors.push({
      pointer: '/schoolIds',
      code: 'invalid-option',
      detail: `Only the school's own staff or an organization admin may take it off this list: ${removed.join(', ')}.`,
      params: { schoolIds: removed.join(',') },
    });
  }
  if (errors.length > 0) throw validationProblem(errors);
}

/** Organization-wide tools (HSDS import and export) are for principals that act in every school. */
export function requireOrganizationWide(principal: Pick<StaffPrincipal, 'schoolIds'>, what: string): void {
  if (principal.schoolIds !== undefined) throw forbiddenProblem(`Only an organization admin can ${what}.`);
}
