/** Shared fixtures for <tandem-event-rsvp> tests: a clean device, a rendered event, and filling the form through the DOM. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import { clearTandemStorage } from '@tandem/core/testing.js';
import type { Backend } from '@tandem/core';
import '../src/tandem-event-rsvp.js';
import type { RsvpPhase, TandemEventRsvp } from '../src/event-rsvp.js';

/** Forget everything a previous test left on the "device": outbox, saved language, kept RSVPs, the address fragment. */
export async function resetDevice(): Promise<void> {
  localStorage.clear();
  await clearTandemStorage();
  await clear(createStore('tandem-rsvps', 'entries'));
  if (location.hash) history.replaceState(null, '', location.href.split('#')[0]);
}

export interface RsvpFixtureOptions {
  event?: string;
  lang?: string;
}

/** Renders the widget against `backend` and waits until it has left the loading state. */
export async function renderRsvp(backend: Backend, options: RsvpFixtureOptions = {}): Promise<TandemEventRsvp> {
  const el = await fixture<TandemEventRsvp>(
    html`<tandem-event-rsvp .backend=${backend} event=${options.event ?? 'demo-event'} lang=${options.lang ?? 'en'}></tandem-event-rsvp>`,
  );
  await waitForPhase(el, (phase) => phase !== 'loading');
  return el;
}

export async function waitForPhase(el: TandemEventRsvp, wanted: RsvpPhase | ((phase: RsvpPhase) => boolean), message?: string) {
  const test = typeof wanted === 'function' ? wanted : (phase: RsvpPhase) => phase === wanted;
  await waitUntil(() => test(el.phase), message ?? `never reached ${String(wanted)} (is ${el.phase})`, { timeout: 4000 });
  await el.updateComplete;
}

export function $<E extends Element = HTMLElement>(el: TandemEventRsvp, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`No ${selector} in <tandem-event-rsvp>`);
  return found;
}

export function $$<E extends Element = HTMLElement>(el: TandemEventRsvp, selector: string): E[] {
  return [...el.shadowRoot!.querySelectorAll<E>(selector)];
}

/** Clicks the label of the radio or checkbox `name` (with `value` for radios), the way a person does. */
export async function tick(el: TandemEventRsvp, name: string, value?: string): Promise<void> {
  const input = $$<HTMLInputElement>(el, `input[name="${name}"]`).find((i) => value === undefined || i.value === value);
  if (!input) throw new Error(`No ${name}=${value}`);
  (input.closest('label') as HTMLLabelElement).click();
  await el.updateComplete;
}

/** Replaces a field's text as typing would, with input events. */
export async function fill(el: TandemEventRsvp, name: string, text: string): Promise<void> {
  const field = $<HTMLInputElement>(el, `[name="${name}"]`);
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function clickPart(el: TandemEventRsvp, part: string): Promise<void> {
  $<HTMLButtonElement>(el, `[part~="${part}"]`).click();
  await el.updateComplete;
}

/** Going, to the early session, two adults and a child, reachable by email. */
export async function fillGoing(el: TandemEventRsvp, session = 'early'): Promise<void> {
  await tick(el, 'response', 'going');
  if (el.shadowRoot!.querySelector('input[name="session"]')) await tick(el, 'session', session);
  await fill(el, 'adults', '2');
  await fill(el, 'children', '1');
  await fill(el, 'email', 'family@example.org');
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

/** The texts a control's aria-describedby points at. */
export function descriptions(el: TandemEventRsvp, node: Element): string[] {
  return (node.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => textOf(el.shadowRoot!.getElementById(id)!));
}
