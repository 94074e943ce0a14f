/** What the LMS screen asks of the server: the LTI registration routes of the catalog and the shapes they answer. */
import { routes } from '@tandem/protocol';

export type { LtiRegistration, LtiRegistrationInput, LtiRegistrationList, LtiRegistrationStatus, LtiToolUrls } from '@tandem/protocol';

export const lmsRoutes = {
  listLtiRegistrations: routes.listLtiRegistrations,
  createLtiRegistration: routes.createLtiRegistration,
  approveLtiRegistration: routes.approveLtiRegistration,
  disableLtiRegistration: routes.disableLtiRegistration,
} as const;
