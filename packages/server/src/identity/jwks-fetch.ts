/**
 * Fetching an organization's JWKS without letting its URL aim the server at its own network: https only
 * (http just for this machine in development), every address the host name resolves to must be public
 * (checked on the address actually connected to, so DNS cannot answer one thing to the check and another
 * to the connection), no redirects (jose refuses anything but 200), a time limit and a size limit.
 */
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isLocalHostName, isLoopbackAddress, isPublicAddress } from './address-policy.js';

export interface JwksFetchPolicy {
  /**
   * Tests only: lets JWKS URLs reach private, loopback and link-local addresses (and use http on loopback),
   * for a JWKS server the test runs itself. Production configuration never sets it.
   */
  allowPrivateHosts: boolean;
  /** Development and demo: lets JWKS URLs point at this machine (http://localhost:…), and nowhere else private. */
  allowLoopback: boolean;
  /** Largest JWKS accepted, in bytes. */
  maxBytes: number;
  /** Longest wait for the connection and for each chunk of the answer. */
  timeoutMs: number;
  /** Resolves a host name to all its addresses (default dns.lookup); tests stand in for DNS here. */
  resolve?: (hostname: string, family: number) => Promise<LookupAddress[]>;
}

const systemResolve = (hostname: string, family: number) => dnsLookup(hostname, { all: true, family });

export const JWKS_MAX_BYTES = 256 * 1024;

function addressAllowed(address: string, policy: JwksFetchPolicy): boolean {
  return policy.allowPrivateHosts || isPublicAddress(address) || (policy.allowLoopback && isLoopbackAddress(address));
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/** Why a JWKS URL may not be used, or undefined when it may (host names are checked again when fetched). */
export function jwksUrlProblem(url: string, policy: Pick<JwksFetchPolicy, 'allowPrivateHosts' | 'allowLoopback'>): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not a URL.';
  }
  if (parsed.username || parsed.password) return 'A JWKS URL carries no user name or password.';
  const host = bare(parsed.hostname);
  const local = isLocalHostName(host) || (isIP(host) !== 0 && isLoopbackAddress(host));
  const mayBeLocal = policy.allowPrivateHosts || policy.allowLoopback;
  if (parsed.protocol === 'http:') {
    if (!(local && mayBeLocal)) return 'A JWKS URL must use https (http only for localhost while developing).';
  } else if (parsed.protocol !== 'https:') return 'A JWKS URL must use https.';
  if (isLocalHostName(host) && !mayBeLocal) return 'A JWKS URL must point at a public host, not localhost.';
  if (isIP(host) !== 0 && !addressAllowed(host, { ...policy, maxBytes: 0, timeoutMs: 0 })) {
    return 'A JWKS URL must point at a public address, not a private, loopback or link-local one.';
  }
  return undefined;
}

class RefusedAddressError extends Error {
  readonly code = 'ERR_JWKS_ADDRESS_REFUSED';
}

/** dns.lookup, refusing the connection when any address of the name is not allowed (a mixed answer is suspicious). */
function checkedLookup(policy: JwksFetchPolicy): LookupFunction {
  const resolve = policy.resolve ?? systemResolve;
  return (hostname, options, callback) => {
    resolve(hostname, options.family === 4 || options.family === 6 ? options.family : 0).then(
      (addresses) => {
        const refused = addresses.find((a) => !addressAllowed(a.address, policy));
        if (refused || addresses.length === 0) {
          const reason = refused
            ? `${hostname} resolves to ${refused.address}, which is not a public address`
            : `${hostname} has no address`;
          return callback(new RefusedAddressError(reason), '', 0);
        }
        if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** A fetch for jose's createRemoteJWKSet that keeps to `policy`. Redirects come back as they are, and jose refuses them. */
export function guardedJwksFetch(policy: JwksFetchPolicy) {
  return (url: string, init: { headers?: Headers; signal?: AbortSignal }): Promise<Response> =>
    new Promise((resolve, reject) => {
      const problem = jwksUrlProblem(url, policy);
      if (problem) return reject(new RefusedAddressError(problem));
      const target = new URL(url);
      const headers: Record<string, string> = { accept: 'application/json, application/jwk-set+json' };
      init.headers?.forEach((value, name) => (headers[name] = value));
      const request = (target.protocol === 'https:' ? https : http).request(target, {
        method: 'GET',
        headers,
        lookup: checkedLookup(policy),
        timeout: policy.timeoutMs,
        ...(init.signal ? { signal: init.signal } : {}),
        // A fresh connection each time: a pooled one could have been opened under another policy.
        agent: false,
      });
      request.on('timeout', () => request.destroy(new Error(`no answer from ${target.host} within ${policy.timeoutMs} ms`)));
      request.on('error', reject);
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > policy.maxBytes) {
          response.destroy();
          return reject(new Error(`the JWKS at ${target.host} is larger than ${policy.maxBytes} bytes`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxBytes) {
            response.destroy();
            reject(new Error(`the JWKS at ${target.host} is larger than ${policy.maxBytes} bytes`));
          } else chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          const nullBody = status === 204 || status === 205 || status === 304;
          try {
            resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status: status >= 200 && status <= 599 ? status : 502 }));
          } catch (error) {
            reject(error as Error);
          }
        });
      });
      request.end();
    });
}
