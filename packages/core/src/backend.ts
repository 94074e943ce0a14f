/** The Backend interface every widget talks to, and the error it throws. */
import type {
  FieldError,
  LessonCompletionInput,
  LessonCompletionReceipt,
  Problem,
  PublicEvent,
  PublicLesson,
  PublicResource,
  PublicResourceList,
  ResourceFeedbackInput,
  ResourceFeedbackReceipt,
  ResourceQuery,
  PublicSurvey,
  ResponseReceipt,
  ResponseSubmission,
  RsvpInput,
  RsvpPatch,
  RsvpReceipt,
  RsvpView,
} from '@tandem/protocol';

/**
 * What a widget needs from a server. `HttpBackend` speaks Tandem's REST API; `MemoryBackend` serves
 * stories and tests; a school system may supply its own.
 */
export interface Backend {
  getSurvey(surveyId: string, options?: { signal?: AbortSignal }): Promise<PublicSurvey>;
  /** `idempotencyKey` is the outbox entry's id: sending it twice stores one response. */
  submitSurveyResponse(surveyId: string, submission: ResponseSubmission, idempotencyKey: string): Promise<ResponseReceipt>;

  getEvent(eventId: string, options?: { signal?: AbortSignal }): Promise<PublicEvent>;
  /** `idempotencyKey` is the outbox entry's id: sending it twice makes one RSVP (and returns the same edit token). */
  createRsvp(eventId: string, input: RsvpInput, idempotencyKey: string): Promise<RsvpReceipt>;
  /** A family's own RSVP, read back with the edit token it was given. */
  getRsvp(rsvpId: string, editToken: string, options?: { signal?: AbortSignal }): Promise<RsvpView>;
  updateRsvp(rsvpId: string, editToken: string, patch: RsvpPatch): Promise<RsvpReceipt>;
  cancelRsvp(rsvpId: string, editToken: string): Promise<RsvpReceipt>;
  /** Where the event's `.ics` file can be downloaded; absent when the backend serves no calendar files. */
  eventCalendarUrl?(eventId: string, locale: string): string;

  /** Published resources of a school or organization, filtered as the family asked. */
  listResources(query: ResourceQuery, options?: { signal?: AbortSignal }): Promise<PublicResourceList>;
  getResource(resourceId: string, options?: { signal?: AbortSignal }): Promise<PublicResource>;
  submitResourceFeedback(resourceId: string, input: ResourceFeedbackInput, idempotencyKey: string): Promise<ResourceFeedbackReceipt>;

  getLesson(lessonId: string, options?: { signal?: AbortSignal }): Promise<PublicLesson>;
  /** "We tried it!", with an optional reflection; sending it twice with one key records one completion. */
  completeLesson(lessonId: string, input: LessonCompletionInput, idempotencyKey: string): Promise<LessonCompletionReceipt>;
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
