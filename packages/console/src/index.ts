/** @tandem/console: the staff console. Import `@tandem/console/tandem-console.js` to define the tag. */
export { TandemConsole, type ConsoleView, type FormErrors } from './console.js';
export {
  ConsoleClient,
  ConsoleError,
  type CallOptions,
  type ConsoleApi,
  type ConsoleCaller,
  type ConsoleErrorKind,
} from './console-client.js';
export { CONSOLE_SCREENS, screenHref, screenOfHash, type ConsoleScreen } from './console-routes.js';
