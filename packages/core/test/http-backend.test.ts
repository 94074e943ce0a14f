/** HttpBackend against a scripted fetch: URLs, Idempotency-Key, retries with backoff, error mapping, timeouts. */
import { expect } from '@open-wc/testing';
import { PROBLEM_TYPES, type ResponseSubmission } from '@tandem/protocol';
import { BackendError, HttpBackend, MAX_RETRY_DELAY_MS, parseRetryAfter } from '../src/index.js';

type Step = Response | Error | ((init: RequestInit) => Promise<Response>);

interface Call {
  url: string;
  init: RequestInit;
}

function scriptedFetch(steps: Step[]) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    const step = steps.shift();
    if (!step) throw new Error('fetch called more often than scripted');
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(init);
    return step;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function problem(status: number, type: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type, title: 'Refused', status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

function backendWith(steps: Step[], options: { retries?: number; timeoutMs?: number } = {}) {
  const { fetch, calls } = scriptedFetch(steps);
  const sleeps: number[] = [];
  const backend = new HttpBackend('https://schools.example/tandem', {
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return { backend, calls, sleeps };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const submission: ResponseSubmission = { answers: { grade: 'k' }, locale: 'es' };
const receipt = { responseId: 'r-1', submittedAt: '2026-01-01T00:00:00.000Z' };

describe('HttpBackend', () => {
  it('resolves API paths under a base URL that has a path prefix, encoding ids', async () => {
    const { backend, calls } = backendWith([json(200, { id: 'a b' })]);
    await backend.getSurvey('a b');
    expect(calls[0]!.url).to.equal('https://schools.example/tandem/api/v1/public/surveys/a%20b');
    expect(calls[0]!.init.method).to.equal('GET');
  });

  it('posts a response as JSON with the Idempotency-Key and returns the receipt', async () => {
    const { backend, calls } = backendWith([json(201, receipt)]);
    const result = await backend.submitSurveyResponse('demo', submission, 'key-123');
    expect(result).to.deep.equal(receipt);
    const { init } = calls[0]!;
    const headers = init.headers as Record<string, string>;
    expect(calls[0]!.url).to.equal('https://schools.example/tandem/api/v1/public/surveys/demo/responses');
    expect(init.method).to.equal('POST');
    expect(headers['Idempotency-Key']).to.equal('key-123');
    expect(headers['Content-Type']).to.equal('application/json');
    expect(JSON.parse(init.body as string)).to.deep.equal(submission);
  });

  it('sends RSVP changes and cancellations with the edit token header, never in the URL', async () => {
    const rsvpReceipt = {
      rsvpId: 'r/1',
      eventId: 'e',
      sessionId: 's',
      response: 'going',
      status: 'confirmed',
      partySize: 2,
      updatedAt: 'x',
    };
    const { backend, calls } = backendWith([
      json(200, rsvpReceipt),
      json(200, { ...rsvpReceipt, cancelled: true }),
      json(200, rsvpReceipt),
    ]);
    await backend.updateRsvp('r/1', 'secret-token', { adults: 2 });
    await backend.cancelRsvp('r/1', 'secret-token');
    await backend.getRsvp('r/1', 'secret-token');
    expect(calls.map((c) => [c.init.method, c.url])).to.deep.equal([
      ['PATCH', 'https://schools.example/tandem/api/v1/public/rsvps/r%2F1'],
      ['POST', 'https://schools.example/tandem/api/v1/public/rsvps/r%2F1/cancel'],
      ['GET', 'https://schools.example/tandem/api/v1/public/rsvps/r%2F1'],
    ]);
    for (const { init } of calls) expect((init.headers as Record<string, string>)['X-Rsvp-Token']).to.equal('secret-token');
    expect(JSON.parse(calls[0]!.init.body as string)).to.deep.equal({ adults: 2 });
    // A body-less POST must not claim to be JSON: the server would refuse an empty JSON body.
    expect((calls[1]!.init.headers as Record<string, string>)['Content-Type']).to.equal(undefined);
  });

  it('creates an RSVP with its Idempotency-Key and links to the event calendar file in the family language', async () => {
    const { backend, calls } = backendWith([json(201, { rsvpId: 'r', editToken: 't' })]);
    const input = { sessionId: 'early', response: 'going', adults: 1, children: 0, contact: { email: 'a@b.org' }, locale: 'hmn' } as const;
    await backend.createRsvp('math night', input, 'key-9');
    expect(calls[0]!.url).to.equal('https://schools.example/tandem/api/v1/public/events/math%20night/rsvps');
    expect((calls[0]!.init.headers as Record<string, string>)['Idempotency-Key']).to.equal('key-9');
    expect(backend.eventCalendarUrl('math night', 'hmn')).to.equal(
      'https://schools.example/tandem/api/v1/public/events/math%20night/event.ics?lang=hmn',
    );
  });

  it('retries a 503 with backoff and sends the same Idempotency-Key again', async () => {
    const { backend, calls, sleeps } = backendWith([problem(503, PROBLEM_TYPES.server), json(201, receipt)]);
    const result = await backend.submitSurveyResponse('demo', submission, 'key-1');
    expect(result.responseId).to.equal('r-1');
    expect(calls).to.have.length(2);
    expect(calls.map((c) => (c.init.headers as Record<string, string>)['Idempotency-Key'])).to.deep.equal(['key-1', 'key-1']);
    expect(sleeps).to.have.length(1);
    expect(sleeps[0]).to.be.greaterThan(0).and.at.most(MAX_RETRY_DELAY_MS);
  });

  it('backs off exponentially between network failures, then reports offline', async () => {
    const { backend, calls, sleeps } = backendWith([
      new TypeError('Failed to fetch'),
      new TypeError('Failed to fetch'),
      new TypeError('Failed to fetch'),
    ]);
    const error = (await rejectionOf(backend.getSurvey('demo'))) as BackendError;
    expect(error).to.be.instanceOf(BackendError);
    expect(error.kind).to.equal('offline');
    expect(calls).to.have.length(3, 'one try plus two retries');
    expect(sleeps).to.have.length(2);
    // Jitter keeps each wait within [step/2, step]; the second step is twice the first.
    expect(sleeps[0]).to.be.within(200, 400);
    expect(sleeps[1]).to.be.within(400, 800);
  });

  it('honours Retry-After on 429, capped so a family never waits more than 8 s', async () => {
    const { backend, sleeps } = backendWith([
      problem(429, PROBLEM_TYPES.rateLimited, {}, { 'Retry-After': '3' }),
      problem(429, PROBLEM_TYPES.rateLimited, {}, { 'Retry-After': '120' }),
      json(201, receipt),
    ]);
    await backend.submitSurveyResponse('demo', submission, 'k');
    expect(sleeps).to.deep.equal([3000, MAX_RETRY_DELAY_MS]);
  });

  it('never retries a 4xx: a 422 problem becomes an "invalid" error with its field errors', async () => {
    const errors = [{ pointer: '/answers/grade', code: 'required', detail: 'This question needs an answer.' }];
    const { backend, calls } = backendWith([problem(422, PROBLEM_TYPES.validation, { errors })]);
    const error = (await rejectionOf(backend.submitSurveyResponse('demo', submission, 'k'))) as BackendError;
    expect(error.kind).to.equal('invalid');
    expect(error.status).to.equal(422);
    expect(error.fieldErrors).to.deep.equal(errors);
    expect(error.retryable).to.equal(false);
    expect(calls).to.have.length(1);
  });

  const statusCases: [number, string, string][] = [
    [401, PROBLEM_TYPES.unauthorized, 'unauthorized'],
    [403, PROBLEM_TYPES.forbidden, 'unauthorized'],
    [404, PROBLEM_TYPES.notFound, 'not-found'],
    [409, PROBLEM_TYPES.conflict, 'conflict'],
    [409, PROBLEM_TYPES.closed, 'closed'],
    [410, 'about:blank', 'closed'],
    [413, PROBLEM_TYPES.tooLarge, 'too-large'],
    [429, PROBLEM_TYPES.rateLimited, 'rate-limited'],
    [500, PROBLEM_TYPES.server, 'server'],
  ];
  for (const [status, type, kind] of statusCases) {
    it(`maps ${status} (${type.split('/').pop()}) to "${kind}"`, async () => {
      const { backend } = backendWith([problem(status, type)], { retries: 0 });
      const error = (await rejectionOf(backend.getSurvey('demo'))) as BackendError;
      expect(error).to.be.instanceOf(BackendError);
      expect(error.kind).to.equal(kind);
      expect(error.status).to.equal(status);
    });
  }

  it('maps a plain-text error page by status alone', async () => {
    const { backend } = backendWith([new Response('<h1>Gone</h1>', { status: 410, headers: { 'Content-Type': 'text/html' } })]);
    const error = (await rejectionOf(backend.getSurvey('demo'))) as BackendError;
    expect(error.kind).to.equal('closed');
  });

  it('gives up on a silent server after timeoutMs with a "timeout" error', async () => {
    const hang = (init: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    const { backend, calls } = backendWith([hang], { timeoutMs: 30 });
    const started = performance.now();
    const error = (await rejectionOf(backend.getSurvey('demo'))) as BackendError;
    expect(error.kind).to.equal('timeout');
    expect(calls).to.have.length(1);
    expect(performance.now() - started).to.be.below(2000);
  });

  it('passes a caller abort through as an AbortError, not a backend failure', async () => {
    const hang = (init: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    const { backend } = backendWith([hang]);
    const controller = new AbortController();
    const pending = backend.getSurvey('demo', { signal: controller.signal });
    controller.abort();
    const error = (await rejectionOf(pending)) as DOMException;
    expect(error).not.to.be.instanceOf(BackendError);
    expect(error.name).to.equal('AbortError');
  });

  it('treats a 200 that is not JSON (a captive portal page) as a server error', async () => {
    const { backend } = backendWith([
      new Response('<html>Sign in to Wi-Fi</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    ]);
    const error = (await rejectionOf(backend.getSurvey('demo'))) as BackendError;
    expect(error.kind).to.equal('server');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('5')).to.equal(5);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).to.equal(10);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });
});
