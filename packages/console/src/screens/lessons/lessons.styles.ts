/** Styles of <console-lessons> beyond common's contentStyles: section and item lists, the picture box, drag handles and counts. */
import { css } from 'lit';

export const lessonsStyles = css`
  ol.items,
  ol.sections {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .section {
    display: grid;
    gap: var(--_space);
  }
  .item {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding-block-end: calc(var(--_space) / 2);
    border-block-end: 1px dashed var(--_border);
  }
  .item-heading {
    margin: 0;
    font-weight: 600;
  }
  .picture {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding-inline-start: calc(var(--_space) / 2);
    border-inline-start: 4px solid var(--_border);
  }
  .drag-handle {
    cursor: grab;
    padding-inline-end: 0.25em;
    user-select: none;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .reflections {
    display: grid;
    gap: 0.5em;
    margin: 0;
    padding-inline-start: 1.25em;
  }
  input[type='url'] {
    text-align: start;
  }
`;
