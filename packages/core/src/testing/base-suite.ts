/** The suite every Tandem widget runs: defined, part="base", axe clean LTR and RTL, no Lit warnings, no-backend state. */
/// <reference types="mocha" />
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { Backend } from '../backend.js';
import { saveLocale, setUiLocale } from '../localization.js';
import { MemoryBackend } from '../memory-backend.js';
import { expectAxeClean } from './axe.js';
import { clearTandemStorage } from './storage.js';

export interface BaseSuiteOptions {
  /** The widget's tag, e.g. `tandem-survey`. */
  tag: string;
  /** Renders the widget talking to `backend` (a MemoryBackend with demo data), or with none at all. */
  render: (backend: Backend | undefined) => TemplateResult;
  /** Waits until the widget shows its real content (e.g. survey loaded). */
  ready?: (el: HTMLElement) => Promise<void>;
}

type Settleable = HTMLElement & { updateComplete?: Promise<unknown>; i18n?: { ready?: Promise<void> } };

/** Waits for rendering, UI strings and the widget's own readiness. */
async function settle(el: Settleable, ready?: (el: HTMLElement) => Promise<void>): Promise<void> {
  await el.updateComplete;
  await el.i18n?.ready;
  if (ready) await ready(el);
  await el.updateComplete;
  // Lit reports update-after-update warnings a task later; let them surface.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function isLitWarning(args: unknown[]): boolean {
  const text = args.map(String).join(' ');
  return text.includes('lit.dev/msg/') && !text.includes('lit.dev/msg/dev-mode');
}

/**
 * Starts collecting Lit dev-mode warnings (the one-off dev-mode notice aside); call `stop()` for the
 * list. Warnings still reach the console unless `echo` is false.
 */
export function watchLitWarnings({ echo = true } = {}): { warnings: string[]; stop: () => string[] } {
  const warnings: string[] = [];
  const { warn, error } = console;
  const spy =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      const litWarning = isLitWarning(args);
      if (litWarning) warnings.push(args.map(String).join(' '));
      if (echo || !litWarning) original.apply(console, args);
    };
  console.warn = spy(warn);
  console.error = spy(error);
  return {
    warnings,
    stop: () => {
      console.warn = warn;
      console.error = error;
      return warnings;
    },
  };
}

/** Runs `action` and returns every Lit dev-mode warning it caused. */
export async function captureLitWarnings(action: () => Promise<unknown>, options: { echo?: boolean } = {}): Promise<string[]> {
  const watch = watchLitWarnings(options);
  try {
    await action();
  } finally {
    watch.stop();
  }
  return watch.warnings;
}

export function runBaseSuite(options: BaseSuiteOptions): void {
  const { tag, render, ready } = options;

  describe(`<${tag}> base suite`, () => {
    let savedBase: string | undefined;
    // Lit issues each warning once per page, so watch the whole suite: a warning caused by an
    // earlier test here would otherwise never be seen by the check at the end.
    let litWarnings: ReturnType<typeof watchLitWarnings> | undefined;

    before(() => {
      litWarnings = watchLitWarnings();
    });

    after(() => {
      litWarnings?.stop();
    });

    beforeEach(async () => {
      savedBase = globalThis.tandemBackendBase;
      // A fresh device: no saved language, no queued answers, nothing marked as answered.
      await clearTandemStorage();
    });

    afterEach(async () => {
      fixtureCleanup();
      globalThis.tandemBackendBase = savedBase;
      saveLocale(undefined);
      // UI strings are page-global: put English back for whatever test runs next.
      await setUiLocale('en');
    });

    it('is defined', () => {
      expect(customElements.get(tag), `${tag} is registered`).to.be.a('function');
    });

    it('has part="base"', async () => {
      const el = await fixture<Settleable>(render(MemoryBackend.withDemoData()));
      await settle(el, ready);
      expect(el.shadowRoot, 'renders into a shadow root').to.exist;
      expect(el.shadowRoot!.querySelector('[part~="base"]'), 'an element with part="base"').to.exist;
    });

    it('[axe] is accessible left to right (WCAG 2.2 A/AA)', async () => {
      const el = await fixture<Settleable>(render(MemoryBackend.withDemoData()));
      await settle(el, ready);
      expect(el.getAttribute('dir')).to.equal('ltr');
      await expectAxeClean(el);
    });

    it('[axe] is accessible in Arabic, right to left (WCAG 2.2 A/AA)', async () => {
      const el = await fixture<Settleable>(render(MemoryBackend.withDemoData()));
      el.setAttribute('lang', 'ar');
      await settle(el, ready);
      expect(el.getAttribute('dir'), 'host dir').to.equal('rtl');
      expect(el.getAttribute('lang'), 'host lang').to.equal('ar');
      await expectAxeClean(el);
    });

    it('renders with no backend configured: a visible message, no throw, no unhandled rejection', async () => {
      globalThis.tandemBackendBase = undefined;
      const rejections: unknown[] = [];
      const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        const el = await fixture<Settleable>(render(undefined));
        await el.updateComplete;
        await el.i18n?.ready;
        await new Promise((resolve) => setTimeout(resolve, 50));
        await el.updateComplete;
        const text = (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
        expect(text, 'explains itself in text').not.to.equal('');
        expect(el.getBoundingClientRect().height, 'takes up space on the page').to.be.greaterThan(0);
        await expectAxeClean(el);
      } finally {
        window.removeEventListener('unhandledrejection', onRejection);
      }
      expect(rejections).to.deep.equal([]);
    });

    // Last on purpose: it also reports warnings raised by every test above.
    it('renders with no Lit dev-mode warnings', async () => {
      const el = await fixture<Settleable>(render(MemoryBackend.withDemoData()));
      await settle(el, ready);
      el.setAttribute('lang', 'es');
      await settle(el);
      expect(litWarnings?.warnings ?? []).to.deep.equal([]);
    });
  });
}
