#!/usr/bin/env node
// Main-thread time to first render per widget (4× CPU slowdown) and layout shift after it, in headless Chromium.
//
// Method. Each widget is measured alone on a host page of its own, in a fresh browser context (cold HTTP
// cache), so its figure includes the loader, Lit and core, as the size budgets do: that is what the first
// widget on a school's page costs. The page first loads without Tandem and goes idle; then the bench reads
// Chrome's own main-thread accounting (CDP Performance.getMetrics `TaskDuration`: the summed duration of
// every task the renderer's main thread ran — script, style, layout, paint, GC), imports /tandem.js, and
// reads it again once the widget's first render is on screen (the element is defined, its first Lit
// update is complete, and a frame has been produced after it). The difference is the main-thread work the
// widget caused; waiting on the network costs no main-thread time, so a slow or fast server does not
// change it. The few tasks of the CDP round trip itself are measured with a no-op and subtracted.
// Long-task entries would miss every task under 50 ms, and a trace would need attributing by hand, which
// is why the renderer's own counter is used. Each figure is the median of RUNS runs.
//
// Layout shift: a PerformanceObserver (type `layout-shift`) runs from before the import; shifts after the
// first render, up to SETTLE_MS after the widget shows its content, are summed (CLS-style, excluding
// shifts right after input, of which there is none). Text below the widget makes a widget that grows
// after its first render show up as a shift of that text, as a family would see the page jump.
// A last row puts every widget on one page together.
// Functions handed to page.evaluate run in the browser:
/* global window, document, customElements, requestAnimationFrame */
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.js';
import { freePort, runCli, serverCli, startTandem, tandemEnv } from './servers.js';

const root = new URL('../../', import.meta.url).pathname;
const cdn = join(root, 'packages/embed/dist/cdn');

export const RENDER_BUDGET_MS = 30;
export const CPU_SLOWDOWN = 4;
const RUNS = 3;
/** How long after the content appeared late shifts (lazy chunks, fonts, translations) are still counted. */
const SETTLE_MS = 1500;

/** Each widget as the demo school embeds it, and what it shows once its data has arrived. */
const WIDGETS = [
  {
    name: 'survey',
    tag: 'tandem-survey',
    markup: '<tandem-survey survey="lincoln-family-survey"></tandem-survey>',
    content: '[part~="question"]',
  },
  {
    name: 'event-rsvp',
    tag: 'tandem-event-rsvp',
    markup: '<tandem-event-rsvp event="lincoln-family-math-night"></tandem-event-rsvp>',
    content: '[part~="submit"]',
  },
  {
    name: 'resource-card',
    tag: 'tandem-resource-card',
    markup: '<tandem-resource-card resource="lincoln-res-food-shelf"></tandem-resource-card>',
    content: '[part~="name"]',
  },
  {
    name: 'lesson-viewer',
    tag: 'tandem-lesson-viewer',
    markup: '<tandem-lesson-viewer lesson="lincoln-kitchen-math"></tandem-lesson-viewer>',
    content: '[part~="section"]',
  },
  {
    name: 'message-box',
    tag: 'tandem-message-box',
    markup: '<tandem-message-box></tandem-message-box>',
    // Signed out, the message box shows how to sign in; any rendered base part is its content.
    content: '[part~="base"]',
    optional: true,
  },
];

/** Widgets whose bundle is built and known to the loader (the message box joins once it ships). */
function availableWidgets() {
  const loader = readFileSync(join(cdn, 'tandem.js'), 'utf8');
  return WIDGETS.filter((w) => !w.optional || (existsSync(join(cdn, 'widgets', `${w.name}.js`)) && loader.includes(w.tag)));
}

