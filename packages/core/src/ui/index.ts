/** @tandem/core/ui.js: shared UI pieces widgets compose (no side effects; call defineTandemUi() or import define-ui). */
import { TandemLanguageSwitch } from './language-switch.js';
import { TandemStatus } from './status.js';

export { TandemLanguageSwitch } from './language-switch.js';
export { TandemStatus, type StatusTone } from './status.js';
export { buttonStyles } from './button-styles.js';
export { fieldErrorStyles, renderFieldError } from './field-error.js';
export { machineNoteStyles, renderMachineNote } from './machine-note.js';

/** Registers <tandem-language-switch> and <tandem-status> unless already defined (a second copy of Tandem). */
export function defineTandemUi(): void {
  if (!customElements.get('tandem-language-switch')) customElements.define('tandem-language-switch', TandemLanguageSwitch);
  if (!customElements.get('tandem-status')) customElements.define('tandem-status', TandemStatus);
}
