/** Shared fixtures for message box tests: a clean device, a signed-in widget, and working it through the DOM. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import { clearTandemStorage } from '@tandem/core/testing.js';
import '../src/tandem-message-box.js';
import '../src/tandem-inbox.js';
import type { TandemMessageBox } from '../src/message-box.js';
import type { TandemInbox } from '../src/inbox.js';
import { MemoryMessaging } from '../src/client/memory-messaging.js';
import { SESSION_DB, SESSION_STORE } from '../src/client/session-store.js';

export { MemoryMessaging };

/** Forget what a previous test left: outbox, sessions, saved language, the address fragment. */
export async function resetDevice(): Promise<void> {
  localStorage.clear();
  await clearTandemStorage();
  await clear(createStore(SESSION_DB, SESSION_STORE));
  if (location.hash) history.replaceState(null, '', location.href.split('#')[0]);
}

type Widget = TandemMessageBox | TandemInbox;

export async function waitForPhase(el: Widget, phase: string | ((p: string) => boolean), timeout = 4000): Promise<void> {
  const test = typeof phase === 'function' ? phase : (p: string) => p === phase;
  await waitUntil(() => test(el.phase), `never reached ${String(phase)} (is ${el.phase})`, { timeout });
  await el.updateComplete;
}

export async function renderBox(
  messaging: MemoryMessaging | undefined,
  attrs: { lang?: string; organization?: string } = {},
): Promise<TandemMessageBox> {
  const el = await fixture<TandemMessageBox>(
    html`<tandem-message-box
      .messaging=${messaging}
      lang=${attrs.lang ?? 'en'}
      organization=${attrs.organization ?? 'demo'}
    ></tandem-message-box>`,
  );
  await waitForPhase(el, (p) => p !== 'loading');
  return el;
}

export function $<E extends Element = HTMLElement>(el: Widget, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`No ${selector} in <${el.localName}>`);
  return found;
}

export function $$<E extends Element = HTMLElement>(el: Widget, selector: string): E[] {
  return [...el.shadowRoot!.querySelectorAll<E>(selector)];
}

export function textOf(node: Element): string {
  return ((node as HTMLElement).innerText ?? node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function type(el: Widget, selector: string, text: string): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export function buttonNamed(el: Widget, name: string | RegExp): HTMLButtonElement {
  const button = $$<HTMLButtonElement>(el, 'button').find((b) => (typeof name === 'string' ? textOf(b) === name : name.test(textOf(b))));
  if (!button) throw new Error(`No button "${String(name)}"; buttons: ${$$(el, 'button').map(textOf).join(' | ')}`);
  return button;
}

/** Signs in with the demo family's code, as a person would. */
export async function signInWithCode(el: TandemMessageBox, code = 'DEMO-FAMILY'): Promise<void> {
  await type(el, '#invite-code', code);
  // By part, not name: the same helper signs in to widgets speaking any language.
  $<HTMLButtonElement>(el, '[part~="submit"]').click();
  await waitForPhase(el, 'home');
}

export async function openConversation(el: Widget, name: string | RegExp): Promise<void> {
  const button = $$<HTMLButtonElement>(el, '[part~="conversation"]').find((b) =>
    typeof name === 'string' ? textOf(b).includes(name) : name.test(textOf(b)),
  );
  if (!button) throw new Error(`No conversation ${String(name)}`);
  button.click();
  await waitForPhase(el, 'thread');
  await waitUntil(() => !el.shadowRoot!.querySelector('.messages.skeleton'), 'thread never loaded', { timeout: 4000 });
  await el.updateComplete;
  // The virtualizer lays rows out a frame or two later.
  if (el.shadowRoot!.querySelector('[part~="messages"]')) {
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="message"]'), 'no message was ever laid out', { timeout: 4000 });
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

export function ownStates(el: Widget): string[] {
  return $$(el, '[part~="own"] .state').map(textOf);
}

export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Chromium reports re-measuring rows inside one frame as an error event; it is harmless (the spec says so) and not ours to fix. */
export function ignoreResizeObserverLoops(): () => void {
  const original = window.onerror;
  window.onerror = (message, ...rest) =>
    String(message).includes('ResizeObserver loop') ? true : (original?.call(window, message, ...rest) ?? false);
  return () => (window.onerror = original);
}

export const pause = (ms = 30) => new Promise((r) => setTimeout(r, ms));

export async function renderInbox(messaging: MemoryMessaging, token = 'demo-staff-token', canExport = false): Promise<TandemInbox> {
  const el = await fixture<TandemInbox>(
    html`<tandem-inbox .messaging=${messaging} .staffToken=${token} ?can-export=${canExport} lang="en"></tandem-inbox>`,
  );
  await waitForPhase(el, (p) => p !== 'loading');
  return el;
}
