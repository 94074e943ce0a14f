// SSE capacity: how many family event streams one server process holds, and how fast one message reaches all of them.
// Every stream is opened the way the message box opens it (a single-use ticket, then GET /api/v1/family/stream), over
// raw node:http so the client costs little per connection; all streams belong to the demo family, which is the worst
// case for fan-out: one message wakes every stream at once.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, serverCli, startTandem, tandemEnv } from './servers.js';

export const SSE_TARGET = 5_000;
const STEPS = [500, 1_000, 2_000, 3_000, 4_000, 5_000];
const DEMO_INVITE_CODE = 'TANDM-DEM26';
/** Streams opening at once while ramping: enough to ramp quickly, few enough not to overflow the listen backlog. */
const OPEN_CONCURRENCY = 64;
/**
 * The server's default heartbeat is 20 s; holding longer shows idle streams survive it (no timeout closes them).
 * BENCH_SSE_HOLD_SECONDS holds longer, e.g. 320 to outlast Node's 300 s request timeout.
 */
const HOLD_MS = Number(process.env.BENCH_SSE_HOLD_SECONDS || 22) * 1000;
const DELIVERY_TIMEOUT_MS = 30_000;
/** File descriptors the client needs beside its streams (stdio, the API agent, the child's pipes, the SQLite file). */
const FD_SLACK = 256;

/** The soft limit on open files (Node raises it to the hard limit at start, so this is what the process can use). */
export function openFileLimit(pid = 'self') {
  try {
    const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === 'unlimited' ? Infinity : Number(soft);
  } catch {
    return undefined; // not Linux: no way to tell; the run will say how many streams it got
  }
}

function residentMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return undefined;
  }
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);

/** A small JSON client for the API calls around the streams, on its own keep-alive agent. */
function apiClient(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: OPEN_CONCURRENCY });
  const call = (method, path, { body, headers = {} } = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = http.request(new URL(path, base), {
        method,
        agent,
        headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
        timeout: 30_000,
      });
      request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
      request.on('error', reject);
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          const json = text ? JSON.parse(text) : undefined;
          if (response.statusCode >= 300) reject(new Error(`${method} ${path} answered ${response.statusCode}: ${text.slice(0, 300)}`));
          else resolve(json);
        });
      });
      request.end(payload);
    });
  return { call, close: () => agent.destroy() };
}

/**
 * One event stream. Keeps only what the benchmark reads: whether it is open, how many heartbeats came, and
 * when the awaited message arrived.
 */
function openStream(base, agent, ticket, stats) {
  return new Promise((resolve) => {
    const stream = { open: false, heartbeats: 0, receivedAt: undefined, expect: undefined, onMessage: undefined, request: undefined };
    const request = http.request(new URL(`/api/v1/family/stream?ticket=${encodeURIComponent(ticket)}`, base), {
      agent,
      headers: { accept: 'text/event-stream' },
    });
    stream.request = request;
    request.on('error', (error) => {
      if (!stream.open) {
        stats.errors.set(error.code ?? error.message, (stats.errors.get(error.code ?? error.message) ?? 0) + 1);
        resolve(undefined);
      }
      stream.open = false;
    });
    request.on('response', (response) => {
      if (response.statusCode !== 200) {
        stats.errors.set(`HTTP ${response.statusCode}`, (stats.errors.get(`HTTP ${response.statusCode}`) ?? 0) + 1);
        response.resume();
        resolve(undefined);
        return;
      }
      stream.open = true;
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk) => {
        buffer += chunk;
        let split;
        while ((split = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          if (block.startsWith(': heartbeat')) stream.heartbeats++;
          else if (stream.expect && stream.receivedAt === undefined && block.includes('event: message') && block.includes(stream.expect)) {
            stream.receivedAt = performance.now();
            stream.onMessage?.();
          }
        }
      });
      response.on('close', () => {
        if (stream.open) stats.closedByServer++;
        stream.open = false;
      });
      resolve(stream);
    });
    request.end();
  });
}

