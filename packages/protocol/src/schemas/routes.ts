/** The route table with its TypeBox schemas, for the server to register and validate against. */
import { Type, type TSchema } from '@sinclair/typebox';
import { routes as routeTable, type RouteName, type RouteSpec } from '../routes.js';
import { EmbedOrigins } from './embed-origins.js';
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
import {
  HsdsDocument,
  HsdsImportResult,
  PublicResource,
  PublicResourceList,
  Resource,
  ResourceFeedbackInput,
  ResourceFeedbackOverview,
  ResourceFeedbackReceipt,
  ResourceFeedbackSummary,
  ResourceInput,
  ResourceList,
  ResourcePatch,
  ResourceQuery,
} from './resource.js';
import {
  Lesson,
  LessonCompletionInput,
  LessonCompletionReceipt,
  LessonCompletions,
  LessonInput,
  LessonList,
  LessonPatch,
  PublicLesson,
} from './lesson.js';

import {
  Accepted,
  EmailLinkRequest,
  EmailLinkSessionRequest,
  Family,
  FamilyInput,
  FamilySession,
  IdentityKey,
  IdentityKeyInput,
  IdentityKeyList,
  IdentitySessionRequest,
  Invite,
  InviteInput,
  InviteSessionRequest,
  RefreshSessionRequest,
  StreamTicket,
} from './identity.js';
import {
  Conversation,
  ConversationInput,
  ConversationList,
  ConversationListQuery,
  FamilyHome,
  MessageInput,
  MessagePage,
  MessagePageQuery,
  MessageReceipt,
  ReadInput,
  ReadReceipt,
  SchoolMessaging,
  SchoolMessagingInput,
  StaffMessaging,
  StaffMessagingInput,
  StreamQuery,
} from './message.js';
import {
  AuditPage,
  AuditQuery,
  ConsoleSession,
  PasswordChange,
  PasswordResetCompletion,
  PasswordResetRequest,
  SignInRequest,
} from './session.js';
import { ContentTranslationRequest, ContentTranslationResult } from './content-translation.js';
import {
  LtiApproval,
  LtiContextParams,
  LtiRegistration,
  LtiRegistrationInput,
  LtiRegistrationList,
  LtiRegistrationParams,
  LtiRosterImportInput,
  LtiRosterImportResult,
} from './lti.js';

export interface RouteSchemas {
  params?: TSchema;
  body?: TSchema;
  /** Query parameters the route reads. */
  querystring?: TSchema;
  /** Schema of a successful answer's body, when it is JSON. */
  response?: TSchema;
}

export type RouteWithSchemas = RouteSpec & RouteSchemas;

