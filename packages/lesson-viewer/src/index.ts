/** @tandem/lesson-viewer: the take-home lesson widget. Import `@tandem/lesson-viewer/tandem-lesson-viewer.js` to define the tag. */
export { TandemLessonViewer, type LessonPhase } from './lesson-viewer.js';
export { TandemLessonCompletedEvent, TandemLessonErrorEvent, type LessonCompletedDetail } from './lesson-viewer.events.js';
export { lessonStyles } from './lesson-viewer.styles.js';
export { renderBlock, renderInlines } from './markdown-view.js';
export { voiceFor } from './read-aloud.js';
