/**
 * The audit log's filters: what the fields hold, the checks they pass, and the query string they become. Dates are
 * whole days in the staff member's own time zone, sent as instants so the server need not know that zone.
 */
import { msg } from '@lit/localize';
import type { Errors } from '../form-controls.js';

export interface AuditFilters {
  /** A staff member's email as typed (or their id, picked from the list), or '' for anyone. */
  actor: string;
  /** An action name (`survey.results-exported`), or '' for any. */
  action: string;
  /** `YYYY-MM-DD` from a date field, or ''. */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { actor: '', action: '', from: '', to: '' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a `YYYY-MM-DD` day, or undefined when the text is not a real date. */
export function startOfDay(day: string): Date | undefined {
  const m = DAY.exec(day);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getDate() === Number(m[3]) ? date : undefined;
}

export function checkFilters(f: AuditFilters): Partial<Record<keyof AuditFilters, string>> & Errors {
  const errors: Errors = {};
  const badDate = () => msg('Enter a date like 2026-03-14.', { id: 'console.audit.dateInvalid' });
  const from = f.from ? startOfDay(f.from) : undefined;
  const to = f.to ? startOfDay(f.to) : undefined;
  const actor = f.actor.trim();
  if (actor && (/\s/.test(actor) || actor.length > 254))
    errors['actor'] = msg("Enter the person's email address, like name@school.org.", { id: 'console.audit.personInvalid' });
  if (f.from && !from) errors['from'] = badDate();
  if (f.to && !to) errors['to'] = badDate();
  if (from && to && to < from) errors['to'] = msg('The end date is before the start date.', { id: 'console.audit.dateOrder' });
  return errors;
}

/** `from` is the start of its day; `to` takes in the whole of its day (the server counts `to` itself in). */
export function auditQuery(f: AuditFilters, page: { limit: number; before?: string }): Record<string, string> {
  const query: Record<string, string> = { limit: String(page.limit) };
  if (f.actor.trim()) query['actor'] = f.actor.trim();
  if (f.action) query['action'] = f.action;
  const from = f.from ? startOfDay(f.from) : undefined;
  if (from) query['from'] = from.toISOString();
  const to = f.to ? startOfDay(f.to) : undefined;
  if (to) query['to'] = new Date(new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1).getTime() - 1).toISOString();
  if (page.before) query['before'] = page.before;
  return query;
}
