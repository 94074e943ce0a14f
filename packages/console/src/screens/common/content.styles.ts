/**
 * Styles every content builder screen shares (surveys, events, resources, lessons): a wide centred column
 * (`.content-screen`), heading rows, language pairs that stack on phones (`.pair`), fields, alerts and notices,
 * the error summary, machine-translation notes, confirm boxes, status badges, tables, cards, embed code and the
 * preview frame. Logical properties only, so right-to-left needs nothing more. Screens add their own after it.
 */
import { css } from 'lit';

export const contentStyles = css`
  :host {
    display: block;
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
  }
  .content-screen {
    display: grid;
    gap: var(--_space);
    max-inline-size: 64rem;
    margin-inline: auto;
  }
  section,
  form {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    display: grid;
    gap: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0;
  }
  legend {
    font-weight: 600;
  }
  h1 {
    font-size: 1.5em;
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
    margin: 0;
  }
  h3 {
    font-size: 1.0625em;
    margin: 0;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .heading-row,
  .row,
  .actions,
  .item-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
  }
  .heading-row {
    align-items: center;
    justify-content: space-between;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    list-style: none;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25em;
    align-content: start;
  }
  .field > .button {
    justify-self: start;
  }
  label {
    font-weight: 600;
  }
  .lang-name {
    font-weight: 400;
  }
  input:not([type='checkbox']):not([type='radio']),
  textarea,
  select {
    font: inherit;
    color: var(--_field-text);
    background: var(--_field-surface);
    min-block-size: 44px;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .check,
  .checkbox {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 44px;
    font-weight: 400;
  }
  .check input,
  .checkbox input {
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  .button--small {
    min-block-size: 44px;
    padding-inline: 0.75em;
  }
  .link {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: none;
    padding: 0.5em 0;
    min-block-size: 44px;
    text-decoration: underline;
    cursor: pointer;
    justify-self: start;
  }
  .hint {
    color: var(--_muted);
    margin: 0;
  }
  .alert {
    margin: 0;
    padding: 0.75em;
    border-inline-start: 4px solid var(--_error);
    color: var(--_error);
    font-weight: 600;
  }
  .notice {
    margin: 0;
    padding: 0.75em;
    border-inline-start: 4px solid var(--_success);
  }
  .error-summary {
    padding: var(--_space);
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }
  .error-summary a {
    color: var(--_error);
  }
  .machine-note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0;
    color: var(--_warning);
  }
  .confirm {
    padding: var(--_space);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    display: grid;
    gap: var(--_space);
  }
  .status {
    display: inline-block;
    padding: 0.125em 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
  }
  .status--published {
    color: var(--_success);
  }
  .status--closed,
  .status--cancelled {
    color: var(--_muted);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.5em;
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }
  tbody th {
    font-weight: 400;
  }
  textarea.code {
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
  }
  .preview-frame {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
