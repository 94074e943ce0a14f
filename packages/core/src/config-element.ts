/** <tandem-config>: carries settings (backend URL, lang) for every Tandem widget inside it; renders nothing itself. */
import { css, html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * Settings for every Tandem widget inside it, e.g. `<tandem-config backend="https://tandem.district.org/">`.
 * @tagname tandem-config
 * @slot - The widgets (and any other content) it configures.
 */
export class TandemConfig extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static define(tag = 'tandem-config'): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** Base URL of the server the widgets inside should use. Read by widgets from the attribute. */
  @property({ reflect: true }) backend?: string;

  protected override render() {
    return html`<slot></slot>`;
  }
}
