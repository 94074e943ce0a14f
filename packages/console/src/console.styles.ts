/** Styles of <tandem-console>: one centred column on phones and desktops alike, logical properties for RTL. */
import { css } from 'lit';

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
    max-inline-size: 40rem;
    margin-inline: auto;
    padding: var(--_space);
  }
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
  input {
    font: inherit;
    color: var(--_field-text);
    background: var(--_field-surface);
    min-block-size: 44px;
    padding-inline: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  input[aria-invalid='true'] {
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
`;
