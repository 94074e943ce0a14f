/** "Already answered on this device": a small record per survey so a family is not asked twice. */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

export interface AnsweredRecord {
  responseId: string;
  at: string;
}

let store: UseStore | undefined;
// Opened on first use so importing core never touches IndexedDB.
const db = () => (store ??= createStore('tandem-answered', 'entries'));

/*
 * This record is a courtesy, not data: where IndexedDB is blocked the functions quietly do nothing,
 * so a thank-you screen never turns into an error.
 */

/** `key` should name the server and the item, e.g. `${backendKey}|survey|${surveyId}`. */
export async function markAnswered(key: string, value: AnsweredRecord): Promise<void> {
  try {
    await set(key, value, db());
  } catch (error) {
    console.warn('Tandem: could not remember that this was answered', error);
  }
}

export async function getAnswered(key: string): Promise<AnsweredRecord | undefined> {
  try {
    return await get<AnsweredRecord>(key, db());
  } catch {
    return undefined;
  }
}

export async function clearAnswered(key: string): Promise<void> {
  try {
    await del(key, db());
  } catch (error) {
    console.warn('Tandem: could not forget the answered record', error);
  }
}
