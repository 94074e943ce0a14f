/** The shared Tandem widget suite, run against <tandem-resource-card> and <tandem-resource-list>. */
import { html } from '@open-wc/testing';
import { runBaseSuite } from '@tandem/core/testing.js';
import '../src/tandem-resource-card.js';
import '../src/tandem-resource-list.js';
import { resetDevice, waitForPhase, WEDNESDAY_AFTERNOON } from './helpers.js';
import type { TandemResourceCard } from '../src/resource-card.js';
import type { TandemResourceList } from '../src/resource-list.js';

beforeEach(resetDevice);

runBaseSuite({
  tag: 'tandem-resource-card',
  render: (backend) =>
    html`<tandem-resource-card .backend=${backend} .now=${WEDNESDAY_AFTERNOON} resource="demo-family-helpline"></tandem-resource-card>`,
  ready: (el) => waitForPhase(el as TandemResourceCard, 'ready'),
});

runBaseSuite({
  tag: 'tandem-resource-list',
  render: (backend) =>
    html`<tandem-resource-list .backend=${backend} .now=${WEDNESDAY_AFTERNOON} school="lincoln-elementary"></tandem-resource-list>`,
  ready: (el) => waitForPhase(el as TandemResourceList, 'ready'),
});
