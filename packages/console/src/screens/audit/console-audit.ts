/** Defines <console-audit>, the console's Audit log screen (the shell mounts it at #/audit with `.api` and `.session`). */
import { ConsoleAudit } from './audit-screen.js';

export { ConsoleAudit };
ConsoleAudit.define('console-audit');

declare global {
  interface HTMLElementTagNameMap {
    'console-audit': ConsoleAudit;
  }
}
