/**
 * Everything <tandem-resource-card> needs once there is something to show besides the loading skeleton: the
 * resource's summary and details (hours, links, labels), "Was this helpful?" with its outbox, the state
 * messages and error messages. Fetched while the resource itself loads, so the first paint (frame and
 * skeleton) waits only for the element's own small module.
 */
import { css } from 'lit';
import { buttonStyles, fieldErrorStyles } from '@tandem/core/ui.js';
import { resourceStyles } from './resource.styles.js';

export { backendErrorMessage } from '@tandem/core';
export { defineTandemUi } from '@tandem/core/ui.js';
export { FeedbackController } from './feedback-controller.js';
// Only a loaded resource has languages of its own to list first; until then the switch lists every UI language.
export { switchLocales } from './switch-locales.js';
export { loadFailurePhase, setupError } from './load-failure.js';
export { TandemResourceErrorEvent } from './resource.events.js';
export { renderDetails, renderSummary } from './views/details.js';
export { renderState } from './views/states.js';

/** Adopted next to the element's first-paint styles, in the order the single sheet used to have. */
export const uiStyles = css`
  ${buttonStyles} ${fieldErrorStyles} ${resourceStyles}
`;
