/** Settings of console sign-in that requireStaff and the session routes share, decorated onto the app. */
import type { FastifyRequest } from 'fastify';

export interface ConsoleAuthOptions {
  /** A session unused this long ends (default 2 hours). */
  idleTimeoutMs?: number;
  /** A session ends this long after sign-in however busy it is (default 12 hours). */
  absoluteTimeoutMs?: number;
  /** Failed sign-ins one account may have within `throttleWindowMs` before it must wait (default 5). */
  accountFailureLimit?: number;
  /** Failed sign-ins one IP address may have within `throttleWindowMs` (default 30). */
  ipFailureLimit?: number;
  /** Window the failure limits count over (default 15 minutes). */
  throttleWindowMs?: number;
}

export interface ConsoleAuthConfig {
  idleTimeoutMs: number;
  absoluteTimeoutMs: number;
  accountFailureLimit: number;
  ipFailureLimit: number;
  throttleWindowMs: number;
  /** This server's public address; its scheme decides the cookie's Secure flag and `__Host-` name. */
  publicUrl: string | undefined;
  /** `__Host-tandem-session` over https (Secure, no Domain, Path=/), `tandem-session` over plain http. */
  cookieName: string;
  secureCookie: boolean;
}

export function consoleAuthConfig(options: ConsoleAuthOptions, publicUrl: string | undefined): ConsoleAuthConfig {
  const secureCookie = publicUrl?.startsWith('https://') ?? false;
  return {
    idleTimeoutMs: options.idleTimeoutMs ?? 2 * 3600_000,
    absoluteTimeoutMs: options.absoluteTimeoutMs ?? 12 * 3600_000,
    accountFailureLimit: options.accountFailureLimit ?? 5,
    ipFailureLimit: options.ipFailureLimit ?? 30,
    throttleWindowMs: options.throttleWindowMs ?? 15 * 60_000,
    publicUrl,
    // Browsers accept a `__Host-` cookie only when it is Secure, so plain-http development uses a plain name.
    cookieName: secureCookie ? '__Host-tandem-session' : 'tandem-session',
    secureCookie,
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    consoleAuth?: ConsoleAuthConfig;
  }
}

/** The origin the console is served from: the public URL's, or failing that the request's own. */
export function allowedOrigins(config: ConsoleAuthConfig | undefined, request: FastifyRequest): string[] {
  const origins = [`${request.protocol}://${request.host}`];
  if (config?.publicUrl) {
    try {
      origins.push(new URL(config.publicUrl).origin);
    } catch {
      // An unparsable public URL adds nothing; the request's own origin still stands.
    }
  }
  return origins;
}

/**
 * Whether a cookie-authenticated request may have come from a page of another site. Browsers send Origin with
 * every POST, PUT, PATCH and DELETE; Sec-Fetch-Site where they support it. A request with neither is
 * not from a modern browser and still has to carry the CSRF header, which no other site can set.
 */
export function isCrossSite(config: ConsoleAuthConfig | undefined, request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedOrigins(config, request).includes(origin)) return true;
  const site = request.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
