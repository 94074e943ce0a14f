/**
 * Everything <tandem-survey> needs once there is something to show besides the loading skeleton: the
 * form and its questions, the state panels, answer validation and drafts. Fetched while the survey
 * itself loads, so the first paint (header and skeleton) waits only for the element's own small module.
 */
import { css } from 'lit';
import { buttonStyles, fieldErrorStyles } from '@tandem/core/ui.js';
import { surveyFormStyles } from './survey-form.styles.js';

export { getAnswered, markAnswered } from '@tandem/core';
export { defineTandemUi } from '@tandem/core/ui.js';
export { validateAnswer, validateAnswers } from '@tandem/protocol';
export { loadBilingualChoice, saveBilingualChoice } from './bilingual-preference.js';
export { clearDraft, draftKey, loadDraft, saveDraft } from './draft-store.js';
export { textContextFor } from './localized-text.js';
export { answersToSend, errorsByQuestion, keepKnownAnswers, pageOf } from './survey-model.js';
export { TandemSubmittedEvent, TandemSurveyErrorEvent } from './survey.events.js';
export { describeError, loadFailurePhase } from './survey-phase.js';
export { renderForm } from './views/form.js';
export { renderHeader } from './views/header.js';
export { panelFor, renderPanel } from './views/states.js';

/** Adopted next to the element's first-paint styles, in the order the single sheet used to have. */
export const uiStyles = css`
  ${buttonStyles} ${fieldErrorStyles} ${surveyFormStyles}
`;
