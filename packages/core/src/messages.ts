/** Turns machine-readable errors (field codes, backend kinds) into sentences in the family's language. */
import { msg, str } from '@lit/localize';
import type { FieldError } from '@tandem/protocol';
import type { BackendError } from './backend.js';

function numberParam(error: FieldError, name: string): number | undefined {
  const value = error.params?.[name];
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A short, friendly sentence for one refused field, using its params where they help. */
export function fieldErrorMessage(error: FieldError): string {
  const max = numberParam(error, 'max');
  const min = numberParam(error, 'min');
  const length = numberParam(error, 'length');
  switch (error.code) {
    case 'required':
      return msg('Please answer this question.', { id: 'core.field.required' });
    case 'invalid-option':
      return msg('Please choose one of the options shown.', { id: 'core.field.invalid-option' });
    case 'too-few':
      return min !== undefined
        ? msg(str`Please choose at least ${min}.`, { id: 'core.field.too-few' })
        : msg('Please choose more options.', { id: 'core.field.too-few-plain' });
    case 'too-many':
      return max !== undefined
        ? msg(str`Please choose at most ${max}.`, { id: 'core.field.too-many' })
        : msg('Please choose fewer options.', { id: 'core.field.too-many-plain' });
    case 'too-long':
      if (max !== undefined && length !== undefined) {
        return msg(str`Please use at most ${max} characters (you have ${length}).`, { id: 'core.field.too-long' });
      }
      return max !== undefined
        ? msg(str`Please use at most ${max} characters.`, { id: 'core.field.too-long-max' })
        : msg('Please shorten this answer.', { id: 'core.field.too-long-plain' });
    case 'out-of-range':
      return min !== undefined && max !== undefined
        ? msg(str`Please choose a number from ${min} to ${max}.`, { id: 'core.field.out-of-range' })
        : msg('Please choose one of the numbers shown.', { id: 'core.field.out-of-range-plain' });
    case 'wrong-type':
    case 'invalid-format':
      return msg('This answer does not look right. Please check it.', { id: 'core.field.invalid' });
    case 'unknown-field':
      return msg('This question is no longer part of the form. Please reload the page.', { id: 'core.field.unknown' });
    default:
      return msg('Please check this answer.', { id: 'core.field.other' });
  }
}

/** What happened, and what the family can do, for each kind of backend failure. */
export function backendErrorMessage(error: BackendError | Error): string {
  const kind = 'kind' in error ? (error as BackendError).kind : undefined;
  switch (kind) {
    case 'offline':
      return msg('You seem to be offline. Please check your internet connection.', { id: 'core.error.offline' });
    case 'timeout':
      return msg('The school server is taking too long to answer. Please try again in a moment.', { id: 'core.error.timeout' });
    case 'not-found':
      return msg('We could not find this. The link may be out of date.', { id: 'core.error.not-found' });
    case 'invalid':
      return msg('Some answers need attention. Please check the marked questions.', { id: 'core.error.invalid' });
    case 'closed':
      return msg('This form is closed and no longer takes answers. Thank you for your interest.', { id: 'core.error.closed' });
    case 'unauthorized':
      return msg('You do not have access to this. Please contact the school.', { id: 'core.error.unauthorized' });
    case 'too-large':
      return msg('Your answers are too long to send. Please shorten them and try again.', { id: 'core.error.too-large' });
    case 'rate-limited':
      return msg('Too many tries in a short time. Please wait a minute and try again.', { id: 'core.error.rate-limited' });
    case 'conflict':
      return msg('This was changed by someone else. Please reload the page and try again.', { id: 'core.error.conflict' });
    case 'server':
      return msg('Something went wrong at the school server. Please try again later.', { id: 'core.error.server' });
    default:
      return msg('Something went wrong. Please try again.', { id: 'core.error.unknown' });
  }
}

/** Shown by a widget that has no server configured. */
export function notConnectedMessage(): string {
  return msg('This form is not connected to a school server yet, so it cannot be shown.', { id: 'core.not-connected' });
}

/** Shown when a write is kept in the outbox until the connection returns. */
export function savedOfflineMessage(): string {
  return msg('Saved on this device. It will be sent automatically when you are back online.', { id: 'core.saved-offline' });
}
