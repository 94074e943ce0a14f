/**
 * The tool's own RS256 keys: it signs deep-linking responses and client assertions with the current
 * key, and publishes the current and the previous key at /lti/jwks, so an LMS that cached the old set
 * keeps verifying while it catches up after a rotation. Private keys are sealed with the server key.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import type { ServerKey } from '../identity/server-key.js';

type Db = Kysely<DatabaseSchema>;

export interface SigningKey {
  kid: string;
  key: CryptoKey;
}

/** How long this process trusts its idea of the current key (another process may rotate). */
const CACHE_MS = 60_000;

export class ToolKeys {
  #cached: { at: number; key: Promise<SigningKey> } | undefined;

  constructor(
    private readonly db: Db,
    private readonly serverKey: ServerKey,
  ) {}

  /** The key to sign with; the first call on a fresh database makes one. */
  current(): Promise<SigningKey> {
    if (!this.#cached || Date.now() - this.#cached.at > CACHE_MS) {
      const key = this.#load();
      key.catch(() => (this.#cached = undefined));
      this.#cached = { at: Date.now(), key };
    }
    return this.#cached.key;
  }

  /** Public keys only: every unretired key (normally one) and the most recently retired one. */
  async publicJwks(): Promise<{ keys: JWK[] }> {
    await this.current();
    const active = await this.db
      .selectFrom('lti_tool_keys')
      .select('public_jwk')
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    const previous = await this.db
      .selectFrom('lti_tool_keys')
      .select('public_jwk')
      .where('retired_at', 'is not', null)
      .orderBy('retired_at', 'desc')
      .limit(1)
      .execute();
    return { keys: [...active, ...previous].map((row) => JSON.parse(row.public_jwk) as JWK) };
  }

  /** Makes a new current key and retires the others; returns the new `kid`. */
  async rotate(): Promise<string> {
    const now = new Date().toISOString();
    const kid = await this.#create(now);
    await this.db.updateTable('lti_tool_keys').set({ retired_at: now }).where('kid', '!=', kid).where('retired_at', 'is', null).execute();
    this.#cached = undefined;
    return kid;
  }

  async #load(): Promise<SigningKey> {
    let row = await this.#newest();
    if (!row) {
      await this.#create(new Date().toISOString());
      row = await this.#newest();
    }
    if (!row) throw new Error('No LTI tool key could be made.');
    const sealed = await this.serverKey.unseal(row.sealed_private_jwk);
    if (!sealed) throw new Error('The LTI tool key cannot be unsealed: TANDEM_SECRET_KEY changed since it was made. Rotate the key.');
    return { kid: row.kid, key: (await importJWK(JSON.parse(sealed) as JWK, 'RS256')) as CryptoKey };
  }

  #newest() {
    return this.db
      .selectFrom('lti_tool_keys')
      .select(['kid', 'sealed_private_jwk'])
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('kid', 'desc')
      .executeTakeFirst();
  }

  async #create(createdAt: string): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
    await this.db
      .insertInto('lti_tool_keys')
      .values({
        kid,
        sealed_private_jwk: await this.serverKey.seal(JSON.stringify(privateJwk)),
        public_jwk: JSON.stringify(publicJwk),
        created_at: createdAt,
        retired_at: null,
      })
      .execute();
    return kid;
  }
}
