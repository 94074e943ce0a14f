/** First-paint styles of both widgets: the frame, the header and the skeleton (the rest arrives with the UI chunk). */
import { css } from 'lit';

export const shellStyles = css`
  :host {
    --_gap: calc(var(--_space) * 0.75);
    --_soft: color-mix(in srgb, currentColor 8%, transparent);
  }
  .base,
  .body,
  .form,
  .field,
  .home {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .base {
    gap: var(--_space);
    background: var(--_surface);
    max-inline-size: 48em;
    min-block-size: 480px;
  }
  .field {
    gap: 4px;
  }
  h2,
  h3,
  h4,
  p,
  ul {
    margin: 0;
  }
  h3 {
    font-size: 1.125em;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    min-block-size: 44px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .skeleton {
    flex: 1;
    min-block-size: 240px;
    border-radius: var(--_radius);
    background: var(--_soft);
  }
  .muted {
    color: var(--_muted);
  }
`;
