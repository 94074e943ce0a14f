// Screenshot regression: every widget looks pixel-for-pixel the same on a neutral page and on a page with hostile CSS.
//
// Widgets render in shadow roots and reset what a page could push into them through inheritance, so a
// bought theme's resets, all-caps, tiny root font size and `!important` utilities must not change a pixel.
// What a widget inherits on purpose (DESIGN.md: "inherit the host font and colours") is the same on both
// pages: the stage pins font family, weight, colour and background; everything else on the hostile page
// is as hostile as real school themes get. Both screenshots are decoded in the browser (createImageBitmap
// + canvas) and compared pixel by pixel, so no image library is needed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { freePort, repoRoot, startServer } from './support/server.js';
import { launchBrowser, waitForSurvey, watchForProblems } from './support/browser.js';
import { waitForRsvpForm } from './support/rsvp.js';

const SCREENSHOTS = process.env.TANDEM_SCREENSHOT_DIR ?? '/tmp';
const VIEWPORT = { width: 700, height: 900 };

/** A channel may differ by this much (anti-aliasing, sub-pixel text positioning) before the pixel counts as changed. */
const CHANNEL_TOLERANCE = 40;
/** Changed pixels allowed, as a share of the element's area: a leak (capitals, sizes, spacing, borders) changes far more. */
const CHANGED_SHARE = 0.0005;

/** Each widget's markup, and what it shows once its data has arrived. */
const WIDGETS = {
  survey: { markup: '<tandem-survey survey="lincoln-family-survey"></tandem-survey>', ready: waitForSurvey },
  'event-rsvp': { markup: '<tandem-event-rsvp event="lincoln-family-math-night"></tandem-event-rsvp>', ready: waitForRsvpForm },
  'resource-card': {
    markup: '<tandem-resource-card resource="lincoln-res-food-shelf"></tandem-resource-card>',
    ready: (page) => page.locator('tandem-resource-card [part~="name"]').waitFor(),
  },
  'resource-list': {
    markup: '<tandem-resource-list school="lincoln-elementary"></tandem-resource-list>',
    ready: (page) => page.locator('tandem-resource-list [part~="item"]').first().waitFor(),
  },
  'lesson-viewer': {
    markup: '<tandem-lesson-viewer lesson="lincoln-kitchen-math"></tandem-lesson-viewer>',
    ready: (page) => page.locator('tandem-lesson-viewer [part~="section"]').first().waitFor(),
  },
  'message-box': {
    markup: '<tandem-message-box></tandem-message-box>',
    ready: (page) => page.locator('tandem-message-box [part~="base"]').first().waitFor(),
    // Until the message box ships in the CDN bundle, there is nothing to screenshot.
    skip: !existsSync(join(repoRoot, 'packages/embed/dist/cdn/widgets/message-box.js')) && 'no message-box bundle in the CDN folder',
  },
};

/** The inheritance a widget takes from its page by design, identical on both pages. */
const STAGE = `
  #stage, #stage > * {
    font-family: 'DejaVu Sans', sans-serif !important;
    font-weight: 400 !important;
    color: #222 !important;
  }
  #stage { box-sizing: border-box !important; width: 600px !important; padding: 20px !important; background: #fff !important; }
`;

/** A "framework" of !important utilities and resets, on top of the demo's hostile bought theme. */
const FRAMEWORK = `
  html { font-size: 10px !important; }
  * { text-transform: uppercase !important; }
  body {
    letter-spacing: 0.15em !important; word-spacing: 0.4em !important; text-align: justify !important;
    text-indent: 2em !important; line-height: 0.9 !important; font-style: italic !important;
    font-variant: small-caps !important; white-space: pre-line !important; text-shadow: 1px 1px 0 #f0f !important;
    font-size: 1.1rem !important; direction: ltr !important;
  }
  h1, h2, h3, h4, p, ul, ol, li, label, legend, fieldset, button, input, select, textarea, a, span, div:not(#stage) {
    margin: 0 0 3rem !important; padding: 0.5rem !important; border: 3px solid #f0f !important;
    border-radius: 0 !important; font-size: 2rem !important; min-height: 60px !important;
  }
  input[type='radio'], input[type='checkbox'] { appearance: none !important; width: 4px !important; height: 4px !important; }
  svg { width: 100% !important; height: auto !important; fill: #f0f !important; }
  img { max-width: 10px !important; }
  *, *::before, *::after { box-sizing: content-box; }
`;

