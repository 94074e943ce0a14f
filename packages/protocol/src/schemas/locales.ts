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
