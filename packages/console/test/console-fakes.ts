/** A stand-in server for the console's component tests: sessions for each role, and staff routes answered from a script. */
import { waitUntil } from '@open-wc/testing';
import type { ConsoleRole, ConsoleSession, RouteSpec } from '@tandem/protocol';
import { ConsoleError, type CallOptions, type ConsoleApi } from '../src/console-client.js';

export function sessionFor(role: ConsoleRole, csrfToken = 'csrf-token-1'): ConsoleSession {
  return {
    user: { id: 'u1', name: 'Ada Lovelace', email: 'ada@lincoln.example', role, locale: 'en' },
    organization: { id: 'o1', slug: 'lincoln', name: 'Lincoln District' },
    schools: [
      { id: 's1', name: 'Lincoln Elementary', role: role === 'staff' ? 'staff' : 'admin' },
      { id: 's2', name: 'Lincoln Middle', role: 'staff' },
    ],
    csrfToken,
    idleExpiresAt: new Date(Date.now() + 3600_000).toISOString(),
    expiresAt: new Date(Date.now() + 7200_000).toISOString(),
  };
}

export interface RecordedCall {
  route: RouteSpec;
  options: CallOptions;
}

/** Signed in from the start; `answer` decides what each staff route returns (or throws). */
export class FakeConsoleApi implements ConsoleApi {
  calls: RecordedCall[] = [];
  answer: (route: RouteSpec, options: CallOptions) => unknown = () => ({});

  constructor(public session: ConsoleSession | undefined) {}

  async getSession() {
    return this.session;
  }
  async signIn(): Promise<ConsoleSession> {
    if (!this.session) throw new ConsoleError('signed-out', 401);
    return this.session;
  }
  async signOut() {
    this.session = undefined;
  }
  async signOutEverywhere() {
    this.session = undefined;
  }
  async requestPasswordReset() {}
  async completePasswordReset() {}
  async call<T>(route: RouteSpec, options: CallOptions = {}): Promise<T> {
    this.calls.push({ route, options });
    return this.answer(route, options) as T;
  }
  callsTo(route: RouteSpec): RecordedCall[] {
    return this.calls.filter((c) => c.route === route);
  }
}

export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The element focused through nested shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Types into a field the way a person does: value, then an input event. */
export async function type(root: ShadowRoot, id: string, value: string, host: { updateComplete: Promise<unknown> }) {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`);
  if (!field) throw new Error(`no field #${id}`);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await host.updateComplete;
}

export async function choose(root: ShadowRoot, id: string, value: string, host: { updateComplete: Promise<unknown> }) {
  const select = root.querySelector<HTMLSelectElement>(`#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await host.updateComplete;
}

export async function settle(host: { updateComplete: Promise<unknown>; busy?: boolean }) {
  await waitUntil(() => !host.busy);
  await host.updateComplete;
}
