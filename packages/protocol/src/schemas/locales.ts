/** TypeBox schemas for language tags and LocalizedText. */
import { Type } from '@sinclair/typebox';

const LOCALE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

/** A BCP 47 language tag such as `en`, `hmn` or `zh-Hans`. */
export const LocaleCode = Type.String({ pattern: LOCALE_PATTERN, maxLength: 35, description: 'BCP 47 language tag' });

/** Text in one or more languages, keyed by BCP 47 tag: `{ "en": "Hello", "es": "Hola" }`. */
export const LocalizedText = Type.Record(Type.String({ pattern: LOCALE_PATTERN }), Type.String({ maxLength: 10000 }), {
  minProperties: 1,
  description: 'Text keyed by BCP 47 language tag',
});

/**
 * Which texts of a piece of content are machine translations no one has reviewed yet, per language: keys name a
 * text by a stable id (each content schema lists its own, e.g. `title`, `section:<id>:body`), values list the
 * unreviewed languages. Families see a quiet "Machine translated" note on those texts in their language.
 */
export const MachineTranslated = Type.Record(
  // Ids joined by colons (`section:intro:body`, `closure:2026-12-25`); a key no content could have is refused.
  Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9:_-]{0,199}$' }),
  Type.Array(LocaleCode, { maxItems: 20 }),
  {
    maxProperties: 5000,
    additionalProperties: false,
    description: 'Text id → languages whose text is an unreviewed machine translation',
  },
);
