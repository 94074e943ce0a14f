/** Defines <tandem-message-box>; the package's side effect for that tag. */
import { TandemMessageBox } from './message-box.js';

TandemMessageBox.define('tandem-message-box');

declare global {
  interface HTMLElementTagNameMap {
    'tandem-message-box': TandemMessageBox;
  }
}
