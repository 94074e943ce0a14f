/** Settings of the LTI tool: where it is reachable, which hosts it may call, how much clock skew it forgives. */
import type { JwksFetchPolicy } from '../identity/jwks-fetch.js';

export interface LtiOptions {
  /**
   * The tool's public address (default: the messaging public URL, else `TANDEM_PUBLIC_URL`). Every URL the
   * LMS is given (login, redirect, JWKS) is built on it; never taken from a request's Host header.
   */
  publicUrl?: string;
  /** Tests only: lets platform URLs reach loopback and private addresses (and use http there). */
  allowPrivateHosts?: boolean;
  /** Development: lets platform URLs be http://localhost. */
  allowLoopback?: boolean;
  /** Shortest wait before a platform's JWKS is fetched again for an unknown `kid` (default 10 s). */
  jwksCooldownMs?: number;
  /** Clock skew forgiven on `exp`/`iat` (default 60 s). */
  clockSkewSeconds?: number;
  /** Oldest `iat` accepted (default 10 minutes). */
  maxTokenAgeSeconds?: number;
  /** How long a login may take before its launch arrives (default 10 minutes). */
  loginTtlMs?: number;
}

export interface LtiConfig {
  /** Without trailing slash; undefined when the server has no public address (LTI then explains itself). */
  baseUrl: string | undefined;
  fetchPolicy: JwksFetchPolicy;
  jwksCooldownMs: number;
  clockSkewSeconds: number;
  maxTokenAgeSeconds: number;
  loginTtlMs: number;
}

export function ltiConfig(options: LtiOptions, fallbackPublicUrl: string | undefined, development: boolean): LtiConfig {
  const raw = options.publicUrl ?? fallbackPublicUrl ?? (process.env.TANDEM_PUBLIC_URL || undefined);
  return {
    baseUrl: raw ? raw.replace(/\/+$/, '') : undefined,
    fetchPolicy: {
      allowPrivateHosts: options.allowPrivateHosts ?? false,
      allowLoopback: options.allowLoopback ?? development,
      maxBytes: 512 * 1024,
      timeoutMs: 10_000,
    },
    jwksCooldownMs: options.jwksCooldownMs ?? 10_000,
    clockSkewSeconds: options.clockSkewSeconds ?? 60,
    maxTokenAgeSeconds: options.maxTokenAgeSeconds ?? 600,
    loginTtlMs: options.loginTtlMs ?? 10 * 60_000,
  };
}

/** The tool's own URLs, as the LMS is told them. */
export function toolUrls(baseUrl: string, organizationSlug?: string) {
  return {
    registrationUrl: organizationSlug ? `${baseUrl}/lti/register/${encodeURIComponent(organizationSlug)}` : `${baseUrl}/lti/register/`,
    loginUrl: `${baseUrl}/lti/login`,
    redirectUrl: `${baseUrl}/lti/launch`,
    jwksUrl: `${baseUrl}/lti/jwks`,
    targetLinkUrl: `${baseUrl}/lti/launch`,
    deepLinkUrl: `${baseUrl}/lti/deep-link`,
    configUrl: `${baseUrl}/lti/config.json`,
  };
}
