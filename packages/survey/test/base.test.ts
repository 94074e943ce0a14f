/** The shared Tandem widget suite, run against <tandem-survey>. */
import { html, waitUntil } from '@open-wc/testing';
import { runBaseSuite } from '@tandem/core/testing.js';
import '../src/tandem-survey.js';
import type { TandemSurvey } from '../src/survey.js';
import { resetDevice } from './helpers.js';

beforeEach(resetDevice);

runBaseSuite({
  tag: 'tandem-survey',
  render: (backend) => html`<tandem-survey .backend=${backend} survey="demo"></tandem-survey>`,
  ready: (el) => waitUntil(() => (el as TandemSurvey).phase === 'ready', 'survey did not load'),
});
