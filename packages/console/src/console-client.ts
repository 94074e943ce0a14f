/**
 * The console's API client: same-origin fetches that carry the session cookie, and the CSRF token the session
 * hands out on every write. Errors come back as ConsoleError kinds the screens turn into words.
 */
import { CSRF_HEADER, routePath, routes, type ConsoleSession, type RouteSpec } from '@tandem/protocol';

export type ConsoleErrorKind = 'signed-out' | 'rate-limited' | 'invalid' | 'forbidden' | 'network' | 'server';

export class ConsoleError extends Error {
  constructor(
    readonly kind: ConsoleErrorKind,
    readonly status = 0,
    /** Seconds to wait, for `rate-limited`. */
    readonly retryAfter = 0,
    /** JSON pointers of refused fields, for `invalid`. */
    readonly fields: string[] = [],
  ) {
    super(kind);
    this.name = 'ConsoleError';
  }
}

/** What the console needs from a server; tests hand the element a stand-in. */
export interface ConsoleApi extends ConsoleCaller {
  getSession(): Promise<ConsoleSession | undefined>;
  signIn(email: string, password: string): Promise<ConsoleSession>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
  requestPasswordReset(email: string): Promise<void>;
  completePasswordReset(token: string, password: string): Promise<void>;
}

/**
 * Any staff API call from a console screen, with the session cookie and CSRF token: `params` fill the route's
 * `:name` segments, `query` becomes the search string. Screens take this rather than the whole client.
 */
export interface ConsoleCaller {
  call<T>(route: RouteSpec, options?: CallOptions): Promise<T>;
}

export interface CallOptions {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  /**
   * For routes that take one (creates): pass the same key when retrying one form submission, so a create that
   * reached the server before the connection dropped is not made twice. A fresh key is made when absent.
   */
  idempotencyKey?: string;
}

export class ConsoleClient implements ConsoleApi, ConsoleCaller {
  #csrfToken: string | undefined;

  constructor(private readonly baseUrl: string = globalThis.location?.origin ?? '') {}

  async getSession(): Promise<ConsoleSession | undefined> {
    try {
      return this.#remember(await this.call<ConsoleSession>(routes.getSession));
    } catch (error) {
      if (error instanceof ConsoleError && error.kind === 'signed-out') return undefined;
      throw error;
    }
  }

  async signIn(email: string, password: string): Promise<ConsoleSession> {
    return this.#remember(await this.call<ConsoleSession>(routes.signIn, { body: { email, password } }));
  }

  async signOut(): Promise<void> {
    await this.call(routes.signOut);
    this.#csrfToken = undefined;
  }

  async signOutEverywhere(): Promise<void> {
    await this.call(routes.signOutEverywhere);
    this.#csrfToken = undefined;
  }

  async requestPasswordReset(email: string): Promise<void> {
    await this.call(routes.requestPasswordReset, { body: { email } });
  }

  async completePasswordReset(token: string, password: string): Promise<void> {
    await this.call(routes.completePasswordReset, { body: { token, password } });
  }

  #remember(session: ConsoleSession): ConsoleSession {
    this.#csrfToken = session.csrfToken;
    return session;
  }

  // Takes the route itself (`routes.signIn`), so bundlers that keep only the routes browser code names can see it.
  async call<T>(route: RouteSpec, { params = {}, body, query, idempotencyKey }: CallOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (route.idempotent) headers['idempotency-key'] = idempotencyKey ?? crypto.randomUUID();
    if (route.method !== 'GET' && this.#csrfToken) headers[CSRF_HEADER] = this.#csrfToken;
    let response: Response;
    try {
      const url = new URL(routePath(route, params), this.baseUrl || undefined);
      for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
      response = await fetch(url, {
        method: route.method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ConsoleError('network');
    }
    if (response.ok) return (response.status === 204 || response.status === 202 ? undefined : await response.json()) as T;
    const problem = (await response.json().catch(() => ({}))) as { errors?: { pointer: string }[] };
    if (response.status === 401) throw new ConsoleError('signed-out', 401);
    if (response.status === 403) throw new ConsoleError('forbidden', 403);
    if (response.status === 429) throw new ConsoleError('rate-limited', 429, Number(response.headers.get('retry-after')) || 60);
    if (response.status === 422 || response.status === 400) {
      throw new ConsoleError(
        'invalid',
        response.status,
        0,
        (problem.errors ?? []).map((e) => e.pointer),
      );
    }
    throw new ConsoleError('server', response.status);
  }
}
