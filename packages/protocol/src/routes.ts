/**
 * The REST route table: one entry per endpoint, shared by the server (which registers them) and
 * HttpBackend (which calls them), so the two cannot drift apart.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { Problem } from './problem.js';
import {
  PublicSurvey,
  ResponseReceipt,
  ResponseSubmission,
  Survey,
  SurveyInput,
  SurveyList,
  SurveyPatch,
  SurveyResults,
} from './survey.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteSpec {
  method: HttpMethod;
  /** Fastify-style path; `:name` segments are parameters. */
  path: string;
  /** `public` routes answer any origin without sign-in; `staff` routes need a bearer API token. */
  access: 'public' | 'staff';
  summary: string;
  params?: TSchema;
  body?: TSchema;
  /** Success status and body schema. */
  response: { status: number; schema?: TSchema };
  /** Writes that take an `Idempotency-Key` header. */
  idempotent?: boolean;
}

const SurveyParams = Type.Object({ surveyId: Type.String({ maxLength: 64 }) });

export const routes = {
  health: {
    method: 'GET',
    path: '/healthz',
    access: 'public',
    summary: 'Liveness and database check',
    response: { status: 200, schema: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
  },
  getPublicSurvey: {
    method: 'GET',
    path: '/api/v1/public/surveys/:surveyId',
    access: 'public',
    summary: 'A published or closed survey, as families see it',
    params: SurveyParams,
    response: { status: 200, schema: PublicSurvey },
  },
  submitSurveyResponse: {
    method: 'POST',
    path: '/api/v1/public/surveys/:surveyId/responses',
    access: 'public',
    summary: "Submit a family's answers",
    params: SurveyParams,
    body: ResponseSubmission,
    response: { status: 201, schema: ResponseReceipt },
    idempotent: true,
  },
  listSurveys: {
    method: 'GET',
    path: '/api/v1/surveys',
    access: 'staff',
    summary: "The organization's surveys",
    response: { status: 200, schema: SurveyList },
  },
  createSurvey: {
    method: 'POST',
    path: '/api/v1/surveys',
    access: 'staff',
    summary: 'Create a draft survey',
    body: SurveyInput,
    response: { status: 201, schema: Survey },
    idempotent: true,
  },
  getSurvey: {
    method: 'GET',
    path: '/api/v1/surveys/:surveyId',
    access: 'staff',
    summary: 'One survey with its status',
    params: SurveyParams,
    response: { status: 200, schema: Survey },
  },
  updateSurvey: {
    method: 'PATCH',
    path: '/api/v1/surveys/:surveyId',
    access: 'staff',
    summary: 'Edit a survey; questions of a survey with responses keep their ids',
    params: SurveyParams,
    body: SurveyPatch,
    response: { status: 200, schema: Survey },
  },
  publishSurvey: {
    method: 'POST',
    path: '/api/v1/surveys/:surveyId/publish',
    access: 'staff',
    summary: 'Open a survey to families',
    params: SurveyParams,
    response: { status: 200, schema: Survey },
  },
  closeSurvey: {
    method: 'POST',
    path: '/api/v1/surveys/:surveyId/close',
    access: 'staff',
    summary: 'Stop taking responses',
    params: SurveyParams,
    response: { status: 200, schema: Survey },
  },
  getSurveyResults: {
    method: 'GET',
    path: '/api/v1/surveys/:surveyId/results',
    access: 'staff',
    summary: 'Counts, averages and text answers',
    params: SurveyParams,
    response: { status: 200, schema: SurveyResults },
  },
  getSurveyResultsCsv: {
    method: 'GET',
    path: '/api/v1/surveys/:surveyId/results.csv',
    access: 'staff',
    summary: 'Every response as CSV (UTF-8 with BOM), one row per response',
    params: SurveyParams,
    response: { status: 200 },
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;

/** Fills `:name` segments: `routePath(routes.getPublicSurvey, { surveyId: 'x' })`. */
export function routePath(route: Pick<RouteSpec, 'path'>, params: Record<string, string> = {}): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing route parameter ${name} for ${route.path}`);
    return encodeURIComponent(value);
  });
}

export { Problem };
