/** Machine translation of staff-written content: limits and types (schemas in ./schemas/content-translation.ts). */
import type { Static } from '@sinclair/typebox';
import type * as Schemas from './schemas/content-translation.js';

/** Texts per request: a whole survey fits, and one request cannot keep a provider busy for minutes. */
export const CONTENT_TRANSLATION_MAX_TEXTS = 300;
export const CONTENT_TRANSLATION_MAX_TARGETS = 8;

/** Problem `type` of the 503 answered when the server has no translation provider configured. */
export const TRANSLATION_UNAVAILABLE_PROBLEM = 'https://tandem.school/problems/translation-unavailable';

export type ContentTranslationRequest = Static<typeof Schemas.ContentTranslationRequest>;
export type ContentTranslationTarget = Static<typeof Schemas.ContentTranslationTarget>;
export type ContentTranslationResult = Static<typeof Schemas.ContentTranslationResult>;
