/**
 * Everything <tandem-resource-card> needs once there is something to show besides the loading skeleton: loading
 * the resource into its phases, the summary and details (hours, links, labels), "Was this helpful?" with its outbox,
 * the state and error messages (see card-view.ts). Fetched while the resource itself loads, so the first paint
 * (frame and skeleton) waits only for the element's own small module.
 */
export { defineTandemUi } from '@tandem/core/ui.js';
export { CardView } from './card-view.js';
