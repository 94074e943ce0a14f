/** Styles for <tandem-survey> (first paint: frame, header, skeleton; the rest is in survey-form.styles.ts): core's tokens, logical properties only (RTL needs no second sheet), px/em sizes only. */
import { css } from 'lit';

/*
 * Resistance to page rules such as "* { text-transform: uppercase !important }" comes from core's
 * baseStyles, which reset text settings on [part~='base'] (the .base element) and define .visually-hidden.
 * Comments live here rather than in the CSS so they do not ship in the bundle.
 */

/** What the first paint needs: the frame, the header with the language switch, and the loading skeleton. */
export const surveyShellStyles = css`
  tandem-language-switch:not(:defined) {
    display: block;
    min-block-size: 44px;
  }
  :host {
    --_gap: calc(var(--_space) * 0.75);
    --_target: 44px;
    --_soft: color-mix(in srgb, currentColor 10%, transparent);
    --_accent-soft: color-mix(in srgb, var(--_accent) 10%, transparent);
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    background: var(--_surface);
    max-inline-size: 48em;
  }

  h2,
  h3,
  p,
  ul {
    margin: 0;
  }

  /* Header */
  .header {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_gap);
  }
  .form,
  .body {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  /* Loading: the skeleton reserves roughly a page of questions, so nothing jumps when they arrive. */
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: 12px;
    min-block-size: 320px;
  }
  .skeleton-line,
  .skeleton-box {
    display: block;
    block-size: 16px;
    border-radius: 4px;
    background: var(--_soft);
  }
  .skeleton-line--title {
    block-size: 24px;
    inline-size: 70%;
  }
  .skeleton-line--short {
    inline-size: 45%;
  }
  .skeleton-box {
    block-size: 88px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-line,
    .skeleton-box {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
`;
