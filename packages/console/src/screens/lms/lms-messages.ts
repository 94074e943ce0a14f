/** Words of the LMS screen that several of its views share: statuses, refusals, counts. */
import { msg, str } from '@lit/localize';
import { ConsoleError } from '../../console-client.js';
import { problemMessage } from '../../console-messages.js';
import type { LtiRegistration, LtiRegistrationStatus } from './lms-api.js';

export function statusName(status: LtiRegistrationStatus): string {
  switch (status) {
    case 'pending':
      return msg('Waiting for approval', { id: 'console.lms.status.pending' });
    case 'approved':
      return msg('Connected', { id: 'console.lms.status.approved' });
    case 'disabled':
      return msg('Disabled', { id: 'console.lms.status.disabled' });
  }
}

/** The name an admin knows the LMS by: the one given, else the issuer's host (canvas.instructure.com). */
export function platformLabel(registration: LtiRegistration): string {
  if (registration.platformName?.trim()) return registration.platformName.trim();
  try {
    return new URL(registration.issuer).host;
  } catch {
    return registration.issuer;
  }
}

export function pendingCount(count: number): string {
  return count === 1
    ? msg('1 LMS is waiting for approval.', { id: 'console.lms.pendingOne' })
    : msg(str`${count} LMSs are waiting for approval.`, { id: 'console.lms.pendingMany' });
}

/** Why a request failed, in words for this screen. */
export function refusal(error: unknown): string {
  if (error instanceof ConsoleError && error.kind === 'forbidden')
    return msg('Only an organization admin can manage LMS connections.', { id: 'console.lms.forbidden' });
  if (error instanceof ConsoleError && error.kind === 'invalid')
    return msg('Some of this could not be saved. Check the marked fields.', { id: 'console.error.checkFields' });
  if (error instanceof ConsoleError && error.status === 404)
    return msg('This connection no longer exists. Reload the page to see the current list.', { id: 'console.lms.gone' });
  if (error instanceof ConsoleError && error.status === 503)
    return msg(
      'LMS connections are not set up on this server yet: it needs its public address (TANDEM_PUBLIC_URL). Ask whoever runs Tandem.',
      {
        id: 'console.lms.notConfigured',
      },
    );
  if (error instanceof ConsoleError && error.status === 409)
    return msg('Someone changed this connection in the meantime. Reload the page and try again.', { id: 'console.lms.conflict' });
  return problemMessage(error);
}

/**
 * Why an approval was refused: a school the server does not know goes next to the school list; anything else
 * on the row. (A connection without a deployment ID is approved: its first launch names the deployment.)
 */
export function approvalRefusal(error: unknown): { school?: string; row?: string } {
  if (error instanceof ConsoleError && error.kind === 'invalid' && error.fields.includes('/schoolId'))
    return { school: msg('Choose one of your schools.', { id: 'console.lms.error.schoolRefused' }) };
  return { row: refusal(error) };
}
