/**
 * <tandem-console> at #/settings and #/audit: who gets the links, and the screens' code loaded on first use (this file
 * imports neither screen, so each element is rendered before it is defined, as in the real console).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage } from '@tandem/core/testing.js';
import { routes, type ConsoleRole } from '@tandem/protocol';
import '../src/tandem-console.js';
import type { TandemConsole } from '../src/console.js';
import { deepActiveElement, FakeConsoleApi, sessionFor, text } from './console-fakes.js';

const shadow = (el: Element | null | undefined) => el?.shadowRoot ?? undefined;

async function consoleFor(role: ConsoleRole, hash: string) {
  history.replaceState(null, '', `${location.pathname}${hash}`);
  const api = new FakeConsoleApi(sessionFor(role));
  api.answer = (route) => {
    if (route === routes.getEmbedOrigins) return { origins: ['https://www.lincoln.example'] };
    if (route === routes.listAudit)
      return {
        items: [
          {
            id: 'a1',
            at: '2026-03-14T12:00:00Z',
            actor: { kind: 'staff', id: 'u1', name: 'Ada Lovelace', email: 'ada@lincoln.example' },
            action: 'session.signed-in',
          },
        ],
      };
    return { items: [] };
  };
  const el = await fixture<TandemConsole>(html`<tandem-console .client=${api} lang="en"></tandem-console>`);
  await waitUntil(() => el.view !== 'loading');
  await el.updateComplete;
  const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];
  return { el, api, links };
}

describe('<tandem-console> #/settings and #/audit', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
  });
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('opens Settings from the address for an organization admin, loading the list once its code arrives', async () => {
    const { el, links } = await consoleFor('organization-admin', '#/settings');
    expect(links.map(text)).to.include.members(['Settings', 'Audit log']);
    expect(links.find((a) => text(a) === 'Settings')!.getAttribute('aria-current')).to.equal('page');
    const settings = () => shadow(el.shadowRoot!.querySelector('console-settings'));
    await waitUntil(() => settings()?.querySelector('input[name="origins"]'), 'the saved list never showed');
    expect(settings()!.querySelector<HTMLInputElement>('input[name="origins"]')!.value).to.equal('https://www.lincoln.example');

    links.find((a) => text(a) === 'Audit log')!.click();
    const audit = () => shadow(el.shadowRoot!.querySelector('console-audit'));
    await waitUntil(() => audit()?.querySelector('tbody tr'), 'the audit log never showed');
    expect(text(audit()!.querySelector('tbody tr td:nth-child(3)'))).to.contain('Signed in');
    await waitUntil(() => deepActiveElement() === audit()!.querySelector('h1'), 'focus did not move to the Audit log heading');
  });

  it('gives school admins the audit log but not Settings, and staff neither', async () => {
    const schoolAdmin = await consoleFor('school-admin', '#/settings');
    const hrefs = schoolAdmin.links.map((a) => a.getAttribute('href'));
    expect(hrefs).to.include('#/audit');
    expect(hrefs).to.not.include('#/settings');
    expect(schoolAdmin.el.screen).to.equal('home', 'a typed #/settings shows home');
    expect(schoolAdmin.api.callsTo(routes.getEmbedOrigins)).to.have.length(0);

    const staff = await consoleFor('staff', '#/audit');
    const staffHrefs = staff.links.map((a) => a.getAttribute('href'));
    expect(staffHrefs).to.not.include('#/audit');
    expect(staffHrefs).to.not.include('#/settings');
    expect(staff.el.screen).to.equal('home');
    expect(staff.api.callsTo(routes.listAudit)).to.have.length(0);
  });
});
