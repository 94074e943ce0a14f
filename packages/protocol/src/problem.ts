/** Errors as RFC 9457 `application/problem+json`, with per-field details a form can show. */

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Machine-readable reasons a field was refused. Clients turn these into messages in the family's
 * language; `detail` carries an English sentence for logs and API users.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid-option',
  'too-few',
  'too-many',
  'too-long',
  'out-of-range',
  'wrong-type',
  'unknown-field',
  'invalid-format',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  /** JSON Pointer into the request body, e.g. `/answers/q-visit`. */
  pointer: string;
  code: FieldErrorCode | (string & {});
  /** An English sentence for logs and API users; clients show their own message for `code`. */
  detail: string;
  /** Numbers a message needs, e.g. `{ max: 200 }` for `too-long`. */
  params?: Record<string, number | string>;
}

/** Problem `type` URIs Tandem uses, relative to the API; `about:blank` is used for plain HTTP errors. */
export const PROBLEM_TYPES = {
  validation: 'https://tandem.school/problems/validation',
  notFound: 'https://tandem.school/problems/not-found',
  closed: 'https://tandem.school/problems/closed',
  idempotencyMismatch: 'https://tandem.school/problems/idempotency-key-reused',
  rateLimited: 'https://tandem.school/problems/rate-limited',
  tooLarge: 'https://tandem.school/problems/too-large',
  unauthorized: 'https://tandem.school/problems/unauthorized',
  forbidden: 'https://tandem.school/problems/forbidden',
  conflict: 'https://tandem.school/problems/conflict',
  server: 'https://tandem.school/problems/server-error',
} as const;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string'
  );
}
