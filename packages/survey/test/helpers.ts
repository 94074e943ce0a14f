/** Shared fixtures for <tandem-survey> tests: a clean device, a rendered survey, and DOM-level answering. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import type { Backend } from '@tandem/core';
import '../src/tandem-survey.js';
import type { SurveyPhase, TandemSurvey } from '../src/survey.js';

/** Forget everything a previous test left on the "device": drafts, saved language, outbox, answered records. */
export async function resetDevice(): Promise<void> {
  localStorage.clear();
  await clear(createStore('tandem-outbox', 'entries'));
  await clear(createStore('tandem-answered', 'entries'));
}

export interface SurveyFixtureOptions {
  survey?: string;
  lang?: string;
  bilingual?: string;
  identityToken?: string;
}

/** Renders a survey against `backend` and waits until it has left the loading state. */
export async function renderSurvey(backend: Backend, options: SurveyFixtureOptions = {}): Promise<TandemSurvey> {
  const el = await fixture<TandemSurvey>(
    html`<tandem-survey
      .backend=${backend}
      survey=${options.survey ?? 'demo'}
      lang=${options.lang ?? 'en'}
      bilingual=${options.bilingual ?? ''}
      identity-token=${options.identityToken ?? ''}
    ></tandem-survey>`,
  );
  await waitForPhase(el, (phase) => phase !== 'loading');
  return el;
}

export async function waitForPhase(el: TandemSurvey, wanted: SurveyPhase | ((phase: SurveyPhase) => boolean), message?: string) {
  const test = typeof wanted === 'function' ? wanted : (phase: SurveyPhase) => phase === wanted;
  await waitUntil(() => test(el.phase), message ?? `survey never reached ${String(wanted)} (is ${el.phase})`, { timeout: 4000 });
  await el.updateComplete;
}

export function $<E extends Element = HTMLElement>(el: TandemSurvey, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`No ${selector} in <tandem-survey>`);
  return found;
}

export function $$<E extends Element = HTMLElement>(el: TandemSurvey, selector: string): E[] {
  return [...el.shadowRoot!.querySelectorAll<E>(selector)];
}

/** The question block (fieldset or wrapper) for a question id. */
export function question(el: TandemSurvey, id: string): HTMLElement {
  return $(el, `[part~="question"][data-question="${id}"]`);
}

/** The inputs answering a question, in order. */
export function inputsOf(el: TandemSurvey, id: string): HTMLInputElement[] {
  return $$<HTMLInputElement>(el, `[data-answer-for="${id}"]`);
}

/** Clicks the option's visible label, the way a person does. */
export async function choose(el: TandemSurvey, id: string, value: string): Promise<void> {
  const input = inputsOf(el, id).find((i) => i.value === value);
  if (!input) throw new Error(`No option ${value} for ${id}`);
  (input.closest('label') as HTMLLabelElement).click();
  await el.updateComplete;
}

/** Types into a text question as input events, keeping what is already there. */
export async function type(el: TandemSurvey, id: string, text: string): Promise<void> {
  const field = inputsOf(el, id)[0]!;
  field.value += text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text }));
  await el.updateComplete;
}

export async function clickPart(el: TandemSurvey, part: string): Promise<void> {
  $<HTMLButtonElement>(el, `[part~="${part}"]`).click();
  await el.updateComplete;
}

/** Answers the demo survey's required first page and moves on. */
export async function finishFirstPage(el: TandemSurvey): Promise<void> {
  await choose(el, 'grade', '3-5');
  await choose(el, 'happy', '4');
  await clickPart(el, 'next');
  await el.updateComplete;
}

/** The element focused inside the widget, looking through nested shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Visible text, whitespace collapsed. */
export function textOf(node: Element): string {
  return (node as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
}
