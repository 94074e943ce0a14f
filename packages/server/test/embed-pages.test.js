// The iframe pages (/embed/<widget>/<id>) and the family sign-in page as a school site and a browser see them: markup, headers, CSP.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../dist/index.js';
import { renderEmbedDocs } from '../dist/routes/embed-docs.js';
import { databaseTargets, startApp } from './helpers.js';

const [sqliteTarget] = databaseTargets();

/** Every widget page, with the element and id attribute it must carry. */
const PAGES = [
  ['survey', 'lincoln-family-survey', 'tandem-survey', 'survey'],
  ['event-rsvp', 'lincoln-family-math-night', 'tandem-event-rsvp', 'event'],
  ['resource-card', 'lincoln-res-food-shelf', 'tandem-resource-card', 'resource'],
  ['resource-list', 'lincoln-elementary', 'tandem-resource-list', 'school'],
  ['lesson-viewer', 'lincoln-bedtime-reading', 'tandem-lesson-viewer', 'lesson'],
  ['message-box', 'lincoln-elementary', 'tandem-message-box', 'school'],
];

/** The CSP as a map of directive → value. */
function policyOf(response) {
  const header = response.headers['content-security-policy'];
  assert.ok(header, 'the page carries a Content-Security-Policy');
  return Object.fromEntries(
    header.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

function assertStrictPage(response) {
  const policy = policyOf(response);
  assert.equal(policy['default-src'], "'none'");
  assert.equal(policy['script-src'], "'self'");
  assert.equal(policy['style-src'], "'self'");
  assert.equal(policy['connect-src'], "'self'");
  assert.equal(policy['img-src'], "'self' data: https:");
  assert.equal(policy['base-uri'], "'none'");
  assert.equal(policy['form-action'], "'self'");
  assert.equal(policy['require-trusted-types-for'], "'script'");
  assert.doesNotMatch(response.headers['content-security-policy'], /unsafe-(inline|eval)/);
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['referrer-policy'], 'no-referrer');
  // Framing is governed by frame-ancestors alone; an X-Frame-Options header would block every other site.
  assert.equal(response.headers['x-frame-options'], undefined);
  assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
  assert.match(response.headers['content-type'], /^text\/html; charset=utf-8/);
  // Nothing inline that the policy would have to allow.
  assert.doesNotMatch(response.body, /<script(?![^>]*\ssrc=)[^>]*>/);
  assert.doesNotMatch(response.body, /<style|\sstyle=|\son[a-z]+=/i);
}

describe('embed pages', () => {
  let ctx;
  let assetsDir;
  before(async () => {
    // A stand-in build folder: the routes serve whatever the build put there.
    const dir = mkdtempSync(join(tmpdir(), 'tandem-embed-assets-'));
    mkdirSync(join(dir, 'widgets'), { recursive: true });
    writeFileSync(join(dir, 'tandem.js'), '// loader');
    writeFileSync(join(dir, 'embed-frame.js'), '// frame script');
    writeFileSync(join(dir, 'tandem-frame.js'), '// host helper');
    assetsDir = dir;
    ctx = await startApp(sqliteTarget, { assetsDir });
  });
  after(async () => {
    await ctx.close();
    rmSync(assetsDir, { recursive: true, force: true });
  });

  for (const [widget, id, tag, attribute] of PAGES) {
    it(`/embed/${widget}/<id> hosts <${tag} ${attribute}> under a strict CSP`, async () => {
      const response = await ctx.app.inject({ url: `/embed/${widget}/${id}` });
      assert.equal(response.statusCode, 200);
      assertStrictPage(response);
      assert.equal(policyOf(response)['frame-ancestors'], '*', 'any school site may frame a public widget');
      assert.match(response.body, new RegExp(`<${tag} data-tandem-widget ${attribute}="${id}"></${tag}>`));
      // Relative URLs, so the page also works behind a reverse proxy's path prefix.
      assert.match(response.body, /<script type="module" src="\.\.\/\.\.\/embed-frame\.js"><\/script>/);
      assert.match(response.body, new RegExp(`<script type="module" src="\\.\\./\\.\\./widgets/${widget}\\.js"></script>`));
      assert.ok(response.body.indexOf('embed-frame.js') < response.body.indexOf(`widgets/${widget}.js`), 'the frame script runs first');
      assert.match(response.body, /<html lang="en" dir="ltr" data-theme="light">/);
    });
  }

  it('sets language and direction from ?lang=, for the page and the widget', async () => {
    const arabic = await ctx.app.inject({ url: '/embed/survey/lincoln-family-survey?lang=ar' });
    assert.match(arabic.body, /<html lang="ar" dir="rtl"/);
    assert.match(arabic.body, /<tandem-survey data-tandem-widget survey="lincoln-family-survey" lang="ar">/);

    const mexican = await ctx.app.inject({ url: '/embed/survey/lincoln-family-survey?lang=es-MX' });
    assert.match(mexican.body, /<html lang="es" dir="ltr"/, 'a regional tag maps to the locale that serves it');

    // A language Tandem does not speak leaves the choice to the widget (family's choice, browser).
    const klingon = await ctx.app.inject({ url: '/embed/survey/lincoln-family-survey?lang=tlh%22%3E%3Cscript%3E' });
    assert.equal(klingon.statusCode, 200);
    assert.match(klingon.body, /<html lang="en" dir="ltr"/);
    assert.doesNotMatch(klingon.body, / lang="tlh/);
    assert.doesNotMatch(klingon.body, /<script>/);
  });

  it('applies a known theme and ignores an unknown one', async () => {
    for (const theme of ['dark', 'high-contrast', 'light']) {
      const response = await ctx.app.inject({ url: `/embed/event-rsvp/lincoln-family-math-night?theme=${theme}` });
      assert.match(response.body, new RegExp(`data-theme="${theme}"`));
    }
    const unknown = await ctx.app.inject({ url: '/embed/event-rsvp/lincoln-family-math-night?theme=%22%20onload%3D' });
    assert.match(unknown.body, /data-theme="light"/);
  });

  it('passes only known, well-formed options on to the widget', async () => {
    const org = await ctx.app.inject({
      url: '/embed/resource-list/lincoln?scope=organization&category=food&language=es&q=ignored',
    });
    assert.match(org.body, /<tandem-resource-list data-tandem-widget organization="lincoln" category="food" language="es">/);
    const bad = await ctx.app.inject({ url: '/embed/resource-list/lincoln-elementary?category=%3Cb%3E&language=nope!' });
    assert.match(bad.body, /<tandem-resource-list data-tandem-widget school="lincoln-elementary"><\/tandem-resource-list>/);
    const bilingual = await ctx.app.inject({ url: '/embed/lesson-viewer/lincoln-kitchen-math?bilingual=hmn&lang=en' });
    assert.match(bilingual.body, /<tandem-lesson-viewer data-tandem-widget lesson="lincoln-kitchen-math" bilingual="hmn" lang="en">/);
    const student = await ctx.app.inject({ url: '/embed/message-box/lincoln-elementary?student=maya-2' });
    assert.match(student.body, /<tandem-message-box data-tandem-widget school="lincoln-elementary" student="maya-2">/);
  });

  it('answers an unknown widget or a malformed id with a 404 page under the same policy', async () => {
    const unknown = await ctx.app.inject({ url: '/embed/guestbook/lincoln' });
    assert.equal(unknown.statusCode, 404);
    assertStrictPage(unknown);
    assert.match(unknown.body, /No such widget/);
    assert.match(unknown.body, /survey, event-rsvp, resource-card, resource-list, lesson-viewer, message-box/);
    assert.doesNotMatch(unknown.body, /widgets\//, 'no widget code on an error page');

    for (const id of ['..%2F..%2Ftandem.js', 'a%20b', '-leading-dash', 'x'.repeat(65), '%3Cscript%3E']) {
      const response = await ctx.app.inject({ url: `/embed/survey/${id}` });
      assert.equal(response.statusCode, 404, id);
      assert.doesNotMatch(response.body, /<tandem-survey/, id);
    }
    const proto = await ctx.app.inject({ url: '/embed/__proto__/x' });
    assert.equal(proto.statusCode, 404);
  });

  it('refuses an identity token in the query: it belongs in the fragment', async () => {
    for (const name of ['identity', 'identity-token']) {
      const response = await ctx.app.inject({ url: `/embed/survey/lincoln-family-survey?${name}=eyJhbGciOi.x.y` });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /#identity=TOKEN/);
      assert.doesNotMatch(response.body, /eyJhbGciOi/, 'the token is not echoed back');
      assert.equal(response.headers['cache-control'], 'no-store');
    }
    const accent = await ctx.app.inject({ url: '/embed/survey/lincoln-family-survey?accent=red;x' });
    assert.equal(accent.statusCode, 400);
    const fine = await ctx.app.inject({ url: '/embed/survey/lincoln-family-survey?accent=%230b5cad&embedId=survey-1' });
    assert.equal(fine.statusCode, 200);
  });

  it('/family/sign-in hosts the message box in the same shell', async () => {
    const response = await ctx.app.inject({ url: '/family/sign-in?lang=es&school=lincoln-elementary' });
    assert.equal(response.statusCode, 200);
    assertStrictPage(response);
    assert.match(response.body, /<html lang="es" dir="ltr"/);
    assert.match(response.body, /<tandem-message-box data-tandem-widget school="lincoln-elementary" lang="es"><\/tandem-message-box>/);
    assert.match(response.body, /src="\.\.\/embed-frame\.js"/);
    assert.match(response.body, /src="\.\.\/widgets\/message-box\.js"/);
  });

  it('serves the frame stylesheet and both frame scripts to any site', async () => {
    const css = await ctx.app.inject({ url: '/embed-frame.css' });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['content-type'], /^text\/css/);
    assert.match(css.body, /html\[data-theme="dark"\]/);
    assert.match(css.body, /html\[data-theme="high-contrast"\]/);
    for (const [file, text] of [
      ['embed-frame.js', '// frame script'],
      ['tandem-frame.js', '// host helper'],
    ]) {
      const response = await ctx.app.inject({ url: `/${file}`, headers: { origin: 'https://school.example' } });
      assert.equal(response.statusCode, 200, file);
      assert.equal(response.body, text);
      assert.match(response.headers['content-type'], /javascript/);
      assert.equal(response.headers['access-control-allow-origin'], '*');
      assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
      assert.match(response.headers['cache-control'], /max-age=300/);
    }
  });
});

describe('embed pages with configured frame ancestors', () => {
  it('lists only the configured sites in frame-ancestors, and says so when the bundle is missing', async () => {
    const target = await sqliteTarget.create();
    const previous = process.env.TANDEM_FRAME_ANCESTORS;
    process.env.TANDEM_FRAME_ANCESTORS = 'https://lincoln.example.org, https://lms.example.edu bogus;value';
    try {
      const app = await buildApp({ database: target.config, rateLimitPerMinute: 0, assetsDir: join(target.dir, 'none') });
      try {
        const response = await app.inject({ url: '/embed/survey/lincoln-family-survey' });
        assert.equal(policyOf(response)['frame-ancestors'], 'https://lincoln.example.org https://lms.example.edu');
        const missing = await app.inject({ url: '/tandem-frame.js' });
        assert.equal(missing.statusCode, 404);
        assert.match(missing.body, /npm run build/);
      } finally {
        await app.close();
      }
    } finally {
      if (previous === undefined) delete process.env.TANDEM_FRAME_ANCESTORS;
      else process.env.TANDEM_FRAME_ANCESTORS = previous;
      await target.cleanup();
    }
  });
});

describe('/docs/embed', () => {
  let ctx;
  before(async () => (ctx = await startApp(sqliteTarget)));
  after(() => ctx.close());

  it('gives every widget a script and an iframe snippet for this server, and step-by-step notes per kind of site', async () => {
    const response = await ctx.app.inject({ url: '/docs/embed', headers: { host: 'tandem.lincoln.example' } });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'], /^text\/html/);
    assert.match(response.headers['content-security-policy'], /default-src 'none'/);
    const html = response.body;
    // The snippets as a webmaster copies them from the page.
    const shown = html
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    for (const [widget, , tag, attribute] of PAGES) {
      assert.match(html, new RegExp(`id="${widget}"`), `${widget} has a section`);
      assert.match(shown, new RegExp(`<${tag} ${attribute}="[A-Z-]+"></${tag}>`), `${widget} script snippet`);
      assert.match(
        shown,
        new RegExp(`<iframe data-tandem-embed src="http://tandem\\.lincoln\\.example/embed/${widget}/[A-Z-]+\\?lang=en"`),
        `${widget} iframe snippet`,
      );
    }
    assert.match(shown, /<script type="module" src="http:\/\/tandem\.lincoln\.example\/tandem\.js"><\/script>/);
    assert.match(shown, /<script src="http:\/\/tandem\.lincoln\.example\/tandem-frame\.js" defer><\/script>/);
    for (const heading of ['A plain HTML site', 'WordPress', 'Google Sites']) assert.match(html, new RegExp(`<h3>${heading}</h3>`));
    const css = await ctx.app.inject({ url: '/docs/embed.css' });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['content-type'], /^text\/css/);
  });

  it('lists attributes, events, custom properties and parts from the custom-elements manifest, escaped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-manifests-'));
    try {
      mkdirSync(join(dir, 'survey'));
      const declaration = {
        kind: 'class',
        name: 'TandemSurvey',
        customElement: true,
        tagName: 'tandem-survey',
        summary: 'Family feedback survey <b>bold</b>',
        attributes: [{ name: 'survey', description: 'Id of the survey, e.g. `demo`' }],
        events: [{ name: 'tandem-submitted', description: 'the answers reached the backend' }],
        cssProperties: [{ name: '--tandem-accent', default: '#1d4ed8', description: 'buttons' }],
        cssParts: [{ name: 'submit', description: 'the Send button' }],
      };
      writeFileSync(join(dir, 'survey', 'custom-elements.json'), JSON.stringify({ modules: [{ declarations: [declaration] }] }));
      const html = renderEmbedDocs('https://tandem.example', dir);
      const survey = html.slice(html.indexOf('<section id="survey"'), html.indexOf('</section>', html.indexOf('<section id="survey"')));
      assert.match(survey, /Family feedback survey &lt;b&gt;bold&lt;\/b&gt;/);
      assert.match(survey, /<td><code>survey<\/code><\/td><td>Id of the survey, e\.g\. <code>demo<\/code><\/td>/);
      assert.match(survey, /<code>tandem-submitted<\/code>/);
      assert.match(survey, /<td><code>--tandem-accent<\/code><\/td><td><code>#1d4ed8<\/code><\/td>/);
      assert.match(survey, /<td><code>submit<\/code><\/td><td>the Send button<\/td>/);
      // A package whose manifest is not built says so instead of showing an empty reference.
      const rsvp = html.slice(html.indexOf('<section id="event-rsvp"'));
      assert.match(rsvp, /packages\/event-rsvp\/custom-elements\.json<\/code>, which is not built yet/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
