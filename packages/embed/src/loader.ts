/** `/tandem.js`: points widgets at the server that served it and loads each widget the first time a page uses it. */
import { defineOnSight, type EntryMap } from './define-on-sight.js';
import { releaseRoomOf, reserveSpace } from './reserve-space.js';

/** One line per widget; entries are relative to this file's URL on the CDN (see rollup.config.js). */
const widgetEntries: EntryMap = {
  'tandem-survey': 'widgets/survey.js',
  'tandem-event-rsvp': 'widgets/event-rsvp.js',
  'tandem-resource-card': 'widgets/resource-card.js',
  'tandem-resource-list': 'widgets/resource-list.js',
  'tandem-lesson-viewer': 'widgets/lesson-viewer.js',
  'tandem-message-box': 'widgets/message-box.js',
  'tandem-inbox': 'widgets/inbox.js',
};

// A base set by the page (before this script ran) wins over the loader's own origin.
(globalThis as { tandemBackendBase?: string }).tandemBackendBase ??= new URL('./', import.meta.url).href;

/**
 * Lit styles widgets with constructable stylesheets, which a CSP allows. Browsers without them get <style>
 * elements instead, and a page whose CSP lists a style nonce must hand it over: Lit reads `litNonce`. The
 * nonce comes from this script's own `nonce` (a page with nonce-based CSP sets one anyway), else `data-nonce`.
 */
const ownScript = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === import.meta.url);
const nonce = ownScript?.nonce || ownScript?.dataset.nonce;
if (nonce) (globalThis as { litNonce?: string }).litNonce ??= nonce;

/**
 * Runs `run` once the frame now being prepared has been painted (or after 100 ms: hidden tabs get no frames).
 * Before it, the loader does only what that frame needs, holding every widget's room; finding the widgets and
 * their code (tens of milliseconds of main-thread work on a slow phone) wait, so the page first shows where
 * each widget goes.
 */
function afterPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 100);
}

const tags = Object.keys(widgetEntries);
reserveSpace(tags);

afterPaint(() => {
  // Room is given back where unused once content shows, whoever defined the tag (this loader or an npm copy).
  for (const tag of tags) void customElements.whenDefined(tag).then(() => releaseRoomOf(tag));
  defineOnSight(widgetEntries, import.meta.url);
});
