/** Defines <console-resources>, the console's Resources screen (the shell mounts it at #/resources with `.api` and `.session`). */
import { ConsoleResources } from './resources-screen.js';

export { ConsoleResources };
ConsoleResources.define('console-resources');

declare global {
  interface HTMLElementTagNameMap {
    'console-resources': ConsoleResources;
  }
}
