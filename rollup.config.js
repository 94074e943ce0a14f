// Browser bundles for the CDN folder the server publishes: the loader (/tandem.js) and one ES-module entry per widget.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rmSync } from 'node:fs';
import { browserRoutes } from './scripts/rollup-browser-routes.js';

const cdn = 'packages/embed/dist/cdn';

/** Widget entry name (→ widgets/<name>.js, as named in the loader's tag map) → compiled define module. */
const widgets = {
  survey: 'packages/survey/dist/tandem-survey.js',
  'event-rsvp': 'packages/event-rsvp/dist/tandem-event-rsvp.js',
  'resource-card': 'packages/resource-card/dist/tandem-resource-card.js',
  'resource-list': 'packages/resource-card/dist/tandem-resource-list.js',
  'lesson-viewer': 'packages/lesson-viewer/dist/tandem-lesson-viewer.js',
  'message-box': 'packages/message-box/dist/tandem-message-box.js',
  inbox: 'packages/message-box/dist/tandem-inbox.js',
};

/** Workspace packages whose code runs in the browser (scanned for the routes they call). */
const browserPackages = ['core', 'survey', 'event-rsvp', 'resource-card', 'lesson-viewer', 'message-box', 'embed'].map(
  (p) => `packages/${p}`,
);

// 'production' keeps Lit's dev-mode build (warnings, extra checks) out; 'tandem-source' is never listed, so
// workspace packages resolve to their compiled dist/ rather than their TypeScript sources.
const resolve = () => nodeResolve({ browser: true, exportConditions: ['browser', 'production'] });

/** Calls `visit` on every node of an ESTree AST (as `this.parse()` returns it). */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === 'object') walk(value, visit);
  }
}

/**
 * Strips what Lit templates carry only for the reader: indentation and comments in css``, line-break
 * runs in html``. Every whitespace run that holds a line break renders as one space, so html`` keeps
 * one; css`` loses whitespace only beside punctuation that needs none. Quasis with escapes, and
 * templates with <pre> or <textarea> content, stay as written.
 */
