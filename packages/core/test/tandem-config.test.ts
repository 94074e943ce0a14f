/** Backend resolution: property → attribute → nearest <tandem-config> (across shadow roots) → loader base → none. */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { HttpBackend, MemoryBackend, TandemConfig } from '../src/index.js';
import '../src/tandem-config.js';
import { settled, shadowText } from './helpers.js';
import type { TestWidget } from './test-widget.js';
import './test-widget.js';

describe('<tandem-config> and backend resolution', () => {
  let savedBase: string | undefined;
  beforeEach(() => {
    savedBase = globalThis.tandemBackendBase;
    globalThis.tandemBackendBase = undefined;
  });
  afterEach(() => {
    fixtureCleanup();
    globalThis.tandemBackendBase = savedBase;
  });

  function baseUrlOf(el: TestWidget): string | undefined {
    const backend = el.resolveBackend();
    return backend instanceof HttpBackend ? backend.baseUrl : undefined;
  }

  it('is defined and takes no room of its own (display: contents)', async () => {
    const config = await fixture<TandemConfig>(html`<tandem-config backend="https://a.example/"><p>hi</p></tandem-config>`);
    expect(config).to.be.instanceOf(TandemConfig);
    expect(getComputedStyle(config).display).to.equal('contents');
  });

  it('gives its backend to widgets inside, through nested shadow roots', async () => {
    const config = await fixture<HTMLElement>(html`<tandem-config backend="https://district.example/tandem"></tandem-config>`);
    const outer = document.createElement('div');
    config.append(outer);
    const inner = document.createElement('div');
    outer.attachShadow({ mode: 'open' }).append(inner);
    const widget = document.createElement('tandem-test-widget');
    inner.attachShadow({ mode: 'open' }).append(widget);
    await settled(widget);
    expect(baseUrlOf(widget)).to.equal('https://district.example/tandem/');
  });

  it('lets the nearest config win, and the element attribute win over any config', async () => {
    const root = await fixture<HTMLElement>(html`
      <tandem-config backend="https://outer.example/">
        <tandem-config backend="https://inner.example/">
          <tandem-test-widget id="a"></tandem-test-widget>
          <tandem-test-widget id="b" backend="https://own.example/api/"></tandem-test-widget>
        </tandem-config>
      </tandem-config>
    `);
    expect(baseUrlOf(root.querySelector<TestWidget>('#a')!)).to.equal('https://inner.example/');
    expect(baseUrlOf(root.querySelector<TestWidget>('#b')!)).to.equal('https://own.example/api/');
  });

  it('prefers a Backend object set as a property over everything else', async () => {
    const memory = MemoryBackend.withDemoData();
    const el = await fixture<TestWidget>(html`<tandem-test-widget .backend=${memory} backend="https://own.example/"></tandem-test-widget>`);
    expect(el.resolveBackend()).to.equal(memory);
  });

  it("falls back to the loader's base URL, and shares one HttpBackend per URL", async () => {
    globalThis.tandemBackendBase = 'https://cdn.example/';
    const root = await fixture<HTMLElement>(
      html`<div><tandem-test-widget></tandem-test-widget><tandem-test-widget></tandem-test-widget></div>`,
    );
    const [a, b] = [...root.querySelectorAll<TestWidget>('tandem-test-widget')] as [TestWidget, TestWidget];
    expect(baseUrlOf(a)).to.equal('https://cdn.example/');
    expect(a.resolveBackend()).to.equal(b.resolveBackend());
  });

  it('resolves a relative backend URL against the page', async () => {
    const el = await fixture<TestWidget>(html`<tandem-test-widget backend="/district/tandem/"></tandem-test-widget>`);
    expect(baseUrlOf(el)).to.equal(new URL('/district/tandem/', location.href).href);
  });

  it('with nothing configured, resolves to none and the widget says so instead of throwing', async () => {
    const el = await fixture<TestWidget>(html`<tandem-test-widget></tandem-test-widget>`);
    await settled(el);
    expect(el.resolveBackend()).to.equal(undefined);
    expect(shadowText(el)).to.contain('not connected to a school server');
  });

  it('treats a malformed backend URL as not connected', async () => {
    const el = await fixture<TestWidget>(html`<tandem-test-widget backend="http://[bad"></tandem-test-widget>`);
    await settled(el);
    expect(el.resolveBackend()).to.equal(undefined);
  });
});
