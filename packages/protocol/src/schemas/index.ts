/** @tandem/protocol/schemas: TypeBox schemas for the server; browsers never load this entry. */
export * from './locales.js';
export * from './problem.js';
export * from './survey.js';
export * from './event.js';
export * from './resource.js';
export * from './lesson.js';
export * from './identity.js';
export * from './message.js';
export * from './session.js';
export * from './embed-origins.js';
export * from './routes.js';
export * from './content-translation.js';
export * from './lti.js';
