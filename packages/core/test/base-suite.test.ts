/** The shared base suite, run against a tiny test-only widget, plus proof that its checks can fail. */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { captureLitWarnings, runBaseSuite } from '../src/testing/index.js';
import './test-widget.js';

runBaseSuite({
  tag: 'tandem-test-widget',
  render: (backend) => html`<tandem-test-widget .backend=${backend}></tandem-test-widget>`,
});

/** Updates itself from updated(): the classic mistake Lit warns about in dev mode. */
class RestlessElement extends LitElement {
  static override properties = { count: { type: Number } };
  count = 0;
  protected override updated() {
    if (this.count < 1) this.count++;
  }
}
customElements.define('tandem-test-restless', RestlessElement);

describe('base suite checks', () => {
  it('notice Lit dev-mode warnings', async () => {
    const warnings = await captureLitWarnings(
      async () => {
        const el = await fixture<RestlessElement>(html`<tandem-test-restless></tandem-test-restless>`);
        await el.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
      { echo: false },
    );
    expect(warnings.join('\n')).to.contain('change-in-update');
  });
});
