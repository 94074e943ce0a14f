// Host sites for embed tests: pages on another site that frame Tandem's iframe pages or load /tandem.js under their own CSP,
// plus a watch on Content-Security-Policy violations in every frame.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.js';
import { freePort } from './server.js';

/** What a school webmaster pastes per widget; `sandbox` is the strictest set the widgets work with. */
export const EMBED_SANDBOX = 'allow-scripts allow-forms allow-same-origin allow-popups';

/**
 * Serves `pages` (path → { html, headers?, type? }) from its own origin. By default it is named `localhost` while
 * the Tandem server is 127.0.0.1, so the two are different sites, not only different origins: the browser treats
 * the frames as a real third party. `sameSite` names it 127.0.0.1 instead, as when www.district.org frames
 * tandem.district.org. `host: '127.0.0.2'` gives a third site (another school's), still a secure context as
 * every loopback address is.
 */
export async function startHostSite(pages, { sameSite = false, host = sameSite ? '127.0.0.1' : 'localhost' } = {}) {
  const server = createServer((request, response) => {
    const path = request.url.split('?')[0];
    const page = pages[path];
    if (page) {
      response.writeHead(200, {
        'content-type': page.type ?? 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...(page.headers ?? {}),
      });
      response.end(page.html);
    } else if (path === '/favicon.ico') {
      response.writeHead(204);
      response.end();
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Not found');
    }
  });
  const port = await freePort();
  const address = host === 'localhost' ? '127.0.0.1' : host;
  await new Promise((resolve, reject) => server.listen(port, address, resolve).on('error', reject));
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (path = '/') => `${origin}${path}`,
    /** Adds or replaces a page while the site runs. */
    set(path, page) {
      pages[path] = page;
    },
    async stop() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A school page with one iframe per `frames` entry ({ src, title, id? }), and the auto-height helper unless `helper` is false. */
export function iframeHostPage(tandemOrigin, frames, { helper = true, extra = '' } = {}) {
  const iframes = frames
    .map(
      (frame) =>
        `<iframe data-tandem-embed${frame.id ? ` id="${frame.id}"` : ''} src="${frame.src}" title="${frame.title}" sandbox="${EMBED_SANDBOX}" loading="eager"></iframe>`,
    )
    .join('\n      ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Lincoln PTA – family tools</title>
    <link rel="stylesheet" href="/site.css">
    ${helper ? `<script src="${tandemOrigin}/tandem-frame.js" defer></script>` : ''}
  </head>
  <body>
    <h1>Lincoln PTA</h1>
    <main>
      ${iframes}
      ${extra}
    </main>
  </body>
</html>`;
}

/** The host site's own stylesheet: iframes as wide as the column, without a border. */
export const HOST_CSS = {
  type: 'text/css; charset=utf-8',
  html: 'body { font-family: Georgia, serif; max-width: 46rem; margin: 0 auto; padding: 1rem; } iframe { display: block; width: 100%; border: 0; margin-block: 1rem; }',
};

/**
 * Makes every frame of every page in `context` report CSP violations as console errors (which
 * `watchForProblems` collects), so a blocked script, style or Trusted Types sink fails the test.
 */
export async function reportCspViolations(context) {
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation in ${location.href}: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} ${event.sample ?? ''}`,
      );
    });
  });
}

/** The Playwright Frame whose URL starts with `prefix`, once it has loaded. */
export async function frameAt(page, prefix, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(
    `no frame at ${prefix}; frames: ${page
      .frames()
      .map((f) => f.url())
      .join(', ')}`,
  );
}

/** The iframe's rendered height on the host page, and the height of the document inside it. */
export async function heights(page, frame, iframeSelector) {
  const outer = await page.locator(iframeSelector).evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  return { outer, inner };
}

/** Waits until the iframe is as tall as its content (within a pixel), and returns that height. */
export async function waitForFit(page, frame, iframeSelector, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await heights(page, frame, iframeSelector);
    if (last.inner > 0 && Math.abs(last.outer - last.inner) <= 1) return last.outer;
    await page.waitForTimeout(100);
  }
  throw new Error(`${iframeSelector} did not fit its content: ${JSON.stringify(last)}`);
}

/**
 * Chromium features Playwright 1.65 turns off (its `--disable-features` list), minus `ThirdPartyStoragePartitioning`.
 * Chrome has partitioned third-party storage by default since version 115, so with Playwright's list a cross-site
 * frame gets no IndexedDB or localStorage at all (this Chromium blocks unpartitioned third-party cookies, and
 * without partitions storage follows them). Chromium keeps the last `--disable-features` it is given, so this
 * list replaces Playwright's.
 */
const FEATURES_PLAYWRIGHT_DISABLES_EXCEPT_PARTITIONING = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/**
 * A family's own browser: a profile on disk (not Playwright's off-the-record contexts) with Chromium's shipped
 * storage defaults, so a frame from another site gets storage partitioned by the top-level site, as in Chrome.
 * `close()` also deletes the profile.
 */
export async function launchFamilyBrowser(contextOptions = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'tandem-family-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, `--disable-features=${FEATURES_PLAYWRIGHT_DISABLES_EXCEPT_PARTITIONING.join(',')}`],
    ...contextOptions,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * What a frame keeps in IndexedDB: entries waiting in the outbox and saved lesson copies, or `null` where the
 * frame has no IndexedDB. Only peeks: a database the widgets have not created is counted as 0, never created.
 */
export function storedInFrame(frame) {
  return frame.evaluate(async () => {
    let names;
    try {
      names = (await indexedDB.databases()).map((d) => d.name);
    } catch {
      return null;
    }
    const count = (name, store) =>
      names.includes(name)
        ? new Promise((resolve, reject) => {
            const open = indexedDB.open(name);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains(store)) {
                db.close();
                resolve(0);
                return;
              }
              const request = db.transaction(store).objectStore(store).count();
              request.onerror = () => reject(request.error);
              request.onsuccess = () => {
                db.close();
                resolve(request.result);
              };
            };
          })
        : 0;
    return { outbox: await count('tandem-outbox', 'entries'), lessons: await count('tandem-lessons', 'copies') };
  });
}
