/** Shared fixtures for <tandem-lesson-viewer> tests: a clean device, a rendered lesson, and reading it through the DOM. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import { clearTandemStorage } from '@tandem/core/testing.js';
import type { Backend } from '@tandem/core';
import '../src/tandem-lesson-viewer.js';
import type { LessonPhase, TandemLessonViewer } from '../src/lesson-viewer.js';

/** Forget everything a previous test left on the "device": outbox, saved language, answered marks, kept lessons, progress. */
export async function resetDevice(): Promise<void> {
  localStorage.clear();
  await clearTandemStorage();
  await clear(createStore('tandem-lessons', 'copies'));
}

export interface LessonFixtureOptions {
  lesson?: string;
  lang?: string;
  bilingual?: string;
  /** Width of the box the widget sits in, e.g. `320px`. */
  width?: string;
}

/** Renders the widget against `backend` and waits until it has left the loading state. */
export async function renderLesson(backend: Backend | undefined, options: LessonFixtureOptions = {}): Promise<TandemLessonViewer> {
  const box = await fixture<HTMLDivElement>(
    html`<div style="inline-size: ${options.width ?? '720px'}">
      <tandem-lesson-viewer
        .backend=${backend}
        lesson=${options.lesson ?? 'demo-lesson'}
        lang=${options.lang ?? 'en'}
        bilingual=${options.bilingual ?? ''}
      ></tandem-lesson-viewer>
    </div>`,
  );
  const el = box.querySelector<TandemLessonViewer>('tandem-lesson-viewer')!;
  await waitForPhase(el, (phase) => phase !== 'loading');
  return el;
}

export async function waitForPhase(el: TandemLessonViewer, wanted: LessonPhase | ((phase: LessonPhase) => boolean), message?: string) {
  const test = typeof wanted === 'function' ? wanted : (phase: LessonPhase) => phase === wanted;
  await waitUntil(() => test(el.phase), message ?? `never reached ${String(wanted)} (is ${el.phase})`, { timeout: 4000 });
  await el.updateComplete;
}

export function $<E extends Element = HTMLElement>(el: TandemLessonViewer, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`No ${selector} in <tandem-lesson-viewer>`);
  return found;
}

export function $$<E extends Element = HTMLElement>(el: TandemLessonViewer, selector: string): E[] {
  return [...el.shadowRoot!.querySelectorAll<E>(selector)];
}

/** Visible text, whitespace collapsed. */
export function textOf(node: Element): string {
  return (node as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
}

/** The element focused inside the widget, looking through nested shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Replaces a field's text as typing would, with an input event. */
export async function fill(el: TandemLessonViewer, selector: string, text: string): Promise<void> {
  const field = $<HTMLTextAreaElement>(el, selector);
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}
