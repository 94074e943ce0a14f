/**
 * Everything <tandem-resource-list> needs once there is something to show besides the loading skeleton: loading the
 * resources into their phases, the search form, filtering on the device, the results and the state messages (see
 * list-view.ts). Fetched while the resources themselves load, so the first paint (frame and skeleton) waits only for
 * the element's own small module.
 */
export { defineTandemUi } from '@tandem/core/ui.js';
export { ListView } from './list-view.js';
