/** TandemElement basics: a tolerant define(), composed events, theme tokens that resist hostile host CSS. */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { TandemElement, type TandemErrorEvent, BackendError } from '../src/index.js';
import { settled } from './helpers.js';
import { TestWidget } from './test-widget.js';

describe('TandemElement', () => {
  afterEach(() => fixtureCleanup());

  it('define() tolerates a second copy of the same tag', () => {
    class SecondCopy extends TandemElement {}
    expect(() => SecondCopy.define('tandem-test-widget')).not.to.throw();
    expect(customElements.get('tandem-test-widget')).to.equal(TestWidget);
  });

  it('emit() sends bubbling, composed events out of shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const widget = document.createElement('tandem-test-widget');
    host.attachShadow({ mode: 'open' }).append(widget);
    const heard = oneEvent(document, 'tandem-error') as Promise<TandemErrorEvent>;
    const error = new BackendError('offline', 'no network');
    const sent = widget.emit('tandem-error', { error, message: 'Offline' });
    const event = await heard;
    expect(event).to.equal(sent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.error).to.equal(error);
  });

  it('keeps its own size and case inside a hostile page theme', async () => {
    const style = document.createElement('style');
    style.textContent = `html { font-size: 6px !important; } body { text-transform: uppercase; letter-spacing: 4px; }`;
    document.head.append(style);
    try {
      const el = await fixture<TestWidget>(html`<tandem-test-widget></tandem-test-widget>`);
      await settled(el);
      const paragraph = el.shadowRoot!.querySelector('p')!;
      const computed = getComputedStyle(paragraph);
      expect(computed.fontSize).to.equal('16px');
      expect(computed.textTransform).to.equal('none');
      expect(computed.letterSpacing).to.equal('normal');
    } finally {
      style.remove();
    }
  });

  it('resists !important rules a framework aims at every element', async () => {
    const style = document.createElement('style');
    style.textContent = `* { font-size: 9px !important; text-transform: uppercase !important; letter-spacing: 3px !important; }`;
    document.head.append(style);
    try {
      const el = await fixture<TestWidget>(html`<tandem-test-widget></tandem-test-widget>`);
      await settled(el);
      const computed = getComputedStyle(el.shadowRoot!.querySelector('p')!);
      expect(computed.fontSize).to.equal('16px');
      expect(computed.textTransform).to.equal('none');
      expect(computed.letterSpacing).to.equal('normal');
    } finally {
      style.remove();
    }
  });

  it('inherits the page font and colour, and takes --tandem-* tokens', async () => {
    const root = await fixture<HTMLElement>(
      html`<div style="font-family: Georgia, serif; color: rgb(10, 20, 30); --tandem-font-size: 20px">
        <tandem-test-widget></tandem-test-widget>
      </div>`,
    );
    const el = root.querySelector<TestWidget>('tandem-test-widget')!;
    await settled(el);
    const computed = getComputedStyle(el.shadowRoot!.querySelector('p')!);
    expect(computed.fontFamily).to.contain('Georgia');
    expect(computed.color).to.equal('rgb(10, 20, 30)');
    expect(computed.fontSize).to.equal('20px');
  });
});
