/** Defines <console-surveys>, the console's survey screens (the shell mounts it at #/surveys with `.api` and `.session`). */
import { ConsoleSurveys } from './surveys-screen.js';

export { ConsoleSurveys };
ConsoleSurveys.define('console-surveys');

declare global {
  interface HTMLElementTagNameMap {
    'console-surveys': ConsoleSurveys;
  }
}
