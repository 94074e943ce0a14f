#!/usr/bin/env node
// `npm start`: builds whatever has not been built yet, then runs the server with the demo school — and, when
// Debian's apertium-apy is installed, a local Apertium so the demo message box translates for real.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = ['packages/server/dist/cli.js', 'packages/embed/dist/cdn/tandem.js', 'packages/embed/dist/cdn/widgets/survey.js'];

function sh(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(`${root}node_modules`)) {
  console.log('Installing dependencies (first run)…');
  sh('npm', ['install', '--no-audit', '--no-fund']);
}
if (built.some((file) => !existsSync(root + file))) {
  console.log('Building Tandem (first run)…');
  sh('npm', ['run', 'build']);
}
const APERTIUM_MODES = '/usr/share/apertium/modes';

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts apertium-apy for the demo unless a translation server is configured or Apertium is not installed. */
async function startDemoTranslation(env) {
  if (env.TANDEM_TRANSLATION_URL) return undefined;
  const installed = spawnSync('sh', ['-c', 'command -v apertium-apy'], { stdio: 'ignore' }).status === 0;
  if (!installed || !existsSync(APERTIUM_MODES)) {
    console.log('Messages are not translated: install apertium-apy and apertium-eng-spa, or set TANDEM_TRANSLATION_URL.');
    return undefined;
  }
  const port = await freePort();
  const apertium = spawn('apertium-apy', ['-p', String(port), APERTIUM_MODES], { stdio: 'ignore', detached: true });
  env.TANDEM_TRANSLATION_URL = `http://127.0.0.1:${port}`;
  console.log(`Translating messages with Apertium at ${env.TANDEM_TRANSLATION_URL}`);
  return apertium;
}

const env = { ...process.env };
const apertium = await startDemoTranslation(env);
const server = spawn('node', ['packages/server/dist/cli.js', 'start', '--demo', ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
const stopApertium = () => {
  // Its own process group: APy starts a pipeline process per language pair.
  if (apertium && apertium.exitCode === null) process.kill(-apertium.pid, 'SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => {
  stopApertium();
  process.exit(code ?? (signal ? 1 : 0));
});
