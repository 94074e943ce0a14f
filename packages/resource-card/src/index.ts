/** @tandem/resource-card: resource card and list widgets. Import `@tandem/resource-card/tandem-resource-card.js` (or `-list.js`) to define the tags. */
export { TandemResourceCard } from './resource-card.js';
export { TandemResourceList } from './resource-list.js';
export { TandemFeedbackSentEvent, TandemResourceErrorEvent, type FeedbackSentDetail } from './resource.events.js';
export type { FeedbackPhase } from './views/feedback.js';
export type { LoadPhase } from './views/states.js';
