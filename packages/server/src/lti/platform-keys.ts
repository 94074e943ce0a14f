/** Each platform's JWKS, cached per URL; jose fetches it again when a token names a `kid` it has not seen (key rotation). */
import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import { guardedJwksFetch } from '../identity/jwks-fetch.js';
import type { LtiConfig } from './config.js';

export class PlatformKeys {
  readonly #sets = new Map<string, JWTVerifyGetKey>();
  constructor(private readonly config: LtiConfig) {}

  forUrl(url: string): JWTVerifyGetKey {
    let set = this.#sets.get(url);
    if (!set) {
      set = createRemoteJWKSet(new URL(url), {
        timeoutDuration: this.config.fetchPolicy.timeoutMs,
        cooldownDuration: this.config.jwksCooldownMs,
        cacheMaxAge: 600_000,
        [customFetch]: guardedJwksFetch(this.config.fetchPolicy),
      });
      this.#sets.set(url, set);
    }
    return set;
  }
}
