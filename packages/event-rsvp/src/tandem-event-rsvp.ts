/**
 * Defines <tandem-event-rsvp>; the package's only side effect. The shared UI elements it renders (language switch,
 * status) are defined by rsvp-ui.ts, which arrives with the content, after the first paint.
 */
import { TandemEventRsvp } from './event-rsvp.js';

TandemEventRsvp.define('tandem-event-rsvp');

declare global {
  interface HTMLElementTagNameMap {
    'tandem-event-rsvp': TandemEventRsvp;
  }
}
