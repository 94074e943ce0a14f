/** LTI 1.3 (LMS plugin): registrations of the organization's LMSs and NRPS roster imports. */
import type { Static } from '@sinclair/typebox';
import type * as Schemas from './schemas/lti.js';

export const LTI_REGISTRATION_STATUSES = ['pending', 'approved', 'disabled'] as const;

export type LtiRegistrationStatus = (typeof LTI_REGISTRATION_STATUSES)[number];
export type LtiRegistrationInput = Static<typeof Schemas.LtiRegistrationInput>;
export type LtiRegistration = Static<typeof Schemas.LtiRegistration>;
export type LtiToolUrls = Static<typeof Schemas.LtiToolUrls>;
export type LtiRegistrationList = Static<typeof Schemas.LtiRegistrationList>;
export type LtiApproval = Static<typeof Schemas.LtiApproval>;
export type LtiRosterImportInput = Static<typeof Schemas.LtiRosterImportInput>;
export type LtiRosterImportResult = Static<typeof Schemas.LtiRosterImportResult>;
