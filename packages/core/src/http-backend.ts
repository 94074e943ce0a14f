/** Backend over Tandem's REST API: timeouts, retries with backoff, Idempotency-Key, problem+json errors. */
import {
  isProblem,
  PROBLEM_TYPES,
  routePath,
  routes,
  RSVP_TOKEN_HEADER,
  type LessonCompletionInput,
  type LessonCompletionReceipt,
  type Problem,
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
  type RouteSpec,
  type RsvpInput,
  type RsvpPatch,
  type RsvpReceipt,
  type RsvpView,
} from '@tandem/protocol';
import { BackendError, type Backend, type BackendErrorKind } from './backend.js';
import { httpBaseUrl, provideHttpBackends } from './http-backend-registry.js';

export interface HttpBackendOptions {
  /** Per attempt, in milliseconds. Default 15000. */
  timeoutMs?: number;
  /** Extra attempts after the first for network errors, 5xx and 429. Default 2. */
  retries?: number;
  /** Injected for tests and for hosts that wrap fetch. */
  fetch?: typeof fetch;
  /** First backoff step in milliseconds (doubled per retry, with jitter). Default 400. */
  backoffMs?: number;
  /** How waiting is done; tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
}

/** No wait between attempts is ever longer than this, whatever Retry-After says: a family is waiting. */
export const MAX_RETRY_DELAY_MS = 8000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HttpBackend implements Backend {
  /** Absolute base URL with a trailing slash; also the outbox's backend key. */
  readonly baseUrl: string;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #fetchImpl: typeof fetch;
  readonly #backoffMs: number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(baseUrl: string, options: HttpBackendOptions = {}) {
    this.baseUrl = httpBaseUrl(baseUrl);
    this.#timeoutMs = options.timeoutMs ?? 15000;
    this.#retries = Math.max(0, options.retries ?? 2);
    // Wrapped so a bare `fetch` is never called with the backend as `this` (Illegal invocation).
    this.#fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#backoffMs = options.backoffMs ?? 400;
    this.#sleep = options.sleep ?? defaultSleep;
  }

  /** Identifies this server for the outbox, so queued writes go back where they were meant to. */
  get key(): string {
    return this.baseUrl;
  }

  getSurvey(surveyId: string, options: { signal?: AbortSignal } = {}): Promise<PublicSurvey> {
    return this.request<PublicSurvey>(routes.getPublicSurvey, { surveyId }, { signal: options.signal });
  }

  submitSurveyResponse(surveyId: string, submission: ResponseSubmission, idempotencyKey: string): Promise<ResponseReceipt> {
    return this.request<ResponseReceipt>(routes.submitSurveyResponse, { surveyId }, { body: submission, idempotencyKey });
  }

  getEvent(eventId: string, options: { signal?: AbortSignal } = {}): Promise<PublicEvent> {
    return this.request<PublicEvent>(routes.getPublicEvent, { eventId }, { signal: options.signal });
  }

  createRsvp(eventId: string, input: RsvpInput, idempotencyKey: string): Promise<RsvpReceipt> {
    return this.request<RsvpReceipt>(routes.createRsvp, { eventId }, { body: input, idempotencyKey });
  }

  getRsvp(rsvpId: string, editToken: string, options: { signal?: AbortSignal } = {}): Promise<RsvpView> {
    return this.request<RsvpView>(routes.getRsvp, { rsvpId }, { headers: { [RSVP_TOKEN_HEADER]: editToken }, signal: options.signal });
  }

  updateRsvp(rsvpId: string, editToken: string, patch: RsvpPatch): Promise<RsvpReceipt> {
    return this.request<RsvpReceipt>(routes.updateRsvp, { rsvpId }, { body: patch, headers: { [RSVP_TOKEN_HEADER]: editToken } });
  }

  cancelRsvp(rsvpId: string, editToken: string): Promise<RsvpReceipt> {
    return this.request<RsvpReceipt>(routes.cancelRsvp, { rsvpId }, { headers: { [RSVP_TOKEN_HEADER]: editToken } });
  }

  eventCalendarUrl(eventId: string, locale: string): string {
    const url = new URL(this.url(routes.getEventIcs, { eventId }));
    url.searchParams.set('lang', locale);
    return url.href;
  }

  listResources(query: ResourceQuery, options: { signal?: AbortSignal } = {}): Promise<PublicResourceList> {
    return this.request<PublicResourceList>(routes.listPublicResources, {}, { query, signal: options.signal });
  }

  getResource(resourceId: string, options: { signal?: AbortSignal } = {}): Promise<PublicResource> {
    return this.request<PublicResource>(routes.getPublicResource, { resourceId }, { signal: options.signal });
  }

  submitResourceFeedback(resourceId: string, input: ResourceFeedbackInput, idempotencyKey: string): Promise<ResourceFeedbackReceipt> {
    return this.request<ResourceFeedbackReceipt>(routes.submitResourceFeedback, { resourceId }, { body: input, idempotencyKey });
  }

  getLesson(lessonId: string, options: { signal?: AbortSignal } = {}): Promise<PublicLesson> {
    return this.request<PublicLesson>(routes.getPublicLesson, { lessonId }, { signal: options.signal });
  }

  completeLesson(lessonId: string, input: LessonCompletionInput, idempotencyKey: string): Promise<LessonCompletionReceipt> {
    return this.request<LessonCompletionReceipt>(routes.completeLesson, { lessonId }, { body: input, idempotencyKey });
  }

