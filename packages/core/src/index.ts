/** @tandem/core: the base element, backends, outbox and localization every Tandem widget builds on. */
export { BackendError, type Backend, type BackendErrorKind } from './backend.js';
export {
  HttpBackend,
  MAX_RETRY_DELAY_MS,
  httpBackendFor,
  kindForStatus,
  parseRetryAfter,
  type HttpBackendOptions,
} from './http-backend.js';
export { MemoryBackend, type MemoryBackendOptions } from './memory-backend.js';
export { demoSurveys } from './demo-data.js';
export { demoEvents } from './demo-events.js';
export { demoResources } from './demo-resources.js';
export { demoLessons } from './demo-lessons.js';
export { MemoryLessons, MemoryResources } from './memory-library.js';
export { MemoryEvents, type MemoryEvent } from './memory-events.js';
export { TandemElement, backendKeyOf, configBackendUrl } from './tandem-element.js';
export { TandemConfig } from './config-element.js';
export { baseStyles } from './base-styles.js';
export { LocaleController } from './locale-controller.js';
export { localeDisplayName } from './language-names.js';
export {
  SUPPORTED_LOCALES,
  SAVED_LOCALE_KEY,
  SOURCE_LOCALE,
  activeUiLocale,
  ancestorLang,
  loadLocale,
  localeNames,
  resolveLocale,
  saveLocale,
  savedLocale,
  setUiLocale,
  type SupportedLocale,
} from './localization.js';
export { configureTandemLocalization } from './localization-runtime.js';
export { Outbox, outbox, type OutboxEntry, type OutboxFilter } from './outbox.js';
export { OutboxController, type OutboxControllerOptions, type OutboxResult } from './outbox-controller.js';
export { clearAnswered, getAnswered, markAnswered, type AnsweredRecord } from './answered.js';
export { newId } from './new-id.js';
export { lazyUi } from './lazy-ui.js';
export { backendErrorMessage, fieldErrorMessage, notConnectedMessage, savedOfflineMessage } from './messages.js';
export {
  LOCALE_CHANGE_EVENT,
  LOCALE_REQUEST_EVENT,
  type TandemErrorDetail,
  type TandemErrorEvent,
  type TandemLocaleChangeEvent,
  type TandemLocaleRequestEvent,
} from './events.js';
