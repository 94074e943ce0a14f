/**
 * `/docs/embed`: the embedding guide for webmasters, generated from each widget package's custom-elements.json
 * (attributes, events, CSS custom properties, parts) with the script and iframe snippet per widget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { EMBED_THEMES, EMBED_WIDGETS } from './embed-pages.js';

export const DEFAULT_PACKAGES_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** Widget path name → the package folder holding its manifest, and the placeholder its snippets use for the id. */
const DOCUMENTED: Record<string, { packageDir: string; placeholder: string }> = {
  survey: { packageDir: 'survey', placeholder: 'SURVEY-ID' },
  'event-rsvp': { packageDir: 'event-rsvp', placeholder: 'EVENT-ID' },
  'resource-card': { packageDir: 'resource-card', placeholder: 'RESOURCE-ID' },
  'resource-list': { packageDir: 'resource-card', placeholder: 'SCHOOL-ID' },
  'lesson-viewer': { packageDir: 'lesson-viewer', placeholder: 'LESSON-ID' },
  'message-box': { packageDir: 'message-box', placeholder: 'SCHOOL-ID' },
};

interface Described {
  name: string;
  description?: string;
  default?: string;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  name?: string;
  summary?: string;
  description?: string;
  attributes?: (Described & { fieldName?: string })[];
  events?: Described[];
  cssProperties?: Described[];
  cssParts?: Described[];
}
interface Manifest {
  modules?: { declarations?: Declaration[] }[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Manifest prose uses Markdown code spans; everything else stays text. */
const prose = (text = '') => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

function readDeclarations(packagesDir: string, packageDir: string): Declaration[] | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(packagesDir, packageDir, 'custom-elements.json'), 'utf8')) as Manifest;
    return (manifest.modules ?? []).flatMap((m) => m.declarations ?? []);
  } catch {
    return undefined;
  }
}

