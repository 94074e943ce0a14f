/** Styles of <console-events>: language pairs that stack on phones, wide check-in rows with large tap targets, logical properties for RTL. */
import { css } from 'lit';

export const eventsStyles = css`
  .events {
    display: grid;
    gap: var(--_space);
    max-inline-size: 64rem;
    margin-inline: auto;
  }
  section,
  fieldset {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0;
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
  .row,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--_space);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    padding-block: 0.375rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .needs {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_space);
  }
  .needs > div {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  ul.plain,
  ol.plain {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .checkbox {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .session {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space);
    align-items: end;
  }
  .check-in-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .check-in-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
  }
  .check-in-list .who {
    font-size: 1.125rem;
  }
  .arrived {
    min-block-size: 3rem;
    min-inline-size: 8rem;
    font-size: 1.125rem;
  }
  .arrived[aria-pressed='true'] {
    background: #0b6b2b;
    border-color: #0b6b2b;
    color: #fff;
  }
  .search {
    font-size: 1.125rem;
    min-block-size: 3rem;
  }
  .count {
    font-size: 1.25rem;
    font-weight: 600;
    margin: 0;
  }
  .confirm {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: var(--_space);
  }
`;
