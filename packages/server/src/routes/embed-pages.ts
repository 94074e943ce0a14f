/**
 * Iframe pages for sites that strip scripts (`/embed/<widget>/<id>`) and the family sign-in page: one
 * minimal HTML shell per widget, under a CSP that allows nothing but this server's own files.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isRtl, matchSupportedLocale } from '@tandem/protocol';
import type { FastifyInstance, FastifyReply, RouteShorthandOptions } from 'fastify';
import { SHORT_CACHE } from './assets.js';

/** What may appear in a widget id, an organization slug or a filter value: the API's own id shape. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const COLOUR = /^#[0-9a-f]{3,8}$/i;
export const EMBED_THEMES = ['light', 'dark', 'high-contrast'] as const;

interface EmbedWidget {
  tag: string;
  /** The entry under widgets/ (as named in rollup.config.js). */
  bundle: string;
  /** The element attribute the id in the path fills. */
  idAttribute: string;
  /** A short page title; the embedding page's iframe `title` is what screen readers announce. */
  title: string;
  /** Query parameters passed on to the element as attributes of the same name (values must match ID). */
  passThrough?: readonly string[];
  /** Optional query parameters that hold a language tag. */
  localeAttributes?: readonly string[];
}

export const EMBED_WIDGETS: Readonly<Record<string, EmbedWidget>> = {
  survey: { tag: 'tandem-survey', bundle: 'survey', idAttribute: 'survey', title: 'Family survey', localeAttributes: ['bilingual'] },
  'event-rsvp': { tag: 'tandem-event-rsvp', bundle: 'event-rsvp', idAttribute: 'event', title: 'Event RSVP' },
  'resource-card': { tag: 'tandem-resource-card', bundle: 'resource-card', idAttribute: 'resource', title: 'Family resource' },
  // `/embed/resource-list/<school id>`, or `…/<organization slug>?scope=organization` for a whole district.
  'resource-list': {
    tag: 'tandem-resource-list',
    bundle: 'resource-list',
    idAttribute: 'school',
    title: 'Family resources',
    passThrough: ['category'],
    localeAttributes: ['language'],
  },
  'lesson-viewer': {
    tag: 'tandem-lesson-viewer',
    bundle: 'lesson-viewer',
    idAttribute: 'lesson',
    title: 'Lesson',
    localeAttributes: ['bilingual'],
  },
  'message-box': { tag: 'tandem-message-box', bundle: 'message-box', idAttribute: 'school', title: 'Messages', passThrough: ['student'] },
};

export interface EmbedPagesOptions {
  /** Folder with the built bundles (`embed-frame.js`, `tandem-frame.js`, `widgets/`). */
  assetsDir: string;
  /**
   * Origins allowed to frame these pages (CSP `frame-ancestors`); default `TANDEM_FRAME_ANCESTORS`
   * (space- or comma-separated), else any site: the widgets are public and meant to be embedded anywhere.
   */
  frameAncestors?: string[];
  /**
   * The `frame-ancestors` of one page when its organization lists the sites allowed to embed it
   * (`'self'` and those sites), else undefined for the default above. `widget` is `sign-in` for the
   * family sign-in page, whose id is the school.
   */
  frameAncestorsFor?: (widget: string, id: string, query: Record<string, string | undefined>) => Promise<string[] | undefined>;
}

/** The policy of every embed page: the page's own scripts and styles, the API, images from anywhere. */
export function embedPagePolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: https:",
    // Lessons may link recorded audio from another site.
    "media-src 'self' https:",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : '*'}`,
    "require-trusted-types-for 'script'",
  ].join('; ');
}

function frameAncestorsFromEnv(): string[] {
  const raw = process.env.TANDEM_FRAME_ANCESTORS ?? '';
  return raw.split(/[\s,]+/).filter((origin) => /^(https?:\/\/[^\s;,]+|'self'|'none'|\*)$/.test(origin));
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Shell {
  /** Relative path from the page to the server root, so the pages work behind a path prefix too. */
  root: string;
  title: string;
  lang: string;
  theme: string;
  body: string;
  /** Widget bundle under widgets/, if any. */
  bundle?: string;
}

/** The empty `data:` icon spares browsers a /favicon.ico request on the top-level sign-in page. */
function renderShell({ root, title, lang, theme, body, bundle }: Shell): string {
  // The frame script comes first: module scripts run in document order, so the widget starts with its identity set.
  const scripts = bundle
    ? `<script type="module" src="${root}embed-frame.js"></script>\n<script type="module" src="${root}widgets/${bundle}.js"></script>\n`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${isRtl(lang) ? 'rtl' : 'ltr'}" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}embed-frame.css">
${scripts}</head>
<body>
${body}
</body>
</html>
`;
}

