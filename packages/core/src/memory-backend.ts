/** An in-memory Backend for stories, component tests and offline demos; behaves like the reference server. */
import { PROBLEM_TYPES, validateAnswers, type PublicSurvey, type ResponseReceipt, type ResponseSubmission } from '@tandem/protocol';
import { BackendError, type Backend } from './backend.js';
import { demoSurveys } from './demo-data.js';
import { newId } from './new-id.js';

type BackendMethod = 'getSurvey' | 'submitSurveyResponse';

export interface MemoryBackendOptions {
  /** Simulated network latency per call, in milliseconds. Default 0 (still asynchronous). */
  latencyMs?: number;
}

export class MemoryBackend implements Backend {
  /** The outbox groups queued writes by backend; every MemoryBackend shares this one. */
  readonly key = 'memory';
  /** How many times each method was called, including calls that failed. */
  readonly calls: Record<BackendMethod, number> = { getSurvey: 0, submitSurveyResponse: 0 };

  private readonly surveys = new Map<string, PublicSurvey>();
  private readonly stored = new Map<string, ResponseSubmission[]>();
  private readonly receipts = new Map<string, { body: string; receipt: ResponseReceipt }>();
  private readonly failures: BackendError[] = [];
  private offline = false;
  private readonly latencyMs: number;

  constructor(options: MemoryBackendOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
  }

  /** A backend holding the published survey `demo` (every question type, en + es, some hmn) and the closed `closed-demo`. */
  static withDemoData(options?: MemoryBackendOptions): MemoryBackend {
    const backend = new MemoryBackend(options);
    for (const survey of demoSurveys()) backend.addSurvey(survey);
    return backend;
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
