/**
 * @tandem/protocol: the API contract shared by widgets, HttpBackend and the server. This entry has no
 * runtime dependency, so widget bundles stay small; the TypeBox schemas live in `./schemas`.
 */
export * from './locales.js';
export * from './problem.js';
export * from './survey.js';
export * from './validate-answers.js';
export * from './event.js';
export * from './validate-rsvp.js';
export * from './resource.js';
export * from './resource-filter.js';
export * from './hsds.js';
export * from './lesson.js';
export * from './markdown.js';
export * from './identity.js';
export * from './message.js';
export * from './session.js';
export * from './embed-origins.js';
export * from './routes.js';
export * from './content-translation.js';
export * from './machine-translated.js';
export * from './lti.js';
