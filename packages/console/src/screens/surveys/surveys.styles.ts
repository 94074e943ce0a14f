/** Styles only <console-surveys> needs on top of the shared content styles: question lists, options, drag handles. */
import { css } from 'lit';

export const surveysStyles = css`
  ol.questions,
  .options ol {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .options {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .option {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding-block-end: calc(var(--_space) / 2);
    border-block-end: 1px dashed var(--_border);
  }
  .item-heading {
    margin: 0;
    font-weight: 600;
  }
  .drag-handle {
    cursor: grab;
    padding-inline-end: 0.25em;
    user-select: none;
  }
`;
