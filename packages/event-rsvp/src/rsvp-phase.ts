/** The states a family can meet in <tandem-event-rsvp>, and how a load failure maps onto them. */
import { msg } from '@lit/localize';
import { BackendError, backendErrorMessage } from '@tandem/core';

/** Where the widget is in a family's visit: `ready` shows the form, `rsvp` the family's own RSVP. */
export type RsvpPhase =
  'loading' | 'no-backend' | 'not-found' | 'load-error' | 'cancelled' | 'ended' | 'ready' | 'submitting' | 'queued' | 'rsvp';

/** What went wrong, in the family's language. */
export function describeError(error: Error | undefined): string {
  return error instanceof BackendError ? backendErrorMessage(error) : msg('Something went wrong.', { id: 'rsvp.unknown-error' });
}

export function loadFailurePhase(error: Error): RsvpPhase {
  return error instanceof BackendError && error.kind === 'not-found' ? 'not-found' : 'load-error';
}
