/** Everything <tandem-inbox> needs after its first paint; the thread view comes in its own chunk. */
import { css } from 'lit';
import { buttonStyles, fieldErrorStyles } from '@tandem/core/ui.js';
import { listStyles } from './ui.styles.js';

export { defineTandemUi } from '@tandem/core/ui.js';
export { InboxApp } from './inbox-app.js';

export const uiStyles = css`
  ${buttonStyles} ${fieldErrorStyles} ${listStyles}
`;
