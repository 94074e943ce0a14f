/**
 * Everything <tandem-resource-list> needs once there is something to show besides the loading skeleton: the
 * search form, filtering on the device, the results and the state messages. Fetched while the resources
 * themselves load, so the first paint (frame and skeleton) waits only for the element's own small module.
 */
import { css } from 'lit';
import { buttonStyles } from '@tandem/core/ui.js';
import { listStyles, resourceStyles } from './resource.styles.js';

export { backendErrorMessage } from '@tandem/core';
export { defineTandemUi } from '@tandem/core/ui.js';
export { categoriesOf, filterResources, isCategory, languagesOf } from './list-model.js';
export { loadFailurePhase, setupError } from './load-failure.js';
export { TandemResourceErrorEvent } from './resource.events.js';
export { renderList } from './views/list.js';
export { renderState } from './views/states.js';

/** Adopted next to the element's first-paint styles, in the order the single sheet used to have. */
export const uiStyles = css`
  ${buttonStyles} ${resourceStyles} ${listStyles}
`;
