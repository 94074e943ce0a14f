/**
 * First-paint styles of the resource card and list (the rest is in resource.styles.ts, fetched with card-ui.ts /
 * list-ui.ts): core's tokens, logical properties only (RTL needs no second sheet).
 */
import { css } from 'lit';

/** First paint: the frame, the language switch's room and the loading skeleton. */
export const resourceShellStyles = css`
  tandem-language-switch:not(:defined) {
    display: block;
    min-block-size: 44px;
  }
  :host {
    --_soft: color-mix(in srgb, currentColor 8%, transparent);
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    background: var(--_surface);
    max-inline-size: 48em;
  }
  .tools {
    display: flex;
    justify-content: flex-end;
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .skeleton-line {
    display: block;
    block-size: 1em;
    border-radius: 4px;
    background: var(--_soft);
  }
  .skeleton-line--title {
    block-size: 1.5em;
    inline-size: 60%;
  }
  .skeleton-line--short {
    inline-size: 40%;
  }
`;
