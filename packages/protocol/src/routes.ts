/**
 * The REST route table: one entry per endpoint, shared by the server (which registers them with the
 * schemas in `./schemas/routes.ts`) and HttpBackend (which calls them), so the two cannot drift apart.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteSpec {
  method: HttpMethod;
  /** Fastify-style path; `:name` segments are parameters. */
  path: string;
  /** `public` routes answer any origin without sign-in; `staff` routes need a bearer API token. */
  access: 'public' | 'staff';
  summary: string;
  /** Status of a successful answer. */
  status: number;
  /** Writes that take an `Idempotency-Key` header. */
  idempotent?: boolean;
}

export const routes = {
  health: {
    method: 'GET',
    path: '/healthz',
    access: 'public',
    summary: 'Liveness and database check',
    status: 200,
  },
  getPublicSurvey: {
    method: 'GET',
    path: '/api/v1/public/surveys/:surveyId',
    access: 'public',
    summary: 'A published or closed survey, as families see it',
    status: 200,
  },
  submitSurveyResponse: {
    method: 'POST',
    path: '/api/v1/public/surveys/:surveyId/responses',
    access: 'public',
    summary: "Submit a family's answers",
    status: 201,
    idempotent: true,
  },
  listSurveys: {
    method: 'GET',
    path: '/api/v1/surveys',
    access: 'staff',
    summary: "The organization's surveys",
    status: 200,
  },
  createSurvey: {
    method: 'POST',
    path: '/api/v1/surveys',
    access: 'staff',
    summary: 'Create a draft survey',
    status: 201,
    idempotent: true,
  },
  getSurvey: {
    method: 'GET',
    path: '/api/v1/surveys/:surveyId',
    access: 'staff',
    summary: 'One survey with its status',
    status: 200,
  },
  updateSurvey: {
    method: 'PATCH',
    path: '/api/v1/surveys/:surveyId',
    access: 'staff',
    summary: 'Edit a survey; questions of a survey with responses keep their ids',
    status: 200,
  },
  publishSurvey: {
    method: 'POST',
    path: '/api/v1/surveys/:surveyId/publish',
    access: 'staff',
    summary: 'Open a survey to families',
    status: 200,
  },
  closeSurvey: {
    method: 'POST',
    path: '/api/v1/surveys/:surveyId/close',
    access: 'staff',
    summary: 'Stop taking responses',
    status: 200,
  },
  getSurveyResults: {
    method: 'GET',
    path: '/api/v1/surveys/:surveyId/results',
    access: 'staff',
    summary: 'Counts, averages and text answers',
    status: 200,
  },
  getSurveyResultsCsv: {
    method: 'GET',
    path: '/api/v1/surveys/:surveyId/results.csv',
    access: 'staff',
    summary: 'Every response as CSV (UTF-8 with BOM), one row per response',
    status: 200,
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
