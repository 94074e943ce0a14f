/** Styles only <console-resources> needs on top of the shared content styles: weekday groups, opening rows, phones, checkbox grids. */
import { css } from 'lit';

export const resourcesStyles = css`
  .days {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: var(--_space);
  }
  .day {
    align-content: start;
  }
  .hours-row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) / 2);
  }
  .checks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0 var(--_space);
  }
  .plain-list,
  .comments {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .phone {
    display: grid;
    gap: var(--_space);
  }
  details > summary {
    cursor: pointer;
    padding-block: 0.625em;
    font-weight: 600;
  }
  details.transfer[open] {
    display: grid;
    gap: var(--_space);
  }
`;
