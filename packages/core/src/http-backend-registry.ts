/**
 * How a widget finds its HTTP client without putting it in the first download. http-backend.ts registers its
 * `httpBackendFor` here when it runs; until then (the CDN build fetches it as a chunk of its own, started when a
 * widget is defined) a URL resolves to a stand-in that forwards each request once the client has arrived.
 */
import { BackendError, type Backend } from './backend.js';
import { lazyUi } from './lazy-ui.js';

type HttpBackendFactory = (baseUrl: string) => Backend;

let factory: HttpBackendFactory | undefined;
const standIns = new Map<string, Backend>();

/** Called by http-backend.ts as it runs, so every later lookup returns the real, shared HttpBackend. */
export function provideHttpBackends(make: HttpBackendFactory): void {
  factory ??= make;
}

/** Fetches the HTTP client once per page (again after a failure); resolves when it has registered itself. */
export const loadHttpBackends = lazyUi(
  () => import('./http-backend.js'),
  () => undefined,
);

/** Absolute base URL with a trailing slash and no query or hash: an HttpBackend's `baseUrl` and outbox key. */
export function httpBaseUrl(baseUrl: string): string {
  const resolved = new URL(baseUrl, globalThis.document?.baseURI ?? globalThis.location?.href);
  if (!resolved.pathname.endsWith('/')) resolved.pathname += '/';
  resolved.search = '';
  resolved.hash = '';
  return resolved.href;
}

/** The HttpBackend for `baseUrl`, or its stand-in while the client is still on its way. Throws on a malformed URL. */
export function backendForUrl(baseUrl: string): Backend {
  if (factory) return factory(baseUrl);
  const absolute = httpBaseUrl(baseUrl);
  let standIn = standIns.get(absolute);
  if (!standIn) standIns.set(absolute, (standIn = forwardingBackend(absolute)));
  return standIn;
}

/**
 * Backend's request methods, told apart by their verb (a list of all twelve names would cost every first paint
 * more bytes). `eventCalendarUrl` answers at once, and `then` must stay absent, so the stand-in has neither.
 */
const FORWARDED = /^(get|submit|create|update|cancel|list|complete)[A-Z]/;
type Forwarded = `${'get' | 'submit' | 'create' | 'update' | 'cancel' | 'list' | 'complete'}${string}`;
// Fails to compile when Backend gains a request method whose verb the pattern above does not forward.
const everyMethodForwarded: [Exclude<keyof Backend, Forwarded | 'eventCalendarUrl'>] extends [never] ? true : never = true;
void everyMethodForwarded;

/** Same `key` and `baseUrl` as the HttpBackend it stands for, so outbox entries match; each request waits for the client. */
function forwardingBackend(baseUrl: string): Backend {
  const own: Record<string, unknown> = { key: baseUrl, baseUrl };
  return new Proxy(own, {
    get: (target, name) =>
      typeof name !== 'string' || name in target || !FORWARDED.test(name)
        ? target[name as string]
        : (...args: unknown[]) =>
            loadHttpBackends()
              .catch(() => {
                // Offline since the page opened: the same failure a request would meet, so the outbox keeps the entry.
                throw new BackendError('offline', 'Could not fetch the Tandem client code');
              })
              .then(() => {
                const backend = factory!(baseUrl) as unknown as Record<string, (...a: unknown[]) => unknown>;
                return backend[name]!(...args);
              }),
  }) as unknown as Backend;
}
