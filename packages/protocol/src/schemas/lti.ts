/** TypeBox schemas for LTI 1.3 registrations (the LMS plugin) and roster imports. */
import { Type } from '@sinclair/typebox';
import { Id } from './survey.js';

const Instant = Type.String({ format: 'date-time' });
const HttpUrl = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 });

export const LtiRegistrationStatus = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('disabled')]);

/** What an organization admin types in from the LMS's developer key or tool page (manual registration). */
export const LtiRegistrationInput = Type.Object(
  {
    /** The platform's issuer (`iss` of its launches), e.g. https://canvas.instructure.com. */
    issuer: Type.String({ minLength: 1, maxLength: 500, pattern: '^https?://[^\\s]+$' }),
    clientId: Type.String({ minLength: 1, maxLength: 255 }),
    deploymentIds: Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { minItems: 1, maxItems: 50 }),
    authorizationEndpoint: HttpUrl,
    tokenEndpoint: HttpUrl,
    jwksUri: HttpUrl,
    schoolId: Id,
    platformName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const LtiRegistration = Type.Object({
  id: Type.String(),
  issuer: Type.String(),
  clientId: Type.String(),
  deploymentIds: Type.Array(Type.String()),
  status: LtiRegistrationStatus,
  platformName: Type.Optional(Type.String()),
  schoolId: Type.Optional(Type.String()),
  authorizationEndpoint: Type.String(),
  tokenEndpoint: Type.String(),
  jwksUri: Type.String(),
  createdAt: Instant,
  approvedAt: Type.Optional(Instant),
});

/** The URLs an LMS administrator pastes into the LMS to install Tandem. */
export const LtiToolUrls = Type.Object({
  /** Dynamic registration URL for this organization. */
  registrationUrl: Type.String(),
  loginUrl: Type.String(),
  redirectUrl: Type.String(),
  jwksUrl: Type.String(),
  targetLinkUrl: Type.String(),
  deepLinkUrl: Type.String(),
  /** Canvas-style JSON developer key configuration. */
  configUrl: Type.String(),
});

export const LtiRegistrationList = Type.Object({ tool: LtiToolUrls, registrations: Type.Array(LtiRegistration) });

export const LtiApproval = Type.Object({ schoolId: Id }, { additionalProperties: false });

export const LtiRegistrationParams = Type.Object({ registrationId: Type.String({ maxLength: 64 }) });
export const LtiContextParams = Type.Object({ contextId: Type.String({ minLength: 1, maxLength: 255 }) });

export const LtiRosterImportInput = Type.Object(
  {
    /** Needed only when two registrations of the organization know a course with this id. */
    registrationId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const LtiRosterImportResult = Type.Object({
  contextId: Type.String(),
  registrationId: Type.String(),
  pages: Type.Integer(),
  members: Type.Integer(),
  learners: Type.Integer(),
  staff: Type.Integer(),
  mentors: Type.Integer(),
  /** Members without an active status, skipped. */
  inactive: Type.Integer(),
});
