/** Styles for <tandem-lesson-viewer>'s content (fetched with lesson-ui.ts, after lesson-shell.styles.ts): core's tokens, logical properties only (RTL needs no second sheet), px/em sizes only. */
import { css } from 'lit';
import { lessonShellStyles } from './lesson-shell.styles.js';

/*
 * Comments live here rather than in the CSS so they do not ship in the bundle.
 * The bilingual view is a container query on .base, not a media query: the widget may sit in a narrow
 * sidebar of a wide page. Each .pair is one column at phone width (paired paragraphs, the second
 * language right under the first) and two columns from 560px of widget width.
 * Print hides every control and keeps both languages.
 */
/** Everything but the first paint's frame and skeleton. */
export const lessonContentStyles = css`
  .header,
  .body,
  .section,
  .block,
  .tip,
  .complete,
  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .body {
    gap: calc(var(--_space) * 1.5);
  }
  h2,
  h3,
  p,
  ul,
  ol,
  dl,
  dd,
  figure {
    margin: 0;
  }
  ul,
  ol {
    padding-inline-start: 1.5em;
  }
  li + li {
    margin-block-start: 0.375em;
  }
  .cell > * + * {
    margin-block-start: 0.75em;
  }
  .title {
    font-size: 1.5em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.125em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: inherit;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }
  .tools,
  .listen,
  .speech-controls,
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
  }
  .toggle,
  .picker,
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 44px;
    font-weight: 600;
    cursor: pointer;
  }
  .toggle input,
  .check input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }
  select,
  textarea {
    font: inherit;
    color: var(--_field-text);
    background-color: var(--_field-surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding-block: 0.375em;
    padding-inline: 0.5em;
    max-inline-size: 100%;
  }
  select {
    min-block-size: 44px;
  }
  textarea {
    inline-size: 100%;
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  .summary,
  .hint,
  .note,
  .cell--second {
    color: var(--_muted);
  }
  .hint,
  .note,
  .progress {
    font-size: 0.875em;
  }
  .note {
    padding-block: 8px;
    padding-inline: 12px;
    border-inline-start: 4px solid var(--_border);
    background: var(--_soft);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
  }
  .facts div {
    display: flex;
    gap: 0.375em;
  }
  .facts dt {
    font-weight: 600;
  }
  progress {
    inline-size: 8em;
    accent-color: var(--_accent);
  }
  .pair {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em var(--_space);
  }
  span.pair {
    display: grid;
  }
  .cell--second {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_soft);
  }
  @container lesson (min-width: 560px) {
    .pair {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .cell--second {
      padding-inline-start: 0;
      border-inline-start: 0;
    }
  }
  .section {
    padding-block: 8px;
    padding-inline: 12px 8px;
    border-radius: var(--_radius);
    border-inline-start: 4px solid transparent;
  }
  .section--reading {
    border-inline-start-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .picture {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    border-radius: var(--_radius);
  }
  .recording {
    display: flex;
    flex-direction: column;
    gap: 4px;
    max-inline-size: 100%;
  }
  .recording figcaption {
    font-weight: 600;
  }
  audio {
    max-inline-size: 100%;
  }
  .no-voice {
    flex-basis: 100%;
    padding-block: 8px;
    padding-inline: 12px;
    border-inline-start: 4px solid var(--_warning);
    background: var(--_soft);
  }
  .steps li::marker {
    font-weight: 700;
  }
  .tip {
    padding: var(--_space);
    border-radius: var(--_radius);
    border-inline-start: 6px solid var(--_accent);
    background: var(--_soft);
  }
  .complete {
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
    align-items: stretch;
  }
  .complete label {
    font-weight: 600;
  }
  .panel {
    align-items: start;
    padding: var(--_space);
    border-inline-start: 6px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_soft);
  }
  .panel > tandem-status {
    align-self: stretch;
  }
  @media print {
    .tools,
    .listen,
    .check,
    .progress,
    .complete,
    button {
      display: none !important;
    }
    .section--reading {
      background: none;
    }
    .body--bilingual .pair {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .cell--second {
      color: inherit;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
    }
  }
`;

/** The widget's whole stylesheet, as the package exports it (index.ts); the element adopts it in two parts. */
export const lessonStyles = css`
  ${lessonShellStyles} ${lessonContentStyles}
`;
