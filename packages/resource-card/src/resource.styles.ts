/**
 * Styles for the resource card's and list's content, fetched with card-ui.ts / list-ui.ts and adopted after
 * resource-shell.styles.ts: core's tokens, logical properties only (RTL needs no second sheet).
 */
import { css } from 'lit';

/** A resource's summary and details, the feedback form and the state messages. */
export const resourceStyles = css`
  h2,
  h3,
  p,
  ul,
  dl,
  dd {
    margin: 0;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  a {
    color: var(--_accent);
    overflow-wrap: anywhere;
  }
  .summary,
  .details,
  .feedback,
  .state,
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .name {
    font-size: 1.25em;
    line-height: 1.25;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    color: var(--_muted);
  }
  .category {
    font-weight: 600;
    color: var(--_text);
  }
  .hours-state {
    font-weight: 700;
  }
  .hours--open .hours-state {
    color: var(--_success);
  }
  .details dt {
    font-weight: 600;
  }
  .phone-label {
    color: var(--_muted);
  }
  .details a,
  .phones a {
    display: inline-block;
    min-block-size: 24px;
  }
  .address {
    display: block;
  }
  .feedback {
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  label {
    font-weight: 600;
  }
  textarea,
  input[type='search'],
  select {
    font: inherit;
    min-block-size: 44px;
    padding: 8px;
    color: var(--_field-text);
    background: var(--_field-surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-inline-size: 100%;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .state-heading:focus,
  .focus-target:focus {
    outline: none;
  }
`;

/** The list's search form and results; the filters wrap onto their own lines on a phone. */
export const listStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 12px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    flex: 1 1 12em;
    min-inline-size: 0;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-block-size: 44px;
  }
  .check input {
    inline-size: 20px;
    block-size: 20px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .results {
    display: flex;
    flex-direction: column;
  }
  .item {
    padding-block: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .item .name {
    font-size: 1.125em;
  }
  summary {
    cursor: pointer;
    padding-block: 10px;
    color: var(--_accent);
    font-weight: 600;
  }
  .count {
    font-weight: 600;
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: start;
    gap: 8px;
  }
`;
