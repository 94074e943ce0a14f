/**
 * Everything <tandem-lesson-viewer> needs once there is something to show besides the loading skeleton: the
 * lesson's views and markdown, read aloud, reading progress, the copy kept on the device, "We tried it!" with
 * its outbox and rules, and the state panels. Fetched while the lesson itself loads, so the first paint
 * (frame and skeleton) waits only for the element's own small module.
 */
import { css } from 'lit';
import { buttonStyles, fieldErrorStyles, machineNoteStyles } from '@tandem/core/ui.js';
import { lessonContentStyles } from './lesson-viewer.styles.js';

export {
  OutboxController,
  backendErrorMessage,
  fieldErrorMessage,
  getAnswered,
  localeDisplayName,
  markAnswered,
  outbox,
} from '@tandem/core';
export { defineTandemUi } from '@tandem/core/ui.js';
export { validateCompletion } from '@tandem/protocol';
export { TandemLessonCompletedEvent, TandemLessonErrorEvent } from './lesson-viewer.events.js';
export { forgetLesson, lessonKey, loadSavedLesson, saveLesson } from './lesson-store.js';
export { noVoiceMessage, readingMessage, unknownErrorMessage } from './lesson-messages.js';
export { pick } from './localized-text.js';
export { ReadAloud } from './read-aloud.js';
export { ReadingProgress } from './reading-progress.js';
export { sectionTitle, spokenPart } from './spoken-parts.js';
export { renderActivity } from './views/activity.js';
export { renderCompletion } from './views/completion.js';
export { renderHeader } from './views/header.js';
export { renderSection } from './views/section.js';
export { panels, renderPanel } from './views/states.js';

/** Adopted next to the element's first-paint styles, in the order the single sheet used to have. */
export const uiStyles = css`
  ${buttonStyles} ${fieldErrorStyles} ${lessonContentStyles} ${machineNoteStyles}
`;
