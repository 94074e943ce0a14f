/**
 * The server's sealing key, for secrets kept in the database (HS256 identity secrets). It comes from
 * TANDEM_SECRET_KEY; without it a random key is made once and kept in the database, which still keeps
 * secrets out of logs and exports but not away from someone holding a copy of the database.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/schema.js';
import { sealWith, unsealWith } from '../secrets.js';

const STORED_KEY_ID = 'identity-sealing';

export class ServerKey {
  #key: Promise<string> | undefined;
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly configured: string | undefined,
  ) {}

  get(): Promise<string> {
    this.#key ??= this.configured ? Promise.resolve(this.configured) : this.#stored();
    return this.#key;
  }

  async seal(plaintext: string): Promise<string> {
    return sealWith(await this.get(), plaintext);
  }

  async unseal(sealed: string): Promise<string | undefined> {
    return unsealWith(await this.get(), sealed);
  }

  async #stored(): Promise<string> {
    await this.db
      .insertInto('server_keys')
      .values({ id: STORED_KEY_ID, secret: randomBytes(32).toString('base64url'), created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const row = await this.db.selectFrom('server_keys').select('secret').where('id', '=', STORED_KEY_ID).executeTakeFirstOrThrow();
    return row.secret;
  }
}
