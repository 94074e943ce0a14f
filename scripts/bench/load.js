// Drives one server with autocannon: unique Idempotency-Key per POST, a warm-up, then a run sized to last about ten seconds.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const CONNECTIONS = 50;
const WARM_UP_REQUESTS = 2_000;
const TARGET_SECONDS = 10;

/**
 * A fixed number of requests rather than a fixed duration: autocannon drops requests still in flight when a
 * duration ends, yet the server may commit them, and then 201s could not be matched against stored rows.
 */
function fire(url, body, amount) {
  return autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    amount,
    timeout: 10,
    // autocannon notices that the amount is done only at a sample tick; fine ticks keep the measured duration honest.
    sampleInt: 100,
    headers: { 'content-type': 'application/json' },
    body,
    requests: [
      {
        // Every submission is a new one, as from a different family, so the server really stores each.
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }),
      },
    ],
  });
}

const count = (result, code) => result.statusCodeStats?.[code]?.count ?? 0;

const rate = (result) => result.requests.total / result.duration;
const sized = (perSecond, seconds) => Math.min(500_000, Math.max(WARM_UP_REQUESTS, Math.round(perSecond * seconds)));

/**
 * Warms the server up (JIT, statement caches) in two steps that also calibrate the request count — a cold
 * server is several times slower — then measures. Returns the measured run plus the warm-up 201s.
 */
export async function measure(url, body) {
  const warmUp = [await fire(url, body, WARM_UP_REQUESTS)];
  warmUp.push(await fire(url, body, sized(rate(warmUp[0]), 3)));
  let run = await fire(url, body, sized(rate(warmUp[1]), TARGET_SECONDS));
  // A run much shorter than intended was sized on a slow warm-up: count it as warm-up too and size again from it.
  for (let retry = 0; run.duration < TARGET_SECONDS * 0.6 && retry < 2; retry++) {
    warmUp.push(run);
    run = await fire(url, body, sized(rate(run), TARGET_SECONDS));
  }
  if (process.env.BENCH_DEBUG) {
    console.log([...warmUp, run].map((r) => `${r.requests.total} in ${r.duration}s = ${Math.round(rate(r))}/s`).join(' · '));
  }
  return {
    requests: run.requests.total,
    seconds: Number(run.duration.toFixed(2)),
    requestsPerSecond: Math.round(run.requests.total / run.duration),
    createdPerSecond: Math.round(count(run, 201) / run.duration),
    latencyMs: { p50: run.latency.p50, p99: run.latency.p99, max: run.latency.max },
    created: count(run, 201),
    non2xx: run.non2xx,
    errors: run.errors,
    timeouts: run.timeouts,
    statusCodes: Object.fromEntries(Object.entries(run.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
    warmUp: {
      requests: warmUp.reduce((n, r) => n + r.requests.total, 0),
      created: warmUp.reduce((n, r) => n + count(r, 201), 0),
      non2xx: warmUp.reduce((n, r) => n + r.non2xx, 0),
    },
  };
}
