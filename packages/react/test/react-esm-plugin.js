// web-test-runner plugin: serves React (CommonJS only) to the browser as ES modules, bundled once by esbuild.
/* global process */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

/** Bare specifiers the React tests import → the namespace they get from the one shared bundle. */
const SPECIFIERS = { react: 'react', 'react-dom': 'reactDom', 'react-dom/client': 'reactDomClient', 'react/jsx-runtime': 'jsxRuntime' };
const PREFIX = '/__tandem-react-esm/';

/**
 * The names a CommonJS package exports, read in a separate Node process: React's development build
 * calls console methods (console.createTask) that web-test-runner's wrapped console lacks.
 */
function exportNames(specifier) {
  const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`;
  const keys = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  return keys.filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
}

/**
 * All four specifiers come from one bundle, so react-dom and the tests share one copy of React (two
 * copies break hooks). Each specifier gets a small module re-exporting its names, read from the package
 * in Node, so `import { useState } from 'react'` and `import React from 'react'` both work.
 */
export function reactAsEsm() {
  let vendor;
  const bundle = async () =>
    (
      await build({
        stdin: {
          contents: Object.entries(SPECIFIERS)
            .map(([specifier, name]) => `export * as ${name} from '${specifier}';`)
            .join('\n'),
          resolveDir: process.cwd(),
        },
        bundle: true,
        format: 'esm',
        write: false,
        // Development React: its warnings about misuse show up in the test output.
        define: { 'process.env.NODE_ENV': '"development"' },
      })
    ).outputFiles[0].text;

  return {
    name: 'tandem-react-as-esm',
    resolveImport({ source }) {
      if (source in SPECIFIERS) return `${PREFIX}${SPECIFIERS[source]}.js`;
      return undefined;
    },
    async serve({ path }) {
      if (!path.startsWith(PREFIX)) return undefined;
      const file = path.slice(PREFIX.length);
      if (file === 'vendor.js') return { body: (vendor ??= await bundle()), type: 'js' };
      const [specifier, name] = Object.entries(SPECIFIERS).find(([, n]) => `${n}.js` === file) ?? [];
      if (!specifier) return undefined;
      const names = exportNames(specifier);
      return {
        body: `import { ${name} as ns } from './vendor.js';\nexport default ns.default ?? ns;\nexport const { ${names.join(', ')} } = ns;\n`,
        type: 'js',
      };
    },
  };
}
