#!/usr/bin/env node
// Bundles the npm-usage examples (demo/examples/vanilla, demo/examples/react) into their dist/ folders with esbuild.
// The examples import the workspace packages the way an app imports them from npm: their compiled dist/
// (run `npx tsc -b` first), never their TypeScript sources.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export const EXAMPLES = {
  vanilla: 'demo/examples/vanilla/main.js',
  react: 'demo/examples/react/main.tsx',
};

/** Packages an example imports whose dist/ must exist; a missing one would otherwise fail as "could not resolve". */
const NEEDED = ['core', 'survey', 'event-rsvp', 'resource-card', 'lesson-viewer', 'message-box', 'react'];

/** Builds every example (or the names given); returns the output folder of each. */
export async function buildExamples(names = Object.keys(EXAMPLES)) {
  const missing = NEEDED.filter((name) => !existsSync(`${root}packages/${name}/dist/index.js`));
  if (missing.length) throw new Error(`Compile the packages first (\`npx tsc -b\`); no dist/ in: ${missing.join(', ')}`);
  const built = {};
  for (const name of names) {
    const entry = EXAMPLES[name];
    if (!entry) throw new Error(`No example "${name}"; there are: ${Object.keys(EXAMPLES).join(', ')}`);
    const outdir = `${root}demo/examples/${name}/dist`;
    rmSync(outdir, { recursive: true, force: true });
    await build({
      absWorkingDir: root,
      entryPoints: { main: entry },
      outdir,
      bundle: true,
      // Split so the widgets' lazily imported parts (form UI, translations) stay separate files, as with any app bundler.
      splitting: true,
      format: 'esm',
      chunkNames: 'chunks/[name]-[hash]',
      target: 'es2022',
      minify: true,
      sourcemap: true,
      // 'production' selects Lit's production build; NODE_ENV does the same for React.
      conditions: ['production'],
      define: { 'process.env.NODE_ENV': '"production"' },
      jsx: 'automatic',
      logLevel: 'warning',
    });
    built[name] = outdir;
  }
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  try {
    const built = await buildExamples(names.length ? names : undefined);
    for (const [name, outdir] of Object.entries(built)) console.log(`example ${name}: ${outdir.slice(root.length)}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
