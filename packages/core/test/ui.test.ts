/** Shared UI pieces: the status live region, field errors and buttons. */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { css, LitElement, render } from 'lit';
import { baseStyles } from '../src/index.js';
import { expectAxeClean } from '../src/testing/index.js';
import { buttonStyles, defineTandemUi, fieldErrorStyles, renderFieldError, type TandemStatus } from '../src/ui/index.js';

defineTandemUi();

class ButtonDemo extends LitElement {
  static override styles = [baseStyles, buttonStyles, fieldErrorStyles, css``];
  protected override render() {
    return html`<button class="button button--primary">OK</button><button class="button">No</button> <label for="f">Name</label
      ><input id="f" aria-describedby="f-error" aria-invalid="true" /> ${renderFieldError('f-error', 'Please answer this question.')}`;
  }
}
customElements.define('tandem-test-button-demo', ButtonDemo);

describe('shared UI', () => {
  afterEach(() => fixtureCleanup());

  it('<tandem-status> is a polite live region with its tone', async () => {
    const el = await fixture<TandemStatus>(html`<tandem-status tone="warning">Saved on this device.</tandem-status>`);
    expect(el.getAttribute('role')).to.equal('status');
    expect(el.getAttribute('aria-live')).to.equal('polite');
    expect(el.tone).to.equal('warning');
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    await expectAxeClean(el);
  });

  it('buttons are at least 44×44 CSS pixels and field errors describe their field', async () => {
    const el = await fixture<ButtonDemo>(html`<tandem-test-button-demo></tandem-test-button-demo>`);
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      const box = button.getBoundingClientRect();
      expect(box.height).to.be.at.least(44);
      expect(box.width).to.be.at.least(44);
    }
    const error = el.shadowRoot!.getElementById('f-error')!;
    expect(error.classList.contains('field-error')).to.equal(true);
    expect(error.textContent!.trim()).to.equal('Please answer this question.');
    await expectAxeClean(el);
  });

  it('renderFieldError renders nothing without a message', () => {
    const container = document.createElement('div');
    render(renderFieldError('x', ''), container);
    expect(container.querySelector('.field-error')).to.equal(null);
  });

  it('expectAxeClean catches a real violation (the suite can fail)', async () => {
    const el = await fixture<HTMLElement>(html`<div><input type="text" /></div>`);
    let failure: unknown;
    try {
      await expectAxeClean(el);
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain('label');
  });
});