type Query = Record<string, string | undefined>;

/** The page's language (`?lang=`, a supported locale), else English for the page shell: the widget still follows the family's choice. */
function pageLang(query: Query): { lang: string; explicit: boolean } {
  const matched = matchSupportedLocale(query.lang);
  return matched ? { lang: matched, explicit: true } : { lang: 'en', explicit: false };
}

function pageTheme(query: Query): string {
  return (EMBED_THEMES as readonly string[]).includes(query.theme ?? '') ? query.theme! : 'light';
}

/** Why a query cannot be served, or undefined when it can. */
function queryProblem(query: Query): string | undefined {
  // A token in the query reaches server logs, proxies and Referer headers; the fragment never leaves the browser.
  if ('identity' in query || 'identity-token' in query) {
    return 'An identity token must never be put in the address query. Pass it in the fragment instead: …#identity=TOKEN';
  }
  if (query.accent !== undefined && !COLOUR.test(query.accent)) return '`accent` must be a hex colour such as #0b5cad.';
  if (query.embedId !== undefined && !ID.test(query.embedId)) return '`embedId` may hold letters, digits, - and _ (at most 64).';
  return undefined;
}

function sendPage(reply: FastifyReply, status: number, html: string, policy: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', policy)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', status === 200 ? SHORT_CACHE : 'no-store')
    .send(html);
}

/** Page text for a request the server cannot serve, in the same shell (and under the same policy). */
function problemPage(root: string, heading: string, detail: string): string {
  return renderShell({
    root,
    title: heading,
    lang: 'en',
    theme: 'light',
    body: `<main class="tandem-embed-problem"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(detail)}</p></main>`,
  });
}

/** Per route, helmet leaves framing to the CSP and lets any site's page (even one with COEP) load the frame. */
const framable: RouteShorthandOptions = {
  schema: { hide: true },
  helmet: { xFrameOptions: false, crossOriginResourcePolicy: { policy: 'cross-origin' }, referrerPolicy: { policy: 'no-referrer' } },
};