function table(caption: string, rows: Described[] | undefined, withDefault = false): string {
  if (!rows?.length) return '';
  const head = `<tr><th scope="col">name</th>${withDefault ? '<th scope="col">default</th>' : ''}<th scope="col">description</th></tr>`;
  const body = rows
    .map(
      (r) =>
        `<tr><td><code>${escapeHtml(r.name)}</code></td>${withDefault ? `<td>${r.default ? `<code>${escapeHtml(r.default)}</code>` : ''}</td>` : ''}<td>${prose(r.description)}</td></tr>`,
    )
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption>\n<thead>${head}</thead>\n<tbody>${body}</tbody></table>`;
}

const code = (text: string) => `<pre><code>${escapeHtml(text)}</code></pre>`;

function widgetSection(server: string, widget: string, declaration: Declaration | undefined): string {
  const embed = EMBED_WIDGETS[widget]!;
  const { placeholder } = DOCUMENTED[widget]!;
  const script = `<script type="module" src="${server}/tandem.js"></script>\n<${embed.tag} ${embed.idAttribute}="${placeholder}"></${embed.tag}>`;
  const iframe =
    `<iframe data-tandem-embed src="${server}/embed/${widget}/${placeholder}?lang=en" title="${embed.title}"\n` +
    `        style="width: 100%; border: 0" sandbox="allow-scripts allow-forms allow-same-origin allow-popups"></iframe>\n` +
    `<script src="${server}/tandem-frame.js" defer></script>`;
  const extras: string[] = [];
  if (widget === 'resource-list')
    extras.push(
      'For a whole district use the organization slug and <code>?scope=organization</code>; <code>?category=</code> and <code>?language=</code> preset the filters.',
    );
  if (embed.localeAttributes?.includes('bilingual')) extras.push('<code>?bilingual=es</code> shows a second language side by side.');
  if (widget === 'message-box')
    extras.push(
      '<code>?student=ID</code> picks the child; the family signs in inside the frame, or the page passes <code>#identity=TOKEN</code>.',
    );
  const reference = declaration
    ? [
        table('Attributes', declaration.attributes),
        table('Events (bubbling, composed)', declaration.events),
        table('CSS custom properties', declaration.cssProperties, true),
        table('Parts (style with ::part(name))', declaration.cssParts),
      ].join('\n')
    : `<p class="note">The reference for this widget is generated from <code>packages/${DOCUMENTED[widget]!.packageDir}/custom-elements.json</code>, which is not built yet (<code>npm run build</code>).</p>`;
  return `<section id="${widget}" aria-labelledby="${widget}-heading">
<h2 id="${widget}-heading"><code>&lt;${embed.tag}&gt;</code></h2>
<p>${prose(declaration?.summary ?? declaration?.description ?? embed.title)}</p>
<h3>Script embed</h3>
${code(script)}
<h3>Iframe embed</h3>
${code(iframe)}
${extras.map((e) => `<p>${e}</p>`).join('\n')}
${reference}
</section>`;
}

/** The whole guide for a server at `server` (an origin), reading manifests under `packagesDir`. */
export function renderEmbedDocs(server: string, packagesDir: string): string {
  const declarations = new Map<string, Declaration[] | undefined>();
  const find = (packageDir: string, tag: string) => {
    if (!declarations.has(packageDir)) declarations.set(packageDir, readDeclarations(packagesDir, packageDir));
    return declarations.get(packageDir)?.find((d) => d.customElement && d.tagName === tag);
  };
  const base = readDeclarations(packagesDir, 'core')?.find((d) => d.name === 'TandemElement');
  const toc = Object.entries(EMBED_WIDGETS)
    .map(([widget, e]) => `<li><a href="#${widget}"><code>&lt;${e.tag}&gt;</code></a></li>`)
    .join('\n');
  const sections = Object.keys(DOCUMENTED)
    .map((widget) => widgetSection(server, widget, find(DOCUMENTED[widget]!.packageDir, EMBED_WIDGETS[widget]!.tag)))
    .join('\n');
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Embedding Tandem widgets</title>
<link rel="stylesheet" href="embed.css">
</head>
<body>
<main>
<h1>Embedding Tandem widgets</h1>
<p>Two ways to put a widget on a page. Both need only HTML: no plugin, no build step.</p>
<ol>
<li><strong>Script embed</strong> (best): one script line per page, then one element per widget. The widget uses your site's font and colours, and keeps answers on the family's device when the connection drops.</li>
<li><strong>Iframe embed</strong>, for sites that strip scripts: an <code>&lt;iframe&gt;</code> pointing at <code>${escapeHtml(server)}/embed/&lt;widget&gt;/&lt;id&gt;</code>. Add <code>/tandem-frame.js</code> (where scripts are allowed) and the frame takes the height of its content.</li>
</ol>
<nav aria-label="Widgets"><ul>${toc}</ul></nav>

<h2>Step by step</h2>
<h3>A plain HTML site</h3>
<ol>
<li>Open the page's HTML and paste the script line once, before <code>&lt;/body&gt;</code> or in <code>&lt;head&gt;</code>.</li>
<li>Paste the widget's element where it should appear, with its id (snippets below).</li>
<li>Set <code>lang="es"</code> on the element (or the page's <code>&lt;html&gt;</code>) to start in another language; families can still switch.</li>
<li>If your site sends a <code>Content-Security-Policy</code>, allow <code>${escapeHtml(server)}</code> in <code>script-src</code> and <code>connect-src</code>. With nonces, give the loader the page's nonce (<code>&lt;script type="module" nonce="…"&gt;</code>, or <code>data-nonce="…"</code>).</li>
</ol>
<h3>WordPress</h3>
<ol>
<li>Edit the page, add a <strong>Custom HTML</strong> block (the <code>+</code> button, search “HTML”).</li>
<li>Paste the script line and the element together into that block, then <strong>Update</strong>.</li>
<li>WordPress.com plans without plugins, and some security plugins, remove scripts: use the iframe snippet in the Custom HTML block instead (leave out the <code>tandem-frame.js</code> line if it is stripped, and give the iframe a fixed <code>height</code>, e.g. <code>style="width:100%;height:900px;border:0"</code>).</li>
</ol>
<h3>Google Sites</h3>
<ol>
<li>Google Sites runs embedded code in its own frame and drops script tags it cannot sandbox, so use the <strong>iframe</strong>: <strong>Insert → Embed → By URL</strong>, and paste <code>${escapeHtml(server)}/embed/survey/SURVEY-ID</code> (or another widget's address).</li>
<li>Choose <strong>Whole page</strong>, insert, then drag the box's handles to the height the widget needs (Google Sites does not let the frame resize itself).</li>
<li>Add <code>?lang=es</code> to the address for Spanish, <code>?theme=dark</code> or <code>?theme=high-contrast</code> for another look.</li>
</ol>

<h2>Iframe options</h2>
<table><caption>Query and fragment of <code>/embed/&lt;widget&gt;/&lt;id&gt;</code></caption>
<thead><tr><th scope="col">option</th><th scope="col">meaning</th></tr></thead>
<tbody>
<tr><td><code>?lang=es</code></td><td>language of the page and the widget (${escapeHtml('en, es, hmn, vi, so, ar, zh-Hans, ht')}); <code>ar</code> reads right to left</td></tr>
<tr><td><code>?theme=</code></td><td>${EMBED_THEMES.map((t) => `<code>${t}</code>`).join(', ')} (default light, on a transparent background)</td></tr>
<tr><td><code>?accent=%230b5cad</code></td><td>accent colour of buttons and links (hex, with <code>#</code> written <code>%23</code>)</td></tr>
<tr><td><code>?embedId=</code></td><td>echoed in the frame's <code>{type: "tandem:resize", embedId, height}</code> messages, for pages that resize frames themselves</td></tr>
<tr><td><code>#identity=TOKEN</code></td><td>a family identity token signed by your site. Always in the fragment, never the query: a fragment never reaches a server log. The frame removes it from its address once read.</td></tr>
</tbody></table>
<p>The frame sends its height to the parent page with <code>postMessage</code> whenever it changes, also as <code>{subject: "lti.frameResize", height}</code> for learning management systems. <code>tandem-frame.js</code> applies it to every <code>iframe[data-tandem-embed]</code>, only when the message comes from that iframe's own window and from the origin its <code>src</code> names.</p>
<p>Browsers that block third-party storage (Safari, private windows, Chromium's newest defaults) give a frame from another site no offline storage: answers typed offline are still sent when the connection returns, but only while the page stays open. The script embed, or a frame on the same registrable domain as your site, keeps them across visits.</p>
<p>Any site may frame these pages until your organization lists its own: an organization administrator adds them in the staff console under <strong>Settings → Sites allowed to embed your content</strong>. Then only those sites may frame your widgets or call the public API from a browser. Without such a list, the server's operator may set a default with <code>TANDEM_FRAME_ANCESTORS</code> (for example <code>https://www.district.org https://lms.district.org</code>).</p>

${table('Theme tokens every widget reads (set them on the element or any ancestor)', base?.cssProperties, true)}

${sections}
</main>
</body>
</html>
`;
}

