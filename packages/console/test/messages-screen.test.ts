/** <console-messages>: the inbox on the console's cookie session, office hours and the school office, checked before saving. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage, expectAxeClean } from '@tandem/core/testing.js';
import { routes } from '@tandem/protocol';
import '../src/screens/messages/console-messages.js';
import type { ConsoleMessages } from '../src/screens/messages/console-messages.js';
import { ConsoleError } from '../src/console-client.js';
import { choose, deepActiveElement, FakeConsoleApi, sessionFor, settle, text, type } from './console-fakes.js';

async function renderScreen(api: FakeConsoleApi, lang = 'en'): Promise<ConsoleMessages> {
  const el = await fixture<ConsoleMessages>(html`<console-messages .api=${api} .session=${api.session!} lang=${lang}></console-messages>`);
  await el.updateComplete;
  return el;
}

const root = (el: ConsoleMessages) => el.shadowRoot!;
const submit = async (el: ConsoleMessages, form: string) => {
  root(el).querySelector<HTMLButtonElement>(`#${form} button[type="submit"]`)!.click();
  await settle(el);
};
const checkDay = async (el: ConsoleMessages, prefix: string, weekday: number) => {
  root(el).querySelector<HTMLInputElement>(`input[name="${prefix}-day"][value="${weekday}"]`)!.click();
  await el.updateComplete;
};

describe('<console-messages>', () => {
  let realFetch: typeof fetch;
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
    realFetch = window.fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('opens the inbox with the session cookie: same-origin credentials, no token, the CSRF header on writes', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/api/v1/')) return realFetch(input, init);
      requests.push({ url, init });
      const json = url.includes('stream-tickets') ? { ticket: 't', expiresAt: new Date().toISOString() } : { items: [] };
      return new Response(JSON.stringify(json), {
        status: url.includes('stream-tickets') ? 201 : 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const api = new FakeConsoleApi(sessionFor('staff', 'csrf-abc'));
    const el = await renderScreen(api);
    const inbox = root(el).querySelector('tandem-inbox')!;
    await waitUntil(() => inbox.phase === 'home', `the inbox did not load (phase ${inbox.phase})`, { timeout: 5000 });
    const list = requests.find((r) => new URL(r.url).pathname === '/api/v1/inbox')!;
    expect(new URL(list.url).origin).to.equal(location.origin);
    expect(list.init.credentials).to.equal('same-origin');
    const listHeaders = list.init.headers as Record<string, string>;
    expect(listHeaders['Authorization']).to.equal(undefined);
    expect(listHeaders['X-Tandem-CSRF']).to.equal(undefined, 'reads need no CSRF token');
    await waitUntil(() => requests.some((r) => r.url.includes('/api/v1/inbox/stream-tickets')), 'no stream ticket was asked for');
    const ticket = requests.find((r) => r.url.includes('/api/v1/inbox/stream-tickets'))!;
    expect(ticket.init.method).to.equal('POST');
    expect(ticket.init.credentials).to.equal('same-origin');
    expect((ticket.init.headers as Record<string, string>)['X-Tandem-CSRF']).to.equal('csrf-abc');
  });

  it('checks office hours in Spanish, keeps what was typed and focuses the first field to fix', async () => {
    const api = new FakeConsoleApi(sessionFor('staff'));
    const el = await renderScreen(api, 'es');
    await type(root(el), 'my-opens', '08:00', el);
    await type(root(el), 'my-zone', 'Mars/Olympus', el);
    await submit(el, 'my-hours');
    expect(text(root(el).querySelector('#my-days-error'))).to.equal('Elija al menos un día.');
    expect(text(root(el).querySelector('#my-closes-error'))).to.equal('Escriba la hora en que termina, como 16:00.');
    expect(text(root(el).querySelector('#my-zone-error'))).to.contain('America/Chicago');
    expect(deepActiveElement()).to.equal(root(el).querySelector('#my-days'));
    expect(root(el).querySelector<HTMLInputElement>('#my-opens')!.value).to.equal('08:00');
    expect(root(el).querySelector<HTMLInputElement>('#my-zone')!.value).to.equal('Mars/Olympus');
    expect(api.callsTo(routes.setStaffMessaging)).to.have.length(0, 'nothing is sent until it is right');
  });

  it('saves the staff member’s hours for the chosen school', async () => {
    const api = new FakeConsoleApi(sessionFor('staff'));
    api.answer = (_route, options) => ({ schoolId: 's2', staffUserId: 'u1', name: 'Ada', ...(options.body as object) });
    const el = await renderScreen(api);
    await choose(root(el), 'my-school', 's2', el);
    await checkDay(el, 'my', 1);
    await checkDay(el, 'my', 3);
    await type(root(el), 'my-opens', '08:00', el);
    await type(root(el), 'my-closes', '15:30', el);
    await type(root(el), 'my-zone', 'America/Chicago', el);
    await submit(el, 'my-hours');
    const [call] = api.callsTo(routes.setStaffMessaging);
    expect(call!.options.params).to.deep.equal({ schoolId: 's2', staffUserId: 'u1' });
    expect(call!.options.body).to.deep.equal({
      officeHours: {
        timeZone: 'America/Chicago',
        schedule: {
          regular: [
            { weekday: 1, opensAt: '08:00', closesAt: '15:30' },
            { weekday: 3, opensAt: '08:00', closesAt: '15:30' },
          ],
        },
      },
    });
    expect(text(root(el).querySelector('#my-hours [role="status"]'))).to.equal('Saved.');
  });

  it('shows the hours and the office as the server has them, so saving keeps what is set', async () => {
    const api = new FakeConsoleApi(sessionFor('organization-admin'));
    api.answer = (route) => {
      if (route === routes.getStaffMessaging)
        return {
          schoolId: 's1',
          staffUserId: 'u1',
          name: 'Ada',
          officeHours: { timeZone: 'America/Denver', schedule: { regular: [{ weekday: 2, opensAt: '07:30', closesAt: '15:00' }] } },
        };
      if (route === routes.getSchoolMessaging)
        return { schoolId: 's1', officeName: 'Front desk', emergencyNotice: { en: 'Call 911 in an emergency.' } };
      return {};
    };
    const el = await renderScreen(api);
    await waitUntil(
      () => root(el).querySelector<HTMLInputElement>('#office-name')!.value === 'Front desk',
      'the office name was not shown',
    );
    expect(api.callsTo(routes.getSchoolMessaging)[0]!.options.params).to.deep.equal({ schoolId: 's1' });
    expect(api.callsTo(routes.getStaffMessaging)[0]!.options.params).to.deep.equal({ schoolId: 's1', staffUserId: 'u1' });
    expect(root(el).querySelector<HTMLInputElement>('#my-opens')!.value).to.equal('07:30');
    expect(root(el).querySelector<HTMLInputElement>('#my-zone')!.value).to.equal('America/Denver');
    expect(root(el).querySelector<HTMLInputElement>('input[name="my-day"][value="2"]')!.checked).to.equal(true);
    expect(root(el).querySelector<HTMLTextAreaElement>('#notice-en')!.value).to.equal('Call 911 in an emergency.');
  });

  it('shows the school office only to organization admins, and sends the notice in each language written', async () => {
    const staffEl = await renderScreen(new FakeConsoleApi(sessionFor('staff')));
    expect(root(staffEl).querySelector('#school-office')).to.equal(null);

    const api = new FakeConsoleApi(sessionFor('organization-admin'));
    api.answer = (_route, options) => ({ schoolId: 's1', officeName: 'Front office', ...(options.body as object) });
    const el = await renderScreen(api);
    expect(text(root(el).querySelector('label[for="notice-ar"]'))).to.equal('العربية');
    expect(root(el).querySelector('#notice-ar')!.getAttribute('lang')).to.equal('ar');
    await type(root(el), 'office-name', 'x'.repeat(201), el);
    await submit(el, 'school-office');
    expect(text(root(el).querySelector('#office-name-error'))).to.equal('Use at most 200 characters.');
    expect(deepActiveElement()).to.equal(root(el).querySelector('#office-name'));

    await type(root(el), 'office-name', 'Front office', el);
    await type(root(el), 'notice-en', 'Not for emergencies: call 911.', el);
    await type(root(el), 'notice-es', 'No es para emergencias: llame al 911.', el);
    await submit(el, 'school-office');
    expect(api.callsTo(routes.setSchoolMessaging)[0]!.options.body).to.deep.equal({
      officeName: 'Front office',
      emergencyNotice: { en: 'Not for emergencies: call 911.', es: 'No es para emergencias: llame al 911.' },
    });
  });

  it('marks the time zone the server refuses, keeping the form as typed', async () => {
    const api = new FakeConsoleApi(sessionFor('organization-admin'));
    api.answer = () => {
      throw new ConsoleError('invalid', 422, 0, ['/officeHours/timeZone']);
    };
    const el = await renderScreen(api);
    await checkDay(el, 'office', 5);
    await type(root(el), 'office-opens', '09:00', el);
    await type(root(el), 'office-closes', '12:00', el);
    await type(root(el), 'office-zone', 'America/Chicago', el);
    await submit(el, 'school-office');
    expect(text(root(el).querySelector('#school-office [role="alert"]'))).to.contain('Check the marked fields');
    expect(root(el).querySelector('#office-zone')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelector<HTMLInputElement>('#office-opens')!.value).to.equal('09:00');
  });

  it('[axe] is accessible with errors showing, in English and in Arabic (RTL)', async () => {
    const api = new FakeConsoleApi(sessionFor('organization-admin'));
    const el = await renderScreen(api);
    await type(root(el), 'my-opens', '08:00', el);
    await submit(el, 'my-hours');
    await expectAxeClean(el);
    el.lang = 'ar';
    await waitUntil(() => el.getAttribute('dir') === 'rtl');
    await el.updateComplete;
    await expectAxeClean(el);
  });
});
