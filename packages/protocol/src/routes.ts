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
  getPublicEvent: {
    method: 'GET',
    path: '/api/v1/public/events/:eventId',
    access: 'public',
    summary: 'A published or cancelled event with remaining places per session, as families see it',
    status: 200,
  },
  createRsvp: {
    method: 'POST',
    path: '/api/v1/public/events/:eventId/rsvps',
    access: 'public',
    summary: "A family's RSVP: confirmed, waitlisted when full, or declined; returns the edit token once",
    status: 201,
    idempotent: true,
  },
  getRsvp: {
    method: 'GET',
    path: '/api/v1/public/rsvps/:rsvpId',
    access: 'public',
    summary: 'A family reads back its own RSVP (header X-Rsvp-Token): status, waitlist position and what it sent',
    status: 200,
  },
  updateRsvp: {
    method: 'PATCH',
    path: '/api/v1/public/rsvps/:rsvpId',
    access: 'public',
    summary: 'Change an RSVP (header X-Rsvp-Token); a larger party is re-checked against capacity',
    status: 200,
  },
  cancelRsvp: {
    method: 'POST',
    path: '/api/v1/public/rsvps/:rsvpId/cancel',
    access: 'public',
    summary: 'Cancel an RSVP (header X-Rsvp-Token); the first waitlisted family that fits is promoted',
    status: 200,
  },
  getEventIcs: {
    method: 'GET',
    path: '/api/v1/public/events/:eventId/event.ics',
    access: 'public',
    summary: 'The event as iCalendar (RFC 5545), one VEVENT per session',
    status: 200,
  },
  getSchoolCalendar: {
    method: 'GET',
    path: '/calendar/:schoolId.ics',
    access: 'public',
    summary: "Subscribable iCalendar feed of a school's published and cancelled events",
    status: 200,
  },
  listEvents: {
    method: 'GET',
    path: '/api/v1/events',
    access: 'staff',
    summary: "The organization's events",
    status: 200,
  },
  createEvent: {
    method: 'POST',
    path: '/api/v1/events',
    access: 'staff',
    summary: 'Create a draft event with its sessions',
    status: 201,
    idempotent: true,
  },
  getEvent: {
    method: 'GET',
    path: '/api/v1/events/:eventId',
    access: 'staff',
    summary: 'One event with places taken per session',
    status: 200,
  },
  updateEvent: {
    method: 'PATCH',
    path: '/api/v1/events/:eventId',
    access: 'staff',
    summary: 'Edit an event; sessions with RSVPs cannot be removed; more capacity promotes waitlisted families',
    status: 200,
  },
  publishEvent: {
    method: 'POST',
    path: '/api/v1/events/:eventId/publish',
    access: 'staff',
    summary: 'Open an event to families',
    status: 200,
  },
  cancelEvent: {
    method: 'POST',
    path: '/api/v1/events/:eventId/cancel',
    access: 'staff',
    summary: 'Cancel an event; families see it as cancelled and calendars get STATUS:CANCELLED',
    status: 200,
  },
  getEventAttendees: {
    method: 'GET',
    path: '/api/v1/events/:eventId/attendees',
    access: 'staff',
    summary: 'Every RSVP with contacts and needs, and a needs summary per session and overall',
    status: 200,
  },
  getEventAttendeesCsv: {
    method: 'GET',
    path: '/api/v1/events/:eventId/attendees.csv',
    access: 'staff',
    summary: 'Every RSVP as CSV (UTF-8 with BOM, formula-safe), one row per family',
    status: 200,
  },
  checkInRsvp: {
    method: 'POST',
    path: '/api/v1/events/:eventId/rsvps/:rsvpId/check-in',
    access: 'staff',
    summary: 'Mark a family as arrived at the door',
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
