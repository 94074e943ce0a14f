// Measures what a page really downloads per widget: the entry plus every module it statically imports, min+gzip.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

/** DESIGN.md budgets in bytes (1 kB = 1000 B, the stricter reading). Widgets are named as in widgets/<name>.js. */
export const BUDGETS = {
  loader: 2_000,
  survey: 14_000,
  'event-rsvp': 14_000,
  'resource-card': 10_000,
  'resource-list': 10_000,
  'lesson-viewer': 18_000,
  'message-box': 24_000,
  'all widgets on one page': 45_000,
  // The iframe page's own script and the host pages' auto-height helper (issue 6): tiny by design.
  'embed-frame': 1_000,
  'tandem-frame': 1_000,
};

const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Relative URLs of a module's static imports and re-exports; dynamic `import()` is loaded later, if ever. */
function staticImports(file) {
  const ast = parseAst(readFileSync(file, 'utf8'));
  return ast.body
    .filter((node) => ['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration'].includes(node.type) && node.source)
    .map((node) => node.source.value);
}

/** The entry and everything it imports statically, recursively: the files the browser fetches before the widget runs. */
export function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (!specifier.startsWith('.')) throw new Error(`${file} imports bare "${specifier}": the browser cannot resolve it`);
      visit(resolve(dirname(file), specifier));
    }
  };
  visit(resolve(entry));
  return [...seen];
}

function row(name, files, cdn) {
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const gzip = files.reduce((n, f) => n + gzipSize(f), 0);
  const budget = BUDGETS[name];
  // Lit's development build announces itself with this warning; it must never reach families' phones.
  const litDevMode = files.some((f) => readFileSync(f, 'utf8').includes('in dev mode. Not recommended for production'));
  return {
    litDevMode,
    name,
    files: files.map((f) => relative(cdn, f)),
    minBytes: bytes,
    gzipBytes: gzip,
    budgetBytes: budget ?? null,
    status: litDevMode ? 'LIT DEV MODE' : budget === undefined ? 'no budget' : gzip <= budget ? 'pass' : 'over',
  };
}

/** Sizes for the loader, each widget, and all widgets together (shared chunks counted once). */
export function measureSizes(cdn) {
  if (!existsSync(join(cdn, 'tandem.js'))) throw new Error(`${cdn}/tandem.js is missing: run \`npm run build\` first`);
  const rows = [row('loader', staticClosure(join(cdn, 'tandem.js')), cdn)];
  const widgetDir = join(cdn, 'widgets');
  const widgets = existsSync(widgetDir)
    ? readdirSync(widgetDir)
        .filter((f) => f.endsWith('.js'))
        .sort()
    : [];
  const everything = new Set(rows[0].files.map((f) => resolve(cdn, f)));
  for (const file of widgets) {
    const closure = staticClosure(join(widgetDir, file));
    closure.forEach((f) => everything.add(f));
    rows.push(row(file.replace(/\.js$/, ''), closure, cdn));
  }
  if (widgets.length > 1) rows.push(row('all widgets on one page', [...everything], cdn));
  for (const frameScript of ['embed-frame', 'tandem-frame']) {
    const file = join(cdn, `${frameScript}.js`);
    if (existsSync(file)) rows.push(row(frameScript, staticClosure(file), cdn));
  }
  const lazy = existsSync(join(cdn, 'chunks'))
    ? readdirSync(join(cdn, 'chunks'))
        .map((f) => resolve(cdn, 'chunks', f))
        .filter((f) => !everything.has(f))
        .map((f) => ({ file: relative(cdn, f), gzipBytes: gzipSize(f) }))
    : [];
  return { rows, lazy };
}

export function printSizes({ rows, lazy }) {
  const kb = (n) => (n / 1000).toFixed(2);
  console.log('\nBundle sizes (min+gzip, zlib level 9, entry + static imports; 1 kB = 1000 B)');
  console.log(
    `${'bundle'.padEnd(24)} ${'files'.padStart(5)} ${'min kB'.padStart(8)} ${'gzip kB'.padStart(8)} ${'budget'.padStart(7)}  status`,
  );
  for (const r of rows) {
    const budget = r.budgetBytes === null ? '—' : kb(r.budgetBytes);
    console.log(
      `${r.name.padEnd(24)} ${String(r.files.length).padStart(5)} ${kb(r.minBytes).padStart(8)} ${kb(r.gzipBytes).padStart(8)} ${budget.padStart(7)}  ${r.status}`,
    );
  }
  if (lazy.length) {
    const sizes = lazy.map((l) => l.gzipBytes);
    console.log(
      `lazy chunks (locales etc., fetched only when needed): ${lazy.length}, ${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))} kB each`,
    );
  }
}
