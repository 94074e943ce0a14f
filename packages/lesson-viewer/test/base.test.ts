/** The shared Tandem widget suite, run against <tandem-lesson-viewer>. */
import { html, waitUntil } from '@open-wc/testing';
import { runBaseSuite } from '@tandem/core/testing.js';
import '../src/tandem-lesson-viewer.js';
import type { TandemLessonViewer } from '../src/lesson-viewer.js';
import { resetDevice } from './helpers.js';

beforeEach(resetDevice);

runBaseSuite({
  tag: 'tandem-lesson-viewer',
  render: (backend) => html`<tandem-lesson-viewer .backend=${backend} lesson="demo-lesson"></tandem-lesson-viewer>`,
  ready: (el) => waitUntil(() => (el as TandemLessonViewer).phase === 'ready', 'lesson did not load'),
});