const minifyTemplates = () => ({
  name: 'tandem-minify-templates',
  transform(code, id) {
    if (id.includes('/node_modules/') || !/\b(html|css) ?`/.test(code)) return null;
    const edits = [];
    walk(this.parse(code), (node) => {
      if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
      const isCss = node.tag.name === 'css';
      if (!isCss && node.tag.name !== 'html') return;
      const quasis = node.quasi.quasis;
      if (!isCss && quasis.some((q) => /<(pre|textarea)\b/i.test(q.value.raw))) return;
      quasis.forEach((q, i) => {
        const raw = q.value.raw;
        if (raw.includes('\\')) return;
        // A CSS string holding spaces or punctuation (content: 'a: b') is left for a real CSS parser.
        const strings = isCss ? (raw.replace(/\/\*[\s\S]*?\*\//g, '').match(/'[^']*'|"[^"]*"/g) ?? []) : [];
        if (strings.some((string) => /[\s{};,:>]/.test(string))) return;
        const out = isCss ? minifyCss(raw, i > 0, i < quasis.length - 1) : raw.replace(/\s*\n\s*/g, ' ');
        if (out !== raw) edits.push([q.start, q.end, out]);
      });
    });
    if (edits.length === 0) return null;
    let result = code;
    for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) result = result.slice(0, start) + text + result.slice(end);
    return { code: result, map: null };
  },
});

/**
 * @lit/localize hashes a message's text into its id only for msg() calls that carry no `{ id }`. Every
 * Tandem message names its id (xliff/ is keyed by them), so the hashing code is swapped for a stub and
 * the build fails on a msg() call without a literal id, which is the one case the stub would change.
 */
const explicitMessageIds = () => ({
  name: 'tandem-explicit-message-ids',
  load(id) {
    // An empty id finds no translation, so even then the English text would show rather than an error.
    if (id.replaceAll('\\', '/').endsWith('/@lit/localize/internal/id-generation.js')) return 'export const generateMsgId = () => "";';
    return null;
  },
  transform(code, id) {
    if (id.includes('/node_modules/') || !code.includes('msg(')) return null;
    walk(this.parse(code), (node) => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'msg') return;
      const options = node.arguments[1];
      const named =
        options?.type === 'ObjectExpression' &&
        options.properties.some(
          (p) => p.type === 'Property' && !p.computed && (p.key.name ?? p.key.value) === 'id' && p.value.type === 'Literal',
        );
      if (!named) this.error(`msg() without a literal { id } in ${id} at offset ${node.start}`);
    });
    return null;
  },
});

/**
 * @lit/localize declares no `sideEffects`, so importing `msg` from its index keeps every module the index
 * re-exports, the runtime included (about 1 kB gzip). None has a side effect a caller relies on without
 * importing from it, so each is kept only where something it exports is used: the runtime then loads with
 * core's localization-runtime chunk, when UI strings other than English are needed.
 */
const litLocalizeWithoutSideEffects = () => ({
  name: 'tandem-lit-localize-side-effects',
  transform(code, id) {
    if (!id.replaceAll('\\', '/').includes('/node_modules/@lit/localize/')) return null;
    return { code, map: null, moduleSideEffects: false };
  },
});

/**
 * What @lit/localize's `msg` is before its runtime is installed (English): the text itself, or a str`` template's
 * parts joined in order. The package's own version imports the str`` helpers to do the same join, which put them
 * in every widget's first download (about 80 B gzip); this one joins without them, so they load only with the code
 * that uses str`` or with the runtime (which joins translated templates in their own order).
 */
const defaultMsgWithoutStrTag = () => ({
  name: 'tandem-default-msg-without-str-tag',
  load(id) {
    if (!id.replaceAll('\\', '/').endsWith('/@lit/localize/internal/default-msg.js')) return null;
    return 'export const defaultMsg = (t) => (t.strTag ? t.strings.reduce((text, part, i) => text + t.values[i - 1] + part) : t);';
  },
});

/** One css`` quasi: an edge next to an interpolation keeps a space, as the value there is unknown. */
function minifyCss(raw, afterValue, beforeValue) {
  let css = raw
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/ !important/g, '!important')
    .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
    .trim();
  if (afterValue && /^\s/.test(raw) && !/^ /.test(css)) css = ' ' + css;
  if (beforeValue && /\s$/.test(raw) && !/ $/.test(css)) css += ' ';
  return css;
}

const minify = () =>
  terser({
    module: true,
    ecma: 2022,
    compress: { passes: 3 },
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
  // Iframe embeds: the script of /embed/<widget>/<id> pages, and the optional auto-height helper for host pages.
  {
    input: 'packages/embed/dist/frame.js',
    output: { file: `${cdn}/embed-frame.js`, format: 'es', plugins: [minify()] },
  },
  {
    // A classic-script IIFE, so a page may include it with or without type="module", even twice.
    input: 'packages/embed/dist/frame-host.js',
    output: { file: `${cdn}/tandem-frame.js`, format: 'iife', plugins: [minify()] },
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
    // browserRoutes: only the routes browser code calls, without their OpenAPI summaries (about 3 kB gzip per widget).
    plugins: [
      resolve(),
      minifyTemplates(),
      explicitMessageIds(),
      litLocalizeWithoutSideEffects(),
      defaultMsgWithoutStrTag(),
      browserRoutes(browserPackages),
      cleanHashedOutput(),
    ],
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
  // The staff console (/console): its own bundle and chunks under console/, apart from the widgets and their budgets.
  {
    input: { console: 'packages/console/dist/tandem-console.js' },
    output: {
      dir: `${cdn}/console`,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      plugins: [minify()],
    },
    plugins: [
      resolve(),
      minifyTemplates(),
      explicitMessageIds(),
      { name: 'tandem-clean-console', buildStart: () => rmSync(`${cdn}/console`, { recursive: true, force: true }) },
    ],
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('/node_modules/'))) return;
      warn(warning);
    },
  },
];
