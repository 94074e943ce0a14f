/** Surveys: rows ↔ protocol shapes, tenancy-scoped reads and the status lifecycle. */
import type { Kysely, Selectable } from 'kysely';
import {
  SUPPORTED_LOCALES,
  allQuestions,
  type LocalizedText,
  type MachineTranslated,
  type PublicSurvey,
  type Survey,
  type SurveyInput,
  type SurveySection,
} from '@tandem/protocol';
import type { DatabaseSchema, SurveysTable } from '../db/schema.js';

type Db = Kysely<DatabaseSchema>;
export type SurveyRow = Selectable<SurveysTable>;

export interface SurveyContent {
  title: LocalizedText;
  description?: LocalizedText;
  sections: SurveySection[];
  machineTranslated?: MachineTranslated;
}

export function parseContent(row: Pick<SurveyRow, 'content'>): SurveyContent {
  return JSON.parse(row.content) as SurveyContent;
}

export function contentOf(input: Pick<SurveyInput, 'title' | 'description' | 'sections' | 'machineTranslated'>): SurveyContent {
  return {
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    sections: input.sections,
    ...(input.machineTranslated && Object.keys(input.machineTranslated).length > 0 ? { machineTranslated: input.machineTranslated } : {}),
  };
}

export function toSurvey(row: SurveyRow, responseCount: number): Survey {
  const content = parseContent(row);
  return {
    id: row.id,
    schoolId: row.school_id,
    title: content.title,
    ...(content.description ? { description: content.description } : {}),
    defaultLocale: row.default_locale,
    sections: content.sections,
    ...(content.machineTranslated ? { machineTranslated: content.machineTranslated } : {}),
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
    ...(row.closed_at ? { closedAt: row.closed_at } : {}),
    responseCount,
  };
}

/** Every language the content has text in: the default first, then Tandem's usual order. */
export function contentLocales(content: SurveyContent, defaultLocale: string): string[] {
  const found = new Set<string>(Object.keys(content.title));
  for (const question of allQuestions(content)) for (const locale of Object.keys(question.prompt)) found.add(locale);
  found.delete(defaultLocale);
  const order = (locale: string) => {
    const index = (SUPPORTED_LOCALES as readonly string[]).indexOf(locale);
    return index === -1 ? SUPPORTED_LOCALES.length : index;
  };
  return [defaultLocale, ...[...found].sort((a, b) => order(a) - order(b) || a.localeCompare(b))];
}

export function toPublicSurvey(row: SurveyRow, content: SurveyContent, schoolName: string): PublicSurvey {
  return {
    id: row.id,
    title: content.title,
    ...(content.description ? { description: content.description } : {}),
    defaultLocale: row.default_locale,
    locales: contentLocales(content, row.default_locale),
    sections: content.sections,
    ...(content.machineTranslated ? { machineTranslated: content.machineTranslated } : {}),
    status: row.status as 'published' | 'closed',
    school: { id: row.school_id, name: schoolName },
  };
}

/** A survey only if it belongs to the organization; every staff read goes through here. */
export async function findOwnedSurvey(db: Db, organizationId: string, surveyId: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').selectAll().where('id', '=', surveyId).where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function countResponses(db: Db, organizationId: string, surveyId: string): Promise<number> {
  const row = await db
    .selectFrom('survey_responses')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('survey_id', '=', surveyId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listSurveys(db: Db, organizationId: string): Promise<Survey[]> {
  const rows = await db
    .selectFrom('surveys')
    .selectAll('surveys')
    .select((eb) =>
      eb
        .selectFrom('survey_responses')
        .select(eb.fn.countAll().as('n'))
        .whereRef('survey_responses.survey_id', '=', 'surveys.id')
        .where('survey_responses.organization_id', '=', organizationId)
        .as('response_count'),
    )
    .where('surveys.organization_id', '=', organizationId)
    .orderBy('surveys.created_at', 'desc')
    .orderBy('surveys.id')
    .execute();
  return rows.map(({ response_count, ...row }) => toSurvey(row, Number(response_count ?? 0)));
}

/** Ids of questions that at least one stored response answered. */
export async function answeredQuestionIds(db: Db, organizationId: string, surveyId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('survey_responses')
    .select('answers')
    .where('survey_id', '=', surveyId)
    .where('organization_id', '=', organizationId)
    .execute();
  const ids = new Set<string>();
  for (const row of rows) for (const id of Object.keys(JSON.parse(row.answers) as object)) ids.add(id);
  return ids;
}
