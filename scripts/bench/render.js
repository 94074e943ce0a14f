#!/usr/bin/env node
// Main-thread time to first render per widget (4× CPU slowdown) and layout shift after it, in headless Chromium.
//
// Method. Each widget is measured alone on a host page of its own, in a fresh browser context (cold HTTP
// cache), so its figure includes the loader, as the size budgets do: that is what the first widget on a
// school's page costs. The page first loads without Tandem and goes idle; then the bench records a Chromium
// trace while it imports /tandem.js, and adds up the renderer main thread's tasks (`RunTask`: script, style,
// layout, paint, GC — everything the thread ran) from the one that started the import to:
//   first render  the frame in which every widget's box stands at its reserved size (a ResizeObserver marks
//                 it; the task holding that mark is the frame's style, layout and paint). This is what a family
//                 sees first: the room the widget takes, with a quiet skeleton — drawn by the loader's
//                 stylesheet before the widget's code has run, or by the widget if that was quicker.
//   upgrade       the widget's code has run: its element is defined, its first Lit update is done and painted.
//   content       its data shows (for information; it includes waiting for the server, which costs no
//                 main-thread time but lets other work in).
// Each is given as wall time of those tasks (what the throttled phone spends, the budget's measure) and as the
// thread's CPU time in them (`tdur`, which the throttle's pauses do not inflate; 4 × this is the steady
// figure to compare across runs on a busy machine). Each figure is the median of RUNS runs.
//
// Layout shift: a PerformanceObserver (type `layout-shift`) runs from before the import; shifts after the
// first render, up to SETTLE_MS after the widget shows its content, are summed (CLS-style, excluding
// shifts right after input, of which there is none). Text below the widget makes a widget that grows
// after its first render show up as a shift of that text, as a family would see the page jump. Any shift
// fails the run (exit code 1); the time budget is reported, not enforced.
// A last row puts every widget on one page together.
// Functions handed to page.evaluate run in the browser:
/* global window, document, customElements, requestAnimationFrame, ResizeObserver */
import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
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
const RUNS = Number(process.env.RENDER_RUNS) || 5;
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
  // RENDER_ONLY=survey,event-rsvp measures just those (while working on one widget).
  const only = process.env.RENDER_ONLY?.split(',');
  return WIDGETS.filter((w) => !w.optional || (existsSync(join(cdn, 'widgets', `${w.name}.js`)) && loader.includes(w.tag))).filter(
    (w) => !only || only.includes(w.name),
  );
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

const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8.execute', 'blink.user_timing'];

/** Records a trace while `run` runs; returns its events. */
async function traced(cdp, run) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  let result;
  try {
    result = await run();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return { events, result };
}

/** Kinds of work inside the first render, for the breakdown (ms of wall time, nested events counted in their own kind). */
const BREAKDOWN = {
  'script compile': ['v8.compile', 'v8.compileModule', 'V8.CompileCode', 'v8.produceModuleCache'],
  'script run': [
    'v8.evaluateModule',
    'v8.callFunction',
    'FunctionCall',
    'EvaluateScript',
    'TimerFire',
    'FireAnimationFrame',
    'RunMicrotasks',
  ],
  style: ['UpdateLayoutTree', 'ParseAuthorStyleSheet'],
  layout: ['Layout'],
  'paint+commit': ['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer'],
  gc: ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'],
};

/**
 * Main-thread tasks of the renderer that ran `start`, from the task holding mark `start` through the one
 * holding each later mark: wall ms, CPU ms and task count per mark, plus a breakdown up to `breakdownUntil`.
 */
