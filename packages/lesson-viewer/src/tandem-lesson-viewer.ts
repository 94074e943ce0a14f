/**
 * Defines <tandem-lesson-viewer>; the package's only side effect. The shared UI elements it renders (language
 * switch, status) are defined by lesson-ui.ts, which arrives with the content, after the first paint.
 */
import { TandemLessonViewer } from './lesson-viewer.js';

TandemLessonViewer.define('tandem-lesson-viewer');

declare global {
  interface HTMLElementTagNameMap {
    'tandem-lesson-viewer': TandemLessonViewer;
  }
}
