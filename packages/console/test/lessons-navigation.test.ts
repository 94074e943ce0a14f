/** The Lessons screen inside <tandem-console>: a nav link for every staff role, loaded on first visit, focus on its heading. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage } from '@tandem/core/testing.js';
import { routes } from '@tandem/protocol';
import '../src/tandem-console.js';
import type { TandemConsole } from '../src/console.js';
import { deepActiveElement, FakeConsoleApi, sessionFor, text } from './console-fakes.js';

const $ = <E extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const navLinks = (el: TandemConsole) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];

describe('<tandem-console> Lessons screen', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
    history.replaceState(null, '', location.pathname);
  });
  afterEach(() => history.replaceState(null, '', location.pathname));

  for (const role of ['organization-admin', 'staff'] as const) {
    it(`gives ${role} a Lessons link that opens the list and focuses its heading`, async () => {
      const api = new FakeConsoleApi(sessionFor(role));
      api.answer = () => ({ items: [] });
      const el = await fixture<TandemConsole>(html`<tandem-console .client=${api}></tandem-console>`);
      await waitUntil(() => el.view !== 'loading', 'never left loading');
      await el.updateComplete;
      const link = navLinks(el).find((a) => text(a) === 'Lessons');
      expect(link?.getAttribute('href')).to.equal('#/lessons');
      link!.click();
      await waitUntil(() => el.screen === 'lessons');
      await el.updateComplete;
      const screen = $(el, 'console-lessons')!;
      await waitUntil(() => screen.shadowRoot?.querySelector('h1'), 'the screen never rendered');
      const heading = screen.shadowRoot!.querySelector('h1')!;
      await waitUntil(() => deepActiveElement() === heading, 'focus never reached the heading');
      expect(text(heading)).to.equal('Lessons');
      expect(link!.getAttribute('aria-current')).to.equal('page');
      await waitUntil(
        () => text(screen.shadowRoot!.querySelector('section')).includes('No lessons yet'),
        'the empty list is never explained',
      );
      expect(api.callsTo(routes.listLessons)).to.have.length(1);
    });
  }
});
