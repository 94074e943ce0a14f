/** Defines <console-events>, the console's Events screen (the shell mounts it at #/events with `.api` and `.session`). */
import { ConsoleEvents } from './events-screen.js';

export { ConsoleEvents };
ConsoleEvents.define('console-events');

declare global {
  interface HTMLElementTagNameMap {
    'console-events': ConsoleEvents;
  }
}
