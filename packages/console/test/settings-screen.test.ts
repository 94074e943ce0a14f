/** <console-settings>: the sites allowed to embed the organization's content — list, add, remove, check, save. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage, expectAxeClean } from '@tandem/core/testing.js';
import { routes } from '@tandem/protocol';
import { sendKeys } from '@web/test-runner-commands';
import { ConsoleError } from '../src/console-client.js';
import '../src/screens/settings/console-settings.js';
import type { ConsoleSettings } from '../src/screens/settings/settings-screen.js';
import { deepActiveElement, FakeConsoleApi, sessionFor, settle, text } from './console-fakes.js';

const root = (el: ConsoleSettings) => el.shadowRoot!;
const inputs = (el: ConsoleSettings) => [...root(el).querySelectorAll<HTMLInputElement>('input[name="origins"]')];
const values = (el: ConsoleSettings) => inputs(el).map((i) => i.value);
const button = (el: ConsoleSettings, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
const errorOfRow = (el: ConsoleSettings, index: number) => {
  const input = inputs(el)[index]!;
  const id = input.getAttribute('aria-describedby');
  return id ? text(root(el).getElementById(id)) : '';
};

async function typeInto(el: ConsoleSettings, input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** A server holding a list and answering PUT as the real one does (normalized, duplicates dropped). */
function fakeServer(api: FakeConsoleApi, initial: string[]) {
  let stored = [...initial];
  api.answer = (route, options) => {
    if (route === routes.getEmbedOrigins) return { origins: stored };
    if (route === routes.setEmbedOrigins) {
      stored = (options.body as { origins: string[] }).origins;
      return { origins: stored };
    }
    return {};
  };
}

async function renderScreen(initial: string[] = ['https://www.lincoln.example']) {
  const api = new FakeConsoleApi(sessionFor('organization-admin'));
  fakeServer(api, initial);
  const el = await fixture<ConsoleSettings>(html`<console-settings .api=${api} .session=${api.session!} lang="en"></console-settings>`);
  await waitUntil(() => el.rows !== undefined, 'never loaded');
  await el.updateComplete;
  return { el, api };
}

const save = async (el: ConsoleSettings) => {
  button(el, 'Save the list')!.click();
  await settle(el);
};

