/** Seeds the demo district; safe to run any number of times (existing rows are left as they are). */
import type { Kysely } from 'kysely';
import type { DatabaseSchema, SurveysTable } from '../db/schema.js';
import { ensureOrganization, ensureSchool } from '../store/organizations.js';
import type { SurveyContent } from '../store/surveys.js';
import { toSessionRows } from '../store/events.js';
import {
  FAMILY_MATH_NIGHT_ID,
  FAMILY_SURVEY_ID,
  LINCOLN,
  LINCOLN_ELEMENTARY,
  PICNIC_SURVEY_ID,
  familyMathNight,
  familySurvey,
  picnicSurvey,
} from './demo-content.js';
import { demoLessons } from './demo-lessons.js';
import { seedDemoMessaging } from './demo-messaging.js';
import { demoResources } from './demo-resources.js';
import { resourceColumns } from '../store/resources.js';

export interface SeedResult {
  organizationId: string;
  surveyIds: string[];
  eventIds: string[];
  resourceIds: string[];
  lessonIds: string[];
}

export async function seedDemo(db: Kysely<DatabaseSchema>): Promise<SeedResult> {
  const organization = await ensureOrganization(db, LINCOLN.slug, LINCOLN.name);
  await ensureSchool(db, organization.id, LINCOLN_ELEMENTARY.id, LINCOLN_ELEMENTARY.name);

  const survey = (
    id: string,
    content: SurveyContent,
    status: SurveysTable['status'],
    dates: { created: string; published: string; closed?: string },
  ) => ({
    id,
    organization_id: organization.id,
    school_id: LINCOLN_ELEMENTARY.id,
    status,
    default_locale: 'en',
    content: JSON.stringify(content),
    created_at: dates.created,
    updated_at: dates.closed ?? dates.published,
    published_at: dates.published,
    closed_at: dates.closed ?? null,
  });

  // Fixed timestamps keep a second run byte-for-byte identical.
  await db
    .insertInto('surveys')
    .values([
      survey(FAMILY_SURVEY_ID, familySurvey, 'published', { created: '2026-01-05T15:00:00.000Z', published: '2026-01-12T15:00:00.000Z' }),
      survey(PICNIC_SURVEY_ID, picnicSurvey, 'closed', {
        created: '2025-09-29T15:00:00.000Z',
        published: '2025-10-04T15:00:00.000Z',
        closed: '2025-10-25T15:00:00.000Z',
      }),
    ])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  await db
    .insertInto('events')
    .values({
      id: FAMILY_MATH_NIGHT_ID,
      organization_id: organization.id,
      school_id: LINCOLN_ELEMENTARY.id,
      status: 'published',
      default_locale: 'en',
      time_zone: familyMathNight.timeZone,
      content: JSON.stringify(familyMathNight.content),
      created_at: '2026-01-20T15:00:00.000Z',
      updated_at: '2026-01-22T15:00:00.000Z',
      published_at: '2026-01-22T15:00:00.000Z',
      cancelled_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('event_sessions')
    .values(toSessionRows(FAMILY_MATH_NIGHT_ID, organization.id, familyMathNight.sessions))
    .onConflict((oc) => oc.columns(['event_id', 'id']).doNothing())
    .execute();

  const published = {
    created_at: '2026-01-26T15:00:00.000Z',
    updated_at: '2026-01-27T15:00:00.000Z',
    published_at: '2026-01-27T15:00:00.000Z',
  };
  await db
    .insertInto('resources')
    .values(
      demoResources.map(([id, input]) => ({
        id,
        organization_id: organization.id,
        external_id: null,
        status: 'published' as const,
        ...resourceColumns(input),
        ...published,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('lessons')
    .values(
      demoLessons.map(([id, input]) => ({
        id,
        organization_id: organization.id,
        status: 'published' as const,
        default_locale: input.defaultLocale,
        content: JSON.stringify(input),
        ...published,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  await seedDemoMessaging(db, organization.id, LINCOLN_ELEMENTARY.id);

  return {
    organizationId: organization.id,
    surveyIds: [FAMILY_SURVEY_ID, PICNIC_SURVEY_ID],
    eventIds: [FAMILY_MATH_NIGHT_ID],
    resourceIds: demoResources.map(([id]) => id),
    lessonIds: demoLessons.map(([id]) => id),
  };
}
