/** Defines <console-lms>, the console's LMS screen (the shell mounts it at #/lms with `.api` and `.session`). */
import { ConsoleLms } from './lms-screen.js';

export { ConsoleLms };
ConsoleLms.define('console-lms');

declare global {
  interface HTMLElementTagNameMap {
    'console-lms': ConsoleLms;
  }
}
