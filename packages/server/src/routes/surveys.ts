/** The staff survey API: list, create, read, edit, publish, unpublish, close and results, always within the token's organization. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from '@sinclair/typebox';
import {
  allQuestions,
  validateSurveyContent,
  type AnswerValue,
  type FieldError,
  type Survey,
  type SurveyInput,
  type SurveyPatch,
} from '@tandem/protocol';
import { actsInSchool, principalOf, requireStaff } from '../auth.js';
import { recordAudit } from '../console-auth/audit.js';
import type { AppContext } from '../context.js';
import type { DatabaseSchema } from '../db/schema.js';
import { conflict, notFound, validationProblem } from '../problems.js';
import { computeResults, resultsCsv, type StoredResponse } from '../results.js';
import { writeStatusChange } from '../store/status-change.js';
import { laterThan } from '../timestamps.js';
import { canonicalJson, sha256Hex } from '../secrets.js';
import { schoolBelongsTo } from '../store/organizations.js';
import { findStoredResult, toRow } from '../store/idempotency.js';
import {
  answeredQuestionIds,
  contentOf,
  countResponses,
  findOwnedSurvey,
  listSurveys,
  parseContent,
  toSurvey,
  type SurveyRow,
} from '../store/surveys.js';
import { idempotencyKeyOf, replay } from './public-surveys.js';
import { staffRouteOptions } from './route-schema.js';

type Db = Kysely<DatabaseSchema>;
type SurveyParams = { surveyId: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false` turns @fastify/cors off for the route. */
    cors?: boolean;
  }
}

/** Staff routes are for servers and the staff console, not for scripts on other sites. */

const surveyNotFound = () => notFound('No survey with this id in your organization.');

class KeyAlreadyTaken extends Error {}

async function checkContent(db: Db, organizationId: string, input: SurveyInput): Promise<void> {
  const errors: FieldError[] = validateSurveyContent(input);
  if (!(await schoolBelongsTo(db, input.schoolId, organizationId))) {
    errors.unshift({ pointer: '/schoolId', code: 'invalid-option', detail: 'No school with this id in your organization.' });
  }
  if (errors.length > 0) throw validationProblem(errors);
}

/** Refuses edits that would orphan answers: an answered question must stay, with its type. */
function checkAnsweredQuestionsKept(before: SurveyRow, after: SurveyInput, answered: Set<string>): void {
  const next = new Map(allQuestions(after).map((q) => [q.id, q]));
  const errors: FieldError[] = [];
  for (const question of allQuestions(parseContent(before))) {
    if (!answered.has(question.id)) continue;
    const kept = next.get(question.id);
    if (!kept) {
      errors.push({
        pointer: '/sections',
        code: 'required',
        detail: `Question "${question.id}" has answers and cannot be removed.`,
        params: { questionId: question.id },
      });
    } else if (kept.type !== question.type) {
      errors.push({
        pointer: '/sections',
        code: 'wrong-type',
        detail: `Question "${question.id}" has answers and must stay ${question.type}.`,
        params: { questionId: question.id },
      });
    }
  }
  if (errors.length > 0) throw conflict('This survey has responses; answered questions must keep their id and type.', errors);
}

async function loadResponses(db: Db, organizationId: string, surveyId: string): Promise<StoredResponse[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['id', 'locale', 'answers', 'submitted_at'])
    .where('survey_id', '=', surveyId)
    .where('organization_id', '=', organizationId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    locale: r.locale,
    answers: JSON.parse(r.answers) as Record<string, AnswerValue>,
    submittedAt: r.submitted_at,
  }));
}

/** Optional filters for results and their CSV: the language answered in, and submission days (inclusive, YYYY-MM-DD, UTC). */
const ResultsQuery = Type.Object(
  {
    locale: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$', maxLength: 35 })),
    from: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })),
    to: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })),
  },
  { additionalProperties: false },
);
interface ResultsFilter {
  locale?: string;
  from?: string;
  to?: string;
}

