/**
 * A family's session on this device: bearer tokens kept in IndexedDB, refreshed shortly before they expire
 * and on a 401, one refresh at a time across tabs (a refresh token works once; a reused one ends the session).
 */
import type * as IdbKeyvalModule from 'idb-keyval';
import { BackendError } from '@tandem/core';
import type { FamilySession } from '@tandem/protocol';
import type { MessagingBackend } from './messaging-backend.js';

/** Refresh this long before the access token expires, so a request never leaves with a token about to die. */
export const REFRESH_AHEAD_MS = 60_000;

export const SESSION_DB = 'tandem-family-sessions';
export const SESSION_STORE = 'sessions';

/** Where sessions are kept; tests and blocked storage use the in-memory one. */
export interface SessionStorage {
  get(key: string): Promise<FamilySession | undefined>;
  set(key: string, session: FamilySession): Promise<void>;
  del(key: string): Promise<void>;
}

/** IndexedDB through idb-keyval, fetched on first use; falls back to memory where IndexedDB is refused. */
export function idbSessionStorage(): SessionStorage {
  let store: IdbKeyvalModule.UseStore | undefined;
  const memory = new Map<string, FamilySession>();
  let blocked = false;
  const use = async <T>(withDb: (idb: typeof IdbKeyvalModule, db: IdbKeyvalModule.UseStore) => Promise<T>, withMemory: () => T) => {
    if (blocked) return withMemory();
    const idb = await import('idb-keyval');
    try {
      store ??= idb.createStore(SESSION_DB, SESSION_STORE);
      return await withDb(idb, store);
    } catch (error) {
      if (!(error instanceof DOMException) && !(error instanceof TypeError)) throw error;
      blocked = true;
      return withMemory();
    }
  };
  return {
    get: (key) =>
      use(
        (idb, db) => idb.get<FamilySession>(key, db),
        () => memory.get(key),
      ),
    set: (key, session) =>
      use(
        (idb, db) => idb.set(key, session, db),
        () => void memory.set(key, session),
      ),
    del: (key) =>
      use(
        (idb, db) => idb.del(key, db),
        () => void memory.delete(key),
      ),
  };
}

export function memorySessionStorage(): SessionStorage {
  const map = new Map<string, FamilySession>();
  return {
    get: async (key) => map.get(key),
    set: async (key, session) => void map.set(key, session),
    del: async (key) => void map.delete(key),
  };
}

/** Serialises `task` per name across tabs (Web Locks), else within this page. */
const localLocks = new Map<string, Promise<unknown>>();
async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) {
    let started = false;
    try {
      return await locks.request(name, () => {
        started = true;
        return task();
      });
    } catch (error) {
      if (started) throw error;
    }
  }
  const previous = localLocks.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  localLocks.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}

export type SignedOutReason = 'signed-out' | 'expired';

export const isUnauthorized = (error: unknown) =>
  error instanceof BackendError && error.kind === 'unauthorized' && (error.status === undefined || error.status === 401);

export class FamilySessionStore {
  #session: FamilySession | undefined;
  #refreshing: Promise<FamilySession> | undefined;
  readonly #listeners = new Set<(session: FamilySession | undefined, reason?: SignedOutReason) => void>();

  constructor(
    readonly backend: MessagingBackend,
    readonly storage: SessionStorage = idbSessionStorage(),
    /** One session per server and organization, so two schools' widgets on one page never mix families. */
    readonly key: string = backend.key,
    private readonly now: () => number = Date.now,
  ) {}

  get session(): FamilySession | undefined {
    return this.#session;
  }

  /** Called with the new session, or undefined (and why) when it ended. */
  subscribe(listener: (session: FamilySession | undefined, reason?: SignedOutReason) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The session kept on this device, if its refresh token still has time left. */
  async restore(): Promise<FamilySession | undefined> {
    const stored = await this.storage.get(this.key).catch(() => undefined);
    if (stored && Date.parse(stored.refreshTokenExpiresAt) > this.now()) this.#session = stored;
    else if (stored) await this.storage.del(this.key).catch(() => undefined);
    return this.#session;
  }

  async adopt(session: FamilySession): Promise<void> {
    this.#session = session;
    await this.storage.set(this.key, session).catch((error: unknown) => console.warn('Tandem: could not keep the session', error));
    this.#notify(session);
  }

  /**
   * Runs `call` with a fresh access token; on a 401 refreshes once and runs it again. A refresh the server
   * refuses (expired, or a reused token) ends the session here too.
   */
  async withAccess<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    let session = this.#session;
    if (!session) throw new BackendError('unauthorized', 'Not signed in', 401);
    if (Date.parse(session.accessTokenExpiresAt) - this.now() < REFRESH_AHEAD_MS) session = await this.refresh(session);
    try {
      return await call(session.accessToken);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      const fresh = await this.refresh(session);
      return call(fresh.accessToken);
    }
  }

  /** One refresh at a time: later callers (this tab or another) get the pair the first one obtained. */
  refresh(stale: FamilySession): Promise<FamilySession> {
    this.#refreshing ??= withLock(`tandem-family-refresh:${this.key}`, async () => {
      // Another tab may have refreshed while this one waited for the lock: its tokens are the ones to use.
      // Never send `stale.refreshToken` once another tab has traded it: the server takes a spent refresh token for
      // a stolen one and ends the session everywhere. Refresh with the newest token instead.
      const stored = await this.storage.get(this.key).catch(() => undefined);
      let newest = stale;
      if (stored && stored.refreshToken !== stale.refreshToken) newest = stored;
      else if (this.#session && this.#session.refreshToken !== stale.refreshToken) newest = this.#session;
      if (newest !== stale && Date.parse(newest.accessTokenExpiresAt) - this.now() > REFRESH_AHEAD_MS) {
        this.#session = newest;
        return newest;
      }
      try {
        const fresh = await this.backend.refreshSession(newest.refreshToken);
        await this.adopt(fresh);
        return fresh;
      } catch (error) {
        if (isUnauthorized(error)) await this.#end('expired');
        throw error;
      }
    }).finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  /** Ends the session on the server (best effort) and forgets it on this device. */
  async signOut(): Promise<void> {
    const session = this.#session;
    if (session) await this.backend.signOut(session.accessToken).catch(() => undefined);
    await this.#end('signed-out');
  }

  async #end(reason: SignedOutReason): Promise<void> {
    this.#session = undefined;
    await this.storage.del(this.key).catch(() => undefined);
    for (const listener of this.#listeners) listener(undefined, reason);
  }

  #notify(session: FamilySession): void {
    for (const listener of this.#listeners) listener(session);
  }
}
