/**
 * Verifies identity tokens (JWTs) signed by an organization's identity site with `jose`: signature by a
 * registered key, issuer, audience, expiry with bounded clock skew, then the claims Tandem reads:
 * `sub` (the family member), `name`, `locale` (or `preferred_language`), `email`, and `students`
 * (`[{ id, name, schoolId? }]`).
 */
import { createLocalJWKSet, createRemoteJWKSet, customFetch, decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Kysely } from 'kysely';
import { matchSupportedLocale, type FamilyStudent } from '@tandem/protocol';
import type { DatabaseSchema } from '../db/schema.js';
import type { IdentityVerifier, VerifiedIdentity } from '../identity.js';
import { upsertHostFamily, type HostIdentity } from './families.js';
import { activeKeysFor, type IdentityKeyRow } from './identity-keys.js';
import { guardedJwksFetch, JWKS_MAX_BYTES, jwksUrlProblem, type JwksFetchPolicy } from './jwks-fetch.js';
import type { ServerKey } from './server-key.js';

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface HostVerifierOptions {
  /** Seconds a token may be past `exp` (or before `nbf`) and still pass: clocks drift (default 60, at most 300). */
  clockToleranceSeconds?: number;
  /** Longest wait for a JWKS URL (default 5000 ms). */
  jwksTimeoutMs?: number;
  /** Least time between two fetches of one JWKS URL (default 30000 ms), so unknown `kid`s cannot hammer the identity site. */
  jwksCooldownMs?: number;
  /** Largest JWKS document accepted (default 256 KiB). */
  jwksMaxBytes?: number;
  /**
   * Development or demo mode: a JWKS URL may be http://localhost (a local identity site). Default: off;
   * createMessaging turns it on for `--demo` and NODE_ENV=development|test.
   */
  development?: boolean;
  /**
   * Tests only, never set by `tandem-server start`: JWKS URLs may reach private, loopback and link-local
   * addresses (a JWKS server the test runs on 127.0.0.1). Without it such URLs are refused when registered
   * and when fetched, whatever their host name resolves to.
   */
  allowPrivateJwksHosts?: boolean;
}

const MAX_STUDENTS = 20;
const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : undefined;

/** Reads Tandem's claims; undefined when they are malformed (a broken host token is refused, not half-used). */
export function identityFromClaims(payload: JWTPayload): HostIdentity | undefined {
  const issuer = text(payload.iss, 500);
  const subject = text(payload.sub, 200);
  if (!issuer || !subject) return undefined;
  const rawStudents = payload.students ?? [];
  if (!Array.isArray(rawStudents) || rawStudents.length > MAX_STUDENTS) return undefined;
  const students: FamilyStudent[] = [];
  for (const s of rawStudents as unknown[]) {
    if (typeof s !== 'object' || s === null) return undefined;
    const record = s as Record<string, unknown>;
    const id = text(record.id, 100);
    const name = text(record.name, 200);
    const schoolId = record.schoolId === undefined ? undefined : text(record.schoolId, 64);
    if (!id || !name || (record.schoolId !== undefined && !schoolId)) return undefined;
    students.push({ id, name, ...(schoolId ? { schoolId } : {}) });
  }
  const locale = matchSupportedLocale(text(payload.locale, 35) ?? text(payload.preferred_language, 35)) ?? 'en';
  const email = text(payload.email, 254);
  return { issuer, subject, name: text(payload.name, 200) ?? 'Family member', locale, ...(email ? { email } : {}), students };
}

export class HostSignedIdentityVerifier implements IdentityVerifier {
  readonly #remoteSets = new Map<string, JWTVerifyGetKey>();
  readonly #tolerance: number;
  readonly #jwksTimeoutMs: number;
  readonly #jwksCooldownMs: number;
  readonly #jwksPolicy: JwksFetchPolicy;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly serverKey: ServerKey,
    options: HostVerifierOptions = {},
  ) {
    this.#tolerance = Math.min(Math.max(options.clockToleranceSeconds ?? 60, 0), 300);
    this.#jwksTimeoutMs = options.jwksTimeoutMs ?? 5000;
    this.#jwksCooldownMs = options.jwksCooldownMs ?? 30_000;
    this.#jwksPolicy = {
      allowPrivateHosts: options.allowPrivateJwksHosts ?? false,
      allowLoopback: options.development ?? false,
      maxBytes: options.jwksMaxBytes ?? JWKS_MAX_BYTES,
      timeoutMs: this.#jwksTimeoutMs,
    };
  }

  /** Why staff may not register this JWKS URL, or undefined when they may. */
  jwksUrlProblem(url: string): string | undefined {
    return jwksUrlProblem(url, this.#jwksPolicy);
  }

  /** The verified identity, or null for any token that is not acceptable for this organization. */
  async verifyIdentity(token: string, organizationId: string): Promise<(HostIdentity & { keyId: string }) | null> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return null;
    }
    if (typeof issuer !== 'string') return null;
    for (const key of await activeKeysFor(this.db, organizationId, issuer)) {
      const payload = await this.#verifyWith(key, token);
      if (payload) {
        const identity = identityFromClaims(payload);
        return identity ? { ...identity, keyId: key.id } : null;
      }
    }
    return null;
  }

  async verify(token: string, organizationId: string): Promise<VerifiedIdentity | null> {
    const identity = await this.verifyIdentity(token, organizationId);
    if (!identity) return null;
    const { keyId, ...hostIdentity } = identity;
    const family = await upsertHostFamily(this.db, organizationId, hostIdentity);
    return { familyId: family.id, identityKeyId: keyId };
  }

  async #verifyWith(key: IdentityKeyRow, token: string): Promise<JWTPayload | undefined> {
    const options = {
      issuer: key.issuer,
      audience: key.audience,
      clockTolerance: this.#tolerance,
      requiredClaims: ['exp', 'sub'],
    };
    try {
      if (key.kind === 'hs256') {
        const secret = key.sealed_secret ? await this.serverKey.unseal(key.sealed_secret) : undefined;
        if (!secret) return undefined;
        return (await jwtVerify(token, new TextEncoder().encode(secret), { ...options, algorithms: ['HS256'] })).payload;
      }
      const keys = key.kind === 'jwk' ? createLocalJWKSet({ keys: [JSON.parse(key.public_jwk!)] }) : this.#remote(key.jwks_url!);
      return (await jwtVerify(token, keys, { ...options, algorithms: ASYMMETRIC })).payload;
    } catch {
      // Wrong key, bad signature, expired, wrong audience, unreachable JWKS: all mean "not accepted".
      return undefined;
    }
  }

  /** One cached key set per URL: jose refetches it when a token names an unknown `kid` (key rotation), at most once per cooldown. */
  #remote(url: string): JWTVerifyGetKey {
    let set = this.#remoteSets.get(url);
    if (!set) {
      set = createRemoteJWKSet(new URL(url), {
        timeoutDuration: this.#jwksTimeoutMs,
        cooldownDuration: this.#jwksCooldownMs,
        cacheMaxAge: 600_000,
        [customFetch]: guardedJwksFetch(this.#jwksPolicy),
      });
      this.#remoteSets.set(url, set);
    }
    return set;
  }
}
