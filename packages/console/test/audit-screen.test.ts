/** <console-audit>: the audit log, newest first, filtered and paged, readable on a phone and with a screen reader. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearTandemStorage, expectAxeClean } from '@tandem/core/testing.js';
import { routes, type AuditEntry, type ConsoleRole } from '@tandem/protocol';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/screens/audit/console-audit.js';
import type { ConsoleAudit } from '../src/screens/audit/audit-screen.js';
import { ConsoleError } from '../src/console-client.js';
import { deepActiveElement, FakeConsoleApi, sessionFor, settle, text, type } from './console-fakes.js';

const root = (el: ConsoleAudit) => el.shadowRoot!;
const rows = (el: ConsoleAudit) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
/** A cell's words without the column name that leads it on a phone. */
const cellText = (cell: Element) => {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelector('.cell-label')?.remove();
  return text(copy);
};
const button = (el: ConsoleAudit, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);

const ADA = { kind: 'staff' as const, id: 'u1', name: 'Ada Lovelace', email: 'ada@lincoln.example' };
const GRACE = { kind: 'staff' as const, id: 'u2', name: 'Grace Hopper', email: 'grace@lincoln.example' };

/** 120 entries a minute apart, newest first, ending 2026-03-14 12:00 UTC; every third is Grace's survey download. */
function makeLog(): AuditEntry[] {
  const end = Date.parse('2026-03-14T12:00:00Z');
  return Array.from({ length: 120 }, (_, i) => {
    const at = new Date(end - i * 60_000 * 60 * 6).toISOString();
    return i % 3 === 0
      ? { id: `e${i}`, at, actor: GRACE, action: 'survey.results-exported', target: { kind: 'survey', id: 'sv1', label: 'Family survey' } }
      : { id: `e${i}`, at, actor: ADA, action: 'session.signed-in', target: { kind: 'session', id: `sess-${i}` } };
  });
}

/** Answers listAudit as the server does: filters, then pages by cursor (here the index of the next entry). */
function fakeServer(api: FakeConsoleApi, log: AuditEntry[] = makeLog()) {
  api.answer = (route, options) => {
    if (route !== routes.listAudit) return {};
    const q = options.query ?? {};
    const matching = log.filter(
      (e) =>
        (!q['actor'] || e.actor.email === q['actor'] || e.actor.id === q['actor']) &&
        (!q['action'] || e.action === q['action']) &&
        (!q['from'] || e.at >= q['from']) &&
        (!q['to'] || e.at <= q['to']),
    );
    const start = q['before'] ? Number(q['before']) : 0;
    const limit = Number(q['limit'] ?? 50);
    const items = matching.slice(start, start + limit);
    return { items, ...(start + limit < matching.length ? { next: String(start + limit) } : {}) };
  };
}

async function renderScreen(lang = 'en', role: ConsoleRole = 'organization-admin') {
  const api = new FakeConsoleApi(sessionFor(role));
  fakeServer(api);
  const el = await fixture<ConsoleAudit>(html`<console-audit .api=${api} .session=${api.session!} lang=${lang}></console-audit>`);
  await waitUntil(() => el.entries !== undefined, 'never loaded');
  await el.updateComplete;
  return { el, api };
}

const apply = async (el: ConsoleAudit) => {
  button(el, 'Show entries')!.click();
  await settle(el);
};

