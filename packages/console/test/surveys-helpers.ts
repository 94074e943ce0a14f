/** Shared stand-ins for the survey screen tests: a session, and a staff API that keeps surveys in memory. */
import { fixture, html } from '@open-wc/testing';
import type { ConsoleSession, RouteSpec, Survey, SurveyInput, SurveyPatch } from '@tandem/protocol';
import { routes } from '@tandem/protocol';
import { ConsoleError, type ConsoleCaller } from '../src/console-client.js';
import '../src/screens/surveys/console-surveys.js';
import type { ConsoleSurveys } from '../src/screens/surveys/surveys-screen.js';

export const SESSION: ConsoleSession = {
  user: { id: 'u1', name: 'Ada Lovelace', email: 'ada@lincoln.example', role: 'school-admin', locale: 'en' },
  organization: { id: 'o1', slug: 'lincoln', name: 'Lincoln District' },
  schools: [
    { id: 's1', name: 'Lincoln Elementary', role: 'admin' },
    { id: 's2', name: 'Lincoln Middle', role: 'staff' },
  ],
  csrfToken: 'csrf',
  idleExpiresAt: new Date(Date.now() + 3600_000).toISOString(),
  expiresAt: new Date(Date.now() + 7200_000).toISOString(),
};

type Options = { params?: Record<string, string>; body?: unknown; query?: Record<string, string> };

/** Answers the staff survey routes from memory and records every call; `failNext` makes the next call throw. */
export class FakeCaller implements ConsoleCaller {
  surveys = new Map<string, Survey>();
  calls: { route: RouteSpec; options: Options }[] = [];
  failNext: ConsoleError | undefined;
  /** Stand-in for POST /content-translations; undefined answers like a server without a provider (503). */
  translate: ((body: { from: string; to: string[]; texts: string[] }) => unknown) | undefined;

  async call<T>(route: RouteSpec, options: Options = {}): Promise<T> {
    this.calls.push({ route, options });
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    const now = new Date().toISOString();
    switch (route) {
      case routes.listSurveys:
        return { items: [...this.surveys.values()] } as T;
      case routes.getSurvey:
        return structuredClone(this.surveys.get(options.params!.surveyId!)) as T;
      case routes.createSurvey: {
        const input = options.body as SurveyInput;
        const survey: Survey = {
          ...structuredClone(input),
          id: `sv${this.surveys.size + 1}`,
          status: 'draft',
          createdAt: now,
          updatedAt: now,
          responseCount: 0,
        };
        this.surveys.set(survey.id, survey);
        return structuredClone(survey) as T;
      }
      case routes.updateSurvey: {
        const before = this.surveys.get(options.params!.surveyId!)!;
        // Like the server: a field left out stays, `null` removes it.
        const survey: Record<string, unknown> = { ...before, updatedAt: now };
        for (const [key, value] of Object.entries(structuredClone(options.body as SurveyPatch))) {
          if (value === null) delete survey[key];
          else if (value !== undefined) survey[key] = value;
        }
        this.surveys.set(before.id, survey as unknown as Survey);
        return structuredClone(survey) as T;
      }
      case routes.unpublishSurvey: {
        const survey = this.surveys.get(options.params!.surveyId!)!;
        // Like the server: a closed survey's answers are final, so it cannot go back to draft.
        if (survey.status === 'closed') throw new ConsoleError('server', 409);
        survey.status = 'draft';
        return structuredClone(survey) as T;
      }
      case routes.publishSurvey:
      case routes.closeSurvey: {
        const survey = this.surveys.get(options.params!.surveyId!)!;
        survey.status = route === routes.publishSurvey ? 'published' : 'closed';
        return structuredClone(survey) as T;
      }
      case routes.translateContent:
        if (!this.translate) throw new ConsoleError('server', 503);
        return this.translate(options.body as { from: string; to: string[]; texts: string[] }) as T;
      default:
        throw new Error(`FakeCaller: unexpected ${route.method} ${route.path}`);
    }
  }

  bodiesOf(route: RouteSpec): unknown[] {
    return this.calls.filter((c) => c.route === route).map((c) => c.options.body);
  }
}

export async function mountSurveys(api = new FakeCaller(), lang = 'en'): Promise<{ el: ConsoleSurveys; api: FakeCaller }> {
  const el = await fixture<ConsoleSurveys>(html`<console-surveys lang=${lang} .api=${api} .session=${SESSION}></console-surveys>`);
  await el.updateComplete;
  return { el, api };
}

export const $ = <E extends Element = HTMLElement>(el: ConsoleSurveys, selector: string) => el.shadowRoot!.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: ConsoleSurveys, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const focused = (el: ConsoleSurveys) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Waits for renders, including focus moves scheduled for after the next render. */
export async function settle(el: ConsoleSurveys): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** Types into the focused field the way a keyboard does. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
