/** Styles only <console-events> needs on top of the shared content styles: sessions, needs, and a phone-sized door check-in with large tap targets. */
import { css } from 'lit';

export const eventsStyles = css`
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
  .door-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .undo-check-in {
    min-block-size: 3rem;
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
`;
