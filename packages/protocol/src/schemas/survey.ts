/** TypeBox schemas for surveys, questions, responses and results. */
import { Type } from '@sinclair/typebox';
import { LONG_TEXT_MAX, QUESTION_TYPES, SHORT_TEXT_MAX, SURVEY_STATUSES } from '../survey.js';
import { LocaleCode, LocalizedText, MachineTranslated } from './locales.js';
import { RemovablePatch } from './patch.js';

/** Ids are short, URL-safe and stable, so they can stand in embed snippets and CSV headers. */
export const Id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' });

const questionBase = {
  id: Id,
  prompt: LocalizedText,
  help: Type.Optional(LocalizedText),
  required: Type.Optional(Type.Boolean({ description: 'Defaults to false' })),
};

export const ChoiceOption = Type.Object({ id: Id, label: LocalizedText }, { additionalProperties: false });

export const SingleChoiceQuestion = Type.Object(
  { ...questionBase, type: Type.Literal('single-choice'), options: Type.Array(ChoiceOption, { minItems: 2, maxItems: 50 }) },
  { additionalProperties: false },
);
export const MultipleChoiceQuestion = Type.Object(
  {
    ...questionBase,
    type: Type.Literal('multiple-choice'),
    options: Type.Array(ChoiceOption, { minItems: 2, maxItems: 50 }),
    /** Most options a family may tick; unlimited when absent. */
    maxSelected: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const RatingQuestion = Type.Object(
  {
    ...questionBase,
    type: Type.Literal('rating'),
    /** Highest point of a scale that starts at 1. */
    scale: Type.Union([Type.Literal(5), Type.Literal(10)]),
    lowLabel: Type.Optional(LocalizedText),
    highLabel: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);
export const YesNoQuestion = Type.Object({ ...questionBase, type: Type.Literal('yes-no') }, { additionalProperties: false });
export const ShortTextQuestion = Type.Object(
  { ...questionBase, type: Type.Literal('short-text'), maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: SHORT_TEXT_MAX })) },
  { additionalProperties: false },
);
export const LongTextQuestion = Type.Object(
  { ...questionBase, type: Type.Literal('long-text'), maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: LONG_TEXT_MAX })) },
  { additionalProperties: false },
);

export const Question = Type.Union([
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  RatingQuestion,
  YesNoQuestion,
  ShortTextQuestion,
  LongTextQuestion,
]);

/** A section is one page of the survey. */
export const SurveySection = Type.Object(
  {
    id: Id,
    title: Type.Optional(LocalizedText),
    description: Type.Optional(LocalizedText),
    questions: Type.Array(Question, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const SurveyStatus = Type.Union(SURVEY_STATUSES.map((s) => Type.Literal(s)));

/*
 * `machineTranslated` keys of a survey: `title`, `description`, `section:<id>:title`, `section:<id>:description`,
 * `question:<id>:prompt`, `question:<id>:help`, `question:<id>:lowLabel`, `question:<id>:highLabel`,
 * `option:<questionId>:<optionId>`. The schema itself is shared by every content type (./locales.ts).
 */
export { MachineTranslated };

/** What staff write when they create or edit a survey. */
export const SurveyInput = Type.Object(
  {
    schoolId: Id,
    title: LocalizedText,
    description: Type.Optional(LocalizedText),
    defaultLocale: LocaleCode,
    sections: Type.Array(SurveySection, { minItems: 1, maxItems: 30 }),
    machineTranslated: Type.Optional(MachineTranslated),
  },
  { additionalProperties: false },
);

/** A partial edit; omitted fields stay as they are, `null` removes an optional one. */
export const SurveyPatch = RemovablePatch(SurveyInput);

/** A survey as staff see it. */
export const Survey = Type.Object({
  id: Id,
  schoolId: Id,
  title: LocalizedText,
  description: Type.Optional(LocalizedText),
  defaultLocale: LocaleCode,
  sections: Type.Array(SurveySection),
  machineTranslated: Type.Optional(MachineTranslated),
  status: SurveyStatus,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Optional(Type.String({ format: 'date-time' })),
  closedAt: Type.Optional(Type.String({ format: 'date-time' })),
  responseCount: Type.Integer({ minimum: 0 }),
});

/** A survey as a family's widget receives it: content only, no staff data. */
export const PublicSurvey = Type.Object({
  id: Id,
  title: LocalizedText,
  description: Type.Optional(LocalizedText),
  defaultLocale: LocaleCode,
  /** Languages the content has been written in, default first. */
  locales: Type.Array(LocaleCode),
  sections: Type.Array(SurveySection),
  /** Texts that are unreviewed machine translations, so the widget can say so quietly. */
  machineTranslated: Type.Optional(MachineTranslated),
  status: Type.Union([Type.Literal('published'), Type.Literal('closed')]),
  school: Type.Object({ id: Id, name: Type.String() }),
});

/**
 * One answer. Its shape follows the question type: an option id (single choice), option ids
 * (multiple choice), an integer (rating), a boolean (yes/no), or a string (text).
 */
export const AnswerValue = Type.Union([
  Type.String({ maxLength: LONG_TEXT_MAX }),
  Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
  Type.Integer(),
  Type.Boolean(),
]);

export const ResponseSubmission = Type.Object(
  {
    answers: Type.Record(Type.String({ maxLength: 64 }), AnswerValue),
    /** The language the family answered in, so staff can read text answers in context. */
    locale: LocaleCode,
    /** A host-signed family identity; absent means anonymous. */
    identityToken: Type.Optional(Type.String({ maxLength: 8192 })),
  },
  { additionalProperties: false },
);

export const ResponseReceipt = Type.Object({
  responseId: Type.String(),
  submittedAt: Type.String({ format: 'date-time' }),
});

export const OptionCount = Type.Object({ optionId: Id, label: LocalizedText, count: Type.Integer() });
export const TextAnswer = Type.Object({ text: Type.String(), locale: Type.String(), submittedAt: Type.String() });

/** Aggregates for one question; which fields are present depends on its type. */
export const QuestionResult = Type.Object({
  questionId: Id,
  type: Type.Union(QUESTION_TYPES.map((t) => Type.Literal(t))),
  prompt: LocalizedText,
  /** How many responses answered this question. */
  answered: Type.Integer(),
  /** Choice questions and yes/no (`yes`, `no`). */
  options: Type.Optional(Type.Array(OptionCount)),
  /** Rating questions: mean of the given ratings, null when none. */
  average: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  /** Rating questions: `distribution[i]` counts ratings of `i + 1`. */
  distribution: Type.Optional(Type.Array(Type.Integer())),
  /** Text questions. */
  texts: Type.Optional(Type.Array(TextAnswer)),
});

export const SurveyResults = Type.Object({
  surveyId: Id,
  responseCount: Type.Integer(),
  /** Responses per language answered in. */
  locales: Type.Record(Type.String(), Type.Integer()),
  questions: Type.Array(QuestionResult),
});

export const SurveyList = Type.Object({ items: Type.Array(Survey) });
