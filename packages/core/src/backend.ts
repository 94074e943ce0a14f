/** The Backend interface every widget talks to, and the error it throws. */
import type { FieldError, Problem, PublicSurvey, ResponseReceipt, ResponseSubmission } from '@tandem/protocol';

/**
 * What a widget needs from a server. `HttpBackend` speaks Tandem's REST API; `MemoryBackend` serves
 * stories and tests; a school system may supply its own.
 */
export interface Backend {
  getSurvey(surveyId: string, options?: { signal?: AbortSignal }): Promise<PublicSurvey>;
  /** `idempotencyKey` is the outbox entry's id: sending it twice stores one response. */
  submitSurveyResponse(surveyId: string, submission: ResponseSubmission, idempotencyKey: string): Promise<ResponseReceipt>;
}

export type BackendErrorKind =
  | 'offline' // no connection, or the request never reached the server
  | 'timeout'
  | 'not-found'
  | 'invalid' // 422: see fieldErrors
  | 'closed' // the item no longer takes answers
  | 'unauthorized'
  | 'too-large'
  | 'rate-limited'
  | 'conflict'
  | 'server';

/** A failed backend call, classified so widgets can say what happened in the family's language. */
export class BackendError extends Error {
  constructor(
    readonly kind: BackendErrorKind,
    message: string,
    readonly status?: number,
    readonly problem?: Problem,
    /** Seconds to wait before retrying, from `Retry-After`. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'BackendError';
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }

  /** Worth trying again later without changing anything: the outbox keeps such writes. */
  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'rate-limited' || this.kind === 'server';
  }
}
