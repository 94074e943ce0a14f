/** Shared fixtures for the resource widget tests: a clean device, fixed clocks, and shadow-DOM queries. */
import { waitUntil } from '@open-wc/testing';
import { clearTandemStorage } from '@tandem/core/testing.js';
import { setUiLocale } from '@tandem/core';

/** Wednesday 25 November 2026, 4:10 PM in Saint Paul (CST, UTC−6): the food shelf, homework club, helpline and clinic are open. */
export const WEDNESDAY_AFTERNOON = new Date('2026-11-25T22:10:00Z');
/** Wednesday 25 November 2026, 7:00 PM CST: only the late-night helpline is open; Thursday is Thanksgiving at the clinic. */
export const WEDNESDAY_EVENING = new Date('2026-11-26T01:00:00Z');

/** Forget what an earlier test left on the "device": saved language, outbox, "already answered" records. */
export async function resetDevice(): Promise<void> {
  localStorage.clear();
  await clearTandemStorage();
  await setUiLocale('en');
}

type Host = HTMLElement & { phase: string; updateComplete: Promise<unknown> };

export async function waitForPhase(el: Host, phase: string | ((p: string) => boolean)): Promise<void> {
  const test = typeof phase === 'function' ? phase : (p: string) => p === phase;
  await waitUntil(() => test(el.phase), `never reached ${String(phase)} (is ${el.phase})`, { timeout: 4000 });
  await el.updateComplete;
}

export function $<E extends Element = HTMLElement>(el: Element, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`No ${selector} in <${el.localName}>`);
  return found;
}

export function $$<E extends Element = HTMLElement>(el: Element, selector: string): E[] {
  return [...el.shadowRoot!.querySelectorAll<E>(selector)];
}

/** Visible text, whitespace collapsed. */
export function textOf(node: Element): string {
  return (node as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
}

/** The element focused, looking through nested shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
