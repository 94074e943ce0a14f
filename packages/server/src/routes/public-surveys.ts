/** The public survey API families' widgets call: fetch a survey and submit answers, from any origin. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_TYPES, validateAnswers, type ResponseReceipt, type ResponseSubmission } from '@tandem/protocol';
import type { AppContext } from '../context.js';
import { HttpProblem, notFound, unauthorized, validationProblem } from '../problems.js';
import { canonicalJson, sha256Hex } from '../secrets.js';
import { findStoredResult, IDEMPOTENCY_KEY_MAX, type StoredResult } from '../store/idempotency.js';
import { keyTooLong, missingKey } from '../store/idempotency-problems.js';
import { toPublicSurvey } from '../store/surveys.js';
import { routeOptions } from './route-schema.js';

type SurveyParams = { surveyId: string };

const surveyNotFound = () => notFound('No published survey has this id.');

/** Replays the answer stored under an Idempotency-Key. */
export function replay(reply: FastifyReply, stored: StoredResult): FastifyReply {
  return reply.code(stored.statusCode).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(stored.body);
}

/** The Idempotency-Key header, checked for presence and length. */
export function idempotencyKeyOf(request: FastifyRequest, required: boolean): string | undefined {
  const value = request.headers['idempotency-key'];
  const key = Array.isArray(value) ? value[0] : value;
  if (key === undefined || key.trim() === '') {
    if (required) throw missingKey();
    return undefined;
  }
  if (key.length > IDEMPOTENCY_KEY_MAX) throw keyTooLong(IDEMPOTENCY_KEY_MAX);
  return key;
}

export function registerPublicSurveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.route<{ Params: SurveyParams }>({
    ...routeOptions('getPublicSurvey'),
    handler: async (request) => {
      const row = await ctx.queries.surveyWithSchool(request.params.surveyId);
      if (!row || row.status === 'draft') throw surveyNotFound();
      return toPublicSurvey(row, ctx.contentCache.get(row), row.school_name);
    },
  });

  const rateLimit = ctx.rateLimitPerMinute > 0 ? { rateLimit: { max: ctx.rateLimitPerMinute, timeWindow: '1 minute' } } : {};

  app.route<{ Params: SurveyParams; Body: ResponseSubmission }>({
    ...routeOptions('submitSurveyResponse'),
    bodyLimit: ctx.publicBodyLimit,
    config: rateLimit,
    handler: async (request, reply) => {
      const key = idempotencyKeyOf(request, true)!;
      const { surveyId } = request.params;
      const scope = `submit:${surveyId}`;
      const requestHash = sha256Hex(canonicalJson(request.body));
      const stored = await findStoredResult(ctx.queries, scope, key, requestHash);
      if (stored) return replay(reply, stored);

      const row = await ctx.queries.surveyWithSchool(surveyId);
      if (!row || row.status === 'draft') throw surveyNotFound();
      if (row.status === 'closed') {
        throw new HttpProblem({
          status: 410,
          type: PROBLEM_TYPES.closed,
          title: 'Survey closed',
          detail: 'This survey no longer takes responses.',
        });
      }
      const errors = validateAnswers(ctx.contentCache.get(row), request.body.answers);
      if (errors.length > 0) throw validationProblem(errors);

      let familyId: string | null = null;
      if (request.body.identityToken !== undefined) {
        const identity = await ctx.identityVerifier.verify(request.body.identityToken, row.organization_id);
        if (!identity) throw unauthorized('The identity token was not accepted. Send the response without it to answer anonymously.');
        familyId = identity.familyId;
      }

      const receipt: ResponseReceipt = { responseId: randomUUID(), submittedAt: new Date().toISOString() };
      const body = JSON.stringify(receipt);
      const written = await ctx.batcher.submit({
        response: {
          id: receipt.responseId,
          surveyId,
          organizationId: row.organization_id,
          schoolId: row.school_id,
          locale: request.body.locale,
          answers: JSON.stringify(request.body.answers),
          familyId,
          submittedAt: receipt.submittedAt,
        },
        idempotency: { scope, key, requestHash, statusCode: 201, body, createdAt: receipt.submittedAt },
      });
      if (!written) {
        // A concurrent request with the same key won; answer exactly as it was answered.
        const winner = await findStoredResult(ctx.queries, scope, key, requestHash);
        if (!winner) throw new Error('Idempotency key vanished after a conflicting insert');
        return replay(reply, winner);
      }
      return reply.code(201).type('application/json; charset=utf-8').send(body);
    },
  });
}
