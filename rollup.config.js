// Browser bundles for the CDN folder the server publishes: the loader (/tandem.js) and one ES-module entry per widget.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rmSync } from 'node:fs';

const cdn = 'packages/embed/dist/cdn';

/** Widget entry name (→ widgets/<name>.js, as named in the loader's tag map) → compiled define module. */
const widgets = {
  survey: 'packages/survey/dist/tandem-survey.js',
};

// 'production' keeps Lit's dev-mode build (warnings, extra checks) out; 'tandem-source' is never listed, so
// workspace packages resolve to their compiled dist/ rather than their TypeScript sources.
const resolve = () => nodeResolve({ browser: true, exportConditions: ['browser', 'production'] });

const minify = () =>
  terser({
    module: true,
    ecma: 2022,
    compress: { passes: 2 },
    format: { comments: false },
  });

/** Old hashed chunks would otherwise pile up in the folder the server publishes. */
const cleanHashedOutput = () => ({
  name: 'tandem-clean-hashed-output',
  buildStart() {
    for (const folder of ['widgets', 'chunks']) rmSync(`${cdn}/${folder}`, { recursive: true, force: true });
  },
});

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    // Built on its own so it can never pull in, or share a chunk with, widget code.
    input: 'packages/embed/dist/loader.js',
    output: { file: `${cdn}/tandem.js`, format: 'es', plugins: [minify()] },
    plugins: [resolve()],
  },
  {
    input: widgets,
    output: {
      dir: cdn,
      format: 'es',
      entryFileNames: 'widgets/[name].js',
      // Lit, core and the lazily imported locale modules; hashed names let the server cache them forever.
      chunkFileNames: 'chunks/[name]-[hash].js',
      plugins: [minify()],
    },
    plugins: [resolve(), cleanHashedOutput()],
    // An entry exports exactly what its module exports, so code that other chunks need goes to chunks/ rather
    // than into widgets/survey.js; otherwise loading one widget could execute another widget's define().
    preserveEntrySignatures: 'strict',
    onwarn(warning, warn) {
      // tsc's emitted `__decorate` helper probes top-level `this`; in an ES module that is simply undefined.
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      // Cycles inside third-party packages are theirs to keep; ours (between workspace packages) still warn.
      if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('/node_modules/'))) return;
      warn(warning);
    },
  },
];
