/** <console-events>: the list, the editor (languages side by side, sessions, checks), attendance needs and door check-in. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage, expectAxeClean } from '@tandem/core/testing.js';
import {
  routes,
  type Attendee,
  type EventAttendees,
  type EventInput,
  type EventPatch,
  type NeedsSummary,
  type TandemEvent,
} from '@tandem/protocol';
import '../src/screens/events/console-events.js';
import '../src/tandem-console.js';
import type { TandemConsole } from '../src/console.js';
import type { ConsoleEvents } from '../src/screens/events/console-events.js';
import { ConsoleError } from '../src/console-client.js';
import { deepActiveElement, FakeConsoleApi, sessionFor, settle, text, type } from './console-fakes.js';

const root = (el: ConsoleEvents) => el.shadowRoot!;

function makeEvent(over: Partial<TandemEvent> = {}): TandemEvent {
  return {
    id: 'math-night',
    schoolId: 's1',
    title: { en: 'Family Math Night', es: 'Noche de matemáticas' },
    defaultLocale: 'en',
    timeZone: 'America/Chicago',
    needsAsked: ['interpreter', 'childcare'],
    sessions: [
      { id: 'first', startsAt: '2030-03-12T17:00:00-05:00', endsAt: '2030-03-12T19:00:00-05:00', capacity: 40, taken: 12, waitlisted: 0 },
      { id: 'second', startsAt: '2030-03-19T17:00:00-05:00', endsAt: '2030-03-19T19:00:00-05:00', capacity: 40, taken: 0, waitlisted: 0 },
    ],
    status: 'published',
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-01T00:00:00Z',
    ...over,
  };
}

const noNeeds = (): NeedsSummary => ({
  families: 0,
  people: 0,
  interpreter: [],
  childcare: { families: 0, children: 0 },
  transportation: { families: 0 },
  accessibility: { families: 0 },
});

function attendee(over: Partial<Attendee>): Attendee {
  return {
    rsvpId: 'r1',
    sessionId: 'first',
    response: 'going',
    status: 'confirmed',
    adults: 1,
    children: 1,
    partySize: 2,
    names: ['Rosa Díaz'],
    contact: { email: 'rosa@example.org' },
    needs: {},
    locale: 'es',
    createdAt: '2030-01-02T00:00:00Z',
    updatedAt: '2030-01-02T00:00:00Z',
    ...over,
  };
}

function attendanceOf(): EventAttendees {
  const attendees = [
    attendee({ rsvpId: 'r1', names: ['Rosa Díaz'], needs: { interpreter: 'es', childcare: { children: 2, ages: [4, 7] } } }),
    attendee({ rsvpId: 'r2', names: ['Amina Yusuf'], needs: { transportation: true, accessibility: 'Wheelchair access' } }),
    attendee({ rsvpId: 'r3', names: ['Lee Vang'], status: 'waitlisted', position: 2 }),
    attendee({ rsvpId: 'r4', names: ['Omar Ali'], status: 'waitlisted', position: 1 }),
    attendee({ rsvpId: 'r5', names: ['Nia Brown'], status: 'declined', response: 'not-going' }),
  ];
  const needs: NeedsSummary = {
    families: 2,
    people: 4,
    interpreter: [{ language: 'es', families: 1 }],
    childcare: { families: 1, children: 2 },
    transportation: { families: 1 },
    accessibility: { families: 1 },
  };
  return {
    eventId: 'math-night',
    sessions: [
      { id: 'first', startsAt: '2030-03-12T17:00:00-05:00', capacity: 40, taken: 4, remaining: 36, waitlisted: 2, needs },
      { id: 'second', startsAt: '2030-03-19T17:00:00-05:00', capacity: 40, taken: 0, remaining: 40, waitlisted: 0, needs: noNeeds() },
    ],
    needs,
    attendees,
  };
}

async function open(api: FakeConsoleApi, hash: string, lang = 'en'): Promise<ConsoleEvents> {
  history.replaceState(null, '', hash);
  const el = await fixture<ConsoleEvents>(html`<console-events .api=${api} .session=${api.session!} lang=${lang}></console-events>`);
  await waitUntil(() => el.view !== 'loading', 'the screen did not load');
  await el.updateComplete;
  return el;
}

function fakeApi(): FakeConsoleApi {
  const api = new FakeConsoleApi(sessionFor('staff'));
  api.answer = (route, options) => {
    if (route === routes.listEvents)
      return { items: [makeEvent(), makeEvent({ id: 'draft-one', status: 'draft', title: { en: 'Book fair' } })] };
    if (route === routes.getEvent) return makeEvent();
    if (route === routes.getEventAttendees) return attendanceOf();
    if (route === routes.createEvent) {
      const body = options.body as EventInput;
      return makeEvent({
        ...body,
        id: 'created',
        status: 'draft',
        sessions: body.sessions.map((s) => ({ ...s, taken: 0, waitlisted: 0 })),
      });
    }
    if (route === routes.checkInRsvp) {
      const found = attendanceOf().attendees.find((a) => a.rsvpId === options.params!['rsvpId'])!;
      return { ...found, attendedAt: new Date().toISOString() };
    }
    if (route === routes.undoCheckInRsvp) {
      // Like the server: the attendee without `attendedAt`.
      return attendanceOf().attendees.find((a) => a.rsvpId === options.params!['rsvpId'])!;
    }
    return {};
  };
  return api;
}

async function press(el: ConsoleEvents, selector: string) {
  const button = root(el).querySelector<HTMLElement>(selector);
  if (!button) throw new Error(`nothing matches ${selector}`);
  button.click();
  await settle(el);
}

describe('<console-events>', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
  });
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('lists events with status, next session in the event time zone and places taken', async () => {
    const el = await open(fakeApi(), '#/events');
    const rows = [...root(el).querySelectorAll('tbody tr')].map((r) => text(r));
    expect(rows[0]).to.contain('Family Math Night').and.contain('Published').and.contain('12 of 80');
    // 17:00 in Chicago, whatever the test machine's zone.
    expect(rows[0])
      .to.match(/5:00\s?PM/)
      .and.contain('America/Chicago');
    expect(rows[1]).to.contain('Book fair').and.contain('Draft');
  });

  it('creates an event by keyboard with a Spanish title beside the English one', async () => {
    const api = fakeApi();
    const el = await open(api, '#/events/new');
    expect(root(el).querySelector('#title-en')).to.exist;
    expect(root(el).querySelector<HTMLInputElement>('#title-es')!.dir).to.equal('ltr');
    await type(root(el), 'title-en', 'Science Fair', el);
    await type(root(el), 'title-es', 'Feria de ciencias', el);
    await type(root(el), 'time-zone', 'America/Chicago', el);
    await type(root(el), 'session-0-start', '2030-04-02T18:00', el);
    await type(root(el), 'session-0-end', '2030-04-02T20:00', el);
    await type(root(el), 'session-0-capacity', '50', el);
    root(el).querySelector<HTMLInputElement>('input[value="interpreter"]')!.click();
    // Enter in a field submits the form, as it does for a keyboard user.
    root(el).querySelector<HTMLFormElement>('#event-form')!.requestSubmit();
    await settle(el);
    const [create] = api.callsTo(routes.createEvent);
    const body = create!.options.body as EventInput;
    expect(body.title).to.deep.equal({ en: 'Science Fair', es: 'Feria de ciencias' });
    expect(body.sessions[0]).to.include({ startsAt: '2030-04-02T18:00:00-05:00', endsAt: '2030-04-02T20:00:00-05:00', capacity: 50 });
    expect(body.needsAsked).to.deep.equal(['interpreter']);
    expect(create!.options.idempotencyKey).to.be.a('string');
    expect(text(root(el).querySelector('[role="status"]'))).to.equal('Saved.');
    expect(location.hash).to.equal('#/events/created');
  });

  it('adds and removes sessions, and will not remove one families answered', async () => {
    const el = await open(fakeApi(), '#/events/math-night');
    expect(root(el).querySelectorAll('li.session')).to.have.length(2);
    await press(el, '#add-session');
    expect(root(el).querySelectorAll('li.session')).to.have.length(3);
    expect(deepActiveElement()?.id).to.equal('session-2-start');
    await press(el, '[data-remove="2"]');
    expect(root(el).querySelectorAll('li.session')).to.have.length(2);
    // The first session holds 12 places: the button says why it cannot go, and the session stays.
    await press(el, '[data-remove="0"]');
    expect(root(el).querySelectorAll('li.session')).to.have.length(2);
    expect(text(root(el).querySelector('#event-form .alert'))).to.contain('cannot be removed');
    expect(deepActiveElement()?.classList.contains('alert')).to.equal(true);
  });

  it('shows the server refusing to remove a session with RSVPs, keeping what was typed', async () => {
    const api = fakeApi();
    api.answer = (route) => {
      if (route === routes.getEvent) return makeEvent({ sessions: makeEvent().sessions.map((s) => ({ ...s, taken: 0 })) });
      if (route === routes.updateEvent) throw new ConsoleError('server', 409);
      return {};
    };
    const el = await open(api, '#/events/math-night');
    await type(root(el), 'title-en', 'Family Math Night!', el);
    await press(el, '[data-remove="1"]');
    await press(el, '#event-form button[type="submit"]');
    expect(text(root(el).querySelector('#event-form .alert'))).to.contain('cannot be removed');
    expect(root(el).querySelector<HTMLInputElement>('#title-en')!.value).to.equal('Family Math Night!');
  });

  it('checks the form in Spanish and focuses the first field to fix, losing nothing typed', async () => {
    const api = fakeApi();
    const el = await open(api, '#/events/new', 'es');
    await type(root(el), 'description-en', 'Bring a calculator', el);
    await type(root(el), 'session-0-start', '2030-04-02T18:00', el);
    await type(root(el), 'session-0-end', '2030-04-02T17:00', el);
    await type(root(el), 'session-0-capacity', '0', el);
    await press(el, '#event-form button[type="submit"]');
    expect(api.callsTo(routes.createEvent)).to.have.length(0);
    expect(deepActiveElement()?.id).to.equal('title-en');
    expect(text(root(el).querySelector('#title-en-error'))).to.contain('título');
    expect(text(root(el).querySelector('#session-0-end-error'))).to.contain('termin');
    expect(root(el).querySelector('#session-0-capacity')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelector<HTMLTextAreaElement>('#description-en')!.value).to.equal('Bring a calculator');
  });

  it('translates missing languages into empty fields, saves the marks, and "Mark reviewed" clears one', async () => {
    const api = fakeApi();
    const answer = api.answer;
    let stored = makeEvent({ status: 'draft', title: { en: 'Family Math Night' }, description: { en: 'Games and dinner' } });
    api.answer = (route, options) => {
      if (route === routes.getEvent) return structuredClone(stored);
      if (route === routes.translateContent) {
        const { to, texts } = options.body as { to: string[]; texts: string[] };
        return {
          provider: 'stub',
          from: 'en',
          targets: to.map((locale) => ({ locale, status: 'translated', texts: texts.map((t) => `[${locale}] ${t}`) })),
        };
      }
      if (route === routes.updateEvent) {
        const body = options.body as EventPatch;
        stored = { ...stored, ...(body as Partial<TandemEvent>), machineTranslated: body.machineTranslated ?? {} } as TandemEvent;
        return structuredClone(stored);
      }
      return answer(route, options);
    };
    const el = await open(api, '#/events/math-night');
    await type(root(el), 'description-es', 'Juegos y cena', el);
    await press(el, '[data-action="translate"]');
    await waitUntil(() => text(root(el).querySelector('#event-form [role="status"]')).includes('Filled in'));
    expect(root(el).querySelector<HTMLInputElement>('#title-es')!.value).to.equal('[es] Family Math Night');
    expect(root(el).querySelector<HTMLTextAreaElement>('#description-es')!.value, 'what a person typed stays').to.equal('Juegos y cena');
    const titleEs = root(el).querySelector<HTMLInputElement>('#title-es')!;
    expect(titleEs.getAttribute('aria-describedby')).to.contain('title-es-mt');
    expect(text(root(el).querySelector('#title-es-mt'))).to.contain('Machine translated');
    expect(root(el).querySelector('[data-review="description"]'), 'the typed Spanish is not marked').to.equal(null);
    await expectAxeClean(el);

    await press(el, '#event-form button[type="submit"]');
    const [first] = api.callsTo(routes.updateEvent).map((c) => c.options.body as EventPatch);
    expect(first!.machineTranslated!['title']).to.include('es').and.include('vi');
    expect(first!.machineTranslated!['description'] ?? []).to.not.include('es');

    // Reopened, the marks come from the server; "Mark reviewed" takes the note away and says so.
    const again = await open(api, '#/events/math-night');
    expect(again.shadowRoot!.querySelector('[data-review="title"]')).to.exist;
    await press(again, '[data-review="title"]');
    expect(again.shadowRoot!.querySelector('[data-review="title"]')).to.equal(null);
    await waitUntil(() => deepActiveElement()?.id === 'title-es', 'focus stays on the reviewed text');
    await waitUntil(() => text(again.shadowRoot!.querySelector('#announcement')) === 'Marked as reviewed.');
    await press(again, '#event-form button[type="submit"]');
    const last = api.callsTo(routes.updateEvent).at(-1)!.options.body as EventPatch;
    expect(last.machineTranslated!['title']).to.not.include('es');
    expect(last.machineTranslated!['title']).to.include('vi');
  });

  it('empties optional fields for good: a saved event sends them as null', async () => {
    const api = fakeApi();
    const answer = api.answer;
    api.answer = (route, options) => {
      if (route === routes.getEvent) return makeEvent({ description: { en: 'Games' }, onlineUrl: 'https://meet.example/m' });
      if (route === routes.updateEvent) return makeEvent();
      return answer(route, options);
    };
    const el = await open(api, '#/events/math-night');
    expect(el.hasUnsavedChanges()).to.equal(false);
    await type(root(el), 'description-en', '', el);
    await type(root(el), 'online-url', '', el);
    expect(el.hasUnsavedChanges(), 'the shell nav and closing the tab ask through this').to.equal(true);
    await press(el, '#event-form button[type="submit"]');
    expect(el.hasUnsavedChanges()).to.equal(false);
    const [body] = api.callsTo(routes.updateEvent).map((c) => c.options.body as EventPatch);
    expect(body).to.include({ description: null, onlineUrl: null, place: null });
    expect(body!.title).to.deep.equal({ en: 'Family Math Night', es: 'Noche de matemáticas' });
  });

  it('asks before "Back to events" drops unsaved changes, and leaves at once without any', async () => {
    const el = await open(fakeApi(), '#/events/math-night');
    await type(root(el), 'title-en', 'Family Math Night!', el);
    await press(el, 'a[data-action="back"]');
    expect(location.hash, 'still in the editor').to.equal('#/events/math-night');
    expect(deepActiveElement()?.id).to.equal('leave-heading');
    await press(el, '[data-action="stay"]');
    expect(root(el).querySelector('#leave-heading')).to.equal(null);
    expect(deepActiveElement()?.getAttribute('data-action')).to.equal('back');
    expect(root(el).querySelector<HTMLInputElement>('#title-en')!.value).to.equal('Family Math Night!');
    await press(el, 'a[data-action="back"]');
    await press(el, '[data-action="leave"]');
    await waitUntil(() => el.view === 'list', `showed ${el.view}`);
    expect(location.hash).to.equal('#/events');

    const untouched = await open(fakeApi(), '#/events/math-night');
    await press(untouched, 'a[data-action="back"]');
    await waitUntil(() => untouched.view === 'list', 'an untouched editor leaves at once');
  });

  it('asks before publishing, then saves and publishes', async () => {
    const api = fakeApi();
    api.answer = (route) => {
      if (route === routes.getEvent || route === routes.updateEvent) return makeEvent({ status: 'draft' });
      if (route === routes.publishEvent) return makeEvent({ status: 'published' });
      return {};
    };
    const el = await open(api, '#/events/math-night');
    await press(el, '[data-action="publish"]');
    expect(deepActiveElement()?.id).to.equal('confirm-heading');
    expect(api.callsTo(routes.publishEvent)).to.have.length(0);
    await press(el, '[data-action="confirm"]');
    await waitUntil(() => api.callsTo(routes.publishEvent).length === 1);
    await settle(el);
    expect(api.callsTo(routes.updateEvent)).to.have.length(1);
    expect(root(el).querySelector('[data-action="cancel"]')).to.exist;
  });

  it('shows counts, needs per session and overall, and the waitlist in order', async () => {
    const el = await open(fakeApi(), '#/events/math-night/attendance');
    const first = root(el).querySelector('#counts tr[data-session="first"]')!;
    expect(text(first.querySelector('[data-count="confirmed"]'))).to.equal('2');
    expect(text(first.querySelector('[data-count="waitlisted"]'))).to.equal('2');
    expect(text(first.querySelector('[data-count="declined"]'))).to.equal('1');
    const all = root(el).querySelector('[data-needs="needs-all"]')!;
    expect(text(all.querySelector('[data-need="interpreter"]'))).to.contain('Spanish: 1 families');
    expect(text(all.querySelector('[data-need="childcare"]')))
      .to.contain('2 children from 1 families')
      .and.contain('Ages: 4, 7');
    expect(text(all.querySelector('[data-need="transportation"]'))).to.contain('1 families need a ride');
    expect(text(all.querySelector('[data-need="accessibility"]'))).to.contain('Wheelchair access');
    expect(root(el).querySelector('[data-needs="needs-1"]')).to.exist;
    const waitlist = [...root(el).querySelectorAll('[data-waitlist="first"] li')].map((li) => text(li));
    expect(waitlist[0]).to.contain('Omar Ali');
    expect(waitlist[1]).to.contain('Lee Vang');
  });

  it('downloads the CSV with the session cookie', async () => {
    const realFetch = window.fetch;
    let asked: { url: string; init: RequestInit } | undefined;
    window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
      asked = { url: String(input), init };
      return new Response('\uFEFFname\n', { status: 200, headers: { 'content-type': 'text/csv' } });
    };
    const clicks: string[] = [];
    const realClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    try {
      const el = await open(fakeApi(), '#/events/math-night/attendance');
      await press(el, '#csv');
      await waitUntil(() => clicks.length === 1);
      expect(asked!.url).to.equal('/api/v1/events/math-night/attendees.csv');
      expect(asked!.init.credentials).to.equal('same-origin');
      expect(clicks[0]).to.equal('event-math-night-attendees.csv');
    } finally {
      window.fetch = realFetch;
      HTMLAnchorElement.prototype.click = realClick;
    }
  });

  it('checks families in at the door: search by name, Arrived, live count', async () => {
    const api = fakeApi();
    const el = await open(api, '#/events/math-night/check-in');
    expect(text(root(el).querySelector('#arrived-count'))).to.equal('0 of 2 families arrived (0 people)');
    await type(root(el), 'check-in-search', 'amina', el);
    const rows = root(el).querySelectorAll('.check-in-list li');
    expect(rows).to.have.length(1);
    const button = rows[0]!.querySelector<HTMLButtonElement>('button')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    // Large enough to tap at the door.
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
    button.click();
    await waitUntil(() => api.callsTo(routes.checkInRsvp).length === 1);
    await settle(el);
    expect(api.callsTo(routes.checkInRsvp)[0]!.options.params).to.deep.equal({ eventId: 'math-night', rsvpId: 'r2' });
    await waitUntil(() => text(root(el).querySelector('#arrived-count')).startsWith('1 of 2'));
    expect(root(el).querySelector('[data-rsvp="r2"] button')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('undoes a mistaken check-in: Undo beside the arrived family, focus back on its Arrived button, said aloud', async () => {
    const api = fakeApi();
    const el = await open(api, '#/events/math-night/check-in');
    expect(root(el).querySelector('.undo-check-in'), 'nobody arrived, nothing to undo').to.equal(null);
    await press(el, '[data-rsvp="r1"] .arrived');
    await waitUntil(() => text(root(el).querySelector('#arrived-count')).startsWith('1 of 2'));
    const undo = root(el).querySelector<HTMLButtonElement>('[data-rsvp="r1"] .undo-check-in')!;
    expect(undo.getAttribute('aria-label')).to.equal('Undo check-in: Rosa Díaz');
    expect(root(el).querySelector('[data-rsvp="r2"] .undo-check-in'), 'only arrived families can be undone').to.equal(null);
    await expectAxeClean(el);
    undo.focus();
    undo.click();
    await waitUntil(() => api.callsTo(routes.undoCheckInRsvp).length === 1);
    await settle(el);
    expect(api.callsTo(routes.undoCheckInRsvp)[0]!.options.params).to.deep.equal({ eventId: 'math-night', rsvpId: 'r1' });
    await waitUntil(() => text(root(el).querySelector('#announcement')) === 'Check-in undone for Rosa Díaz');
    expect(text(root(el).querySelector('#arrived-count'))).to.equal('0 of 2 families arrived (0 people)');
    const arrived = root(el).querySelector<HTMLButtonElement>('[data-rsvp="r1"] .arrived')!;
    expect(arrived.getAttribute('aria-pressed')).to.equal('false');
    expect(root(el).querySelector('[data-rsvp="r1"] .undo-check-in')).to.equal(null);
    // Compared by label: chai cannot print a Lit-rendered element when the check fails.
    expect(deepActiveElement()?.getAttribute('aria-label')).to.equal('Arrived: Rosa Díaz');
    // Checking in again works after an undo.
    await press(el, '[data-rsvp="r1"] .arrived');
    await waitUntil(() => text(root(el).querySelector('#arrived-count')).startsWith('1 of 2'));
  });

  it('keeps the family checked in and says why when the undo fails', async () => {
    const api = fakeApi();
    const answer = api.answer;
    const el = await open(api, '#/events/math-night/check-in');
    await press(el, '[data-rsvp="r1"] .arrived');
    await waitUntil(() => root(el).querySelector('[data-rsvp="r1"] .undo-check-in'));
    api.answer = (route, options) => {
      if (route === routes.undoCheckInRsvp) throw new ConsoleError('network');
      return answer(route, options);
    };
    await press(el, '[data-rsvp="r1"] .undo-check-in');
    await waitUntil(() => root(el).querySelector('.alert'));
    expect(text(root(el).querySelector('.alert'))).to.contain('Could not reach Tandem');
    expect(root(el).querySelector('[data-rsvp="r1"] .arrived')!.getAttribute('aria-pressed')).to.equal('true');
    expect(text(root(el).querySelector('#announcement'))).to.equal('');
  });

  it('opens from the console nav at #/events and keeps a deep link to attendance', async () => {
    const api = fakeApi();
    history.replaceState(null, '', '#/events/math-night/attendance');
    const shell = await fixture<TandemConsole>(html`<tandem-console .client=${api}></tandem-console>`);
    await waitUntil(() => shell.shadowRoot!.querySelector('console-events'), 'the events screen was not mounted');
    const screen = shell.shadowRoot!.querySelector<ConsoleEvents>('console-events')!;
    await waitUntil(() => screen.view === 'attendance', `showed ${screen.view}`);
    const link = [...shell.shadowRoot!.querySelectorAll('nav a')].find((a) => text(a) === 'Events')!;
    expect(link.getAttribute('aria-current')).to.equal('page');
    expect(screen.session).to.equal(api.session);
  });

  it('is axe clean in English and Arabic', async () => {
    for (const lang of ['en', 'ar']) {
      for (const hash of ['#/events', '#/events/math-night', '#/events/math-night/attendance', '#/events/math-night/check-in']) {
        const el = await open(fakeApi(), hash, lang);
        await expectAxeClean(el);
      }
    }
  });
});
