/** Styles for <tandem-event-rsvp> (first paint: frame, header, skeleton; the rest is in rsvp-form.styles.ts): core's tokens, logical properties only (RTL needs no second sheet), px/em sizes only. */
import { css } from 'lit';

/* Comments live here rather than in the CSS so they do not ship in the bundle. */

/** What the first paint needs: the frame, the header with the language switch, and the loading skeleton. */
export const rsvpShellStyles = css`
  tandem-language-switch:not(:defined) {
    display: block;
    min-block-size: 44px;
  }
  :host {
    --_gap: calc(var(--_space) * 0.75);
    --_soft: color-mix(in srgb, currentColor 8%, transparent);
  }
  .base,
  .header,
  .form,
  .body,
  .group,
  .field,
  .panel,
  .details,
  .details dd,
  .confirm,
  .calendar,
  .sub {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .base {
    gap: var(--_space);
    background: var(--_surface);
    max-inline-size: 48em;
  }
  .field,
  .details dd,
  .calendar {
    gap: 4px;
  }
  h2,
  h3,
  h4,
  p,
  ul,
  dl,
  dd {
    margin: 0;
  }
  .title {
    font-size: 1.375em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.125em;
  }
  h4 {
    font-size: 1em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .skeleton {
    min-block-size: 320px;
    border-radius: var(--_radius);
    background: var(--_soft);
  }
`;
