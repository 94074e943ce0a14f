/** Defines <tandem-inbox>; the package's side effect for that tag. */
import { TandemInbox } from './inbox.js';

TandemInbox.define('tandem-inbox');

declare global {
  interface HTMLElementTagNameMap {
    'tandem-inbox': TandemInbox;
  }
}
