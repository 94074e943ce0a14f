/** The thread chunk: loaded when a conversation opens, so the virtualizer never weighs on the first paint. */
import { css } from 'lit';
import { threadStyles } from './thread.styles.js';

export { ThreadController, type ThreadRow, type OwnState } from './thread-controller.js';
export { renderThread, type ThreadViewProps } from './thread-view.js';
export { availabilityNotice, nextOpeningText } from './availability.js';

export const threadUiStyles = css`
  ${threadStyles}
`;
