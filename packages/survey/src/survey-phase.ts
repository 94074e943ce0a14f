/** The states a family can meet in <tandem-survey>, and how a failure maps onto them. */
import { msg } from '@lit/localize';
import { BackendError, backendErrorMessage } from '@tandem/core';

/** Where the survey is in a family's visit. */
export type SurveyPhase =
  'loading' | 'no-backend' | 'not-found' | 'load-error' | 'closed' | 'ready' | 'submitting' | 'queued' | 'thanks' | 'answered';

/** The phases shown as a message panel rather than as the form. */
export type PanelPhase = Exclude<SurveyPhase, 'loading' | 'ready' | 'submitting'>;

/** What went wrong, in the family's language. */
export function describeError(error: Error | undefined): string {
  return error instanceof BackendError ? backendErrorMessage(error) : msg('Something went wrong.', { id: 'survey.unknown-error' });
}

export function loadFailurePhase(error: Error): SurveyPhase {
  if (error instanceof BackendError && error.kind === 'not-found') return 'not-found';
  if (error instanceof BackendError && error.kind === 'closed') return 'closed';
  return 'load-error';
}