describe('<console-settings>', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
  });

  it('lists the saved sites and says an empty list lets any site embed', async () => {
    const { el } = await renderScreen(['https://www.lincoln.example', 'https://middle.lincoln.example']);
    expect(text(root(el).querySelector('h1'))).to.equal('Settings');
    expect(values(el)).to.deep.equal(['https://www.lincoln.example', 'https://middle.lincoln.example']);
    expect(text(root(el).querySelector('section'))).to.contain('When the list is empty, any site may embed your content.');
    const empty = await renderScreen([]);
    expect(inputs(empty.el)).to.have.length(0);
    expect(text(root(empty.el).querySelector('.empty'))).to.equal('No sites are listed: any site may embed your content.');
  });

  it('adds a site by keyboard, shows it normalized, and saves the whole list', async () => {
    const { el, api } = await renderScreen();
    button(el, 'Add a site')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(inputs(el)[1], 'the new row takes focus');
    expect(text(root(el).querySelector(`label[for="${inputs(el)[1]!.id}"]`))).to.equal('Site 2');
    await sendKeys({ type: 'HTTPS://Parents.Lincoln.Example:443/' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(values(el)[1]).to.equal('https://parents.lincoln.example', 'shown as it will be saved');
    await save(el);
    expect(api.callsTo(routes.setEmbedOrigins)[0]!.options.body).to.deep.equal({
      origins: ['https://www.lincoln.example', 'https://parents.lincoln.example'],
    });
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Saved. 2 sites may embed your content.');
  });

  it('refuses bad sites next to their rows, keeps what was typed, and sends nothing', async () => {
    const { el, api } = await renderScreen(['https://www.lincoln.example']);
    for (let i = 0; i < 5; i++) button(el, 'Add a site')!.click();
    await el.updateComplete;
    const typed = ['http://lincoln.example', 'https://lincoln.example/families', 'https://*.lincoln.example', '', 'www.lincoln.example'];
    for (const [i, value] of typed.entries()) await typeInto(el, inputs(el)[i + 1]!, value);
    await save(el);
    expect(api.callsTo(routes.setEmbedOrigins)).to.have.length(0);
    expect(text(root(el).querySelector('[role="alert"]'))).to.equal('Some sites could not be saved. Check the marked rows.');
    expect(errorOfRow(el, 0)).to.equal('');
    expect(errorOfRow(el, 1)).to.equal('Use an https:// address: browsers only embed securely from secure sites.');
    expect(errorOfRow(el, 2)).to.equal('Enter only the site, like https://www.lincoln.org, without a page path.');
    expect(errorOfRow(el, 3)).to.equal('List each site on its own: addresses with * are not allowed.');
    expect(errorOfRow(el, 4)).to.equal('Enter the site’s address, or remove this row.');
    expect(errorOfRow(el, 5)).to.equal('This site is already in the list.', 'a bare host is taken as https, so it repeats row 1');
    expect(inputs(el)[1]!.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()).to.equal(inputs(el)[1], 'focus goes to the first row to fix');
    expect(values(el).slice(1, 3)).to.deep.equal(['http://lincoln.example', 'https://lincoln.example/families']);
  });

  it('puts the server’s field errors next to the right row, counting only the rows it was sent', async () => {
    const { el, api } = await renderScreen(['https://a.lincoln.example', 'https://b.lincoln.example']);
    api.answer = (route) => {
      if (route === routes.setEmbedOrigins) throw new ConsoleError('invalid', 422, 0, ['/origins/1']);
      return {};
    };
    button(el, 'Add a site')!.click();
    await el.updateComplete;
    await typeInto(el, inputs(el)[2]!, 'https://c.lincoln.example');
    await save(el);
    expect(errorOfRow(el, 0)).to.equal('');
    expect(errorOfRow(el, 1)).to.equal('Tandem could not accept this site. Check the address.');
    expect(errorOfRow(el, 2)).to.equal('');
    expect(values(el)).to.deep.equal(['https://a.lincoln.example', 'https://b.lincoln.example', 'https://c.lincoln.example']);
    expect(deepActiveElement()).to.equal(inputs(el)[1]);
  });

  it('removes a site, moving focus to the next row, and an emptied list saves as "any site"', async () => {
    const { el, api } = await renderScreen(['https://a.lincoln.example', 'https://b.lincoln.example']);
    button(el, 'Remove site 1')!.click();
    await el.updateComplete;
    expect(values(el)).to.deep.equal(['https://b.lincoln.example']);
    expect(deepActiveElement()).to.equal(inputs(el)[0]);
    expect(text(root(el).querySelector('[role="status"]'))).to.equal(
      'https://a.lincoln.example is taken off the list. Save to keep the change.',
    );
    button(el, 'Remove site 1')!.click();
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(button(el, 'Add a site'), 'with no rows left, focus goes to "Add a site"');
    await save(el);
    expect(api.callsTo(routes.setEmbedOrigins)[0]!.options.body).to.deep.equal({ origins: [] });
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Saved. Any site may embed your content.');
  });

  it('says so when an organization admin is no longer one, and when the list cannot load', async () => {
    const api = new FakeConsoleApi(sessionFor('organization-admin'));
    let fail = true;
    api.answer = (route) => {
      if (route === routes.getEmbedOrigins) {
        if (fail) throw new ConsoleError('network');
        return { origins: [] };
      }
      throw new ConsoleError('forbidden', 403);
    };
    const el = await fixture<ConsoleSettings>(html`<console-settings .api=${api} .session=${api.session!}></console-settings>`);
    await waitUntil(() => el.loadError);
    await el.updateComplete;
    expect(text(root(el).querySelector('[role="alert"]'))).to.equal('Could not reach Tandem. Check your connection and try again.');
    fail = false;
    button(el, 'Try again')!.click();
    await waitUntil(() => el.rows !== undefined);
    await el.updateComplete;
    await save(el);
    expect(text(root(el).querySelector('[role="alert"]'))).to.equal('Only an organization admin can change these settings.');
  });

  it('[axe] is accessible with errors showing, in English and in Arabic (RTL)', async () => {
    const { el } = await renderScreen(['https://www.lincoln.example']);
    button(el, 'Add a site')!.click();
    await el.updateComplete;
    await typeInto(el, inputs(el)[1]!, 'ftp://files.lincoln.example');
    await save(el);
    await expectAxeClean(el);
    el.lang = 'ar';
    await waitUntil(() => el.getAttribute('dir') === 'rtl');
    await el.updateComplete;
    await expectAxeClean(el);
    expect(getComputedStyle(inputs(el)[0]!).direction).to.equal('ltr', 'addresses read left to right');
  });
});
