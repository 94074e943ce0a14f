// Starts the servers under test as child processes on loopback, so each gets its own event loop like in production.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

// Servers still running when the bench exits (an error, the watchdog) are stopped with it, never left listening.
const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
// Signals skip 'exit' handlers unless the process exits on its own terms.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1));
export const serverCli = join(root, 'packages/server/dist/cli.js');

/** A port the OS says is free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function waitFor(url, child, log, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}; see ${log}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${seconds} s; see ${log}`);
}

function startChild(args, env, log, readyUrl) {
  const out = createWriteStream(log);
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  return waitFor(readyUrl, child, log).then(() => ({
    url: readyUrl,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode ?? child.signalCode);
        child.once('exit', (code, signal) => resolve(code ?? signal));
        child.kill('SIGTERM');
        // A server that ignores SIGTERM must not keep the benchmark alive.
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  }));
}

/** Environment for a Tandem server on a fresh SQLite file (WAL, synchronous=FULL are the server's defaults). */
export function tandemEnv(dataDir, port) {
  return {
    TANDEM_DATA_DIR: dataDir,
    TANDEM_RATE_LIMIT_PER_MINUTE: '0',
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
    // Per-request info logs would measure the log pipe, not the durable write path.
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
  };
}

/** Runs a `tandem-server` command to completion (e.g. `seed-demo`), failing loudly with its output. */
export function runCli(args, env) {
  const result = spawnSync(process.execPath, [serverCli, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`tandem-server ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export async function startTandem(dataDir) {
  const port = await freePort();
  const env = tandemEnv(dataDir, port);
  return startChild([serverCli, 'start'], env, join(dataDir, 'server.log'), `http://127.0.0.1:${port}/healthz`).then((s) => ({
    ...s,
    base: `http://127.0.0.1:${port}/`,
  }));
}

export async function startBaseline(logDir) {
  const port = await freePort();
  const script = new URL('./baseline-server.js', import.meta.url).pathname;
  // The baseline answers any path, so its "health check" is a plain GET that must not fail.
  return startChild([script], { PORT: String(port) }, join(logDir, 'baseline.log'), `http://127.0.0.1:${port}/`).then((s) => ({
    ...s,
    base: `http://127.0.0.1:${port}/`,
  }));
}
