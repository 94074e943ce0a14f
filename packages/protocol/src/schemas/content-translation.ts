/** TypeBox schemas for machine translation of staff-written content (survey texts and the like) before staff review it. */
import { Type } from '@sinclair/typebox';
import { CONTENT_TRANSLATION_MAX_TARGETS, CONTENT_TRANSLATION_MAX_TEXTS } from '../content-translation.js';
import { LocaleCode } from './locales.js';

export const ContentTranslationRequest = Type.Object(
  {
    /** The language every text is written in, usually the item's default language. */
    from: LocaleCode,
    /** The languages wanted; the source language itself is ignored. */
    to: Type.Array(LocaleCode, { minItems: 1, maxItems: CONTENT_TRANSLATION_MAX_TARGETS }),
    texts: Type.Array(Type.String({ maxLength: 10000 }), { minItems: 1, maxItems: CONTENT_TRANSLATION_MAX_TEXTS }),
  },
  { additionalProperties: false },
);

export const ContentTranslationTarget = Type.Object({
  locale: LocaleCode,
  /** `unsupported`: the provider has no pair for this language; `partial`: some texts failed (null). */
  status: Type.Union([Type.Literal('translated'), Type.Literal('partial'), Type.Literal('unsupported')]),
  /** One entry per requested text, in order; null where this text could not be translated. */
  texts: Type.Array(Type.Union([Type.String(), Type.Null()])),
});

export const ContentTranslationResult = Type.Object({
  /** The provider that translated, e.g. `apertium`, so staff know the texts are machine translations. */
  provider: Type.String(),
  from: LocaleCode,
  targets: Type.Array(ContentTranslationTarget),
});
