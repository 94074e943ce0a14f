/** The outbox: writes a family made, kept in IndexedDB until the server has confirmed them. */
import type { FieldError } from '@tandem/protocol';
import type * as IdbKeyvalModule from 'idb-keyval';
import type { BackendErrorKind } from './backend.js';

export interface OutboxEntry<P = unknown> {
  /** A UUID; also the Idempotency-Key, so re-sending the entry can never store it twice. */
  id: string;
  /** What sort of write, e.g. `survey-response`. */
  kind: string;
  /** The item written to, e.g. the survey id. */
  target: string;
  /** Which server: an HttpBackend base URL, or `memory`. */
  backendKey: string;
  payload: P;
  createdAt: string;
  attempts: number;
  lastError?: { kind: BackendErrorKind; message: string; fieldErrors?: FieldError[] };
}

export interface OutboxFilter {
  kind?: string;
  target?: string;
  backendKey?: string;
}

type IdbKeyval = typeof IdbKeyvalModule;
type UseStore = IdbKeyvalModule.UseStore;

/** idb-keyval, fetched on first use so that a widget's first paint does not wait for it. */
export const loadIdbKeyval = (): Promise<IdbKeyval> => import('idb-keyval');

/**
 * Entries in an IndexedDB store of their own, so Tandem never collides with the host page's data.
 * Where IndexedDB is unavailable (some private modes) it keeps entries in memory for the page's life.
 */
export class Outbox {
  #store: UseStore | undefined;
  #memory: Map<string, OutboxEntry<unknown>> | undefined;

  readonly #dbName: string;
  readonly #storeName: string;

  constructor(dbName = 'tandem-outbox', storeName = 'entries') {
    this.#dbName = dbName;
    this.#storeName = storeName;
  }

  async add<P>(entry: OutboxEntry<P>): Promise<OutboxEntry<P>> {
    await this.#use(
      (idb, db) => idb.set(entry.id, entry, db),
      (mem) => void mem.set(entry.id, structuredClone(entry)),
    );
    return entry;
  }

  get<P = unknown>(id: string): Promise<OutboxEntry<P> | undefined> {
    return this.#use(
      (idb, db) => idb.get<OutboxEntry<P>>(id, db),
      (mem) => structuredClone(mem.get(id)) as OutboxEntry<P> | undefined,
    );
  }

  /** Matching entries, oldest first. */
  async list<P = unknown>(filter: OutboxFilter = {}): Promise<OutboxEntry<P>[]> {
    const all = await this.#use(
      (idb, db) => idb.values<OutboxEntry<P>>(db),
      (mem) => structuredClone([...mem.values()]) as OutboxEntry<P>[],
    );
    return all
      .filter(
        (e) =>
          (filter.kind === undefined || e.kind === filter.kind) &&
          (filter.target === undefined || e.target === filter.target) &&
          (filter.backendKey === undefined || e.backendKey === filter.backendKey),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async update<P>(entry: OutboxEntry<P>): Promise<void> {
    await this.#use(
      (idb, db) => idb.set(entry.id, entry, db),
      (mem) => void mem.set(entry.id, structuredClone(entry)),
    );
  }

  async remove(id: string): Promise<void> {
    await this.#use(
      (idb, db) => idb.del(id, db),
      (mem) => void mem.delete(id),
    );
  }

  async #use<T>(
    withDb: (idb: IdbKeyval, db: UseStore) => Promise<T>,
    withMemory: (mem: Map<string, OutboxEntry<unknown>>) => T,
  ): Promise<T> {
    if (!this.#memory) {
      // Outside the try: failing to fetch the code (offline) must not switch the outbox to memory for good.
      const idb = await loadIdbKeyval();
      try {
        // Opened on first use: importing core must not touch IndexedDB.
        this.#store ??= idb.createStore(this.#dbName, this.#storeName);
        return await withDb(idb, this.#store);
      } catch (error) {
        if (!(error instanceof DOMException) && !(error instanceof TypeError)) throw error;
        console.warn('Tandem: IndexedDB is unavailable; unsent answers are kept only while this page is open.', error);
        this.#memory = new Map();
      }
    }
    return withMemory(this.#memory);
  }
}

/** The page's outbox. */
export const outbox = new Outbox();