/** The body holds no whitespace: with the theme's `white-space: pre-line` it would become a blank line above the stage. */
function pageHtml({ backendOrigin, markup, hostile, stageColor }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${hostile ? 'Hostile' : 'Neutral'} host</title>
    <style>body { margin: 0; }</style>
    ${hostile ? `<link rel="stylesheet" href="/hostile-theme.css"><style>${FRAMEWORK}</style>` : ''}
    <style>${STAGE}${stageColor ? `#stage, #stage > * { color: ${stageColor} !important; }` : ''}</style>
    <script type="module" src="${backendOrigin}/tandem.js"></script>
  </head>
  <body><div id="stage">${markup}</div></body>
</html>`;
}

let server;
let host;
let browser;

/** The host pages, from their own origin: /<neutral|hostile>/<widget>[?color=…]. */
async function startHostPages(backendOrigin) {
  const hostileTheme = await readFile(join(repoRoot, 'demo', 'hostile-theme.css'), 'utf8');
  const http = createServer((request, response) => {
    const url = new URL(request.url, 'http://host');
    if (url.pathname === '/hostile-theme.css') {
      response.writeHead(200, { 'content-type': 'text/css' });
      return response.end(hostileTheme);
    }
    const [, mode, widget] = url.pathname.split('/');
    if (!WIDGETS[widget] || !['neutral', 'hostile'].includes(mode)) {
      response.writeHead(mode === 'favicon.ico' ? 204 : 404);
      return response.end();
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(
      pageHtml({ backendOrigin, markup: WIDGETS[widget].markup, hostile: mode === 'hostile', stageColor: url.searchParams.get('color') }),
    );
  });
  const port = await freePort();
  await new Promise((resolve, reject) => http.listen(port, '127.0.0.1', resolve).on('error', reject));
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => (http.closeAllConnections(), http.close(resolve))),
  };
}

before(async () => {
  server = await startServer();
  host = await startHostPages(server.origin);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
  await server?.stop();
});

/** Screenshots the widget once it shows its content and nothing is loading or moving any more. */
async function screenshotWidget(widget, path) {
  // A fresh context each time: nothing kept on the "device" (language, progress, answers) differs between the two.
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  try {
    await page.goto(new URL(path, host.url).href);
    await WIDGETS[widget].ready(page);
    await page.waitForLoadState('networkidle');
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    const png = await page.locator(`#stage > tandem-${widget}`).screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' });
    assert.deepEqual(problems, [], `no console errors or failed requests on ${path}`);
    return png;
  } finally {
    await context.close();
  }
}

/** Decodes both PNGs in the browser and counts pixels that differ; returns sizes, the count and a diff image. */
async function comparePngs(a, b) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    return await page.evaluate(
      async ([first, second, tolerance]) => {
        const decode = async (base64) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context2d = canvas.getContext('2d');
          context2d.drawImage(bitmap, 0, 0);
          return context2d.getImageData(0, 0, bitmap.width, bitmap.height);
        };
        const [x, y] = await Promise.all([decode(first), decode(second)]);
        const sizes = [`${x.width}×${x.height}`, `${y.width}×${y.height}`];
        if (x.width !== y.width || x.height !== y.height) return { sizes, changed: null, total: x.width * x.height };
        // The diff image: changed pixels magenta over a faded copy of the first screenshot.
        const diff = new ImageData(x.width, x.height);
        let changed = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          let delta = 0;
          for (let c = 0; c < 4; c++) delta = Math.max(delta, Math.abs(x.data[i + c] - y.data[i + c]));
          const hit = delta > tolerance;
          if (hit) changed++;
          diff.data.set(hit ? [255, 0, 255, 255] : [x.data[i], x.data[i + 1], x.data[i + 2], 60], i);
        }
        const canvas = new OffscreenCanvas(x.width, x.height);
        canvas.getContext('2d').putImageData(diff, 0, 0);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        const diffBytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (const byte of diffBytes) binary += String.fromCharCode(byte);
        return { sizes, changed, total: x.width * x.height, diffPng: btoa(binary) };
      },
      [a.toString('base64'), b.toString('base64'), CHANNEL_TOLERANCE],
    );
  } finally {
    await context.close();
  }
}

/** Screenshots `widget` on both pages; saves the pair (and the diff) for review; returns the comparison. */
async function neutralVersusHostile(widget, hostileQuery = '') {
  const neutral = await screenshotWidget(widget, `neutral/${widget}`);
  const hostile = await screenshotWidget(widget, `hostile/${widget}${hostileQuery}`);
  const result = await comparePngs(neutral, hostile);
  const name = `tandem-hostile-css-${widget}${hostileQuery ? '-control' : ''}`;
  await writeFile(join(SCREENSHOTS, `${name}-neutral.png`), neutral);
  await writeFile(join(SCREENSHOTS, `${name}-hostile.png`), hostile);
  if (result.diffPng) await writeFile(join(SCREENSHOTS, `${name}-diff.png`), Buffer.from(result.diffPng, 'base64'));
  return { ...result, files: join(SCREENSHOTS, `${name}-*.png`) };
}

for (const [widget, { skip }] of Object.entries(WIDGETS)) {
  test(`<tandem-${widget}> looks the same on a hostile page as on a neutral one`, { skip }, async (t) => {
    const { sizes, changed, total, files } = await neutralVersusHostile(widget);
    t.diagnostic(`${sizes[0]} vs ${sizes[1]}; ${changed ?? 'n/a'} of ${total} pixels differ`);
    assert.equal(sizes[1], sizes[0], `the hostile page changed the widget's size (neutral ${sizes[0]}, hostile ${sizes[1]}); see ${files}`);
    assert.ok(
      changed <= total * CHANGED_SHARE,
      `${changed} of ${total} pixels differ (allowed ${Math.floor(total * CHANGED_SHARE)}): host CSS leaks into the widget; see ${files}`,
    );
  });
}

// The comparison must be able to fail: a change that does reach the widget (its inherited text colour) is caught.
test('the comparison notices a page style that does reach the widget', async () => {
  const { sizes, changed, total } = await neutralVersusHostile('resource-card', '?color=%23b00020');
  assert.equal(sizes[1], sizes[0]);
  assert.ok(changed > total * CHANGED_SHARE, `a red text colour changed only ${changed} of ${total} pixels`);
});
