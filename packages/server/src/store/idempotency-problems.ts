/** Problems raised around the Idempotency-Key header. */
import { PROBLEM_TYPES } from '@tandem/protocol';
import { HttpProblem } from '../problems.js';

export const conflictingKey = () =>
  new HttpProblem({
    status: 422,
    type: PROBLEM_TYPES.idempotencyMismatch,
    title: 'Idempotency key reused',
    detail: 'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
  });

export const missingKey = () =>
  new HttpProblem({
    status: 400,
    title: 'Idempotency-Key required',
    detail: 'Send a unique Idempotency-Key header (for example a UUID) with this request.',
  });

export const keyTooLong = (max: number) =>
  new HttpProblem({
    status: 400,
    title: 'Idempotency-Key too long',
    detail: `The Idempotency-Key header may be at most ${max} characters.`,
  });