describe('<console-audit>', () => {
  beforeEach(async () => {
    localStorage.clear();
    await clearTandemStorage();
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('lists who did what to which item and when, newest first', async () => {
    const { el, api } = await renderScreen();
    expect(api.callsTo(routes.listAudit)[0]!.options.query).to.deep.equal({ limit: '50' });
    expect(rows(el)).to.have.length(50);
    const headers = [...root(el).querySelectorAll('thead th')].map(text);
    expect(headers).to.deep.equal(['When', 'Who', 'What', 'Item']);
    const [first, second] = rows(el);
    const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-03-14T12:00:00Z'));
    expect(text(first!.querySelector('time'))).to.equal(when);
    expect(first!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-14T12:00:00.000Z');
    expect(text(first!.cells[1])).to.contain('Grace Hopper');
    expect(text(first!.cells[2])).to.contain('Downloaded survey results');
    expect(text(first!.cells[3])).to.contain('Survey: Family survey');
    expect(text(second!.cells[2])).to.contain('Signed in');
    expect(text(second!.cells[3])).to.contain('Console session: sess-1');
    expect(text(root(el).querySelector('caption'))).to.equal('Audit log entries, newest first');
  });

  it('shows what a change of the allowed sites changed them to, and names actions it does not know by their own name', async () => {
    const api = new FakeConsoleApi(sessionFor('organization-admin'));
    fakeServer(api, [
      {
        id: 'x2',
        at: '2026-03-14T12:00:00Z',
        actor: ADA,
        action: 'organization.embed-origins-changed',
        target: { kind: 'organization', id: 'o1' },
        details: { before: [], after: ['https://www.lincoln.example', 'https://parents.lincoln.example'] },
      },
      { id: 'x1', at: '2026-03-14T11:00:00Z', actor: { kind: 'token', id: 't1', name: 'SIS sync' }, action: 'family.merged' },
    ]);
    const el = await fixture<ConsoleAudit>(html`<console-audit .api=${api} .session=${api.session!}></console-audit>`);
    await waitUntil(() => el.entries !== undefined);
    await el.updateComplete;
    const [change, unknown] = rows(el);
    expect(cellText(change!.cells[2])).to.equal(
      'Changed the sites allowed to embed content Now allowed: https://www.lincoln.example, https://parents.lincoln.example',
    );
    expect(cellText(change!.cells[3])).to.equal('Organization: o1');
    expect(cellText(unknown!.cells[1])).to.equal('API token “SIS sync”');
    expect(cellText(unknown!.cells[2])).to.equal('family.merged');
    expect(cellText(unknown!.cells[3])).to.equal('None');
    expect(text(root(el).querySelector('.hint:last-child'))).to.equal('This is the oldest entry.');
  });

  it('writes dates the way the staff member’s language does', async () => {
    const { el } = await renderScreen('es');
    const when = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-03-14T12:00:00Z'));
    expect(text(rows(el)[0]!.querySelector('time'))).to.equal(when);
    expect(when).to.contain('mar', 'a Spanish month');
    await waitUntil(() => text(root(el).querySelector('h1')) === 'Registro de auditoría', 'the screen never spoke Spanish');
    expect([...root(el).querySelectorAll('thead th')].map(text)).to.deep.equal(['Cuándo', 'Quién', 'Qué', 'Elemento']);
    expect(text(rows(el)[1]!.cells[2])).to.contain('Inició sesión');
  });

  it('loads older entries under the same filters, moving focus to the first new one', async () => {
    const { el, api } = await renderScreen();
    button(el, 'Load older entries')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(api.callsTo(routes.listAudit)[1]!.options.query).to.deep.equal({ limit: '50', before: '50' });
    expect(rows(el)).to.have.length(100);
    expect(deepActiveElement()).to.equal(rows(el)[50]);
    expect(text(root(el).querySelector('p[role="status"]'))).to.equal('50 older entries loaded.');
    button(el, 'Load older entries')!.click();
    await settle(el);
    expect(rows(el)).to.have.length(120);
    expect(button(el, 'Load older entries')).to.equal(undefined);
    expect(text(root(el).querySelector('.hint:last-child'))).to.equal('This is the oldest entry.');
  });

  it('filters by person, action and dates, and pages on with those filters', async () => {
    const { el, api } = await renderScreen();
    await type(root(el), 'audit-actor', ' ada@lincoln.example ', el);
    const action = root(el).querySelector<HTMLSelectElement>('#audit-action')!;
    action.value = 'session.signed-in';
    action.dispatchEvent(new Event('change'));
    await type(root(el), 'audit-from', '2026-01-01', el);
    await type(root(el), 'audit-to', '2026-03-14', el);
    await apply(el);
    const query = api.callsTo(routes.listAudit).at(-1)!.options.query!;
    expect(query['actor']).to.equal('ada@lincoln.example');
    expect(query['action']).to.equal('session.signed-in');
    expect(query['from']).to.equal(new Date(2026, 0, 1).toISOString(), 'the start of the day where the staff member is');
    expect(query['to']).to.equal(new Date(new Date(2026, 2, 15).getTime() - 1).toISOString(), 'through the end of the last day');
    expect(rows(el)).to.have.length(50);
    for (const row of rows(el)) expect(text(row.cells[1])).to.contain('Ada Lovelace');
    expect(text(root(el).querySelector('p[role="status"]'))).to.equal('Showing the 50 newest entries.');

    // Changing a field without applying it does not change what "Load older" asks for.
    await type(root(el), 'audit-actor', 'grace@lincoln.example', el);
    button(el, 'Load older entries')!.click();
    await settle(el);
    expect(api.callsTo(routes.listAudit).at(-1)!.options.query).to.deep.equal({ ...query, before: '50' });
    expect(rows(el)).to.have.length(80);

    button(el, 'Clear the filters')!.click();
    await settle(el);
    expect(api.callsTo(routes.listAudit).at(-1)!.options.query).to.deep.equal({ limit: '50' });
    expect(root(el).querySelector<HTMLInputElement>('#audit-actor')!.value).to.equal('');
    expect(root(el).querySelector<HTMLInputElement>('#audit-from')!.value).to.equal('');
  });

  it('refuses a date range that ends before it starts, keeping the dates typed', async () => {
    const { el, api } = await renderScreen();
    const before = api.calls.length;
    await type(root(el), 'audit-from', '2026-03-10', el);
    await type(root(el), 'audit-to', '2026-03-01', el);
    await apply(el);
    expect(api.calls.length).to.equal(before, 'nothing is asked');
    expect(text(root(el).querySelector('#audit-to-error'))).to.equal('The end date is before the start date.');
    expect(root(el).querySelector('#audit-to')!.getAttribute('aria-describedby')).to.equal('audit-to-error');
    expect(deepActiveElement()).to.equal(root(el).querySelector('#audit-to'));
    expect(root(el).querySelector<HTMLInputElement>('#audit-from')!.value).to.equal('2026-03-10');
  });

  it('says when nothing matches, and when the server refuses', async () => {
    const { el, api } = await renderScreen();
    await type(root(el), 'audit-actor', 'nobody@lincoln.example', el);
    await apply(el);
    expect(text(root(el).querySelector('.empty'))).to.equal('No entries match these filters.');
    api.answer = () => {
      throw new ConsoleError('forbidden', 403);
    };
    await apply(el);
    expect(text(root(el).querySelector('.alert'))).to.equal('Only an admin can read the audit log.');
  });

  it('stacks each entry as a card on a phone, keeping table roles and column names for screen readers', async () => {
    await setViewport({ width: 360, height: 740 });
    const { el } = await renderScreen();
    const row = rows(el)[0]!;
    expect(getComputedStyle(row).display).to.equal('block');
    const label = row.querySelector<HTMLElement>('.cell-label')!;
    expect(getComputedStyle(label).display).to.not.equal('none', 'each cell names its column on a phone');
    expect(label.getAttribute('aria-hidden')).to.equal('true', 'screen readers hear the column header instead');
    expect(root(el).querySelector('table')!.getAttribute('role')).to.equal('table');
    expect(row.getAttribute('role')).to.equal('row');
    expect([...row.cells].map((c) => c.getAttribute('role'))).to.deep.equal(['cell', 'cell', 'cell', 'cell']);
    expect(root(el).querySelector('table')!.getBoundingClientRect().width).to.be.at.most(360);
    await expectAxeClean(el);
  });

  it('[axe] is accessible in English and in Arabic (RTL), with an error showing', async () => {
    const { el } = await renderScreen();
    await type(root(el), 'audit-from', '2026-03-10', el);
    await type(root(el), 'audit-to', '2026-03-01', el);
    await apply(el);
    await expectAxeClean(el);
    el.lang = 'ar';
    await waitUntil(() => el.getAttribute('dir') === 'rtl');
    await el.updateComplete;
    await expectAxeClean(el);
  });
});
