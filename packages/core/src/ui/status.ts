/** <tandem-status>: a polite live region for progress and outcomes (saved, sent, offline, failed). */
import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { baseStyles } from '../base-styles.js';

export type StatusTone = 'info' | 'success' | 'warning' | 'error';

const icons: Record<StatusTone, string> = {
  info: 'M11 7h2v2h-2V7Zm0 4h2v6h-2v-6Zm1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Z',
  success: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9Z',
  warning: 'M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z',
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z',
};

export class TandemStatus extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .status {
        display: flex;
        align-items: flex-start;
        gap: 0.5em;
        padding-block: 0.75em;
        padding-inline: 1em;
        border: 1px solid var(--_tone, var(--_border));
        border-inline-start-width: 6px;
        border-radius: var(--_radius);
      }
      :host([tone='success']) {
        --_tone: var(--_success);
      }
      :host([tone='warning']) {
        --_tone: var(--_warning);
      }
      :host([tone='error']) {
        --_tone: var(--_error);
      }
      .icon {
        flex: none;
        color: var(--_tone, currentColor);
        margin-block-start: 0.125em;
      }
      .text {
        min-inline-size: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  static override properties: PropertyDeclarations = { tone: { reflect: true } };

  tone: StatusTone = 'info';

  override connectedCallback(): void {
    super.connectedCallback();
    // On the host, so the slotted text itself is inside the live region.
    if (!this.hasAttribute('role')) this.setAttribute('role', 'status');
    if (!this.hasAttribute('aria-live')) this.setAttribute('aria-live', 'polite');
  }

  protected override render() {
    const path = icons[this.tone] ?? icons.info;
    return html`<div class="status" part="base">
      ${
        path
          ? html`<svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
              <path fill="currentColor" d=${path} />
            </svg>`
          : nothing
      }
      <div class="text"><slot></slot></div>
    </div>`;
  }
}
