#!/usr/bin/env node
// The one test command: builds everything, then runs every suite in order and prints one total.
// Each suite's own output streams through; the counts are read from each runner's closing lines.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  { name: 'build', command: 'npm run build' },
  // Bundle budgets from DESIGN.md: a bundle that grows past its budget fails the run like a failing test.
  { name: 'size', command: 'npm run size' },
  { name: 'protocol', command: 'npm test --workspace @tandem/protocol', runner: 'node' },
  { name: 'server', command: 'npm test --workspace @tandem/server', runner: 'node' },
  { name: 'components', command: 'npx wtr', runner: 'wtr' },
  { name: 'end-to-end', command: 'npm run test:e2e', runner: 'node' },
  { name: 'storybook', command: 'npm run build-storybook -- --quiet' },
  { name: 'lint', command: 'npm run lint' },
];

/** Reads pass/fail counts from node:test (`# pass N`) or web-test-runner (`N passed, N failed`). */
function countTests(runner, output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  if (runner === 'node') {
    const pass = [...plain.matchAll(/^# pass (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    const fail = [...plain.matchAll(/^# fail (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    return { pass, fail };
  }
  const last = [...plain.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  return last ? { pass: Number(last[1]), fail: Number(last[2]) } : { pass: 0, fail: 0 };
}

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n━━ ${step.name}: ${step.command}`);
    const child = spawn(step.command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) =>
      resolve({ ...step, code, seconds: Math.round((Date.now() - started) / 1000), ...countTests(step.runner, output) }),
    );
  });
}

/** A fresh clone needs its packages, a browser and a translation server before anything can run. */
function prepare() {
  if (!existsSync('node_modules/.package-lock.json')) {
    console.log('Installing dependencies…');
    if (spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' }).status !== 0) process.exit(1);
  }
  // Debian packages the tests use for real: Chromium for the browser tests, Apertium APy (English–Spanish)
  // as the translation server of the message tests.
  const missing = [
    ['/usr/bin/chromium', 'chromium'],
    ['/usr/bin/apertium-apy', 'apertium-apy'],
    ['/usr/share/apertium/modes/eng-spa.mode', 'apertium-eng-spa'],
  ].filter(([file]) => !existsSync(file));
  if (missing.length > 0) {
    const packages = missing.map(([, name]) => name);
    const asRoot = process.getuid?.() === 0;
    console.log(
      asRoot
        ? `Installing Debian packages for the tests: ${packages.join(' ')}…`
        : `The tests need: sudo apt-get install ${packages.join(' ')}`,
    );
    if (!asRoot) process.exit(1);
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    if (spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit' }).status !== 0) process.exit(1);
  }
}

process.chdir(new URL('..', import.meta.url).pathname);
prepare();
const only = process.argv.slice(2);
const results = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  const result = await run(step);
  results.push(result);
  // Nothing after a failed build can say anything true about the code.
  if (step.name === 'build' && result.code !== 0) break;
}

console.log('\n━━ summary');
for (const r of results) {
  const counts = r.runner ? `${r.pass} passed, ${r.fail} failed` : '';
  console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(11)} ${String(r.seconds).padStart(4)} s  ${counts}`);
}
const pass = results.reduce((n, r) => n + (r.pass ?? 0), 0);
const fail = results.reduce((n, r) => n + (r.fail ?? 0), 0);
const failedSteps = results.filter((r) => r.code !== 0).length;
// A step can fail without a failing test (a crash, a build error): count it so the total never hides it.
console.log(`tests: ${pass} passed, ${fail + (fail === 0 ? failedSteps : 0)} failed`);
process.exit(failedSteps || fail ? 1 : 0);
