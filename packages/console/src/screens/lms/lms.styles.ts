/** Styles of <console-lms>: cards that stack on phones, address fields with their Copy button, logical properties for RTL. */
import { css } from 'lit';

export const lmsStyles = css`
  .intro {
    margin-block: 0 var(--_space);
  }
  section {
    display: grid;
    gap: var(--_space);
  }
  .path {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  h3,
  h4 {
    font-size: 1.0625em;
    margin: 0;
  }
  .copy-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .copy-row input {
    flex: 1 1 14rem;
    min-inline-size: 0;
    font-family: ui-monospace, monospace;
  }
  .tool-urls {
    display: grid;
    gap: var(--_space);
  }
  /* Stays a list item so the open/closed marker shows; the padding makes a 44px target. */
  .steps summary {
    cursor: pointer;
    font-weight: 600;
    padding-block: 0.625em;
  }
  .steps summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .steps ol {
    margin-block: 0;
    padding-inline-start: 1.5em;
  }
  .deployment {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em;
  }
  .deployment > .field {
    flex: 1 1 14rem;
  }
  .registrations {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .registration {
    display: grid;
    gap: 0.5em;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .registration[data-status='pending'] {
    border-inline-start: 4px solid var(--_accent);
  }
  .registration[data-status='disabled'] {
    color: var(--_muted);
  }
  .registration-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  .status {
    padding-block: 0.125em;
    padding-inline: 0.625em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-weight: 600;
    font-size: 0.9375em;
  }
  .status--approved {
    color: var(--_success);
  }
  .code {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
    /* Addresses and IDs read left to right in every language; keep them aligned with the page's text start. */
    text-align: start;
    unicode-bidi: isolate;
  }
  .deployments {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* On a phone the label column would squeeze the values; stack them. */
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-block-end: 0.5em;
    }
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em var(--_space);
  }
  .confirm {
    display: grid;
    gap: 0.5em;
    padding: var(--_space);
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }
  .confirm p {
    margin: 0;
    font-weight: 600;
  }
  .button--danger {
    color: #fff;
    background: var(--_error);
    border-color: var(--_error);
  }
  .presets {
    display: grid;
    gap: 0.5em;
  }
  .pending-count {
    margin: 0;
    font-weight: 600;
  }
`;
