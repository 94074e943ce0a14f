/** @tandem/console: the staff console. Import `@tandem/console/tandem-console.js` to define the tag. */
export { TandemConsole, type ConsoleView, type FormErrors } from './console.js';
export { ConsoleClient, ConsoleError, type ConsoleApi, type ConsoleErrorKind } from './console-client.js';
