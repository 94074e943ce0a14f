/**
 * Requests the tool makes to an LMS (OpenID configuration, registration, token endpoint, rosters). Their
 * URLs come from an LMS or an admin, so they keep to the same address policy as identity JWKS fetches:
 * https, public addresses only (checked on the address actually connected to), no redirects, a time
 * limit and a size limit.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isLoopbackAddress, isPublicAddress } from '../identity/address-policy.js';
import { jwksUrlProblem, type JwksFetchPolicy } from '../identity/jwks-fetch.js';

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export class OutboundError extends Error {}

/** Why the tool may not call `url`, or undefined. */
export function urlProblem(url: string, policy: JwksFetchPolicy): string | undefined {
  return jwksUrlProblem(url, policy)?.replace('A JWKS URL', 'This address');
}

function checkedLookup(policy: JwksFetchPolicy): LookupFunction {
  const allowed = (address: string) =>
    policy.allowPrivateHosts || isPublicAddress(address) || (policy.allowLoopback && isLoopbackAddress(address));
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family === 4 || options.family === 6 ? options.family : 0 }).then(
      (addresses) => {
        const refused = addresses.find((a) => !allowed(a.address));
        if (refused || addresses.length === 0) {
          return callback(new OutboundError(`${hostname} does not resolve to a public address`), '', 0);
        }
        if (options.all) (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

export function outboundRequest(
  policy: JwksFetchPolicy,
  url: string,
  init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
): Promise<OutboundResponse> {
  return new Promise((resolve, reject) => {
    const problem = urlProblem(url, policy);
    if (problem) return reject(new OutboundError(`${problem} (${url})`));
    const target = new URL(url);
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
    const request = (target.protocol === 'https:' ? https : http).request(target, {
      method: init.method ?? 'GET',
      headers,
      lookup: checkedLookup(policy),
      timeout: policy.timeoutMs,
      agent: false,
    });
    request.on('timeout', () => request.destroy(new OutboundError(`no answer from ${target.host} within ${policy.timeoutMs} ms`)));
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > policy.maxBytes) {
          response.destroy();
          reject(new OutboundError(`the answer from ${target.host} is larger than ${policy.maxBytes} bytes`));
        } else chunks.push(chunk);
      });
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.end(init.body);
  });
}

/** GET or POST expecting a JSON object back with a 2xx status. */
export async function outboundJson(
  policy: JwksFetchPolicy,
  url: string,
  init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
): Promise<{ json: Record<string, unknown>; headers: http.IncomingHttpHeaders }> {
  const response = await outboundRequest(policy, url, init);
  if (response.status < 200 || response.status > 299) {
    throw new OutboundError(`${new URL(url).host} answered ${response.status}: ${response.text.slice(0, 200)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    throw new OutboundError(`${new URL(url).host} did not answer with JSON`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new OutboundError(`${new URL(url).host} did not answer with a JSON object`);
  return { json: json as Record<string, unknown>, headers: response.headers };
}
