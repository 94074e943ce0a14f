/** Button styles widgets share: 44×44 targets, visible focus, AA contrast, forced-colours safe. */
import { css } from 'lit';

export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: 44px;
    min-inline-size: 44px;
    margin: 0;
    padding-block: 0.5em;
    padding-inline: 1.25em;
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-transform: none;
    text-decoration: none;
    color: inherit;
    background: transparent;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
    touch-action: manipulation;
  }
  .button:hover {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .button--primary {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .button--primary:hover {
    background: color-mix(in srgb, var(--_accent) 85%, black);
  }
  .button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
`;
