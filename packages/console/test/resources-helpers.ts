/** Stand-ins for the Resources screen tests: a staff API keeping resources in memory, and mounting the screen at a hash. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import {
  localesOf,
  resourceTexts,
  routes,
  type ConsoleRole,
  type HsdsImportResult,
  type Resource,
  type ResourceFeedbackSummary,
  type ResourceInput,
  type ResourcePatch,
} from '@tandem/protocol';
import { ConsoleError } from '../src/console-client.js';
import '../src/screens/resources/console-resources.js';
import type { ConsoleResources } from '../src/screens/resources/resources-screen.js';
import { FakeConsoleApi, sessionFor } from './console-fakes.js';

export function makeResource(over: Partial<Resource> = {}): Resource {
  const base: Resource = {
    id: 'food-shelf',
    schoolIds: ['s1'],
    name: { en: 'Eastside Food Shelf', es: 'Banco de Alimentos Eastside' },
    organizationName: 'Eastside Neighbors',
    description: { en: 'Free groceries once a week.', es: 'Comestibles gratis una vez por semana.' },
    category: 'food',
    languages: ['en', 'es'],
    phones: [{ number: '651-555-0110', type: 'voice' }],
    timeZone: 'America/Chicago',
    schedule: { regular: [{ weekday: 2, opensAt: '10:00', closesAt: '18:00' }] },
    defaultLocale: 'en',
    locales: ['en', 'es'],
    status: 'published',
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-02T00:00:00Z',
  };
  return { ...base, ...over };
}

/** Answers the staff resource routes from memory; `refuseNext` makes the next create or update fail with field errors. */
export class ResourcesApi extends FakeConsoleApi {
  resources = new Map<string, Resource>();
  feedback: ResourceFeedbackSummary | undefined;
  refuseNext: string[] | undefined;
  importAnswer: HsdsImportResult | undefined;
  /** Stand-in for POST /content-translations; undefined answers like a server without a provider (503). */
  translate: ((body: { from: string; to: string[]; texts: string[] }) => unknown) | undefined;

  constructor(role: ConsoleRole = 'staff') {
    super(sessionFor(role));
    this.answer = (route, options) => {
      const now = new Date().toISOString();
      const id = options.params?.['resourceId'] ?? '';
      if ((route === routes.createResource || route === routes.updateResource) && this.refuseNext) {
        const fields = this.refuseNext;
        this.refuseNext = undefined;
        throw new ConsoleError('invalid', 422, 0, fields);
      }
      switch (route) {
        case routes.listResources:
          return { items: [...this.resources.values()] };
        case routes.getResourceFeedbackOverview:
          return {
            items: [...this.resources.values()].map((r) => ({
              resourceId: r.id,
              name: r.name,
              defaultLocale: r.defaultLocale,
              helpful: 3,
              notHelpful: 1,
            })),
          };
        case routes.getResource:
          return structuredClone(this.resources.get(id));
        case routes.createResource: {
          const input = options.body as ResourceInput;
          const made: Resource = {
            ...structuredClone(input),
            id: `r${this.resources.size + 1}`,
            status: 'draft',
            locales: localesOf(input.defaultLocale, resourceTexts(input)),
            createdAt: now,
            updatedAt: now,
          };
          this.resources.set(made.id, made);
          return structuredClone(made);
        }
        case routes.updateResource: {
          // Like the server: a field left out stays, `null` removes it, sent marks replace the stored ones.
          const merged: Record<string, unknown> = { ...this.resources.get(id)!, updatedAt: now };
          for (const [key, value] of Object.entries(structuredClone(options.body as ResourcePatch))) {
            if (value === null) delete merged[key];
            else if (value !== undefined) merged[key] = value;
          }
          if (merged['machineTranslated'] && Object.keys(merged['machineTranslated']).length === 0) delete merged['machineTranslated'];
          this.resources.set(id, merged as unknown as Resource);
          return structuredClone(merged);
        }
        case routes.publishResource:
        case routes.unpublishResource: {
          const resource = this.resources.get(id)!;
          resource.status = route === routes.publishResource ? 'published' : 'draft';
          return structuredClone(resource);
        }
        case routes.getResourceFeedback:
          return this.feedback ?? { resourceId: id, helpful: 0, notHelpful: 0, byLocale: [], comments: [] };
        case routes.importResources:
          return this.importAnswer;
        case routes.translateContent:
          if (!this.translate) throw new ConsoleError('server', 503);
          return this.translate(options.body as { from: string; to: string[]; texts: string[] });
        default:
          throw new Error(`ResourcesApi: unexpected ${route.method} ${route.path}`);
      }
    };
  }

  bodiesOf(route: (typeof routes)[keyof typeof routes]): unknown[] {
    return this.callsTo(route).map((c) => c.options.body);
  }
}

export async function openResources(api: ResourcesApi, hash: string, lang = 'en'): Promise<ConsoleResources> {
  history.replaceState(null, '', hash);
  const el = await fixture<ConsoleResources>(
    html`<console-resources .api=${api} .session=${api.session!} lang=${lang}></console-resources>`,
  );
  await waitUntil(() => el.view !== 'loading', 'the screen did not load');
  await settle(el);
  return el;
}

/** Waits for renders, including focus moves scheduled for after the next render. */
export async function settle(el: ConsoleResources): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

export const $ = <E extends Element = HTMLElement>(el: ConsoleResources, selector: string) => el.shadowRoot!.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: ConsoleResources, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];
export const focused = (el: ConsoleResources) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Types into a field the way a keyboard does: focus, value, input event. */
export async function typeIn(el: ConsoleResources, id: string, value: string): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`);
  if (!field) throw new Error(`no field #${id}`);
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await settle(el);
}

export async function pick(el: ConsoleResources, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settle(el);
}
