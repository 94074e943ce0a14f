/** The shared Tandem widget suite, run against <tandem-message-box> (signed out and signed in) and <tandem-inbox>. */
import { html, waitUntil } from '@open-wc/testing';
import { runBaseSuite } from '@tandem/core/testing.js';
import '../src/tandem-message-box.js';
import '../src/tandem-inbox.js';
import type { TandemMessageBox } from '../src/message-box.js';
import { MemoryMessaging } from '../src/client/memory-messaging.js';
import { resetDevice } from './helpers.js';

beforeEach(resetDevice);

const ready = (phase: string) => (el: HTMLElement) =>
  waitUntil(() => (el as TandemMessageBox).phase === phase, `never reached ${phase}`, { timeout: 4000 });

runBaseSuite({
  tag: 'tandem-message-box',
  render: (backend) =>
    html`<tandem-message-box
      .backend=${backend}
      .messaging=${backend ? MemoryMessaging.withDemoData() : undefined}
      organization="demo"
    ></tandem-message-box>`,
  ready: ready('signed-out'),
});

runBaseSuite({
  tag: 'tandem-message-box',
  render: (backend) =>
    html`<tandem-message-box
      .backend=${backend}
      .messaging=${backend ? MemoryMessaging.withDemoData() : undefined}
      organization="demo"
      identity-token="family:family-garcia"
    ></tandem-message-box>`,
  ready: ready('home'),
});

runBaseSuite({
  tag: 'tandem-inbox',
  render: (backend) =>
    html`<tandem-inbox
      .backend=${backend}
      .messaging=${backend ? MemoryMessaging.withDemoData() : undefined}
      .staffToken=${'demo-staff-token'}
    ></tandem-inbox>`,
  ready: ready('home'),
});
