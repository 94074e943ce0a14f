/** First-paint styles of <tandem-lesson-viewer>: the frame and the loading skeleton (the rest is in lesson-viewer.styles.ts). */
import { css } from 'lit';

/* Same rules as lesson-viewer.styles.ts: core's tokens, logical properties only, px/em sizes only, comments kept out of the CSS. */
export const lessonShellStyles = css`
  :host {
    --_gap: calc(var(--_space) * 0.75);
    --_soft: color-mix(in srgb, currentColor 8%, transparent);
  }
  .base {
    container: lesson / inline-size;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    background: var(--_surface);
    max-inline-size: 72em;
  }
  .skeleton {
    min-block-size: 320px;
    border-radius: var(--_radius);
    background: var(--_soft);
  }
`;
