// Starts Debian's apertium-apy on a free port for the translation tests, or says why it cannot.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const APERTIUM_MODES = '/usr/share/apertium/modes';

/** Why the real-APy tests cannot run here, or undefined when they can. */
export function apertiumSkipReason() {
  const which = spawnSync('sh', ['-c', 'command -v apertium-apy'], { encoding: 'utf8' });
  if (which.status !== 0) return 'apertium-apy is not installed (apt-get install -y apertium-apy apertium-eng-spa)';
  if (!existsSync(`${APERTIUM_MODES}/eng-spa.mode`))
    return 'the English–Spanish pair is not installed (apt-get install -y apertium-eng-spa)';
  return undefined;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs APy until `stop()`; resolves once /listPairs answers with the eng|spa pair. */
export async function startApertium() {
  const port = await freePort();
  // Its own process group, so stop() ends APy and the translation pipelines it starts.
  const child = spawn('apertium-apy', ['-p', String(port), APERTIUM_MODES], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/listPairs`);
      if (response.ok && (await response.text()).includes('"eng"')) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      try {
        process.kill(-child.pid);
      } catch {
        // Already gone.
      }
      throw new Error(`apertium-apy did not start: ${stderr.slice(-500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: async () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
  };
}