function mainThreadWork(events, start, marks, breakdownUntil) {
  const startMark = events.find((e) => e.name === start);
  if (!startMark) throw new Error(`trace has no ${start} mark`);
  const onMain = events.filter((e) => e.pid === startMark.pid && e.tid === startMark.tid);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const holding = (ts) => tasks.find((t) => t.ts <= ts && ts <= t.ts + t.dur);
  const from = holding(startMark.ts)?.ts ?? startMark.ts;
  const until = (name) => {
    const mark = onMain.find((e) => e.name === name);
    if (!mark) throw new Error(`trace has no ${name} mark`);
    const end = holding(mark.ts);
    return end ? end.ts + end.dur : mark.ts;
  };
  const sum = (end) => {
    const inside = tasks.filter((t) => t.ts >= from && t.ts + t.dur <= end);
    return {
      wallMs: inside.reduce((n, t) => n + t.dur, 0) / 1000,
      cpuMs: inside.reduce((n, t) => n + (t.tdur ?? t.dur), 0) / 1000,
      tasks: inside.length,
    };
  };
  const result = Object.fromEntries(marks.map((name) => [name, sum(until(name))]));
  const end = until(breakdownUntil);
  const breakdown = {};
  for (const [kind, names] of Object.entries(BREAKDOWN)) {
    const inKind = onMain.filter((e) => e.ph === 'X' && names.includes(e.name) && e.ts >= from && e.ts + e.dur <= end);
    // Only the outermost event of a kind: a microtask run inside a function call is not counted twice.
    const outer = inKind.filter((e) => !inKind.some((o) => o !== e && o.ts <= e.ts && e.ts + e.dur <= o.ts + o.dur && o.dur > e.dur));
    breakdown[kind] = outer.reduce((n, e) => n + e.dur, 0) / 1000;
  }
  result.breakdown = breakdown;
  return result;
}

