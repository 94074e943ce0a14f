/** <tandem-resource-list>: search and filters by keyboard, counts announced, empty state, attributes, static HSDS files. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryBackend } from '@tandem/core';
import { expectAxeClean } from '@tandem/core/testing.js';
import { sendKeys } from '@web/test-runner-commands';
import '../src/tandem-resource-list.js';
import type { TandemResourceList } from '../src/resource-list.js';
import { $, $$, deepActive, resetDevice, textOf, waitForPhase, WEDNESDAY_AFTERNOON } from './helpers.js';

const FIXTURE = new URL('./fixtures/resources.json', import.meta.url).pathname;

async function renderList(template: ReturnType<typeof html>): Promise<TandemResourceList> {
  const el = await fixture<TandemResourceList>(template);
  await waitForPhase(el, (p) => p !== 'loading');
  return el;
}

const names = (el: TandemResourceList) => $$(el, '[part~="item"] [part~="name"]').map(textOf);
const count = (el: TandemResourceList) => textOf($(el, '[part~="count"]'));

/** Lets the search box's debounce run out and the list re-render. */
async function settleSearch(el: TandemResourceList): Promise<void> {
  await new Promise((r) => setTimeout(r, 400));
  await el.updateComplete;
}

describe('<tandem-resource-list>', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('lists the school’s resources by name, with a count in a polite live region', async () => {
    const el = await renderList(
      html`<tandem-resource-list
        .backend=${MemoryBackend.withDemoData()}
        .now=${WEDNESDAY_AFTERNOON}
        school="lincoln-elementary"
      ></tandem-resource-list>`,
    );
    expect(names(el)).to.deep.equal([
      'Eastside Community Food Shelf',
      'Family Support Line',
      'Homework Help Club',
      'Immigrant Legal Help',
      'Westside Family Clinic',
      'Winter Coat Closet',
    ]);
    const live = $(el, '[part~="count"]');
    expect(live.getAttribute('role')).to.equal('status');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(count(el)).to.equal('6 resources');
    expect($(el, 'form[role="search"]').getAttribute('aria-label')).to.equal('Find a resource');
    // Each item opens to its details (phone links and all).
    const details = $$<HTMLDetailsElement>(el, '[part~="item"] details')[0]!;
    details.querySelector('summary')!.click();
    await el.updateComplete;
    expect(details.open).to.equal(true);
    expect(details.querySelector('[part~="phone-link"]')!.getAttribute('href')).to.equal('tel:6515550110');
  });

  it('filters by keyboard only: search words, category, language spoken and open now', async () => {
    const backend = MemoryBackend.withDemoData();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">before</button>
        <tandem-resource-list .backend=${backend} .now=${WEDNESDAY_AFTERNOON} school="lincoln-elementary"></tandem-resource-list>
      </div>`,
    );
    const el = wrapper.querySelector<TandemResourceList>('tandem-resource-list')!;
    await waitForPhase(el, 'ready');
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' }); // language switch
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('search');
    // A pause after a space must keep the space, or the next word would run into this one.
    await sendKeys({ type: 'family ' });
    await settleSearch(el);
    expect(names(el)).to.deep.equal(['Eastside Community Food Shelf', 'Family Support Line', 'Westside Family Clinic']);
    expect(count(el)).to.equal('3 resources');
    expect(el.getAttribute('q')).to.equal('family');

    await sendKeys({ type: 'line' });
    await settleSearch(el);
    expect($<HTMLInputElement>(el, '#search').value).to.equal('family line');
    expect(names(el)).to.deep.equal(['Family Support Line']);

    // Clear the words, then filter: Somali spoken and open now.
    for (let i = 0; i < 'family line'.length; i++) await sendKeys({ press: 'Backspace' });
    await settleSearch(el);
    expect(count(el)).to.equal('6 resources');
    await sendKeys({ press: 'Tab' }); // category
    await sendKeys({ press: 'Tab' }); // language spoken
    expect(deepActive()?.id).to.equal('language');
    const options = [...$<HTMLSelectElement>(el, '#language').options].map((o) => o.value);
    for (let i = 0; i < options.indexOf('so'); i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.language).to.equal('so');
    expect(el.getAttribute('language')).to.equal('so');
    expect(names(el)).to.deep.equal(['Family Support Line', 'Homework Help Club', 'Immigrant Legal Help', 'Westside Family Clinic']);

    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('open-now');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.hasAttribute('open-now')).to.equal(true);
    // The legal clinic opens Tuesdays and Thursdays only.
    expect(names(el)).to.deep.equal(['Family Support Line', 'Homework Help Club', 'Westside Family Clinic']);
    expect(count(el)).to.equal('3 resources');
    expect(backend.calls.listResources, 'filters run on the device').to.equal(1);
  });

  it('starts filtered from attributes, and an empty result offers to clear the filters', async () => {
    const el = await renderList(
      html`<tandem-resource-list
        .backend=${MemoryBackend.withDemoData()}
        .now=${WEDNESDAY_AFTERNOON}
        school="lincoln-elementary"
        category="food"
        language="es-MX"
      ></tandem-resource-list>`,
    );
    expect(names(el)).to.deep.equal(['Eastside Community Food Shelf']);
    expect(count(el)).to.equal('1 resource');
    expect($<HTMLSelectElement>(el, '#category').value).to.equal('food');
    expect($<HTMLSelectElement>(el, '#language').value).to.equal('es');

    el.category = 'legal';
    await el.updateComplete;
    expect(count(el)).to.equal('0 resources');
    expect(textOf($(el, '[part~="empty"]'))).to.contain('No resources match your search.');
    $<HTMLButtonElement>(el, '[part~="clear"]').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(count(el)).to.equal('6 resources');
    expect(el.hasAttribute('category') || el.hasAttribute('language') || el.hasAttribute('q') || el.hasAttribute('open-now')).to.equal(
      false,
    );
    expect(deepActive()?.id, 'focus goes back to the search box').to.equal('search');
  });

  it('static mode: reads an HSDS file from a URL with no server, and filters it the same way', async () => {
    const el = await renderList(html`<tandem-resource-list src=${FIXTURE} .now=${WEDNESDAY_AFTERNOON}></tandem-resource-list>`);
    expect(el.phase).to.equal('ready');
    expect(names(el)).to.deep.equal(['Eastside Community Food Shelf', 'Family Support Line', 'Immigrant Legal Help', 'Winter Coat Closet']);
    el.language = 'ar';
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Family Support Line', 'Immigrant Legal Help']);
    el.openNow = true;
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Family Support Line']);
    expect(textOf($(el, '[part~="hours"]'))).to.equal('Open now · closes at 2:00 AM');
  });

  it('static mode: a missing file is reported, not a blank widget', async () => {
    const errors: Event[] = [];
    const el = await fixture<TandemResourceList>(
      html`<tandem-resource-list src="/no/such/resources.json" @tandem-error=${(e: Event) => errors.push(e)}></tandem-resource-list>`,
    );
    await waitForPhase(el, (p) => p !== 'loading');
    expect(el.phase).to.equal('not-found');
    expect(textOf($(el, '#state-heading'))).to.equal('We could not find these resources');
    expect(errors).to.have.length(1);
  });

  it('speaks Spanish: count, filters and category names, sorted by the names the family reads', async () => {
    const el = await renderList(
      html`<tandem-resource-list .backend=${MemoryBackend.withDemoData()} school="lincoln-elementary" lang="es"></tandem-resource-list>`,
    );
    expect(count(el)).to.equal('6 recursos');
    expect(textOf($(el, 'label[for="language"]'))).to.equal('Idioma que se habla');
    const categories = [...$<HTMLSelectElement>(el, '#category').options].map((o) => o.text);
    expect(categories).to.include.members(['Todas las categorías', 'Alimentos', 'Salud mental', 'Ayuda legal']);
    const languages = [...$<HTMLSelectElement>(el, '#language').options].map((o) => o.text.toLowerCase());
    expect(languages).to.include.members(['inglés', 'español', 'somalí', 'árabe']);
    expect(names(el)[0]).to.equal('Banco de Alimentos Comunitario Eastside');
  });

  it('[axe] in Arabic: right to left, translated filters, accessible with details open', async () => {
    const el = await renderList(
      html`<tandem-resource-list
        .backend=${MemoryBackend.withDemoData()}
        .now=${WEDNESDAY_AFTERNOON}
        school="lincoln-elementary"
        lang="ar"
      ></tandem-resource-list>`,
    );
    await waitUntil(() => el.getAttribute('dir') === 'rtl');
    expect(getComputedStyle($(el, '[part~="base"]')).direction).to.equal('rtl');
    for (const d of $$<HTMLDetailsElement>(el, 'details')) d.open = true;
    await expectAxeClean(el);
  });

  it('fits a 320px phone without sideways scrolling', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px">
        <tandem-resource-list .backend=${MemoryBackend.withDemoData()} school="lincoln-elementary"></tandem-resource-list>
      </div>`,
    );
    const el = wrapper.querySelector<TandemResourceList>('tandem-resource-list')!;
    await waitForPhase(el, 'ready');
    for (const d of $$<HTMLDetailsElement>(el, 'details')) d.open = true;
    await el.updateComplete;
    expect($(el, '[part~="base"]').scrollWidth).to.be.at.most(320);
  });

  it('lists the school asked for last, even when an earlier, slower answer arrives after it', async () => {
    const slow = MemoryBackend.withDemoData({ latencyMs: 400 });
    const el = await fixture<TandemResourceList>(
      html`<tandem-resource-list .backend=${slow} .now=${WEDNESDAY_AFTERNOON} school="lincoln-elementary"></tandem-resource-list>`,
    );
    // A static file instead, while the school's answer is still on its way.
    el.src = FIXTURE;
    await waitForPhase(el, 'ready');
    const fromFile = names(el);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(fromFile);
    expect(el.items.length).to.be.greaterThan(0);
    expect(
      el.items.filter((item) => item.id.startsWith('demo-')),
      'nothing from the slower answer',
    ).to.deep.equal([]);
  });
});
