/**
 * Enforces an organization's allowed embedding sites: the CSP `frame-ancestors` of its embed pages, and a
 * refusal (403, no CORS grant) for browser calls to the public and family API from any other site. A
 * request without `Origin` (a server, curl, a same-origin GET) is not a cross-site embed and passes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_TYPES } from '@tandem/protocol';
import { HttpProblem } from '../problems.js';
import { EMBED_WIDGET_KINDS, type ContentOwners } from './owners.js';
import type { EmbedOriginCache } from './store.js';

export interface EmbedOriginChecks {
  owners: ContentOwners;
  policies: EmbedOriginCache;
  /** `TANDEM_PUBLIC_URL`, when set: the server's own address as families' browsers see it. */
  publicUrl?: string | undefined;
}

/** The server's own origins: pages it serves (embed frames, the demo, the console) always reach its API. */
function isOwnOrigin(request: FastifyRequest, origin: string, publicUrl: string | undefined): boolean {
  // Browsers leave the scheme's default port out of Origin, while a Host header may carry it.
  const defaultPort = request.protocol === 'https' ? ':443' : ':80';
  const host = request.host.toLowerCase();
  const own = `${request.protocol}://${host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host}`;
  if (origin === own) return true;
  if (!publicUrl) return false;
  try {
    return new URL(publicUrl).origin === origin;
  } catch {
    return false;
  }
}

const notAllowed = (organizationName: string) =>
  new HttpProblem({
    status: 403,
    type: PROBLEM_TYPES.forbidden,
    title: 'Forbidden',
    detail: `This site is not allowed to embed ${organizationName} content.`,
  });

/**
 * A global preHandler for public paths (see app.ts `isPublicPath`): it runs after the route's parameters
 * and body are parsed, so it can tell whose content is asked for. @fastify/cors has granted any origin by
 * then; a refusal takes that grant back, so the browser also withholds the answer from the page.
 */
export function embedOriginGuard(checks: EmbedOriginChecks, isPublicPath: (url: string) => boolean) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers.origin;
    if (typeof header !== 'string' || !isPublicPath(request.url)) return;
    const origin = header.toLowerCase();
    if (isOwnOrigin(request, origin, checks.publicUrl)) return;
    const organizationId = await checks.owners.ofRequest(request);
    if (!organizationId) return;
    const policy = await checks.policies.get(organizationId);
    if (policy.origins.length === 0 || policy.origins.includes(origin)) return;
    for (const name of ['access-control-allow-origin', 'access-control-expose-headers', 'access-control-allow-credentials']) {
      reply.removeHeader(name);
    }
    throw notAllowed(policy.organizationName);
  };
}

/**
 * The `frame-ancestors` sources of an embed page: this server and the organization's sites, or undefined
 * when the organization allows any site (or the page names nothing the server knows).
 */
export function frameAncestorsResolver(checks: EmbedOriginChecks) {
  return async (widget: string, id: string, query: Record<string, string | undefined>): Promise<string[] | undefined> => {
    const kind =
      widget === 'resource-list' && query.scope === 'organization'
        ? 'organization-slug'
        : widget === 'sign-in'
          ? 'school'
          : Object.hasOwn(EMBED_WIDGET_KINDS, widget)
            ? EMBED_WIDGET_KINDS[widget]
            : undefined;
    if (!kind) return undefined;
    const organizationId = await checks.owners.of(kind, id);
    if (!organizationId) return undefined;
    const { origins } = await checks.policies.get(organizationId);
    return origins.length > 0 ? ["'self'", ...origins] : undefined;
  };
}