/** A plain school page: a heading, the widget(s), and text below that would move if a widget changed size. */
function hostPage(widgets) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Render bench</title>
<style>body { font-family: sans-serif; max-width: 40rem; margin: 0 auto; padding: 1rem; } section { margin-block: 1rem; }</style></head>
<body><h1>Lincoln Elementary</h1>
${widgets.map((w) => `<section>${w.markup}</section><p class="below">Text below the ${w.name} widget.</p>`).join('\n')}
</body></html>`;
}

async function startHostServer(pages) {
  const server = createServer((request, response) => {
    const html = pages[new URL(request.url, 'http://host').pathname.slice(1)];
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html ?? '');
  });
  const port = await freePort();
  await new Promise((resolve, reject) => server.listen(port, '127.0.0.1', resolve).on('error', reject));
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))) };
}

/** Chrome's cumulative main-thread counters, in ms: every task, and the script and style+layout parts of them. */
async function counters(cdp) {
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value * 1000]));
  return { task: metrics.TaskDuration, script: metrics.ScriptDuration, styleLayout: metrics.RecalcStyleDuration + metrics.LayoutDuration };
}

const minus = (a, b) => ({ task: a.task - b.task, script: a.script - b.script, styleLayout: a.styleLayout - b.styleLayout });

/** One cold load of `page` (a host page path) measured as described at the top. */
async function measureOnce(browser, hostUrl, tandemBase, widgets) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Performance.enable');
    await page.goto(hostUrl, { waitUntil: 'load' });
    // Observe shifts from now on; let the page's own load work finish first.
    await page.evaluate(async () => {
      window.benchShifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (!entry.hadRecentInput) window.benchShifts.push({ at: entry.startTime, value: entry.value });
      }).observe({ type: 'layout-shift' });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });

    // The cost of one evaluate round trip (and a frame), to subtract.
    const before = await counters(cdp);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    const overhead = minus(await counters(cdp), before);
    const since = async (start) => minus(minus(await counters(cdp), start), overhead);

    const start = await counters(cdp);
    const firstRenderAt = await page.evaluate(
      async ([loader, tags]) => {
        import(loader);
        await Promise.all(
          tags.map(async (tag) => {
            await customElements.whenDefined(tag);
            await document.querySelector(tag).updateComplete;
          }),
        );
        // rAF runs before the frame's style, layout and paint; the timeout after it runs once they are done.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        return performance.now();
      },
      [new URL('tandem.js', tandemBase).href, widgets.map((w) => w.tag)],
    );
    const firstRender = await since(start);

    await page.waitForFunction(
      (list) => list.every(([tag, selector]) => document.querySelector(tag)?.shadowRoot?.querySelector(selector)),
      widgets.map((w) => [w.tag, w.content]),
      { polling: 100, timeout: 30_000 },
    );
    const content = await since(start);
    await page.waitForTimeout(SETTLE_MS);
    const shifts = await page.evaluate((after) => window.benchShifts.filter((s) => s.at >= after), firstRenderAt);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return {
      firstRenderMs: firstRender.task,
      scriptMs: firstRender.script,
      styleLayoutMs: firstRender.styleLayout,
      contentMs: content.task,
      layoutShift: shifts.reduce((sum, s) => sum + s.value, 0),
    };
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n, digits = 1) => Number(n.toFixed(digits));

/** Starts the built server on a fresh demo database, measures every widget, stops everything; returns the rows. */
export async function measureRender({ runs = RUNS } = {}) {
  if (!existsSync(serverCli)) throw new Error(`${serverCli} is missing: run \`npm run build\` first`);
  if (!existsSync(join(cdn, 'tandem.js'))) throw new Error(`${cdn}/tandem.js is missing: run \`npm run build\` first`);
  const widgets = availableWidgets();
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-render-'));
  let tandem;
  let host;
  let browser;
  try {
    runCli(['seed-demo'], tandemEnv(dataDir, 0));
    tandem = await startTandem(dataDir);
    const pages = Object.fromEntries(widgets.map((w) => [w.name, hostPage([w])]));
    pages.all = hostPage(widgets);
    host = await startHostServer(pages);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });

    const rows = [];
    for (const target of [...widgets.map((w) => ({ name: w.name, widgets: [w] })), { name: 'all on one page', widgets }]) {
      const samples = [];
      for (let i = 0; i < runs; i++)
        samples.push(
          await measureOnce(browser, new URL(target.widgets.length > 1 ? 'all' : target.name, host.url).href, tandem.base, target.widgets),
        );
      const firstRenderMs = round(median(samples.map((s) => s.firstRenderMs)));
      const single = target.widgets.length === 1;
      rows.push({
        name: target.name,
        firstRenderMs,
        scriptMs: round(median(samples.map((s) => s.scriptMs))),
        styleLayoutMs: round(median(samples.map((s) => s.styleLayoutMs))),
        contentMs: round(median(samples.map((s) => s.contentMs))),
        // The worst run: one shift in any run is a shift a family can meet.
        layoutShift: round(Math.max(...samples.map((s) => s.layoutShift)), 4),
        budgetMs: single ? RENDER_BUDGET_MS : RENDER_BUDGET_MS * target.widgets.length,
        samplesMs: samples.map((s) => round(s.firstRenderMs)),
      });
    }
    for (const row of rows) {
      row.status =
        row.firstRenderMs <= row.budgetMs && row.layoutShift === 0 ? 'pass' : row.firstRenderMs > row.budgetMs ? 'over' : 'shifts';
    }
    // Other work on the machine lengthens every task (wall time); the figures are only comparable with the load they ran under.
    return { cpuSlowdown: CPU_SLOWDOWN, runs, budgetMs: RENDER_BUDGET_MS, loadAverage1m: round(loadavg()[0], 2), rows };
  } finally {
    await browser?.close();
    await host?.stop();
    await tandem?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printRender({ cpuSlowdown, runs, budgetMs, loadAverage1m, rows }) {
  console.log(
    `\nRender: main-thread time to first render (${cpuSlowdown}× CPU slowdown, median of ${runs} cold loads, loader + Lit + core included) and layout shift after it`,
  );
  console.log(`machine: 1-minute load average ${loadAverage1m} at the end of the run`);
  const head = ['widget', 'first ms', 'script', 'style+lay', 'content ms', 'budget', 'shift', 'status'];
  const widths = [18, 9, 7, 10, 11, 7, 7, 7];
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
  console.log(`${line(head)}  runs (first ms)`);
  for (const r of rows) {
    console.log(
      `${line([r.name, r.firstRenderMs, r.scriptMs, r.styleLayoutMs, r.contentMs, r.budgetMs, r.layoutShift, r.status])}  ${r.samplesMs.join(' ')}`,
    );
  }
  console.log(
    `budget: ≤ ${budgetMs} ms main-thread work (all tasks) per widget to first render, zero layout shift after it; "script" and "style+lay" are parts of it; "content ms" (until the data shows) is for information`,
  );
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const watchdog = setTimeout(() => {
    console.error('render bench: gave up after 5 minutes');
    process.exit(1);
  }, 5 * 60_000);
  watchdog.unref();
  try {
    printRender(await measureRender());
  } catch (error) {
    console.error(`Render benchmark could not run: ${error.message}`);
    process.exitCode = 1;
  }
}
