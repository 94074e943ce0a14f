/** Defines <console-settings>, the console's Settings screen (the shell mounts it at #/settings with `.api` and `.session`). */
import { ConsoleSettings } from './settings-screen.js';

export { ConsoleSettings };
ConsoleSettings.define('console-settings');

declare global {
  interface HTMLElementTagNameMap {
    'console-settings': ConsoleSettings;
  }
}