  /** Resolves a route against the base URL, keeping any path prefix the base has. */
  url(route: Pick<RouteSpec, 'path'>, params: Record<string, string> = {}): string {
    return new URL(routePath(route, params).replace(/^\//, ''), this.baseUrl).href;
  }

  async request<T>(
    route: RouteSpec,
    params: Record<string, string>,
    options: {
      body?: unknown;
      idempotencyKey?: string;
      headers?: Record<string, string>;
      /** Query parameters; undefined and empty values are left out. */
      query?: Record<string, string | undefined>;
      signal?: AbortSignal | undefined;
    } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { ...options.headers, Accept: 'application/json, application/problem+json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (route.idempotent) {
      if (!options.idempotencyKey) throw new Error(`${route.method} ${route.path} needs an idempotency key`);
      headers['Idempotency-Key'] = options.idempotencyKey;
    }
    const init: RequestInit = {
      method: route.method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      mode: 'cors',
      // Public endpoints need no cookies; leaving them out keeps CORS simple for any school origin.
      credentials: 'omit',
    };
    const url = new URL(this.url(route, params));
    for (const [name, value] of Object.entries(options.query ?? {})) if (value) url.searchParams.set(name, value);
    for (let attempt = 0; ; attempt++) {
      let error: BackendError;
      try {
        return await this.#attempt<T>(url.href, init, route, options.signal);
      } catch (caught) {
        if (!(caught instanceof BackendError)) throw caught;
        error = caught;
      }
      if (!isRetryableAttempt(error) || attempt >= this.#retries || options.signal?.aborted) throw error;
      await this.#sleep(this.#retryDelay(attempt, error.retryAfter));
      if (options.signal?.aborted) throw error;
    }
  }

  #retryDelay(attempt: number, retryAfter: number | undefined): number {
    if (retryAfter !== undefined) return Math.min(retryAfter * 1000, MAX_RETRY_DELAY_MS);
    const step = this.#backoffMs * 2 ** attempt;
    // Full jitter on half the step, so many families coming back online do not retry in lockstep.
    return Math.min(step / 2 + Math.random() * (step / 2), MAX_RETRY_DELAY_MS);
  }

  async #attempt<T>(url: string, init: RequestInit, route: RouteSpec, signal: AbortSignal | undefined): Promise<T> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) forwardAbort();
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      let response: Response;
      try {
        response = await this.#fetchImpl(url, { ...init, signal: controller.signal });
      } catch (cause) {
        throw this.#fetchFailure(cause, timedOut, signal);
      }
      let body: unknown;
      try {
        body = await readBody(response);
      } catch (cause) {
        throw this.#fetchFailure(cause, timedOut, signal);
      }
      if (response.status === route.status || (response.ok && response.status !== 204)) return body as T;
      throw errorFromResponse(response, body);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  #fetchFailure(cause: unknown, timedOut: boolean, signal: AbortSignal | undefined): unknown {
    if (timedOut) return new BackendError('timeout', `No answer from the server within ${this.#timeoutMs} ms`);
    // The caller gave up (widget removed, survey changed): not a failure to report.
    if (signal?.aborted) return cause;
    if (cause instanceof BackendError) return cause;
    return new BackendError('offline', cause instanceof Error ? cause.message : 'Network request failed');
  }
}

const httpBackends = new Map<string, HttpBackend>();

/** One HttpBackend per base URL, so every widget on a page talking to one server shares its client. */
export function httpBackendFor(baseUrl: string): HttpBackend {
  const absolute = httpBaseUrl(baseUrl);
  let backend = httpBackends.get(absolute);
  if (!backend) {
    backend = new HttpBackend(absolute);
    httpBackends.set(absolute, backend);
  }
  return backend;
}

// From now on TandemElement.resolveBackend() hands out the shared HttpBackend itself, not a stand-in.
provideHttpBackends(httpBackendFor);

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 204) return undefined;
  if (type.includes('json')) {
    const text = await response.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      if (response.ok) throw new BackendError('server', 'The server sent malformed JSON', response.status);
      return undefined;
    }
  }
  await response.text().catch(() => '');
  if (response.ok) throw new BackendError('server', `Expected JSON from the server, got "${type || 'nothing'}"`, response.status);
  return undefined;
}

const KIND_BY_PROBLEM_TYPE: Record<string, BackendErrorKind> = {
  [PROBLEM_TYPES.closed]: 'closed',
  [PROBLEM_TYPES.notFound]: 'not-found',
  [PROBLEM_TYPES.rateLimited]: 'rate-limited',
  [PROBLEM_TYPES.tooLarge]: 'too-large',
};

export function kindForStatus(status: number): BackendErrorKind {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 410) return 'closed';
  if (status === 413) return 'too-large';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  // 400, 422 and any other refusal: sending the same request again cannot succeed.
  return 'invalid';
}

/** Network failures, 5xx and 429 may succeed on a later attempt; a 4xx answer never will. */
function isRetryableAttempt(error: BackendError): boolean {
  if (error.kind === 'offline' || error.kind === 'rate-limited') return true;
  return error.kind === 'server' && (error.status === undefined || error.status >= 500);
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date), if it has a usable value. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function errorFromResponse(response: Response, body: unknown): BackendError {
  const problem: Problem | undefined = isProblem(body) ? body : undefined;
  const kind = (problem && KIND_BY_PROBLEM_TYPE[problem.type]) ?? kindForStatus(response.status);
  const message = problem ? (problem.detail ?? problem.title) : `HTTP ${response.status} ${response.statusText}`.trim();
  return new BackendError(kind, message, response.status, problem, parseRetryAfter(response.headers.get('retry-after')));
}
