/** <tandem-console>: a nav link away from a screen with unsaved changes asks first; saved or untouched screens leave at once. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage } from '@tandem/core/testing.js';
import '../src/tandem-console.js';
import type { TandemConsole } from '../src/console.js';
import type { ConsoleResources } from '../src/screens/resources/resources-screen.js';
import { text } from './console-fakes.js';
import { ResourcesApi, settle, typeIn } from './resources-helpers.js';

const navLink = (el: TandemConsole, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => text(a) === name)!;

async function consoleAt(hash: string): Promise<{ el: TandemConsole; screen: ConsoleResources }> {
  history.replaceState(null, '', hash);
  const api = new ResourcesApi('organization-admin');
  const el = await fixture<TandemConsole>(html`<tandem-console .client=${api}></tandem-console>`);
  await waitUntil(() => el.shadowRoot!.querySelector('console-resources'), 'the resources screen was not mounted');
  const screen = el.shadowRoot!.querySelector<ConsoleResources>('console-resources')!;
  await waitUntil(() => screen.view === 'edit', `showed ${screen.view}`);
  await settle(screen);
  return { el, screen };
}

describe('<tandem-console> leaving unsaved changes by the nav', () => {
  const realConfirm = window.confirm;
  let asked: string[] = [];
  let answer = false;
  beforeEach(async () => {
    asked = [];
    window.confirm = (message?: string) => {
      asked.push(message ?? '');
      return answer;
    };
    localStorage.clear();
    await clearTandemStorage();
  });
  afterEach(() => {
    window.confirm = realConfirm;
    history.replaceState(null, '', location.pathname);
  });

  it('asks, and staying keeps the screen and what was typed', async () => {
    const { el, screen } = await consoleAt('#/resources/new');
    await typeIn(screen, 'name-en', 'Half-typed name');
    answer = false;
    navLink(el, 'Surveys').click();
    await settle(screen);
    expect(asked).to.deep.equal(['Leave without saving? Changes since your last save will be lost.']);
    expect(location.hash).to.equal('#/resources/new');
    expect(el.screen).to.equal('resources');
    expect(screen.shadowRoot!.querySelector<HTMLInputElement>('#name-en')!.value).to.equal('Half-typed name');
    // The screen's own nav link would reset it to the list: that asks too.
    navLink(el, 'Resources').click();
    await settle(screen);
    expect(asked).to.have.length(2);
    expect(location.hash).to.equal('#/resources/new');
  });

  it('leaves when the staff member says so', async () => {
    const { el, screen } = await consoleAt('#/resources/new');
    await typeIn(screen, 'name-en', 'Not wanted');
    answer = true;
    navLink(el, 'Surveys').click();
    await waitUntil(() => el.screen === 'surveys', `showed ${el.screen}`);
    expect(location.hash).to.equal('#/surveys');
    expect(asked).to.have.length(1);
  });

  it('does not ask without unsaved changes', async () => {
    const { el } = await consoleAt('#/resources/new');
    navLink(el, 'Surveys').click();
    await waitUntil(() => el.screen === 'surveys', `showed ${el.screen}`);
    expect(asked).to.deep.equal([]);
  });
});
