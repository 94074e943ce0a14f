#!/usr/bin/env node
// `npm start`: builds whatever has not been built yet, then runs the server with the demo school.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
sh('node', ['packages/server/dist/cli.js', 'start', '--demo', ...process.argv.slice(2)]);
