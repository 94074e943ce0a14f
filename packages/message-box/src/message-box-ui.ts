/**
 * Everything <tandem-message-box> needs after its first paint: sign-in, session, conversation list, live
 * stream. The thread view (with the virtualizer) is a chunk of its own, fetched once the family is signed in.
 */
import { css } from 'lit';
import { buttonStyles, fieldErrorStyles } from '@tandem/core/ui.js';
import { listStyles } from './ui.styles.js';

export { defineTandemUi } from '@tandem/core/ui.js';
export { FamilyApp } from './family-app.js';

export const uiStyles = css`
  ${buttonStyles} ${fieldErrorStyles} ${listStyles}
`;
