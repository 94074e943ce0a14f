// An organization that lists the sites allowed to embed its widgets: a page on a listed site frames the survey
// and calls the public API; a page on another site can do neither (the frame is refused by the embed page's
// frame-ancestors, the API call by a 403 without a CORS grant). Emptying the list lets any site in again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SURVEY_ID, startServer } from './support/server.js';
import { launchBrowser } from './support/browser.js';
import { HOST_CSS, iframeHostPage, startHostSite } from './support/embed.js';

let server;
let browser;
let allowedSite;
let otherSite;

/** A school page that frames the survey and asks the public API for it itself, writing what happened. */
function hostPage(tandemOrigin) {
  const frame = { src: `${tandemOrigin}/embed/survey/${SURVEY_ID}`, title: 'Family survey' };
  const probe = `<output id="api">pending</output>
      <script>
        fetch(${JSON.stringify(`${tandemOrigin}/api/v1/public/surveys/${SURVEY_ID}`)})
          .then((response) => { document.getElementById('api').textContent = 'status ' + response.status; })
          .catch(() => { document.getElementById('api').textContent = 'blocked'; });
      </script>`;
  return { html: iframeHostPage(tandemOrigin, [frame], { helper: false, extra: probe }) };
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  allowedSite = await startHostSite({ '/site.css': HOST_CSS });
  otherSite = await startHostSite({ '/site.css': HOST_CSS }, { host: '127.0.0.2' });
  for (const site of [allowedSite, otherSite]) site.set('/', hostPage(server.origin));
});

after(async () => {
  await browser?.close();
  await allowedSite?.stop();
  await otherSite?.stop();
  await server?.stop();
});

async function setOrigins(origins) {
  const response = await server.staff('/api/v1/organization/embed-origins', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ origins }),
  });
  const body = await response.text();
  assert.equal(response.status, 200, body);
  return JSON.parse(body).origins;
}

/** Opens `site`'s page and reports what a visitor gets: whether the survey rendered in the frame, and what the page's own API call got. */
async function visit(site) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  try {
    await page.goto(site.url('/'));
    await page.waitForFunction(() => document.getElementById('api')?.textContent !== 'pending', null, { timeout: 15_000 });
    const api = await page.locator('#api').textContent();
    // A framed survey renders its form; a refused frame never gets the page (Chromium shows its own error page).
    const deadline = Date.now() + 20_000;
    let rendered = false;
    let seen = '';
    while (Date.now() < deadline && !rendered) {
      const frame = page.frames().find((f) => f.url().startsWith(`${server.origin}/embed/survey/`));
      rendered = frame
        ? await frame.evaluate(() => !!document.querySelector('tandem-survey')?.shadowRoot?.querySelector('form')).catch(() => false)
        : false;
      seen = page
        .frames()
        .map((f) => f.url())
        .join(', ');
      if (!rendered) await page.waitForTimeout(200);
    }
    consoleLines.push(`frames: ${seen}`);
    return { api, rendered, consoleLines };
  } finally {
    await context.close();
  }
}

test('only the listed site frames the survey and calls the public API; an empty list lets every site in', async () => {
  assert.deepEqual(await setOrigins([allowedSite.origin]), [allowedSite.origin]);

  const listed = await visit(allowedSite);
  assert.equal(listed.api, 'status 200', 'the listed site calls the API');
  assert.equal(listed.rendered, true, `the listed site shows the survey in its frame: ${listed.consoleLines.join(' | ')}`);

  const other = await visit(otherSite);
  assert.equal(other.api, 'blocked', 'the browser withholds the API answer from another site');
  assert.equal(other.rendered, false, 'another site gets no survey in its frame');
  assert.ok(
    other.consoleLines.some((line) => line.includes('frame-ancestors')),
    `the browser names the refusal: ${other.consoleLines.join(' | ')}`,
  );
  // What the browser was refused is a 403 problem naming the district, without a CORS grant.
  const direct = await fetch(`${server.origin}/api/v1/public/surveys/${SURVEY_ID}`, { headers: { origin: otherSite.origin } });
  assert.equal(direct.status, 403);
  assert.equal(direct.headers.get('access-control-allow-origin'), null);
  assert.match((await direct.json()).detail, /^This site is not allowed to embed .+ content\.$/);
  // A server (no Origin) still reads it.
  assert.equal((await fetch(`${server.origin}/api/v1/public/surveys/${SURVEY_ID}`)).status, 200);

  assert.deepEqual(await setOrigins([]), []);
  const reopened = await visit(otherSite);
  assert.equal(reopened.api, 'status 200');
  assert.equal(reopened.rendered, true, reopened.consoleLines.join(' | '));
});
