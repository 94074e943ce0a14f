/** `/tandem.js`: points widgets at the server that served it and loads each widget the first time a page uses it. */
import { defineOnSight, type EntryMap } from './define-on-sight.js';

/** One line per widget; entries are relative to this file's URL on the CDN (see rollup.config.js). */
const widgetEntries: EntryMap = {
  'tandem-survey': 'widgets/survey.js',
  'tandem-event-rsvp': 'widgets/event-rsvp.js',
  'tandem-resource-card': 'widgets/resource-card.js',
  'tandem-resource-list': 'widgets/resource-list.js',
  'tandem-lesson-viewer': 'widgets/lesson-viewer.js',
  // Coming: 'tandem-message-box'.
};

// A base set by the page (before this script ran) wins over the loader's own origin.
(globalThis as { tandemBackendBase?: string }).tandemBackendBase ??= new URL('./', import.meta.url).href;

defineOnSight(widgetEntries, import.meta.url);
