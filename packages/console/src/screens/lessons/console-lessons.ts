/** Defines <console-lessons>, the console's lesson screens (the shell mounts it at #/lessons with `.api` and `.session`). */
import { ConsoleLessons } from './lessons-screen.js';

export { ConsoleLessons };
ConsoleLessons.define('console-lessons');

declare global {
  interface HTMLElementTagNameMap {
    'console-lessons': ConsoleLessons;
  }
}
