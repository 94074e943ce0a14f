/** The LMS screen inside <tandem-console>: a nav link for organization admins only, loaded on first visit, focus on its heading. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage } from '@tandem/core/testing.js';
import '../src/tandem-console.js';
import type { TandemConsole } from '../src/console.js';
import { lmsRoutes } from '../src/screens/lms/lms-api.js';
import { deepActiveElement, FakeConsoleApi, sessionFor, text } from './console-fakes.js';

const $ = <E extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const navLinks = (el: TandemConsole) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];

async function renderConsole(api: FakeConsoleApi): Promise<TandemConsole> {
  api.answer = (route) => (route === lmsRoutes.listLtiRegistrations ? { tool: undefined, registrations: [] } : { items: [] });
  const el = await fixture<TandemConsole>(html`<tandem-console .client=${api}></tandem-console>`);
  await waitUntil(() => el.view !== 'loading', 'never left loading');
  await el.updateComplete;
  return el;
}

describe('<tandem-console> LMS screen', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
    history.replaceState(null, '', location.pathname);
  });
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('gives organization admins an LMS link that opens the screen and focuses its heading', async () => {
    const api = new FakeConsoleApi(sessionFor('organization-admin'));
    const el = await renderConsole(api);
    const link = navLinks(el).find((a) => text(a) === 'LMS');
    expect(link?.getAttribute('href')).to.equal('#/lms');
    link!.click();
    await waitUntil(() => el.screen === 'lms');
    await el.updateComplete;
    const screen = $(el, 'console-lms')!;
    await waitUntil(() => screen.shadowRoot?.querySelector('h1'), 'the screen never rendered');
    const heading = screen.shadowRoot!.querySelector('h1')!;
    await waitUntil(() => deepActiveElement() === heading, 'focus never reached the heading');
    expect(text(heading)).to.equal('LMS connections');
    expect(link!.getAttribute('aria-current')).to.equal('page');
    await waitUntil(() => api.callsTo(lmsRoutes.listLtiRegistrations).length === 1, 'the list was never asked for');
    await waitUntil(
      () => text(screen.shadowRoot!.querySelector('[aria-labelledby="connections-heading"]')).includes('No LMS is connected yet'),
      'the empty list is never explained',
    );
  });

  for (const role of ['school-admin', 'staff'] as const) {
    it(`leaves LMS out for ${role}, and a typed #/lms shows home`, async () => {
      history.replaceState(null, '', `${location.pathname}#/lms`);
      const api = new FakeConsoleApi(sessionFor(role));
      const el = await renderConsole(api);
      expect(navLinks(el).map(text)).to.not.include('LMS');
      expect(el.screen).to.equal('home');
      expect($(el, 'console-lms')).to.equal(null);
      expect(api.callsTo(lmsRoutes.listLtiRegistrations)).to.have.length(0);
    });
  }
});