export function registerEmbedPages(app: FastifyInstance, options: EmbedPagesOptions): void {
  const policy = embedPagePolicy(options.frameAncestors ?? frameAncestorsFromEnv());
  /** The organization's own policy for a page that names its content, else the server-wide one. */
  const policyFor = async (widget: string, id: string, query: Query) => {
    const ancestors = options.frameAncestorsFor ? await options.frameAncestorsFor(widget, id, query) : undefined;
    return ancestors ? embedPagePolicy(ancestors) : policy;
  };

  app.get<{ Params: { widget: string; id: string }; Querystring: Query }>('/embed/:widget/:id', framable, async (request, reply) => {
    const root = '../../';
    const widget = Object.hasOwn(EMBED_WIDGETS, request.params.widget) ? EMBED_WIDGETS[request.params.widget] : undefined;
    if (!widget) {
      const known = Object.keys(EMBED_WIDGETS).join(', ');
      return sendPage(reply, 404, problemPage(root, 'No such widget', `Tandem embeds these widgets: ${known}.`), policy);
    }
    const { id } = request.params;
    if (!ID.test(id)) {
      return sendPage(reply, 404, problemPage(root, 'Not found', 'An id holds letters, digits, - and _ (at most 64).'), policy);
    }
    const query = request.query;
    const problem = queryProblem(query);
    if (problem) return sendPage(reply, 400, problemPage(root, 'This embed address is not valid', problem), policy);

    const attributes: [string, string][] = [];
    const idAttribute = widget.tag === 'tandem-resource-list' && query.scope === 'organization' ? 'organization' : widget.idAttribute;
    attributes.push([idAttribute, id]);
    for (const name of widget.passThrough ?? []) {
      const value = query[name];
      if (value !== undefined && ID.test(value)) attributes.push([name, value]);
    }
    for (const name of widget.localeAttributes ?? []) {
      const value = matchSupportedLocale(query[name]);
      if (value) attributes.push([name, value]);
    }
    const { lang, explicit } = pageLang(query);
    if (explicit) attributes.push(['lang', lang]);
    return sendPage(
      reply,
      200,
      renderShell({
        root,
        title: widget.title,
        lang,
        theme: pageTheme(query),
        bundle: widget.bundle,
        body: element(widget.tag, attributes),
      }),
      await policyFor(request.params.widget, id, query),
    );
  });

  // Sign-in emails link here (`/family/sign-in#tandem-sign-in=TOKEN`); the message box redeems the fragment itself.
  app.get<{ Querystring: Query }>('/family/sign-in', framable, async (request, reply) => {
    const root = '../';
    const query = request.query;
    const problem = queryProblem(query);
    if (problem) return sendPage(reply, 400, problemPage(root, 'This sign-in address is not valid', problem), policy);
    const attributes: [string, string][] = [];
    if (query.school !== undefined && ID.test(query.school)) attributes.push(['school', query.school]);
    const { lang, explicit } = pageLang(query);
    if (explicit) attributes.push(['lang', lang]);
    const body = `<main class="tandem-sign-in">\n${element('tandem-message-box', attributes)}\n</main>`;
    return sendPage(
      reply,
      200,
      renderShell({ root, title: 'Family messages – sign in', lang, theme: pageTheme(query), bundle: 'message-box', body }),
      query.school !== undefined && ID.test(query.school) ? await policyFor('sign-in', query.school, query) : policy,
    );
  });

  app.get('/embed-frame.css', { schema: { hide: true } }, (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', SHORT_CACHE)
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(FRAME_CSS),
  );

  // The in-frame script and the host pages' auto-height helper, from the same build folder as /tandem.js.
  for (const file of ['embed-frame.js', 'tandem-frame.js']) {
    app.get(`/${file}`, { schema: { hide: true } }, (_request, reply) => {
      if (!existsSync(join(options.assetsDir, file))) {
        reply.code(404).header('content-type', 'text/plain; charset=utf-8');
        return reply.send(`${file} is not built: run \`npm run build\`.`);
      }
      reply.header('cache-control', SHORT_CACHE);
      reply.header('access-control-allow-origin', '*');
      reply.header('cross-origin-resource-policy', 'cross-origin');
      return reply.sendFile(file, options.assetsDir, { cacheControl: false });
    });
  }
}

function element(tag: string, attributes: [string, string][]): string {
  const attrs = attributes.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  // `data-tandem-widget` is how the frame script finds the element to hand the identity to.
  return `<${tag} data-tandem-widget${attrs}></${tag}>\n<noscript>This needs JavaScript. Please open it in a browser with JavaScript turned on.</noscript>`;
}

/**
 * The frame's only stylesheet. The page cannot inherit the host's font or colours, so it picks readable
 * system defaults; `?theme=` switches the widget tokens (see packages/core/src/base-styles.ts) as a set.
 * The light theme keeps a transparent background so the frame blends into a light host page.
 */
export const FRAME_CSS = `html {
  color-scheme: light;
  color: #1a1a1a;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
/* Room for focus rings at the frame's edges; no margin, so the reported height is the content's. */
body { margin: 0; padding: 6px; }
html[data-theme="dark"] {
  color-scheme: dark;
  background: #121212;
  color: #ececec;
  --tandem-accent: #8ab4f8;
  --tandem-on-accent: #0b1220;
  --tandem-focus: #8ab4f8;
  --tandem-error: #ff8a80;
  --tandem-success: #81e6a6;
  --tandem-warning: #ffcc80;
}
html[data-theme="high-contrast"] {
  color-scheme: dark;
  background: #000;
  color: #fff;
  --tandem-accent: #ffff00;
  --tandem-on-accent: #000;
  --tandem-focus: #00ffff;
  --tandem-border: #fff;
  --tandem-muted-text: #fff;
  --tandem-error: #ff8080;
  --tandem-success: #5cff8f;
  --tandem-warning: #ffd24d;
}
.tandem-embed-problem { max-width: 40rem; }
.tandem-embed-problem h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
.tandem-embed-problem p { margin: 0; }
`;
