/** The family's RSVP keys on this device (IndexedDB), and the private link that carries them to another device. */
import type { UseStore } from 'idb-keyval';
import type { RsvpStatus } from '@tandem/protocol';

/** What lets this device read, change and cancel the family's RSVP, plus the status last shown. */
export interface StoredRsvp {
  rsvpId: string;
  editToken: string;
  /** Compared with a fresh read, so a family promoted off the waitlist is told. */
  status?: RsvpStatus;
}

let store: UseStore | undefined;
/** idb-keyval and the store, both on first use: importing the widget never touches IndexedDB nor waits for its code. */
async function db() {
  const idb = await import('idb-keyval');
  return { idb, records: (store ??= idb.createStore('tandem-rsvps', 'entries')) };
}

export const rsvpKey = (backendKey: string, eventId: string) => `${backendKey}|event|${eventId}`;

/* Blocked storage (private modes, sandboxed frames) must not break the widget: the private link still works. */

export async function loadStoredRsvp(key: string): Promise<StoredRsvp | undefined> {
  try {
    const { idb, records } = await db();
    return await idb.get<StoredRsvp>(key, records);
  } catch {
    return undefined;
  }
}

export async function saveStoredRsvp(key: string, value: StoredRsvp): Promise<void> {
  try {
    const { idb, records } = await db();
    await idb.set(key, value, records);
  } catch (error) {
    console.warn('Tandem: could not keep the RSVP on this device', error);
  }
}

export async function forgetStoredRsvp(key: string): Promise<void> {
  try {
    const { idb, records } = await db();
    await idb.del(key, records);
  } catch {
    // Nothing to forget where storage is blocked.
  }
}

const FRAGMENT = 'tandem-rsvp=';

/** The RSVP keys in a `#tandem-rsvp=<rsvpId>.<editToken>` fragment, if any. */
export function keysFromFragment(hash: string): StoredRsvp | undefined {
  const found = hash
    .replace(/^#/, '')
    .split('&')
    .find((part) => part.startsWith(FRAGMENT));
  const value = decodeURIComponent(found?.slice(FRAGMENT.length) ?? '');
  // Split at the first dot only: ids never hold one, and a token from another server might.
  const dot = value.indexOf('.');
  return dot > 0 && dot < value.length - 1 ? { rsvpId: value.slice(0, dot), editToken: value.slice(dot + 1) } : undefined;
}

/** The host page's address with the RSVP keys in the fragment, which browsers never send to a server. */
export function privateLink(keys: StoredRsvp, href = location.href): string {
  return `${href.split('#')[0]}#${FRAGMENT}${encodeURIComponent(keys.rsvpId)}.${encodeURIComponent(keys.editToken)}`;
}

/** Takes the keys out of the address bar once adopted, so a family sharing the page does not share them. */
export function dropFragment(): void {
  if (keysFromFragment(location.hash)) history.replaceState(history.state, '', location.href.split('#')[0]);
}
