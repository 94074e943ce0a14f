/** Test helper: empties everything Tandem keeps on the device, so tests start from a fresh browser. */
import { clear, createStore } from 'idb-keyval';
import { saveLocale } from '../localization.js';

export async function clearTandemStorage(): Promise<void> {
  await clear(createStore('tandem-outbox', 'entries'));
  await clear(createStore('tandem-answered', 'entries'));
  // Widgets' own stores: RSVP edit tokens and offline lesson copies.
  await clear(createStore('tandem-rsvps', 'entries'));
  await clear(createStore('tandem-lessons', 'copies'));
  saveLocale(undefined);
}