const DOCS_CSS = `body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1a1a1a; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
h1 { font-size: 2rem; } h2 { margin-top: 2.5rem; border-top: 1px solid #ccc; padding-top: 1rem; }
pre { background: #f4f5f7; border: 1px solid #d5d8de; border-radius: 6px; padding: .75rem 1rem; overflow-x: auto; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: start; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #d5d8de; padding: .35rem .5rem; text-align: start; vertical-align: top; }
th { background: #f4f5f7; }
.note { background: #fff8e1; border-inline-start: 4px solid #b7791f; padding: .5rem .75rem; }
a { color: #0b5cad; }
`;

const DOCS_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function registerEmbedDocs(app: FastifyInstance, options: { packagesDir?: string } = {}): void {
  const packagesDir = options.packagesDir ?? DEFAULT_PACKAGES_DIR;
  app.get('/docs/embed', { schema: { hide: true } }, (request, reply) => {
    // Only shown in the snippets, escaped; a forged Host header changes nothing but the sender's own copy.
    const server = `${request.protocol}://${request.host}`;
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', DOCS_POLICY)
      .header('cache-control', 'no-cache')
      .send(renderEmbedDocs(server, packagesDir));
  });
  app.get('/docs/embed.css', { schema: { hide: true } }, (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(DOCS_CSS),
  );
}
