/** Defines <tandem-console>; the package's only side effect. */
import { TandemConsole } from './console.js';

TandemConsole.define('tandem-console');

declare global {
  interface HTMLElementTagNameMap {
    'tandem-console': TandemConsole;
  }
}
