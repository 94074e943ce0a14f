/** <tandem-console> signed in: the primary navigation, hash routes with back/forward, focus on each screen's heading. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage, expectAxeClean } from '@tandem/core/testing.js';
import { routes } from '@tandem/protocol';
import '../src/tandem-console.js';
import type { TandemConsole } from '../src/console.js';
import { deepActiveElement, FakeConsoleApi, sessionFor, text } from './console-fakes.js';

const $ = <E extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const navLinks = (el: TandemConsole) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];
const navLink = (el: TandemConsole, name: string) => navLinks(el).find((a) => text(a) === name)!;
const ADMIN_SCREENS = ['Home', 'Surveys', 'Events', 'Lessons', 'Resources', 'Messages', 'Families', 'LMS', 'Settings', 'Audit log'];

async function renderConsole(api: FakeConsoleApi, lang = 'en'): Promise<TandemConsole> {
  const el = await fixture<TandemConsole>(html`<tandem-console .client=${api} lang=${lang}></tandem-console>`);
  await waitUntil(() => el.view !== 'loading', 'never left loading');
  await el.updateComplete;
  return el;
}

/** The h1 of the screen shown, inside the screen element's shadow root or the shell's own. */
function screenHeading(el: TandemConsole): HTMLElement | null {
  const screen = $(el, '[data-screen]');
  return screen ? (screen.shadowRoot?.querySelector<HTMLElement>('h1') ?? null) : $(el, 'h1');
}

async function waitForScreen(el: TandemConsole, name: string) {
  await waitUntil(() => el.screen === name, `never showed ${name} (shows ${el.screen})`);
  await el.updateComplete;
  await waitUntil(() => screenHeading(el), 'no heading');
}

function answerScreens(api: FakeConsoleApi) {
  api.answer = (route) => {
    if (route === routes.listIdentityKeys) return { items: [] };
    return {};
  };
}

describe('<tandem-console> navigation', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
    history.replaceState(null, '', location.pathname);
  });
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('shows every screen to an organization admin, the current one marked', async () => {
    const api = new FakeConsoleApi(sessionFor('organization-admin'));
    answerScreens(api);
    const el = await renderConsole(api);
    expect($(el, 'nav')!.getAttribute('aria-label')).to.equal('Console');
    expect(navLinks(el).map(text)).to.deep.equal(ADMIN_SCREENS);
    expect(navLinks(el).map((a) => a.getAttribute('aria-current'))).to.deep.equal(
      ADMIN_SCREENS.map((_, i) => (i === 0 ? 'page' : 'false')),
    );
    expect(navLinks(el).map((a) => a.getAttribute('href'))).to.deep.equal([
      '#/',
      '#/surveys',
      '#/events',
      '#/lessons',
      '#/resources',
      '#/messages',
      '#/families',
      '#/lms',
      '#/settings',
      '#/audit',
    ]);
  });

  it('leaves the organization screens out for staff, and a typed #/families address shows home instead', async () => {
    history.replaceState(null, '', `${location.pathname}#/families`);
    const api = new FakeConsoleApi(sessionFor('staff'));
    const el = await renderConsole(api);
    expect(navLinks(el).map(text)).to.deep.equal(['Home', 'Surveys', 'Events', 'Lessons', 'Resources', 'Messages']);
    expect(el.screen).to.equal('home');
    expect(text($(el, 'h1'))).to.equal('Welcome, Ada Lovelace');
  });

  it('opens a screen from its link, focusing its heading; back and forward follow the history', async () => {
    const api = new FakeConsoleApi(sessionFor('organization-admin'));
    answerScreens(api);
    const el = await renderConsole(api);
    navLink(el, 'Families').click();
    await waitForScreen(el, 'families');
    expect(text(screenHeading(el))).to.equal('Families');
    await waitUntil(() => deepActiveElement() === screenHeading(el), 'focus did not move to the Families heading');
    expect(navLink(el, 'Families').getAttribute('aria-current')).to.equal('page');
    expect(navLink(el, 'Home').getAttribute('aria-current')).to.equal('false');

    navLink(el, 'Messages').click();
    await waitForScreen(el, 'messages');
    await waitUntil(() => deepActiveElement() === screenHeading(el), 'focus did not move to the Messages heading');
    expect(text(screenHeading(el))).to.equal('Messages');

    history.back();
    await waitForScreen(el, 'families');
    history.forward();
    await waitForScreen(el, 'messages');
    expect(location.hash).to.equal('#/messages');
  });

  it('opens the screen the address names after a reload, without stealing focus', async () => {
    history.replaceState(null, '', `${location.pathname}#/messages`);
    const api = new FakeConsoleApi(sessionFor('staff'));
    const el = await renderConsole(api);
    await waitForScreen(el, 'messages');
    expect(text(screenHeading(el))).to.equal('Messages');
    expect(deepActiveElement()).to.not.equal(screenHeading(el));
  });

  it('mounts the Surveys screen with the caller and the session, focusing its heading', async () => {
    const api = new FakeConsoleApi(sessionFor('staff'));
    api.answer = () => ({ items: [] });
    const el = await renderConsole(api);
    navLink(el, 'Surveys').click();
    await waitForScreen(el, 'surveys');
    const surveys = $<HTMLElement & { api: unknown; session: unknown }>(el, 'console-surveys')!;
    expect(surveys.api).to.equal(api);
    expect(surveys.session).to.equal(api.session);
    await waitUntil(() => deepActiveElement() === screenHeading(el), 'focus did not move to the Surveys heading');
  });

  it('[axe] the navigation wraps on a phone and is accessible in English and in Arabic (RTL)', async () => {
    const api = new FakeConsoleApi(sessionFor('organization-admin'));
    answerScreens(api);
    const el = await renderConsole(api);
    el.style.inlineSize = '320px';
    await expectAxeClean(el);
    const nav = $(el, 'nav ul')!;
    expect(nav.scrollWidth).to.be.at.most(nav.clientWidth + 1, 'the links wrap instead of overflowing');
    el.lang = 'ar';
    await waitUntil(() => el.getAttribute('dir') === 'rtl');
    await el.updateComplete;
    expect(getComputedStyle($(el, 'nav ul')!).direction).to.equal('rtl');
    await expectAxeClean(el);
  });
});
