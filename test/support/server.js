// Starts the real Tandem server (built CLI) on a throwaway database, plus a second-origin "host page" server.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';

const execFileAsync = promisify(execFile);

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = join(repoRoot, 'packages', 'server', 'dist', 'cli.js');
export const SURVEY_ID = 'lincoln-family-survey';
export const ORG_SLUG = 'lincoln';

/** A port nobody is listening on right now. */
export async function freePort() {
  const server = createNetServer();
  await new Promise((resolve, reject) => server.listen(0, '127.0.0.1', resolve).on('error', reject));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * When DATABASE_URL is set the e2e run gets its own PostgreSQL database (created here, dropped on
 * stop), so it neither sees nor leaves rows of other runs and never touches the database it was given.
 */
async function createIsolatedPostgres(baseUrl) {
  const { default: pg } = await import('pg');
  const name = `tandem_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function runCli(args, env) {
  try {
    const { stdout } = await execFileAsync(process.execPath, [cliPath, ...args], { env, cwd: repoRoot, timeout: 60_000 });
    return stdout;
  } catch (error) {
    throw new Error(`tandem-server ${args.join(' ')} failed: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  }
}

/** Polls /healthz until the server answers; returns the database dialect it reports. */
async function waitForHealth(baseUrl, child, output) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tandem-server exited with ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const response = await fetch(new URL('healthz', baseUrl));
      if (response.ok) return (await response.json()).database;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`tandem-server did not answer /healthz within 30 s:\n${output()}`);
}

/**
 * Seeds the demo school, creates an admin API token and starts `tandem-server start --demo`.
 * Rate limiting is off unless `rateLimitPerMinute` is given; `env` adds settings (a translation server, say).
 */
export async function startServer({ rateLimitPerMinute, env: extraEnv = {} } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-e2e-'));
  const port = await freePort();
  const database = process.env.DATABASE_URL ? await createIsolatedPostgres(process.env.DATABASE_URL) : undefined;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    TANDEM_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    TANDEM_RATE_LIMIT_PER_MINUTE: String(rateLimitPerMinute ?? 0), // 0 turns the limit off
    ...extraEnv,
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  const cleanup = async () => {
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  };

  let child;
  try {
    await runCli(['seed-demo'], env);
    const tokenOutput = await runCli(['token', 'create', '--org', ORG_SLUG, '--role', 'admin'], env);
    const token = tokenOutput.trim().split('\n').at(-1).trim();
    if (!token) throw new Error(`token create printed no token:\n${tokenOutput}`);

    child = spawn(process.execPath, [cliPath, 'start', '--demo'], { env, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (chunk) => {
      log = (log + chunk).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const baseUrl = `http://127.0.0.1:${port}/`;
    const dialect = await waitForHealth(baseUrl, child, () => log);
    const expected = database ? 'postgres' : 'sqlite';
    if (dialect !== expected) throw new Error(`tandem-server runs on ${dialect}, expected ${expected}`);

    return {
      baseUrl,
      origin: `http://127.0.0.1:${port}`,
      token,
      dataDir,
      database: dialect,
      log: () => log,
      /** Runs `tandem-server ARGS` against this server's database; returns what it printed. */
      cli: (args) => runCli(args, env),
      /** Staff API call with the admin token. */
      async staff(path, init = {}) {
        const response = await fetch(new URL(path.replace(/^\//, ''), baseUrl), {
          ...init,
          headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
        });
        return response;
      },
      async results(surveyId = SURVEY_ID) {
        const response = await this.staff(`/api/v1/surveys/${surveyId}/results`);
        if (!response.ok) throw new Error(`results API answered ${response.status}: ${await response.text()}`);
        return response.json();
      },
      async stop() {
        if (child.exitCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        }
        await cleanup();
      },
    };
  } catch (error) {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await cleanup();
    throw error;
  }
}

/**
 * A third-party school page, as another web host would serve it, embedding Tandem from `backendOrigin`.
 * `widget` is the element's markup (the family survey unless given).
 */
export function hostPageHtml(backendOrigin, { surveyId = SURVEY_ID, lang = 'en', widget, intro } = {}) {
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Room 12 News – Ms. Herrera's class</title>
    <style>
      body { font-family: Verdana, sans-serif; margin: 0 auto; max-width: 44rem; padding: 1rem; color: #222; }
      header { border-bottom: 3px solid #0a6b8a; margin-bottom: 1rem; }
    </style>
  </head>
  <body>
    <header><h1>Room 12 News</h1><p>Ms. Herrera's second grade at Lincoln Elementary</p></header>
    <main>
      <p>${intro ?? 'Families, please take five minutes for the school survey below. ¡Gracias!'}</p>
      <script type="module" src="${backendOrigin}/tandem.js"></script>
      ${widget ?? `<tandem-survey survey="${surveyId}"></tandem-survey>`}
    </main>
  </body>
</html>`;
}

/** Serves the host page at `/` from its own origin (another port, so another origin than the server). */
export async function startHostPage(backendOrigin, options) {
  const html = hostPageHtml(backendOrigin, options);
  const server = createServer((request, response) => {
    if (request.url === '/' || request.url === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
    } else if (request.url === '/favicon.ico') {
      // Browsers ask for it on their own; a 404 here would show up as a console error on the host page.
      response.writeHead(204);
      response.end();
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
    }
  });
  const port = await freePort();
  await new Promise((resolve, reject) => server.listen(port, '127.0.0.1', resolve).on('error', reject));
  return {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