/** Opens streams until `streams` holds `target` of them, `OPEN_CONCURRENCY` at a time, each with a fresh ticket. */
async function rampTo(target, { base, api, auth, agent, streams, stats }) {
  let next = streams.length;
  const worker = async () => {
    while (next < target) {
      next++;
      try {
        const { ticket } = await api.call('POST', '/api/v1/family/stream-tickets', { headers: auth });
        const stream = await openStream(base, agent, ticket, stats);
        if (stream) streams.push(stream);
      } catch (error) {
        stats.errors.set(error.message.slice(0, 80), (stats.errors.get(error.message.slice(0, 80)) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, worker));
}

/** `planned` streams are opened (default: the target; BENCH_SSE_STREAMS for a smaller or larger run), judged against `target`. */
export async function benchSse({ target = SSE_TARGET, streamCount = Number(process.env.BENCH_SSE_STREAMS || target) } = {}) {
  if (!existsSync(serverCli)) throw new Error(`${serverCli} is missing: run \`npm run build\` first`);
  const limit = openFileLimit();
  const needed = streamCount + FD_SLACK;
  let planned = streamCount;
  if (limit !== undefined && limit < needed) {
    planned = Math.max(0, limit - FD_SLACK);
    console.error(
      `\nSSE: this shell allows ${limit} open files, but ${streamCount.toLocaleString('en')} streams need about ${needed.toLocaleString('en')} ` +
        `in the client and as many in the server. Raise the limit first, e.g. \`ulimit -n 16384 && npm run bench -- sse\` ` +
        `(or raise the hard limit in /etc/security/limits.conf). Going on with ${planned.toLocaleString('en')} streams; the run cannot pass.`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-sse-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeDataDir);
  const streamAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 0 });
  const streams = [];
  let server;
  let api;
  try {
    runCli(['seed-demo'], tandemEnv(dataDir, 0));
    server = await startTandem(dataDir);
    const serverLimit = openFileLimit(server.pid);
    if (serverLimit !== undefined && serverLimit < needed) {
      console.error(`SSE: the server process may open only ${serverLimit} files; streams past that are refused by its OS.`);
    }
    const base = server.base;
    api = apiClient(base);
    const session = await api.call('POST', '/api/v1/public/family-sessions/invite', { body: { code: DEMO_INVITE_CODE } });
    const auth = { authorization: `Bearer ${session.accessToken}` };
    const home = await api.call('GET', '/api/v1/family/home', { headers: auth });
    const conversation = await api.call('POST', '/api/v1/family/conversations', { headers: auth, body: { schoolId: home.schools[0].id } });

    const stats = { errors: new Map(), closedByServer: 0 };
    const ctx = { base, api, auth, agent: streamAgent, streams, stats };
    const baselineRss = residentMb(server.pid);
    const ramp = [];
    console.log(`\nSSE capacity: family event streams on one server process (target ≥ ${target.toLocaleString('en')})`);
    console.log(
      `open-file limit: client ${limit ?? 'unknown'}, server ${serverLimit ?? 'unknown'}; server RSS before streams ${baselineRss} MB`,
    );
    console.log(`${'step'.padStart(6)} ${'held'.padStart(6)} ${'open s'.padStart(7)} ${'per s'.padStart(6)} ${'RSS MB'.padStart(7)}`);
    for (const step of STEPS.filter((s) => s < planned).concat(planned)) {
      const started = performance.now();
      await rampTo(step, ctx);
      const seconds = (performance.now() - started) / 1000;
      const held = streams.filter((s) => s.open).length;
      const row = { step, held, seconds: Number(seconds.toFixed(2)), rssMb: residentMb(server.pid) };
      ramp.push(row);
      console.log(
        `${String(step).padStart(6)} ${String(held).padStart(6)} ${row.seconds.toFixed(2).padStart(7)} ${String(Math.round((step - (ramp.at(-2)?.step ?? 0)) / seconds)).padStart(6)} ${String(row.rssMb).padStart(7)}`,
      );
    }

    // Idle for longer than a heartbeat period: nothing may close a quiet stream.
    const heldBeforeIdle = streams.filter((s) => s.open).length;
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    const open = streams.filter((s) => s.open);
    const withHeartbeat = open.filter((s) => s.heartbeats > 0).length;

    // One message to the family: every open stream should carry it.
    const marker = `bench-${randomUUID()}`;
    let waiting = open.length;
    let allArrived;
    const arrived = new Promise((resolve) => (allArrived = resolve));
    for (const s of open) {
      s.expect = marker;
      s.onMessage = () => --waiting === 0 && allArrived();
    }
    const sentAt = performance.now();
    await api.call('POST', `/api/v1/family/conversations/${conversation.id}/messages`, {
      headers: { ...auth, 'idempotency-key': randomUUID() },
      body: { body: `SSE benchmark ${marker}`, locale: 'es' },
    });
    const acknowledgedMs = performance.now() - sentAt;
    if (open.length) await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, DELIVERY_TIMEOUT_MS))]);
    const latencies = open
      .filter((s) => s.receivedAt !== undefined)
      .map((s) => s.receivedAt - sentAt)
      .sort((a, b) => a - b);
    const round = (ms) => (ms === null ? null : Number(ms.toFixed(1)));
    const result = {
      target,
      planned,
      openFileLimit: { client: limit ?? null, server: serverLimit ?? null },
      ramp,
      held: open.length,
      heldBeforeIdle,
      idleSeconds: HOLD_MS / 1000,
      withHeartbeat,
      closedByServer: stats.closedByServer,
      openErrors: Object.fromEntries(stats.errors),
      rssMb: { before: baselineRss, held: residentMb(server.pid) },
      delivery: {
        received: latencies.length,
        of: open.length,
        acknowledgedMs: round(acknowledgedMs),
        latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(latencies.at(-1) ?? null) },
      },
    };
    result.pass = result.held >= target && result.delivery.received === result.held;
    return result;
  } finally {
    for (const s of streams) s.request.destroy();
    streamAgent.destroy();
    api?.close();
    await server?.stop();
    removeDataDir();
  }
}

export function printSse(r) {
  const d = r.delivery;
  console.log(
    `held ${r.held} streams after ${r.idleSeconds} s idle (${r.heldBeforeIdle} before; ${r.withHeartbeat} saw a heartbeat; ${r.closedByServer} closed by the server)`,
  );
  if (Object.keys(r.openErrors).length) console.log(`streams refused while opening: ${JSON.stringify(r.openErrors)}`);
  console.log(`server RSS: ${r.rssMb.before} MB before, ${r.rssMb.held} MB holding ${r.held} streams`);
  console.log(
    `one message: received on ${d.received} of ${d.of} streams; POST answered in ${d.acknowledgedMs} ms; ` +
      `delivery p50 ${d.latencyMs.p50} ms, p95 ${d.latencyMs.p95} ms, max ${d.latencyMs.max} ms`,
  );
  console.log(`streams held by one process: ${r.held} vs target ≥ ${r.target}, all delivered: ${r.pass ? 'pass' : 'FAIL'}`);
}
