/** The shared Tandem widget suite, run against <tandem-event-rsvp>. */
import { html, waitUntil } from '@open-wc/testing';
import { runBaseSuite } from '@tandem/core/testing.js';
import '../src/tandem-event-rsvp.js';
import type { TandemEventRsvp } from '../src/event-rsvp.js';
import { resetDevice } from './helpers.js';

beforeEach(resetDevice);

runBaseSuite({
  tag: 'tandem-event-rsvp',
  render: (backend) => html`<tandem-event-rsvp .backend=${backend} event="demo-event"></tandem-event-rsvp>`,
  ready: (el) => waitUntil(() => (el as TandemEventRsvp).phase === 'ready', 'event did not load'),
});
