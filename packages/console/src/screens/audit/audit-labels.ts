/** Words for the audit log: what each recorded action means, what kind of item it touched, and who did it. */
import { msg, str } from '@lit/localize';
import type { AuditEntry } from '@tandem/protocol';

/**
 * The actions the server records, in the order the filter lists them. An action this console does not know yet
 * (a newer server) still shows, under its own name.
 */
export const KNOWN_ACTIONS = [
  'session.signed-in',
  'session.sign-in-failed',
  'session.signed-out',
  'session.signed-out-everywhere',
  'password.changed',
  'password.reset-requested',
  'password.reset',
  'survey.published',
  'survey.closed',
  'survey.unpublished',
  'survey.results-exported',
  'event.published',
  'event.cancelled',
  'event.unpublished',
  'event.attendees-exported',
  'event.check-in-undone',
  'resource.published',
  'resource.unpublished',
  'lesson.published',
  'lesson.unpublished',
  'conversation.exported',
  'organization.embed-origins-changed',
  'lti.registration.register',
  'lti.registration.create',
  'lti.registration.approve',
  'lti.registration.disable',
  'lti.roster.import',
] as const;

export function actionLabel(action: string): string {
  switch (action) {
    case 'session.signed-in':
      return msg('Signed in', { id: 'console.audit.action.signedIn' });
    case 'session.sign-in-failed':
      return msg('Failed to sign in', { id: 'console.audit.action.signInFailed' });
    case 'session.signed-out':
      return msg('Signed out', { id: 'console.audit.action.signedOut' });
    case 'session.signed-out-everywhere':
      return msg('Signed out on every device', { id: 'console.audit.action.signedOutEverywhere' });
    case 'password.changed':
      return msg('Changed their password', { id: 'console.audit.action.passwordChanged' });
    case 'password.reset-requested':
      return msg('Asked for a password reset link', { id: 'console.audit.action.resetRequested' });
    case 'password.reset':
      return msg('Reset their password', { id: 'console.audit.action.passwordReset' });
    case 'survey.results-exported':
      return msg('Downloaded survey results', { id: 'console.audit.action.surveyResultsExported' });
    case 'survey.published':
      return msg('Published a survey', { id: 'console.audit.action.surveyPublished' });
    case 'survey.closed':
      return msg('Closed a survey', { id: 'console.audit.action.surveyClosed' });
    case 'survey.unpublished':
      return msg('Unpublished a survey', { id: 'console.audit.action.surveyUnpublished' });
    case 'event.published':
      return msg('Published an event', { id: 'console.audit.action.eventPublished' });
    case 'event.cancelled':
      return msg('Cancelled an event', { id: 'console.audit.action.eventCancelled' });
    case 'event.unpublished':
      return msg('Unpublished an event', { id: 'console.audit.action.eventUnpublished' });
    case 'resource.published':
      return msg('Published a resource', { id: 'console.audit.action.resourcePublished' });
    case 'resource.unpublished':
      return msg('Unpublished a resource', { id: 'console.audit.action.resourceUnpublished' });
    case 'lesson.published':
      return msg('Published a lesson', { id: 'console.audit.action.lessonPublished' });
    case 'lesson.unpublished':
      return msg('Unpublished a lesson', { id: 'console.audit.action.lessonUnpublished' });
    case 'lti.registration.register':
      return msg('An LMS asked to connect', { id: 'console.audit.action.ltiRegister' });
    case 'lti.registration.create':
      return msg('Connected an LMS by hand', { id: 'console.audit.action.ltiCreate' });
    case 'lti.registration.approve':
      return msg('Approved an LMS connection', { id: 'console.audit.action.ltiApprove' });
    case 'lti.registration.disable':
      return msg('Turned off an LMS connection', { id: 'console.audit.action.ltiDisable' });
    case 'lti.roster.import':
      return msg('Imported a class roster from the LMS', { id: 'console.audit.action.ltiRosterImport' });
    case 'event.attendees-exported':
      return msg('Downloaded the attendee list', { id: 'console.audit.action.attendeesExported' });
    case 'event.check-in-undone':
      return msg('Undid a check-in', { id: 'console.audit.action.checkInUndone' });
    case 'conversation.exported':
      return msg('Downloaded a conversation', { id: 'console.audit.action.conversationExported' });
    case 'organization.embed-origins-changed':
      return msg('Changed the sites allowed to embed content', { id: 'console.audit.action.embedOriginsChanged' });
    default:
      return action;
  }
}

export function targetKindLabel(kind: string): string {
  switch (kind) {
    case 'survey':
      return msg('Survey', { id: 'console.audit.kind.survey' });
    case 'event':
      return msg('Event', { id: 'console.audit.kind.event' });
    case 'rsvp':
      return msg('RSVP', { id: 'console.audit.kind.rsvp' });
    case 'conversation':
      return msg('Conversation', { id: 'console.audit.kind.conversation' });
    case 'session':
      return msg('Console session', { id: 'console.audit.kind.session' });
    case 'staff-user':
      return msg('Staff account', { id: 'console.audit.kind.staffUser' });
    case 'organization':
      return msg('Organization', { id: 'console.home.organization' });
    case 'resource':
      return msg('Resource', { id: 'console.audit.kind.resource' });
    case 'lesson':
      return msg('Lesson', { id: 'console.audit.kind.lesson' });
    case 'lti-registration':
      return msg('LMS connection', { id: 'console.audit.kind.ltiRegistration' });
    case 'lti-context':
      return msg('LMS course', { id: 'console.audit.kind.ltiContext' });
    default:
      return kind;
  }
}

/** Who did it: a staff member by name, an API token by its name, or Tandem itself. */
export function actorLabel(actor: AuditEntry['actor']): string {
  if (actor.kind === 'token')
    return actor.name
      ? msg(str`API token “${actor.name}”`, { id: 'console.audit.actor.token' })
      : msg('An API token', { id: 'console.audit.actor.tokenUnnamed' });
  if (actor.name) return actor.name;
  if (actor.kind === 'system') return msg('Tandem', { id: 'console.audit.actor.system' });
  return msg('A staff member no longer listed', { id: 'console.audit.actor.unknown' });
}

/** A line more for the entries whose details say what changed, like the new list of sites allowed to embed. */
export function actionDetail(entry: AuditEntry): string | undefined {
  if (entry.action === 'organization.embed-origins-changed') {
    const after = entry.details?.['after'];
    if (!Array.isArray(after)) return undefined;
    const sites = after.filter((site): site is string => typeof site === 'string');
    return sites.length
      ? msg(str`Now allowed: ${sites.join(', ')}`, { id: 'console.audit.detail.embedOrigins' })
      : msg('Now any site may embed.', { id: 'console.audit.detail.embedOriginsAny' });
  }
  return undefined;
}
