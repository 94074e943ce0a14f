/** TypeBox schema of an organization's allowed embedding sites (see ../embed-origins.ts for the rules). */
import { Type } from '@sinclair/typebox';
import { EMBED_ORIGINS_MAX } from '../embed-origins.js';

/**
 * The body of PUT and the answer of GET and PUT. Entries are checked one by one by the server (so each error
 * points at its entry); the schema only bounds the sizes. Twice the maximum is accepted on the way in, since
 * duplicates are dropped before the maximum is counted.
 */
export const EmbedOrigins = Type.Object(
  { origins: Type.Array(Type.String({ maxLength: 300 }), { maxItems: EMBED_ORIGINS_MAX * 2 }) },
  { additionalProperties: false },
);