// Filtered after loading: a survey's responses are few enough, and comparing the stored ISO day keeps SQLite and
// PostgreSQL alike without dialect-specific date functions.
function filterResponses(responses: StoredResponse[], { locale, from, to }: ResultsFilter): StoredResponse[] {
  return responses.filter((r) => {
    const day = new Date(r.submittedAt).toISOString().slice(0, 10);
    return (!locale || r.locale === locale) && (!from || day >= from) && (!to || day <= to);
  });
}

/** Stores `required: false` on questions that leave it out, so API readers always see an explicit value. */
async function fillQuestionDefaults(request: FastifyRequest): Promise<void> {
  const sections = (request.body as { sections?: unknown } | undefined)?.sections;
  if (!Array.isArray(sections)) return;
  for (const section of sections) {
    const questions = (section as { questions?: unknown } | null)?.questions;
    if (!Array.isArray(questions)) continue;
    for (const question of questions) {
      if (question && typeof question === 'object' && !('required' in question)) (question as { required: boolean }).required = false;
    }
  }
}

export function registerStaffSurveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const preHandler = requireStaff(db);

  const ownedSurvey = async (organizationId: string, surveyId: string) => {
    const row = await findOwnedSurvey(db, organizationId, surveyId);
    if (!row) throw surveyNotFound();
    return row;
  };
  const present = async (row: SurveyRow): Promise<Survey> => toSurvey(row, await countResponses(db, row.organization_id, row.id));

  app.route({
    ...staffRouteOptions('listSurveys', preHandler),
    handler: async (request) => {
      const principal = principalOf(request);
      return { items: (await listSurveys(db, principal.organizationId)).filter((s) => actsInSchool(principal, s.schoolId)) };
    },
  });

  app.route<{ Body: SurveyInput }>({
    ...staffRouteOptions('createSurvey', preHandler),
    preValidation: fillQuestionDefaults,
    handler: async (request, reply: FastifyReply) => {
      const { organizationId } = principalOf(request);
      const key = idempotencyKeyOf(request, false);
      const scope = `create-survey:${organizationId}`;
      const requestHash = sha256Hex(canonicalJson(request.body));
      if (key) {
        const stored = await findStoredResult(db, scope, key, requestHash);
        if (stored) return replay(reply, stored);
      }
      await checkContent(db, organizationId, request.body);
      const now = new Date().toISOString();
      const input = request.body;
      const row: SurveyRow = {
        id: randomUUID(),
        organization_id: organizationId,
        school_id: input.schoolId,
        status: 'draft',
        default_locale: input.defaultLocale,
        content: JSON.stringify(contentOf(input)),
        created_at: now,
        updated_at: now,
        published_at: null,
        closed_at: null,
      };
      const body = JSON.stringify(toSurvey(row, 0));
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('surveys').values(row).execute();
          if (key) {
            const taken = await trx
              .insertInto('idempotency_keys')
              .values(toRow({ scope, key, requestHash, statusCode: 201, body, createdAt: now }))
              .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
              .returning('key')
              .execute();
            // Rolling back keeps the survey and its key together: both or neither.
            if (taken.length === 0) throw new KeyAlreadyTaken();
          }
        });
      } catch (error) {
        if (!(error instanceof KeyAlreadyTaken) || !key) throw error;
        const winner = await findStoredResult(db, scope, key, requestHash);
        if (!winner) throw error;
        return replay(reply, winner);
      }
      return reply.code(201).type('application/json; charset=utf-8').send(body);
    },
  });

  app.route<{ Params: SurveyParams }>({
    ...staffRouteOptions('getSurvey', preHandler),
    handler: async (request) => present(await ownedSurvey(principalOf(request).organizationId, request.params.surveyId)),
  });

  app.route<{ Params: SurveyParams; Body: SurveyPatch }>({
    ...staffRouteOptions('updateSurvey', preHandler),
    preValidation: fillQuestionDefaults,
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const before = await ownedSurvey(organizationId, request.params.surveyId);
      const current = parseContent(before);
      const patch = request.body;
      // Left out keeps the stored value; null removes it (an introduction emptied in the console).
      const description = patch.description === null ? undefined : (patch.description ?? current.description);
      const machineTranslated = patch.machineTranslated === null ? undefined : (patch.machineTranslated ?? current.machineTranslated);
      const merged: SurveyInput = {
        schoolId: patch.schoolId ?? before.school_id,
        title: patch.title ?? current.title,
        defaultLocale: patch.defaultLocale ?? before.default_locale,
        sections: patch.sections ?? current.sections,
        ...(description ? { description } : {}),
        ...(machineTranslated ? { machineTranslated } : {}),
      };
      await checkContent(db, organizationId, merged);
      if (patch.sections) {
        checkAnsweredQuestionsKept(before, merged, await answeredQuestionIds(db, organizationId, before.id));
      }
      const updatedAt = laterThan(before.updated_at);
      await db
        .updateTable('surveys')
        .set({
          school_id: merged.schoolId,
          default_locale: merged.defaultLocale,
          content: JSON.stringify(contentOf(merged)),
          updated_at: updatedAt,
        })
        .where('id', '=', before.id)
        .where('organization_id', '=', organizationId)
        .execute();
      return present((await findOwnedSurvey(db, organizationId, before.id))!);
    },
  });

  app.route<{ Params: SurveyParams }>({
    ...staffRouteOptions('publishSurvey', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const row = await ownedSurvey(organizationId, request.params.surveyId);
      if (row.status !== 'published') {
        // Re-opening a closed survey is allowed; it takes responses again from now on.
        await writeStatusChange(
          db,
          'surveys',
          organizationId,
          row,
          (now) => ({ status: 'published', published_at: now, closed_at: null }),
          principalOf(request),
        );
      }
      return present((await findOwnedSurvey(db, organizationId, row.id))!);
    },
  });

  app.route<{ Params: SurveyParams }>({
    ...staffRouteOptions('closeSurvey', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const row = await ownedSurvey(organizationId, request.params.surveyId);
      if (row.status === 'draft') throw conflict('A draft was never open to families; publish it before closing it.');
      if (row.status === 'published') {
        await writeStatusChange(db, 'surveys', organizationId, row, (now) => ({ status: 'closed', closed_at: now }), principalOf(request));
      }
      return present((await findOwnedSurvey(db, organizationId, row.id))!);
    },
  });

  app.route<{ Params: SurveyParams }>({
    ...staffRouteOptions('unpublishSurvey', preHandler),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const row = await ownedSurvey(organizationId, request.params.surveyId);
      // A closed survey's responses are final; taking it back to draft would let staff edit what families answered.
      if (row.status === 'closed') throw conflict('A closed survey cannot go back to draft; publish it again to reopen it.');
      if (row.status === 'published') {
        // Families then get the same "not available" as for a draft; responses already given are kept.
        await writeStatusChange(db, 'surveys', organizationId, row, () => ({ status: 'draft', published_at: null }), principalOf(request));
      }
      return present((await findOwnedSurvey(db, organizationId, row.id))!);
    },
  });

  app.route<{ Params: SurveyParams; Querystring: ResultsFilter }>({
    ...staffRouteOptions('getSurveyResults', preHandler, { querystring: ResultsQuery }),
    handler: async (request) => {
      const { organizationId } = principalOf(request);
      const row = await ownedSurvey(organizationId, request.params.surveyId);
      const responses = filterResponses(await loadResponses(db, organizationId, row.id), request.query);
      return computeResults(row.id, parseContent(row), responses);
    },
  });

  app.route<{ Params: SurveyParams; Querystring: ResultsFilter }>({
    ...staffRouteOptions('getSurveyResultsCsv', preHandler, { successContentType: 'text/csv', querystring: ResultsQuery }),
    handler: async (request, reply) => {
      const { organizationId } = principalOf(request);
      const row = await ownedSurvey(organizationId, request.params.surveyId);
      const responses = filterResponses(await loadResponses(db, organizationId, row.id), request.query);
      const csv = resultsCsv(parseContent(row), row.default_locale, responses);
      await recordAudit(db, principalOf(request), 'survey.results-exported', { kind: 'survey', id: row.id });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="survey-${row.id}-results.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  });
}
