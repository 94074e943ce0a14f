/** An in-memory Backend for stories, component tests and offline demos; behaves like the reference server. */
import {
  PROBLEM_TYPES,
  validateAnswers,
  type LessonCompletionInput,
  type LessonCompletionReceipt,
  type PublicEvent,
  type PublicLesson,
  type PublicResource,
  type PublicResourceList,
  type ResourceFeedbackInput,
  type ResourceFeedbackReceipt,
  type ResourceQuery,
  type PublicSurvey,
  type ResponseReceipt,
  type ResponseSubmission,
  type RsvpInput,
  type RsvpPatch,
  type RsvpReceipt,
  type RsvpView,
} from '@tandem/protocol';
import { BackendError, type Backend } from './backend.js';
import { demoSurveys } from './demo-data.js';
import { demoEvents } from './demo-events.js';
import { demoLessons } from './demo-lessons.js';
import { demoResources } from './demo-resources.js';
import { MemoryEvents, type MemoryEvent } from './memory-events.js';
import { MemoryLessons, MemoryResources } from './memory-library.js';
import { newId } from './new-id.js';

type BackendMethod =
  | 'getSurvey'
  | 'submitSurveyResponse'
  | 'getEvent'
  | 'createRsvp'
  | 'getRsvp'
  | 'updateRsvp'
  | 'cancelRsvp'
  | 'listResources'
  | 'getResource'
  | 'submitResourceFeedback'
  | 'getLesson'
  | 'completeLesson';

export interface MemoryBackendOptions {
  /** Simulated network latency per call, in milliseconds. Default 0 (still asynchronous). */
  latencyMs?: number;
}

export class MemoryBackend implements Backend {
  /** The outbox groups queued writes by backend; every MemoryBackend shares this one. */
  readonly key = 'memory';
  /** How many times each method was called, including calls that failed. */
  readonly calls: Record<BackendMethod, number> = {
    getSurvey: 0,
    submitSurveyResponse: 0,
    getEvent: 0,
    createRsvp: 0,
    getRsvp: 0,
    updateRsvp: 0,
    cancelRsvp: 0,
    listResources: 0,
    getResource: 0,
    submitResourceFeedback: 0,
    getLesson: 0,
    completeLesson: 0,
  };
  /** Events and RSVPs, with the server's capacity and waitlist rules; tests may inspect or cancel through it. */
  readonly events = new MemoryEvents();
  /** Community resources and the feedback families sent about them. */
  readonly resources = new MemoryResources();
  /** Take-home lessons and their "We tried it!" completions. */
  readonly lessons = new MemoryLessons();

  private readonly surveys = new Map<string, PublicSurvey>();
  private readonly stored = new Map<string, ResponseSubmission[]>();
  private readonly receipts = new Map<string, { body: string; receipt: ResponseReceipt }>();
  private readonly failures: BackendError[] = [];
  private offline = false;
  private readonly latencyMs: number;

  constructor(options: MemoryBackendOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
  }

  /**
   * A backend holding the published survey `demo` (every question type, en + es, some hmn), the closed
   * `closed-demo`, the events of `demoEvents()` with `full-event` already full, `demoResources()` and `demoLessons()`.
   */
  static withDemoData(options?: MemoryBackendOptions): MemoryBackend {
    const backend = new MemoryBackend(options);
    for (const survey of demoSurveys()) backend.addSurvey(survey);
    for (const event of demoEvents()) backend.addEvent(event);
    for (const resource of demoResources()) backend.resources.add(resource);
    for (const lesson of demoLessons()) backend.lessons.add(lesson);
    const family = { sessionId: 'only', response: 'going', adults: 2, children: 2, locale: 'en' } as const;
    backend.events.create('full-event', { ...family, contact: { email: 'family@example.org' } }, 'demo-full-event');
    return backend;
  }

  addEvent(event: MemoryEvent): void {
    this.events.add(event);
  }

  addSurvey(survey: PublicSurvey): void {
    this.surveys.set(survey.id, structuredClone(survey));
  }

  /** Responses stored for a survey, oldest first (copies). */
  responses(surveyId: string): ResponseSubmission[] {
    return structuredClone(this.stored.get(surveyId) ?? []);
  }

  /** The next `times` calls (to any method) throw `error`. */
  failNext(error: BackendError, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(error);
  }

  /** While offline every call throws BackendError('offline'), as HttpBackend does without a network. */
  setOffline(offline: boolean): void {
    this.offline = offline;
  }

