/**
 * Sites allowed to embed an organization's widgets: the origin rules the console checks as staff type
 * and the server checks again before saving. An empty list means any site may embed.
 */
import type { FieldError } from './problem.js';

/** How many sites one organization may list. */
export const EMBED_ORIGINS_MAX = 50;

export interface EmbedOrigins {
  /** `https://host[:port]` origins, lower-case, no path; empty means any site. */
  origins: string[];
}

/** Development hosts that may use plain http: the browser never sends their traffic over a network. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The normalized origin (`https://school.example:8443`), or a reason it cannot be one. A trailing slash is
 * forgiven; a path, query, fragment, user name or wildcard is not, because a frame-ancestors source with
 * them would mean something else than "this site".
 */
export function normalizeEmbedOrigin(raw: string): { origin: string } | { problem: FieldError['code']; detail: string } {
  const text = raw.trim();
  if (text === '') return { problem: 'required', detail: 'Enter a site address such as https://school.example.' };
  if (text.includes('*')) return { problem: 'invalid-format', detail: 'List each site on its own; wildcards are not allowed.' };
  // Parsed by hand: this module also runs in browsers and has no URL type in its build.
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(text);
  if (!match)
    return { problem: 'invalid-format', detail: 'Enter a whole address that starts with https://, such as https://school.example.' };
  const scheme = match[1]!.toLowerCase();
  const authority = match[2]!.toLowerCase();
  const rest = match[3]!;
  if (authority.includes('@')) return { problem: 'invalid-format', detail: 'A site address has no user name or password.' };
  if (rest !== '' && rest !== '/') {
    return { problem: 'invalid-format', detail: 'Give only the site (https://school.example), without a page path.' };
  }
  const hostPort = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)(:(\d{1,5}))?$/.exec(
    authority,
  );
  if (!hostPort || (hostPort[6] !== undefined && Number(hostPort[6]) > 65535)) {
    return {
      problem: 'invalid-format',
      detail: 'This is not a valid site name; write international names in their xn-- form.',
    };
  }
  const host = hostPort[1]!;
  if (scheme !== 'https' && !(scheme === 'http' && LOOPBACK_HOST.test(host))) {
    return { problem: 'invalid-format', detail: 'Use https:// (plain http:// only for localhost while developing).' };
  }
  const port = hostPort[6] === undefined ? undefined : String(Number(hostPort[6]));
  // Browsers leave the default port out of Origin, so the list must too.
  const defaultPort = scheme === 'https' ? '443' : '80';
  return { origin: `${scheme}://${host}${port && port !== defaultPort ? `:${port}` : ''}` };
}

/**
 * Checks and normalizes a whole list: errors point at `/origins/<index>` of the list as sent; duplicates
 * (after normalizing) are dropped silently, keeping the first.
 */
export function checkEmbedOrigins(list: readonly string[]): { origins: string[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const origins: string[] = [];
  list.forEach((raw, index) => {
    const result = normalizeEmbedOrigin(raw);
    if ('problem' in result) errors.push({ pointer: `/origins/${index}`, code: result.problem, detail: result.detail });
    else if (!origins.includes(result.origin)) origins.push(result.origin);
  });
  if (origins.length > EMBED_ORIGINS_MAX) {
    errors.push({
      pointer: '/origins',
      code: 'too-many',
      detail: `List at most ${EMBED_ORIGINS_MAX} sites.`,
      params: { max: EMBED_ORIGINS_MAX },
    });
  }
  return { origins, errors };
}
