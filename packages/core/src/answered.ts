/** "Already answered on this device": a small record per survey so a family is not asked twice. */
import type { UseStore } from 'idb-keyval';
import { loadIdbKeyval } from './outbox.js';

export interface AnsweredRecord {
  responseId: string;
  at: string;
}

let store: UseStore | undefined;
/** idb-keyval and the store, both on first use: importing core never touches IndexedDB nor waits for its code. */
async function db() {
  const idb = await loadIdbKeyval();
  return { idb, records: (store ??= idb.createStore('tandem-answered', 'entries')) };
}

/*
 * This record is a courtesy, not data: where IndexedDB is blocked the functions quietly do nothing,
 * so a thank-you screen never turns into an error.
 */

/** `key` should name the server and the item, e.g. `${backendKey}|survey|${surveyId}`. */
export async function markAnswered(key: string, value: AnsweredRecord): Promise<void> {
  try {
    const { idb, records } = await db();
    await idb.set(key, value, records);
  } catch (error) {
    console.warn('Tandem: could not remember that this was answered', error);
  }
}

export async function getAnswered(key: string): Promise<AnsweredRecord | undefined> {
  try {
    const { idb, records } = await db();
    return await idb.get<AnsweredRecord>(key, records);
  } catch {
    return undefined;
  }
}

export async function clearAnswered(key: string): Promise<void> {
  try {
    const { idb, records } = await db();
    await idb.del(key, records);
  } catch (error) {
    console.warn('Tandem: could not forget the answered record', error);
  }
}
