#!/usr/bin/env node
// The installed `tandem-server` command. It lives outside dist/ so npm can link it before the first build.
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../dist/cli.js', import.meta.url))) {
  console.error('tandem-server is not built yet: run "npm run build" in the Tandem repository first.');
  process.exit(1);
}
await import('../dist/cli.js');
