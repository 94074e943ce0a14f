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
export interface ConsoleApi {
  getSession(): Promise<ConsoleSession | undefined>;
  signIn(email: string, password: string): Promise<ConsoleSession>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
  requestPasswordReset(email: string): Promise<void>;
  completePasswordReset(token: string, password: string): Promise<void>;
}

export class ConsoleClient implements ConsoleApi {
  #csrfToken: string | undefined;

  constructor(private readonly baseUrl: string = globalThis.location?.origin ?? '') {}

  async getSession(): Promise<ConsoleSession | undefined> {
    try {
      return this.#remember(await this.#call<ConsoleSession>(routes.getSession));
    } catch (error) {
      if (error instanceof ConsoleError && error.kind === 'signed-out') return undefined;
      throw error;
    }
  }

  async signIn(email: string, password: string): Promise<ConsoleSession> {
    return this.#remember(await this.#call<ConsoleSession>(routes.signIn, { email, password }));
  }

  async signOut(): Promise<void> {
    await this.#call(routes.signOut);
    this.#csrfToken = undefined;
  }

  async signOutEverywhere(): Promise<void> {
    await this.#call(routes.signOutEverywhere);
    this.#csrfToken = undefined;
  }

  async requestPasswordReset(email: string): Promise<void> {
    await this.#call(routes.requestPasswordReset, { email });
  }

  async completePasswordReset(token: string, password: string): Promise<void> {
    await this.#call(routes.completePasswordReset, { token, password });
  }

  #remember(session: ConsoleSession): ConsoleSession {
    this.#csrfToken = session.csrfToken;
    return session;
  }

  // Takes the route itself (`routes.signIn`), so bundlers that keep only the routes browser code names can see it.
  async #call<T>(route: RouteSpec, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (route.method !== 'GET' && this.#csrfToken) headers[CSRF_HEADER] = this.#csrfToken;
    let response: Response;
    try {
      response = await fetch(new URL(routePath(route), this.baseUrl || undefined), {
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
