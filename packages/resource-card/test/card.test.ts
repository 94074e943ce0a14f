/** <tandem-resource-card>: what a family reads — hours on the resource's clock, links that act, languages, fallbacks, RTL. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryBackend } from '@tandem/core';
import { expectAxeClean } from '@tandem/core/testing.js';
import '../src/tandem-resource-card.js';
import type { TandemResourceCard } from '../src/resource-card.js';
import { $, $$, resetDevice, textOf, waitForPhase, WEDNESDAY_AFTERNOON, WEDNESDAY_EVENING } from './helpers.js';

async function renderCard(resource: string, options: { now?: Date; lang?: string; backend?: MemoryBackend } = {}) {
  const backend = options.backend ?? MemoryBackend.withDemoData();
  const el = await fixture<TandemResourceCard>(
    html`<tandem-resource-card
      .backend=${backend}
      .now=${options.now}
      resource=${resource}
      lang=${options.lang ?? 'en'}
    ></tandem-resource-card>`,
  );
  await waitForPhase(el, (p) => p !== 'loading');
  return el;
}

const hours = (el: TandemResourceCard) => textOf($(el, '[part~="hours"]'));

describe('<tandem-resource-card>', () => {
  beforeEach(resetDevice);
  afterEach(resetDevice);

  it('shows name, category, description and cost in plain words', async () => {
    const el = await renderCard('demo-food-shelf', { now: WEDNESDAY_AFTERNOON });
    expect(textOf($(el, '[part~="name"]'))).to.equal('Eastside Community Food Shelf');
    expect($(el, 'h2[part~="name"]')).to.exist;
    expect(textOf($(el, '[part~="category"]'))).to.equal('Food');
    expect(textOf($(el, '[part~="description"]'))).to.contain('Free groceries once a week');
    const details = textOf($(el, '[part~="details"]'));
    expect(details).to.contain('Who can use it').and.contain('Anyone who lives in the district');
    expect(details).to.contain('Cost').and.contain('Free');
  });

  it('speaks Hmong: category, labels and content in Hmong, languages joined without English words', async () => {
    const el = await renderCard('demo-food-shelf', { lang: 'hmn' });
    expect(textOf($(el, '[part~="category"]'))).to.equal('Zaub mov');
    const details = textOf($(el, '[part~="details"]'));
    expect(details).to.contain('Tus nqi Dawb');
    expect(details).to.contain('lus Askiv, lus Mev, lus Hmoob');
    expect(details).not.to.contain(' and ');
  });

  it('says open or closed on the resource’s own clock, with times in the family’s format', async () => {
    expect(hours(await renderCard('demo-food-shelf', { now: WEDNESDAY_AFTERNOON }))).to.equal('Open now · closes at 6:00 PM');
    expect(hours(await renderCard('demo-food-shelf', { now: WEDNESDAY_EVENING }))).to.equal('Closed · opens tomorrow at 10:00 AM');
    expect(hours(await renderCard('demo-homework-help', { now: new Date('2026-11-25T15:00:00Z') }))).to.equal(
      'Closed · opens today at 2:45 PM',
    );
    // Open past midnight: the closing time is tomorrow's 2 AM.
    expect(hours(await renderCard('demo-family-helpline', { now: WEDNESDAY_EVENING }))).to.equal('Open now · closes at 2:00 AM');
    // Thursday is Thanksgiving at the clinic, so the next opening is Friday.
    expect(hours(await renderCard('demo-family-clinic', { now: WEDNESDAY_EVENING }))).to.equal('Closed · opens Friday at 8:00 AM');
    // On Thanksgiving itself the card says why it is closed.
    expect(hours(await renderCard('demo-family-clinic', { now: new Date('2026-11-26T16:00:00Z') }))).to.equal(
      'Closed (Thanksgiving) · opens tomorrow at 8:00 AM',
    );
    // Spanish: translated words around a 24-hour clock and weekday names from Intl.
    expect(hours(await renderCard('demo-food-shelf', { now: WEDNESDAY_AFTERNOON, lang: 'es' }))).to.equal(
      'Abierto ahora · cierra a las 18:00',
    );
    expect(hours(await renderCard('demo-family-clinic', { now: WEDNESDAY_EVENING, lang: 'es' }))).to.equal(
      'Cerrado · abre el viernes a las 8:00',
    );
  });

  it('switches language with its language switch: UI words and content, the resource’s own languages offered first', async () => {
    const el = await renderCard('demo-food-shelf', { now: WEDNESDAY_AFTERNOON });
    const select = $(el, 'tandem-language-switch').shadowRoot!.querySelector('select')!;
    expect([...select.options].slice(0, 3).map((o) => o.value)).to.deep.equal(['en', 'es', 'hmn']);
    select.value = 'es';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => textOf($(el, '[part~="category"]')) === 'Alimentos', 'UI strings switched to Spanish');
    expect(textOf($(el, '[part~="name"]'))).to.equal('Banco de Alimentos Comunitario Eastside');
    expect(hours(el)).to.equal('Abierto ahora · cierra a las 18:00');
    expect(el.getAttribute('lang')).to.equal('es');
  });

  it('says nothing about hours when none are listed, rather than "closed"', async () => {
    const el = await renderCard('demo-winter-coats', { now: WEDNESDAY_AFTERNOON });
    expect(el.shadowRoot!.querySelector('[part~="hours"]')).to.equal(null);
    expect(textOf($(el, '[part~="details"]'))).not.to.contain('Closed');
  });

  it('links phones with tel:/sms: and a type label, the address to a map, and the website', async () => {
    const helpline = await renderCard('demo-family-helpline', { now: WEDNESDAY_AFTERNOON });
    const phones = $$<HTMLAnchorElement>(helpline, '[part~="phone-link"]');
    expect(phones.map((a) => a.getAttribute('href'))).to.deep.equal(['tel:6515550130', 'sms:6515550131']);
    expect(phones.map((a) => textOf(a.closest('li')!))).to.deep.equal(['Phone: 651-555-0130', 'Text line: 651-555-0131']);
    expect($<HTMLAnchorElement>(helpline, '[part~="website-link"]').href).to.equal('https://helpline.example.org/');

    const food = await renderCard('demo-food-shelf');
    // A single ordinary phone needs no type label under the "Phone" heading.
    expect(textOf($(food, '[part~="phone-link"]').closest('li')!)).to.equal('651-555-0110');
    const map = $<HTMLAnchorElement>(food, '[part~="map-link"]');
    expect(map.href).to.equal('https://www.openstreetmap.org/search?query=880%20Payne%20Ave%2C%20Saint%20Paul%2C%20MN%2055130');
    expect(map.target).to.equal('_blank');
    expect(textOf($(food, '[part~="details"]'))).to.contain('880 Payne Ave, Saint Paul, MN 55130');

    // A resource's own map link wins; a fax number is shown but not linked.
    const clinic = await renderCard('demo-family-clinic');
    expect($<HTMLAnchorElement>(clinic, '[part~="map-link"]').href).to.equal('https://www.openstreetmap.org/?mlat=44.9318&mlon=-93.0808');
    expect($$<HTMLAnchorElement>(clinic, '[part~="phone-link"]').map((a) => a.getAttribute('href'))).to.deep.equal(['tel:6515550140']);
    expect(textOf($(clinic, '[part~="details"]'))).to.contain('Fax: 651-555-0149');
  });

  it('names the languages spoken in the family’s language', async () => {
    const en = await renderCard('demo-homework-help');
    expect(textOf($(en, '[part~="details"]'))).to.contain('English, Spanish, and Somali');
    const es = await renderCard('demo-homework-help', { lang: 'es' });
    expect(textOf($(es, '[part~="details"]')).toLowerCase()).to.contain('inglés, español y somalí');
  });

  it('marks text shown in another language with its lang (and dir when the direction differs)', async () => {
    // No Spanish for the legal clinic's name: it falls back to its default language, Arabic, right to left.
    const es = await renderCard('demo-immigration-legal', { lang: 'es' });
    const name = $(es, '[part~="name"] [lang]');
    expect(name.getAttribute('lang')).to.equal('ar');
    expect(name.getAttribute('dir')).to.equal('rtl');
    expect(name.textContent).to.equal('المساعدة القانونية للمهاجرين');
    // Hmong family, homework club written in English and Spanish only.
    const hmn = await renderCard('demo-homework-help', { lang: 'hmn' });
    expect($(hmn, '[part~="description"] [lang]').getAttribute('lang')).to.equal('en');
    expect($(hmn, '[part~="description"] [lang]').hasAttribute('dir')).to.equal(false);
    // Text in the family's own language carries no extra lang.
    const en = await renderCard('demo-homework-help');
    expect(en.shadowRoot!.querySelector('[part~="description"] [lang]')).to.equal(null);
  });

  it('[axe] lays out right to left in Arabic, with Arabic content and accessible', async () => {
    const el = await renderCard('demo-immigration-legal', { lang: 'ar', now: WEDNESDAY_AFTERNOON });
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, '[part~="base"]')).direction).to.equal('rtl');
    expect(textOf($(el, '[part~="name"]'))).to.equal('المساعدة القانونية للمهاجرين');
    // The phone number stays left to right inside the right-to-left card.
    expect($(el, '[part~="phone-link"]').getAttribute('dir')).to.equal('ltr');
    const name = $(el, '[part~="name"]').getBoundingClientRect();
    const base = $(el, '[part~="base"]').getBoundingClientRect();
    expect(Math.abs(base.right - name.right), 'the heading starts at the right edge').to.be.lessThan(2);
    await expectAxeClean(el);
  });

  it('says when the resource does not exist, and when loading failed offers to try again', async () => {
    const errors: CustomEvent[] = [];
    const listen = (e: Event) => errors.push(e as CustomEvent);
    document.addEventListener('tandem-error', listen);
    const missing = await renderCard('no-such-resource');
    document.removeEventListener('tandem-error', listen);
    expect(missing.phase).to.equal('not-found');
    expect(errors, 'tandem-error reaches the page').to.have.length(1);
    expect(errors[0]!.detail.message).to.equal('We could not find this. The link may be out of date.');
    expect(textOf($(missing, '#state-heading'))).to.equal('We could not find this resource');

    const backend = MemoryBackend.withDemoData();
    backend.setOffline(true);
    const failed = await renderCard('demo-food-shelf', { backend });
    expect(failed.phase).to.equal('load-error');
    backend.setOffline(false);
    $<HTMLButtonElement>(failed, '[part~="action"]').click();
    await waitForPhase(failed, 'ready');
    expect(textOf($(failed, '[part~="name"]'))).to.equal('Eastside Community Food Shelf');
  });

  it('shows the resource asked for last, even when an earlier, slower answer arrives after it', async () => {
    const slow = MemoryBackend.withDemoData({ latencyMs: 400 });
    const el = await fixture<TandemResourceCard>(
      html`<tandem-resource-card .backend=${slow} .now=${WEDNESDAY_AFTERNOON} resource="demo-food-shelf" lang="en"></tandem-resource-card>`,
    );
    // Another resource from another server while the first answer is still on its way.
    el.backend = MemoryBackend.withDemoData();
    el.resourceId = 'demo-family-helpline';
    await waitForPhase(el, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 600));
    await el.updateComplete;
    expect(textOf($(el, '[part~="name"]'))).to.equal('Family Support Line');
    expect(el.resource?.id).to.equal('demo-family-helpline');
  });

  it('fits a 320px phone without sideways scrolling', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px">
        <tandem-resource-card .backend=${MemoryBackend.withDemoData()} resource="demo-family-clinic"></tandem-resource-card>
      </div>`,
    );
    const el = wrapper.querySelector<TandemResourceCard>('tandem-resource-card')!;
    await waitForPhase(el, 'ready');
    expect($(el, '[part~="base"]').scrollWidth).to.be.at.most(320);
  });
});
