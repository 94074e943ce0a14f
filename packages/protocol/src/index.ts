/** @tandem/protocol: the API contract shared by widgets, HttpBackend and the server. */
export * from './locales.js';
export * from './problem.js';
export * from './survey.js';
export * from './validate-answers.js';
export * from './routes.js';
