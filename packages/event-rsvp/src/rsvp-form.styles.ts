/** Styles <tandem-event-rsvp> needs once the event is there (loaded with rsvp-ui.ts): header content, details, form, panels. */
import { css } from 'lit';
import { rsvpShellStyles } from './event-rsvp.styles.js';

/* Same rules as event-rsvp.styles.ts: core's tokens, logical properties only, px/em sizes only, comments kept out of the CSS. */

export const rsvpFormStyles = css`
  .school,
  .muted,
  .hint,
  .note,
  .local-time {
    color: var(--_muted);
  }
  .school,
  .hint,
  .note,
  .local-time {
    font-size: 0.875em;
  }
  .note {
    padding-block: 8px;
    padding-inline: 12px;
    border-inline-start: 4px solid var(--_border);
    background: var(--_soft);
  }
  .details dl {
    display: grid;
    gap: var(--_gap);
  }
  .details .row {
    display: grid;
    grid-template-columns: minmax(5em, auto) 1fr;
    gap: var(--_gap);
  }
  dt {
    font-weight: 700;
  }
  .time,
  .local-time,
  .remaining {
    display: block;
  }
  .remaining {
    font-weight: 600;
  }
  .remaining[data-full='true'] {
    color: var(--_warning);
  }
  a {
    color: inherit;
    text-decoration: underline;
  }
  a:focus-visible,
  .option:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .group {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend,
  label {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-block-end: 8px;
  }
  .options {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 12px;
    min-block-size: 44px;
    padding-block: 8px;
    padding-inline: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 400;
    cursor: pointer;
  }
  .option input {
    flex: none;
    inline-size: 20px;
    block-size: 20px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .option[data-disabled] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .sub {
    padding-inline-start: 32px;
  }
  .input {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 44px;
    padding-block: 8px;
    padding-inline: 12px;
    font: inherit;
    color: var(--_field-text);
    background: var(--_field-surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [aria-invalid='true'].input {
    border: 2px solid var(--_error);
  }
  .row-fields {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  .stepper,
  .copy-row,
  .buttons {
    display: flex;
    gap: 8px;
  }
  .buttons {
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  .number {
    inline-size: 5em;
    text-align: center;
  }
  .step {
    padding-inline: 0;
    font-size: 1.25em;
  }
  .copy-row .input {
    flex: 1;
    min-inline-size: 0;
  }
  .error-summary {
    padding: var(--_gap);
    border: 2px solid var(--_error);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
  }
  .error-summary h4,
  .error-summary a {
    color: var(--_error);
  }
  .error-summary ul,
  .calendar ul {
    padding-inline-start: 1.25em;
  }
  .panel {
    align-items: start;
    padding: var(--_space);
    border-inline-start: 6px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_soft);
  }
  .panel > tandem-status,
  .panel > .field,
  .panel > .confirm {
    align-self: stretch;
  }
  .panel--success {
    border-inline-start-color: var(--_success);
  }
  .panel--warning {
    border-inline-start-color: var(--_warning);
  }
  .panel--error {
    border-inline-start-color: var(--_error);
  }
`;

/** Every style of the widget, for those who compose it into their own element (the first-paint part included). */
export const rsvpStyles = css`
  ${rsvpShellStyles} ${rsvpFormStyles}
`;
