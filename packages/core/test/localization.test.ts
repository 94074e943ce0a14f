/** Which language a widget speaks (saved choice → own lang → page lang → browser → English), RTL, and switching. */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { SUPPORTED_LOCALES } from '@tandem/protocol';
import { LOCALE_CHANGE_EVENT, SAVED_LOCALE_KEY, saveLocale, setUiLocale } from '../src/index.js';
import { settled, shadowText, stubBrowserLanguages } from './helpers.js';
import type { TestWidget } from './test-widget.js';
import './test-widget.js';

describe('LocaleController', () => {
  let restoreLanguages: () => void = () => {};

  beforeEach(() => {
    saveLocale(undefined);
    restoreLanguages = stubBrowserLanguages(['en-US', 'en']);
  });

  afterEach(async () => {
    fixtureCleanup();
    restoreLanguages();
    saveLocale(undefined);
    await setUiLocale('en');
  });

  async function widgetIn(template: ReturnType<typeof html>): Promise<TestWidget> {
    const root = await fixture<HTMLElement>(template);
    const el = root.localName === 'tandem-test-widget' ? (root as TestWidget) : root.querySelector('tandem-test-widget')!;
    await settled(el);
    return el;
  }

  it('falls back to the browser languages, then to English', async () => {
    restoreLanguages();
    restoreLanguages = stubBrowserLanguages(['fr-FR', 'so-SO', 'en']);
    const el = await widgetIn(html`<tandem-test-widget></tandem-test-widget>`);
    expect(el.locale.locale).to.equal('so');

    fixtureCleanup();
    restoreLanguages();
    restoreLanguages = stubBrowserLanguages(['fr-FR', 'de']);
    const english = await widgetIn(html`<tandem-test-widget></tandem-test-widget>`);
    expect(english.locale.locale).to.equal('en');
    expect(english.getAttribute('lang')).to.equal('en');
  });

  it('follows the nearest page lang over the browser, mapping regional tags', async () => {
    const el = await widgetIn(
      html`<div lang="es-MX">
        <p><tandem-test-widget></tandem-test-widget></p>
      </div>`,
    );
    expect(el.locale.locale).to.equal('es');
    expect(shadowText(el)).to.contain('Idioma');
  });

  it('renders first in the family language, with no English flash', async () => {
    const el = await fixture<TestWidget>(html`<tandem-test-widget lang="hmn"></tandem-test-widget>`);
    expect(el.firstRenderText).to.contain('Hom lus');
    expect(el.firstRenderText).not.to.contain('Language');
  });

  it('follows a Spanish phone on an English school page, but not a language the browser ranks lower', async () => {
    restoreLanguages();
    restoreLanguages = stubBrowserLanguages(['es-MX', 'en']);
    const el = await widgetIn(html`<div lang="en"><tandem-test-widget></tandem-test-widget></div>`);
    expect(el.locale.locale).to.equal('es');

    fixtureCleanup();
    restoreLanguages();
    restoreLanguages = stubBrowserLanguages(['en-US', 'es']);
    const english = await widgetIn(html`<div lang="en"><tandem-test-widget></tandem-test-widget></div>`);
    expect(english.locale.locale).to.equal('en');
  });

  it('keeps a Spanish page in Spanish for a phone left in English', async () => {
    restoreLanguages();
    restoreLanguages = stubBrowserLanguages(['en-US']);
    const el = await widgetIn(html`<div lang="es"><tandem-test-widget></tandem-test-widget></div>`);
    expect(el.locale.locale).to.equal('es');
  });

  it('skips a page lang Tandem does not speak', async () => {
    restoreLanguages();
    restoreLanguages = stubBrowserLanguages(['vi-VN']);
    const el = await widgetIn(html`<div lang="fr"><tandem-test-widget></tandem-test-widget></div>`);
    expect(el.locale.locale).to.equal('vi');
  });

  it("prefers the element's own lang over the page's", async () => {
    const el = await widgetIn(html`<div lang="es"><tandem-test-widget lang="hmn"></tandem-test-widget></div>`);
    expect(el.locale.locale).to.equal('hmn');
    expect(shadowText(el)).to.contain('Hom lus');
  });

  it("puts the family's saved choice first (school pages nearly always say lang=en)", async () => {
    localStorage.setItem(SAVED_LOCALE_KEY, 'vi');
    const el = await widgetIn(html`<div lang="en"><tandem-test-widget lang="hmn"></tandem-test-widget></div>`);
    expect(el.locale.locale).to.equal('vi');
    expect(el.getAttribute('lang')).to.equal('vi');
  });

  it('reads lang through shadow roots of the host page', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="zh-CN"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<section><tandem-test-widget></tandem-test-widget></section>';
    const el = root.querySelector<TestWidget>('tandem-test-widget')!;
    await settled(el);
    expect(el.locale.locale).to.equal('zh-Hans');
  });

  it('speaks Arabic right to left: dir="rtl" on the host and Arabic UI strings', async () => {
    const el = await widgetIn(html`<tandem-test-widget lang="ar"></tandem-test-widget>`);
    expect(el.locale.dir).to.equal('rtl');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    expect(shadowText(el)).to.contain('اللغة');
  });

  it('follows a lang attribute changed after first render', async () => {
    const el = await widgetIn(html`<tandem-test-widget></tandem-test-widget>`);
    expect(el.getAttribute('dir')).to.equal('ltr');
    el.lang = 'ar';
    await settled(el);
    expect(el.locale.locale).to.equal('ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    el.removeAttribute('lang');
    await settled(el);
    expect(el.locale.locale).to.equal('en');
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('follows <html lang> when a site-wide translator changes it after load', async () => {
    const html_ = document.documentElement;
    const before = html_.getAttribute('lang');
    try {
      const el = await widgetIn(html`<tandem-test-widget></tandem-test-widget>`);
      expect(el.locale.locale).to.equal('en');
      html_.setAttribute('lang', 'ht');
      await new Promise((resolve) => setTimeout(resolve, 0));
      await settled(el);
      expect(el.locale.locale).to.equal('ht');
      expect(el.getAttribute('lang')).to.equal('ht');
    } finally {
      if (before === null) html_.removeAttribute('lang');
      else html_.setAttribute('lang', before);
    }
  });

  it('setLocale saves the choice and switches every widget on the page', async () => {
    const root = await fixture<HTMLElement>(
      html`<div><tandem-test-widget id="a"></tandem-test-widget><tandem-test-widget id="b"></tandem-test-widget></div>`,
    );
    const [a, b] = [...root.querySelectorAll<TestWidget>('tandem-test-widget')] as [TestWidget, TestWidget];
    await settled(a);
    const announced = oneEvent(window, LOCALE_CHANGE_EVENT);
    await a.locale.setLocale('es');
    expect((await announced).detail.locale).to.equal('es');
    await settled(b);
    expect(localStorage.getItem(SAVED_LOCALE_KEY)).to.equal('es');
    for (const el of [a, b]) {
      expect(el.getAttribute('lang')).to.equal('es');
      expect(shadowText(el)).to.contain('Idioma');
    }
  });

  it('has UI strings for every supported locale', async () => {
    for (const locale of SUPPORTED_LOCALES) {
      await setUiLocale(locale);
    }
    await setUiLocale('en');
  });
});

describe('translations (xliff/)', () => {
  const complete = ['es', 'hmn', 'ar'];
  const drafts = ['vi', 'so', 'zh-Hans', 'ht'];

  async function units(locale: string) {
    const response = await fetch(`/xliff/${locale}.xlf`);
    expect(response.ok, `xliff/${locale}.xlf exists`).to.equal(true);
    const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
    return [...doc.querySelectorAll('trans-unit')]
      .filter((u) => u.id.startsWith('core.'))
      .map((u) => ({ id: u.id, source: u.querySelector('source')!, target: u.querySelector('target') }));
  }

  for (const locale of [...complete, ...drafts]) {
    it(`${locale}: every core string is translated, keeping its placeholders`, async () => {
      const list = await units(locale);
      expect(list.length).to.be.greaterThan(20);
      for (const { id, source, target } of list) {
        expect(target, `${locale} ${id} has a target`).to.exist;
        expect(target!.textContent!.trim(), `${locale} ${id} is not empty`).not.to.equal('');
        expect(target!.querySelectorAll('x').length, `${locale} ${id} placeholders`).to.equal(source.querySelectorAll('x').length);
        const state = target!.getAttribute('state');
        if (complete.includes(locale)) expect(state, `${locale} ${id} is final`).to.equal(null);
        else expect(state, `${locale} ${id} is marked as a draft`).to.equal('needs-review-translation');
      }
    });
  }
});
