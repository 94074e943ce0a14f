/** Small helpers shared by core's tests. */
import type { TestWidget } from './test-widget.js';

/** Makes the browser claim different preferred languages for one test; returns the undo. */
export function stubBrowserLanguages(languages: string[]): () => void {
  Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
  return () => {
    delete (navigator as unknown as Record<string, unknown>)['languages'];
  };
}

/** Waits until the widget's locale is applied and its UI strings are loaded and rendered. */
export async function settled(el: TestWidget): Promise<void> {
  await el.updateComplete;
  await el.locale.ready;
  await el.updateComplete;
}

export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