  async getSurvey(surveyId: string, options: { signal?: AbortSignal } = {}): Promise<PublicSurvey> {
    await this.enter('getSurvey', options.signal);
    const survey = this.surveys.get(surveyId);
    if (!survey) throw notFound(surveyId);
    return structuredClone(survey);
  }

  async submitSurveyResponse(surveyId: string, submission: ResponseSubmission, idempotencyKey: string): Promise<ResponseReceipt> {
    await this.enter('submitSurveyResponse');
    const body = JSON.stringify(submission);
    const replay = this.receipts.get(idempotencyKey);
    if (replay) {
      if (replay.body !== body) {
        throw new BackendError('invalid', 'This Idempotency-Key was used with a different request', 422, {
          type: PROBLEM_TYPES.idempotencyMismatch,
          title: 'Idempotency-Key reused',
          status: 422,
        });
      }
      return structuredClone(replay.receipt);
    }
    const survey = this.surveys.get(surveyId);
    if (!survey) throw notFound(surveyId);
    if (survey.status !== 'published') {
      throw new BackendError('closed', 'This survey no longer takes responses', 410, {
        type: PROBLEM_TYPES.closed,
        title: 'Survey closed',
        status: 410,
      });
    }
    const errors = validateAnswers(survey, submission.answers);
    if (errors.length > 0) {
      throw new BackendError('invalid', 'Some answers need attention', 422, {
        type: PROBLEM_TYPES.validation,
        title: 'Some answers need attention',
        status: 422,
        errors,
      });
    }
    const receipt: ResponseReceipt = { responseId: newId(), submittedAt: new Date().toISOString() };
    const list = this.stored.get(surveyId) ?? [];
    list.push(structuredClone(submission));
    this.stored.set(surveyId, list);
    this.receipts.set(idempotencyKey, { body, receipt });
    return structuredClone(receipt);
  }

  async getEvent(eventId: string, options: { signal?: AbortSignal } = {}): Promise<PublicEvent> {
    await this.enter('getEvent', options.signal);
    return this.events.publicEvent(eventId);
  }

  async createRsvp(eventId: string, input: RsvpInput, idempotencyKey: string): Promise<RsvpReceipt> {
    await this.enter('createRsvp');
    return this.events.create(eventId, input, idempotencyKey);
  }

  async getRsvp(rsvpId: string, editToken: string, options: { signal?: AbortSignal } = {}): Promise<RsvpView> {
    await this.enter('getRsvp', options.signal);
    return this.events.get(rsvpId, editToken);
  }

  async updateRsvp(rsvpId: string, editToken: string, patch: RsvpPatch): Promise<RsvpReceipt> {
    await this.enter('updateRsvp');
    return this.events.update(rsvpId, editToken, patch);
  }

  async cancelRsvp(rsvpId: string, editToken: string): Promise<RsvpReceipt> {
    await this.enter('cancelRsvp');
    return this.events.cancelRsvp(rsvpId, editToken);
  }

  async listResources(query: ResourceQuery, options: { signal?: AbortSignal } = {}): Promise<PublicResourceList> {
    await this.enter('listResources', options.signal);
    return { items: this.resources.list(query) };
  }

  async getResource(resourceId: string, options: { signal?: AbortSignal } = {}): Promise<PublicResource> {
    await this.enter('getResource', options.signal);
    return this.resources.get(resourceId);
  }

  async submitResourceFeedback(resourceId: string, input: ResourceFeedbackInput, idempotencyKey: string): Promise<ResourceFeedbackReceipt> {
    await this.enter('submitResourceFeedback');
    return this.resources.sendFeedback(resourceId, input, idempotencyKey);
  }

  async getLesson(lessonId: string, options: { signal?: AbortSignal } = {}): Promise<PublicLesson> {
    await this.enter('getLesson', options.signal);
    return this.lessons.get(lessonId);
  }

  async completeLesson(lessonId: string, input: LessonCompletionInput, idempotencyKey: string): Promise<LessonCompletionReceipt> {
    await this.enter('completeLesson');
    return this.lessons.complete(lessonId, input, idempotencyKey);
  }

  private async enter(method: BackendMethod, signal?: AbortSignal): Promise<void> {
    this.calls[method]++;
    // Always asynchronous, like a network, so widgets cannot come to depend on synchronous answers.
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    signal?.throwIfAborted();
    if (this.offline) throw new BackendError('offline', 'No connection (MemoryBackend is offline)');
    const failure = this.failures.shift();
    if (failure) throw failure;
  }
}

function notFound(surveyId: string): BackendError {
  return new BackendError('not-found', `No survey "${surveyId}"`, 404, {
    type: PROBLEM_TYPES.notFound,
    title: 'Not found',
    status: 404,
  });
}