/** One cold load of `hostUrl` (a host page) measured as described at the top. */
async function measureOnce(browser, hostUrl, tandemBase, widgets) {
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(hostUrl, { waitUntil: 'load' });
    // Observe shifts and the widgets' boxes from now on (the observers' own first frame comes before the
    // measurement starts); let the page's own load work finish first.
    const tags = widgets.map((w) => w.tag);
    await page.evaluate(async (tags) => {
      window.benchShifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (!entry.hadRecentInput) window.benchShifts.push({ at: entry.startTime, value: entry.value });
      }).observe({ type: 'layout-shift' });
      const elements = tags.map((tag) => document.querySelector(tag));
      // Resize observations are delivered in the frame, after layout and before paint: the frame that first
      // shows every box at a size is the task that holds the mark. An undefined element is inline, which the
      // observer reports as 0 × 0.
      window.benchFirstRender = new Promise((resolve) => {
        const heights = new Map();
        const observer = new ResizeObserver((entries) => {
          for (const entry of entries) heights.set(entry.target, entry.borderBoxSize[0].blockSize);
          if (!elements.every((el) => heights.get(el) > 0)) return;
          observer.disconnect();
          performance.mark('bench-first-render');
          // Shifts of this very frame (the boxes taking their room) are reported before the timeout runs.
          setTimeout(() => resolve(performance.now()));
        });
        elements.forEach((el) => observer.observe(el));
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }, tags);

    const { events, result: firstRenderAt } = await traced(cdp, async () => {
      const at = await page.evaluate(
        async ([loader, tags]) => {
          // A task of its own, so the work of this evaluate call (the bench's, not Tandem's) is not counted.
          // A failed import (say, a build emptying the CDN folder meanwhile) must end the run, not hang it.
          const failed = new Promise((resolve, reject) => {
            setTimeout(() => {
              performance.mark('bench-start');
              import(loader).catch(reject);
            });
            setTimeout(() => reject(new Error(`no widget defined and rendered within 30 s: ${tags.join(', ')}`)), 30_000);
          });
          const firstRenderAt = await Promise.race([window.benchFirstRender, failed]);
          const upgraded = tags.map(async (tag) => {
            await customElements.whenDefined(tag);
            await document.querySelector(tag).updateComplete;
          });
          await Promise.race([Promise.all(upgraded), failed]);
          // rAF runs before the frame's style, layout and paint; the timeout after it runs once they are done.
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
          performance.mark('bench-upgraded');
          return firstRenderAt;
        },
        [new URL('tandem.js', tandemBase).href, tags],
      );
      await page.waitForFunction(
        (list) => {
          const shown = list.every(([tag, selector]) => document.querySelector(tag)?.shadowRoot?.querySelector(selector));
          if (shown) performance.mark('bench-content');
          return shown;
        },
        widgets.map((w) => [w.tag, w.content]),
        { polling: 100, timeout: 30_000 },
      );
      return at;
    });
    // RENDER_TRACE_DIR=/some/dir keeps each run's trace (open it in Chrome DevTools' Performance panel).
    if (process.env.RENDER_TRACE_DIR) {
      const file = join(process.env.RENDER_TRACE_DIR, `render-${widgets.map((w) => w.name).join('+')}-${Date.now()}.json`);
      writeFileSync(file, JSON.stringify({ traceEvents: events }));
    }
    const work = mainThreadWork(events, 'bench-start', ['bench-first-render', 'bench-upgraded', 'bench-content'], 'bench-first-render');
    await page.waitForTimeout(SETTLE_MS);
    const shifts = await page.evaluate((after) => window.benchShifts.filter((s) => s.at > after), firstRenderAt);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return {
      firstRenderMs: work['bench-first-render'].wallMs,
      firstRenderCpuMs: work['bench-first-render'].cpuMs,
      upgradeMs: work['bench-upgraded'].wallMs,
      upgradeCpuMs: work['bench-upgraded'].cpuMs,
      contentMs: work['bench-content'].wallMs,
      breakdown: work.breakdown,
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
    const targets = widgets.map((w) => ({ name: w.name, widgets: [w] }));
    if (widgets.length > 1) targets.push({ name: 'all on one page', widgets });
    for (const target of targets) {
      const samples = [];
      for (let i = 0; i < runs; i++)
        samples.push(
          await measureOnce(browser, new URL(target.widgets.length > 1 ? 'all' : target.name, host.url).href, tandem.base, target.widgets),
        );
      const mid = (key) => round(median(samples.map((s) => s[key])));
      const single = target.widgets.length === 1;
      const breakdown = Object.fromEntries(
        Object.keys(samples[0].breakdown).map((kind) => [kind, round(median(samples.map((s) => s.breakdown[kind])))]),
      );
      rows.push({
        name: target.name,
        firstRenderMs: mid('firstRenderMs'),
        firstRenderCpuMs: mid('firstRenderCpuMs'),
        upgradeMs: mid('upgradeMs'),
        upgradeCpuMs: mid('upgradeCpuMs'),
        contentMs: mid('contentMs'),
        breakdown,
        // The worst run: one shift in any run is a shift a family can meet.
        layoutShift: round(Math.max(...samples.map((s) => s.layoutShift)), 4),
        budgetMs: single ? RENDER_BUDGET_MS : RENDER_BUDGET_MS * target.widgets.length,
        samplesMs: samples.map((s) => round(s.firstRenderMs)),
      });
    }
    for (const row of rows) {
      row.status = row.layoutShift > 0 ? 'SHIFTS' : row.firstRenderMs <= row.budgetMs ? 'pass' : 'over';
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

/** Any layout shift after the first render fails the benchmark (the time budget is reported only). */
export const renderFailed = ({ rows }) => rows.some((r) => r.layoutShift > 0);

export function printRender({ cpuSlowdown, runs, budgetMs, loadAverage1m, rows }) {
  console.log(
    `\nRender: main-thread work to first render (${cpuSlowdown}× CPU slowdown, median of ${runs} cold loads from a trace, loader included) and layout shift after it`,
  );
  console.log(`machine: 1-minute load average ${loadAverage1m} at the end of the run`);
  const head = ['widget', 'first ms', 'cpu', 'upgrade ms', 'cpu', 'content ms', 'budget', 'shift', 'status'];
  const widths = [18, 9, 6, 11, 6, 11, 7, 7, 7];
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
  console.log(`${line(head)}  runs (first ms)`);
  for (const r of rows) {
    console.log(
      `${line([r.name, r.firstRenderMs, r.firstRenderCpuMs, r.upgradeMs, r.upgradeCpuMs, r.contentMs, r.budgetMs, r.layoutShift, r.status])}  ${r.samplesMs.join(' ')}`,
    );
  }
  console.log('first render, by kind of work (ms, median):');
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(16)} ${Object.entries(r.breakdown)
        .map(([kind, ms]) => `${kind} ${ms}`)
        .join(', ')}`,
    );
  }
  console.log(
    `budget: ≤ ${budgetMs} ms main-thread work (wall time of all tasks, throttled) per widget to first render — the frame showing its reserved room and skeleton; zero layout shift after it (enforced). "cpu" is the thread's CPU time in the same tasks; "upgrade" is until the widget's code has run and painted; "content" until its data shows`,
  );
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const watchdog = setTimeout(() => {
    console.error('render bench: gave up after 10 minutes');
    process.exit(1);
  }, 10 * 60_000);
  watchdog.unref();
  try {
    const result = await measureRender();
    printRender(result);
    if (renderFailed(result)) {
      console.error('render bench: a widget moved the page after its first render');
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(`Render benchmark could not run: ${error.message}`);
    process.exitCode = 1;
  }
}
