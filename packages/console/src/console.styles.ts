/** Styles of <tandem-console> and its screens: one centred column, wrapping on phones, logical properties for RTL. */
import { css } from 'lit';

/** Headings, fields, alerts and the account menu, shared by the shell and every screen element. */
export const consoleFormStyles = css`
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .brand {
    font-weight: 700;
    font-size: 1.125em;
  }
  h1 {
    font-size: 1.5em;
    line-height: 1.25;
    margin-block: 0 var(--_space);
  }
  h1:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  h1:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_field-text);
    background: var(--_field-surface);
    min-block-size: 44px;
    padding-inline: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'],
  fieldset[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .hint {
    color: var(--_muted);
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
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
  }
  .link:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .alert {
    margin: 0;
    padding: 0.75em;
    border-inline-start: 4px solid var(--_error);
    color: var(--_error);
    font-weight: 600;
  }
  .notice {
    margin: 0 0 var(--_space);
    padding: 0.75em;
    border-inline-start: 4px solid var(--_success);
  }
  .menu {
    position: relative;
  }
  .menu-items {
    position: absolute;
    inset-inline-end: 0;
    inset-block-start: calc(100% + 4px);
    z-index: 1;
    display: grid;
    gap: 0.25em;
    min-inline-size: 14rem;
    margin: 0;
    padding: 0.5em;
    list-style: none;
    background: Canvas;
    color: CanvasText;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  .menu-items .button {
    inline-size: 100%;
    justify-content: flex-start;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em var(--_space);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .home-heading {
    justify-content: space-between;
  }
  .home-heading h1 {
    margin: 0;
  }
  ul.schools {
    padding-inline-start: 1.25em;
  }
  textarea {
    padding-block: 0.5em;
    min-block-size: 5em;
  }
  fieldset {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  legend {
    font-weight: 700;
    padding-inline: 0.25em;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em var(--_space);
  }
  .checks label {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    font-weight: 400;
    min-block-size: 44px;
  }
  .checks input {
    min-block-size: auto;
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .row > .field {
    flex: 1 1 10rem;
  }
  h2 {
    font-size: 1.25em;
    margin-block: calc(var(--_space) * 2) var(--_space);
  }
  section + section {
    margin-block-start: calc(var(--_space) * 2);
  }
`;

export const consoleStyles = css`
  :host {
    display: block;
    /* The console is a page of its own, not a guest in a school site, so it picks a readable system font. */
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif;
    max-inline-size: 60rem;
    margin-inline: auto;
    padding: var(--_space);
  }
  ${consoleFormStyles}
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) * 1.5);
    padding-block-end: var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  nav a {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 0.75em;
    border-radius: var(--_radius);
    color: var(--_accent);
    font-weight: 600;
  }
  nav a[aria-current='page'] {
    color: var(--_on-accent);
    background: var(--_accent);
    text-decoration: none;
  }
  nav a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media print {
    header,
    .bar {
      display: none;
    }
    :host {
      max-inline-size: none;
      padding: 0;
    }
  }
`;
