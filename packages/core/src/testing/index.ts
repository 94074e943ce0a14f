/** @tandem/core/testing.js: helpers for widget tests (only imported by tests; needs @open-wc/testing). */
export { captureLitWarnings, runBaseSuite, watchLitWarnings, type BaseSuiteOptions } from './base-suite.js';
export { expectAxeClean, WCAG22_TAGS } from './axe.js';
export { clearTandemStorage } from './storage.js';
