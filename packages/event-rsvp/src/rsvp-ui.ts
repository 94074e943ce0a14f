/**
 * Everything <tandem-event-rsvp> needs once there is something to show besides the loading skeleton: the
 * details, the form, the state panels, RSVP validation and error messages. Fetched while the event itself
 * loads, so the first paint (header and skeleton) waits only for the element's own small module. The
 * family's RSVP view (views/status.ts) stays a chunk of its own: most visits never show it.
 */
import { css } from 'lit';
import { buttonStyles, fieldErrorStyles, machineNoteStyles } from '@tandem/core/ui.js';
import { rsvpFormStyles } from './rsvp-form.styles.js';

export { BackendError, backendErrorMessage } from '@tandem/core';
export { defineTandemUi } from '@tandem/core/ui.js';
export { validateRsvp } from '@tandem/protocol';
export { TandemRsvpChangedEvent, TandemRsvpErrorEvent } from './event-rsvp.events.js';
export { describeError, loadFailurePhase } from './rsvp-phase.js';
export {
  applyInput,
  copyPrivateLink,
  focusField,
  invalidOtherMessage,
  saveFailedMessage,
  sessionClosedMessage,
  setupError,
  stepInput,
} from './rsvp-interaction.js';
export { rsvpFieldMessage } from './rsvp-messages.js';
export { dropFragment, forgetStoredRsvp, keysFromFragment, loadStoredRsvp, privateLink, rsvpKey, saveStoredRsvp } from './rsvp-store.js';
export { emptyForm, errorsByField, formFromView, patchFrom, toInput, viewFrom } from './rsvp-model.js';
export { renderDetails } from './views/details.js';
export { renderForm } from './views/form.js';
export { renderHeader } from './views/header.js';
export { panels, renderPanel } from './views/states.js';

/** Adopted next to the element's first-paint styles, in the order the single sheet used to have. */
export const uiStyles = css`
  ${buttonStyles} ${fieldErrorStyles} ${rsvpFormStyles} ${machineNoteStyles}
`;
