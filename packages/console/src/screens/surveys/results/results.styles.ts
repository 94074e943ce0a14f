/** Layout of the results view: bar charts that follow the writing direction, filters and text answers. */
import { css } from 'lit';

export const resultsStyles = css`
  .toolbar,
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
    margin-block: 1rem;
  }
  .filters label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .results-meta {
    color: #4a4f57;
    font-size: 0.9rem;
  }
  .question-result {
    border-block-start: 1px solid #d0d4da;
    padding-block: 1rem;
  }
  .question-result h2 {
    font-size: 1.1rem;
    margin-block: 0 0.25rem;
  }
  .bars {
    display: grid;
    gap: 0.4rem;
    max-inline-size: 40rem;
  }
  .bar-row {
    display: grid;
    grid-template-columns: minmax(6rem, 12rem) 1fr auto;
    gap: 0.5rem;
    align-items: center;
  }
  .bar-track {
    background: #eceff3;
    block-size: 1.1rem;
    border-radius: 3px;
    overflow: hidden;
  }
  /* Logical size, so bars grow from the start edge in right-to-left languages too. */
  .bar-fill {
    display: block;
    block-size: 100%;
    background: #1f5fa8;
  }
  .text-answers {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .text-answers p {
    margin: 0;
  }
  @media (forced-colors: active) {
    .bar-fill {
      background: CanvasText;
    }
  }
`;