const SurveyParams = Type.Object({ surveyId: Type.String({ maxLength: 64 }) });
const EventParams = Type.Object({ eventId: Type.String({ maxLength: 64 }) });
const RsvpParams = Type.Object({ rsvpId: Type.String({ maxLength: 64 }) });
const EventRsvpParams = Type.Object({ eventId: Type.String({ maxLength: 64 }), rsvpId: Type.String({ maxLength: 64 }) });
const SchoolParams = Type.Object({ schoolId: Type.String({ maxLength: 64 }) });
const ResourceParams = Type.Object({ resourceId: Type.String({ maxLength: 64 }) });
const LessonParams = Type.Object({ lessonId: Type.String({ maxLength: 64 }) });
const ConversationParams = Type.Object({ conversationId: Type.String({ maxLength: 64 }) });
const IdentityKeyParams = Type.Object({ keyId: Type.String({ maxLength: 64 }) });
const FamilyParams = Type.Object({ familyId: Type.String({ maxLength: 64 }) });
const SchoolStaffParams = Type.Object({ schoolId: Type.String({ maxLength: 64 }), staffUserId: Type.String({ maxLength: 64 }) });
const ImportQuery = Type.Object(
  {
    /** `true` publishes newly created resources at once; updated ones keep their status. */
    publish: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
    /** Language of plain HSDS text when the document has no `x_tandem.defaultLocale` (default `en`). */
    defaultLocale: Type.Optional(Type.String({ maxLength: 35 })),
    /** Zone of the hours when the document has no `x_tandem.timeZone` (default `America/Chicago`). */
    timeZone: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
const ExportQuery = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('published'), Type.Literal('draft')])) },
  { additionalProperties: false },
);

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
  unpublishSurvey: { params: SurveyParams, response: Survey },
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
  undoCheckInRsvp: { params: EventRsvpParams, response: Attendee },
  listPublicResources: { querystring: ResourceQuery, response: PublicResourceList },
  getPublicResource: { params: ResourceParams, response: PublicResource },
  submitResourceFeedback: { params: ResourceParams, body: ResourceFeedbackInput, response: ResourceFeedbackReceipt },
  getPublicLesson: { params: LessonParams, response: PublicLesson },
  completeLesson: { params: LessonParams, body: LessonCompletionInput, response: LessonCompletionReceipt },
  listResources: { response: ResourceList },
  createResource: { body: ResourceInput, response: Resource },
  getResource: { params: ResourceParams, response: Resource },
  updateResource: { params: ResourceParams, body: ResourcePatch, response: Resource },
  publishResource: { params: ResourceParams, response: Resource },
  unpublishResource: { params: ResourceParams, response: Resource },
  getResourceFeedback: { params: ResourceParams, response: ResourceFeedbackSummary },
  getResourceFeedbackOverview: { response: ResourceFeedbackOverview },
  importResources: { querystring: ImportQuery, body: HsdsDocument, response: HsdsImportResult },
  exportResources: { querystring: ExportQuery },
  listLessons: { response: LessonList },
  createLesson: { body: LessonInput, response: Lesson },
  getLesson: { params: LessonParams, response: Lesson },
  updateLesson: { params: LessonParams, body: LessonPatch, response: Lesson },
  publishLesson: { params: LessonParams, response: Lesson },
  unpublishLesson: { params: LessonParams, response: Lesson },
  getLessonCompletions: { params: LessonParams, response: LessonCompletions },
  createIdentitySession: { body: IdentitySessionRequest, response: FamilySession },
  requestEmailLink: { body: EmailLinkRequest, response: Accepted },
  createEmailLinkSession: { body: EmailLinkSessionRequest, response: FamilySession },
  createInviteSession: { body: InviteSessionRequest, response: FamilySession },
  refreshFamilySession: { body: RefreshSessionRequest, response: FamilySession },
  signOutFamily: {},
  getFamilyHome: { response: FamilyHome },
  listFamilyConversations: { querystring: ConversationListQuery, response: ConversationList },
  openFamilyConversation: { body: ConversationInput, response: Conversation },
  listFamilyMessages: { params: ConversationParams, querystring: MessagePageQuery, response: MessagePage },
  sendFamilyMessage: { params: ConversationParams, body: MessageInput, response: MessageReceipt },
  markFamilyRead: { params: ConversationParams, body: ReadInput, response: ReadReceipt },
  createFamilyStreamTicket: { response: StreamTicket },
  familyStream: { querystring: StreamQuery },
  listIdentityKeys: { response: IdentityKeyList },
  createIdentityKey: { body: IdentityKeyInput, response: IdentityKey },
  revokeIdentityKey: { params: IdentityKeyParams, response: IdentityKey },
  createFamily: { body: FamilyInput, response: Family },
  getFamily: { params: FamilyParams, response: Family },
  createInvite: { body: InviteInput, response: Invite },
  getInbox: { querystring: ConversationListQuery, response: ConversationList },
  listStaffMessages: { params: ConversationParams, querystring: MessagePageQuery, response: MessagePage },
  sendStaffMessage: { params: ConversationParams, body: MessageInput, response: MessageReceipt },
  markStaffRead: { params: ConversationParams, body: ReadInput, response: ReadReceipt },
  setSchoolMessaging: { params: SchoolParams, body: SchoolMessagingInput, response: SchoolMessaging },
  getSchoolMessaging: { params: SchoolParams, response: SchoolMessaging },
  getStaffMessaging: { params: SchoolStaffParams, response: StaffMessaging },
  setStaffMessaging: { params: SchoolStaffParams, body: StaffMessagingInput, response: StaffMessaging },
  exportConversation: { params: ConversationParams },
  createInboxStreamTicket: { response: StreamTicket },
  inboxStream: { querystring: StreamQuery },
  // Staff console sessions and the audit log.
  signIn: { body: SignInRequest, response: ConsoleSession },
  getSession: { response: ConsoleSession },
  signOut: {},
  signOutEverywhere: {},
  changePassword: { body: PasswordChange },
  requestPasswordReset: { body: PasswordResetRequest, response: Accepted },
  completePasswordReset: { body: PasswordResetCompletion },
  listAudit: { querystring: AuditQuery, response: AuditPage },
  getEmbedOrigins: { response: EmbedOrigins },
  setEmbedOrigins: { body: EmbedOrigins, response: EmbedOrigins },
  translateContent: { body: ContentTranslationRequest, response: ContentTranslationResult },
  // LTI 1.3: the organization's LMS registrations and roster imports.
  listLtiRegistrations: { response: LtiRegistrationList },
  createLtiRegistration: { body: LtiRegistrationInput, response: LtiRegistration },
  approveLtiRegistration: { params: LtiRegistrationParams, body: LtiApproval, response: LtiRegistration },
  disableLtiRegistration: { params: LtiRegistrationParams, response: LtiRegistration },
  importLtiRoster: { params: LtiContextParams, body: LtiRosterImportInput, response: LtiRosterImportResult },
};

/** Every route of `routes` with its schemas attached. */
export const routes = Object.fromEntries(
  Object.entries(routeTable).map(([name, spec]) => [name, { ...spec, ...schemas[name as RouteName] }]),
) as { [K in RouteName]: (typeof routeTable)[K] & RouteSchemas };
