/** The route table with its TypeBox schemas, for the server to register and validate against. */
import { Type, type TSchema } from '@sinclair/typebox';
import { routes as routeTable, type RouteName, type RouteSpec } from '../routes.js';
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
import {
  Attendee,
  Event,
  EventAttendees,
  EventInput,
  EventList,
  EventPatch,
  PublicEvent,
  RsvpInput,
  RsvpPatch,
  RsvpReceipt,
  RsvpView,
} from './event.js';

export interface RouteSchemas {
  params?: TSchema;
  body?: TSchema;
  /** Schema of a successful answer's body, when it is JSON. */
  response?: TSchema;
}

export type RouteWithSchemas = RouteSpec & RouteSchemas;

const SurveyParams = Type.Object({ surveyId: Type.String({ maxLength: 64 }) });
const EventParams = Type.Object({ eventId: Type.String({ maxLength: 64 }) });
const RsvpParams = Type.Object({ rsvpId: Type.String({ maxLength: 64 }) });
const EventRsvpParams = Type.Object({ eventId: Type.String({ maxLength: 64 }), rsvpId: Type.String({ maxLength: 64 }) });
const SchoolParams = Type.Object({ schoolId: Type.String({ maxLength: 64 }) });

const schemas: Record<RouteName, RouteSchemas> = {
  health: { response: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
  getPublicSurvey: { params: SurveyParams, response: PublicSurvey },
  submitSurveyResponse: { params: SurveyParams, body: ResponseSubmission, response: ResponseReceipt },
  listSurveys: { response: SurveyList },
  createSurvey: { body: SurveyInput, response: Survey },
  getSurvey: { params: SurveyParams, response: Survey },
  updateSurvey: { params: SurveyParams, body: SurveyPatch, response: Survey },
  publishSurvey: { params: SurveyParams, response: Survey },
  closeSurvey: { params: SurveyParams, response: Survey },
  getSurveyResults: { params: SurveyParams, response: SurveyResults },
  getSurveyResultsCsv: { params: SurveyParams },
  getPublicEvent: { params: EventParams, response: PublicEvent },
  createRsvp: { params: EventParams, body: RsvpInput, response: RsvpReceipt },
  getRsvp: { params: RsvpParams, response: RsvpView },
  updateRsvp: { params: RsvpParams, body: RsvpPatch, response: RsvpReceipt },
  cancelRsvp: { params: RsvpParams, response: RsvpReceipt },
  getEventIcs: { params: EventParams },
  getSchoolCalendar: { params: SchoolParams },
  listEvents: { response: EventList },
  createEvent: { body: EventInput, response: Event },
  getEvent: { params: EventParams, response: Event },
  updateEvent: { params: EventParams, body: EventPatch, response: Event },
  publishEvent: { params: EventParams, response: Event },
  cancelEvent: { params: EventParams, response: Event },
  getEventAttendees: { params: EventParams, response: EventAttendees },
  getEventAttendeesCsv: { params: EventParams },
  checkInRsvp: { params: EventRsvpParams, response: Attendee },
};

/** Every route of `routes` with its schemas attached. */
export const routes = Object.fromEntries(
  Object.entries(routeTable).map(([name, spec]) => [name, { ...spec, ...schemas[name as RouteName] }]),
) as { [K in RouteName]: (typeof routeTable)[K] & RouteSchemas };
