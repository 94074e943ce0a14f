/** <tandem-language-switch>: labelled, keyboard operable, each language in its own name, axe clean. */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LOCALE_NAMES, SUPPORTED_LOCALES } from '@tandem/protocol';
import { SAVED_LOCALE_KEY, saveLocale, setUiLocale } from '../src/index.js';
import { expectAxeClean } from '../src/testing/index.js';
import type { TandemLanguageSwitch } from '../src/ui/index.js';
import { settled, shadowText } from './helpers.js';
import type { TestWidget } from './test-widget.js';
import './test-widget.js';

function selectOf(el: TandemLanguageSwitch): HTMLSelectElement {
  return el.shadowRoot!.querySelector('select')!;
}

describe('<tandem-language-switch>', () => {
  beforeEach(() => saveLocale(undefined));
  afterEach(async () => {
    fixtureCleanup();
    saveLocale(undefined);
    await setUiLocale('en');
  });

  it('lists every supported language by its own name, with lang on each option', async () => {
    const el = await fixture<TandemLanguageSwitch>(html`<tandem-language-switch value="es"></tandem-language-switch>`);
    const options = [...selectOf(el).options];
    expect(options.map((o) => o.value)).to.deep.equal([...SUPPORTED_LOCALES]);
    expect(options.map((o) => o.textContent)).to.deep.equal(SUPPORTED_LOCALES.map((l) => LOCALE_NAMES[l]));
    expect(options.map((o) => o.lang)).to.deep.equal([...SUPPORTED_LOCALES]);
    expect(selectOf(el).value).to.equal('es');
  });

  it('has a visible label tied to the select', async () => {
    const el = await fixture<TandemLanguageSwitch>(html`<tandem-language-switch></tandem-language-switch>`);
    const select = selectOf(el);
    expect(select.labels?.[0]?.textContent?.trim()).to.equal('Language');
    expect(select.labels![0]!.getBoundingClientRect().width).to.be.greaterThan(0);
    expect(select.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('offers only the locales asked for', async () => {
    const el = await fixture<TandemLanguageSwitch>(html`<tandem-language-switch locales="ar en es-MX xx"></tandem-language-switch>`);
    expect([...selectOf(el).options].map((o) => o.value)).to.deep.equal(['en', 'es', 'ar']);
  });

  it('[axe] is accessible, also in Arabic', async () => {
    const el = await fixture<TandemLanguageSwitch>(html`<tandem-language-switch></tandem-language-switch>`);
    await expectAxeClean(el);
    const rtl = await fixture<HTMLElement>(
      html`<div lang="ar" dir="rtl"><tandem-language-switch value="ar"></tandem-language-switch></div>`,
    );
    await setUiLocale('ar');
    await (rtl.firstElementChild as TandemLanguageSwitch).updateComplete;
    expect(shadowText(rtl.firstElementChild!)).to.contain('اللغة');
    await expectAxeClean(rtl);
  });

  it('is reached with Tab and changed with the arrow keys, switching the widget it sits in', async () => {
    const root = await fixture<HTMLElement>(html`<div><button>before</button><tandem-test-widget></tandem-test-widget></div>`);
    const widget = root.querySelector<TestWidget>('tandem-test-widget')!;
    await settled(widget);
    const languageSwitch = widget.shadowRoot!.querySelector<TandemLanguageSwitch>('tandem-language-switch')!;
    await languageSwitch.updateComplete;

    root.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(languageSwitch.shadowRoot!.activeElement, 'focus is on the select').to.equal(selectOf(languageSwitch));

    const requested = oneEvent(widget, 'tandem-locale-request');
    await sendKeys({ press: 'ArrowDown' });
    expect((await requested).detail.locale).to.equal('es');
    await settled(widget);
    expect(widget.getAttribute('lang')).to.equal('es');
    expect(localStorage.getItem(SAVED_LOCALE_KEY)).to.equal('es');
    expect(shadowText(widget)).to.contain('Idioma');
    expect(selectOf(languageSwitch).value).to.equal('es');
  });

  it('on its own in a page, applies the choice page-wide', async () => {
    const root = await fixture<HTMLElement>(
      html`<div><tandem-language-switch></tandem-language-switch><tandem-test-widget></tandem-test-widget></div>`,
    );
    const widget = root.querySelector<TestWidget>('tandem-test-widget')!;
    await settled(widget);
    const select = selectOf(root.querySelector<TandemLanguageSwitch>('tandem-language-switch')!);
    select.value = 'ar';
    select.dispatchEvent(new Event('change'));
    expect(localStorage.getItem(SAVED_LOCALE_KEY)).to.equal('ar');
    await settled(widget);
    expect(widget.getAttribute('dir')).to.equal('rtl');
    expect(shadowText(widget)).to.contain('اللغة');
  });

  it('leaves a fixed-lang widget (a console preview) in its own language, and its switch changes it alone', async () => {
    saveLocale('es');
    const root = await fixture<HTMLElement>(
      html`<div>
        <tandem-test-widget id="page"></tandem-test-widget>
        <tandem-test-widget id="preview" lang="ar" fixed-lang></tandem-test-widget>
      </div>`,
    );
    const page = root.querySelector<TestWidget>('#page')!;
    const preview = root.querySelector<TestWidget>('#preview')!;
    await settled(page);
    await settled(preview);
    expect(page.getAttribute('lang'), 'the saved choice still leads other widgets').to.equal('es');
    expect(preview.getAttribute('lang'), "the preview's own language outranks the saved choice").to.equal('ar');
    expect(preview.getAttribute('dir')).to.equal('rtl');

    const select = selectOf(preview.shadowRoot!.querySelector<TandemLanguageSwitch>('tandem-language-switch')!);
    select.value = 'vi';
    select.dispatchEvent(new Event('change'));
    await settled(preview);
    expect(preview.getAttribute('lang')).to.equal('vi');
    expect(localStorage.getItem(SAVED_LOCALE_KEY), 'nothing remembered for the family').to.equal('es');
    expect(page.getAttribute('lang'), 'other widgets do not follow a preview').to.equal('es');
  });
});
