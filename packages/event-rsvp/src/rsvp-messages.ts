/** RSVP field errors in the family's language: clearer sentences where core's general ones would be vague. */
import { msg, str } from '@lit/localize';
import { fieldErrorMessage } from '@tandem/core';
import { PARTY_MAX, type FieldError } from '@tandem/protocol';
import type { FieldName } from './rsvp-model.js';

const param = (error: FieldError, name: string) => {
  const value = Number(error.params?.[name]);
  return Number.isFinite(value) ? value : undefined;
};

export function rsvpFieldMessage(field: FieldName, error: FieldError): string {
  switch (field) {
    case 'response':
      return msg('Please say whether you are coming.', { id: 'rsvp.error.response' });
    case 'session':
      return msg('Please choose a time.', { id: 'rsvp.error.session' });
    case 'contact':
      return msg('Please give an email address or a phone number so the school can reach you.', { id: 'rsvp.error.contact' });
    case 'email':
      return msg('Please check the email address, for example name@example.org.', { id: 'rsvp.error.email' });
    case 'phone':
      return msg('Please check the phone number: it needs 7 to 15 digits.', { id: 'rsvp.error.phone' });
    case 'childcare-ages':
      return error.code === 'too-many'
        ? msg('Please give at most one age per child.', { id: 'rsvp.error.ages-count' })
        : msg('Please write ages from 0 to 17 as numbers, for example 4, 7.', { id: 'rsvp.error.ages' });
    case 'adults':
    case 'children': {
      const max = param(error, 'max');
      if (error.code === 'too-many') {
        return msg(str`At most ${PARTY_MAX} people can come in one RSVP, adults and children together.`, {
          id: 'rsvp.error.party-too-large',
        });
      }
      // A limit below the party maximum comes from the session: its capacity, or what is still free.
      if (field === 'adults' && max !== undefined && (max < PARTY_MAX || error.params?.['partySize'] !== undefined)) {
        return msg(str`At most ${max} people fit in this session.`, { id: 'rsvp.error.party-fits' });
      }
      if (field === 'adults') return msg(str`Please count 1 to ${PARTY_MAX} adults.`, { id: 'rsvp.error.adults' });
      return msg(str`Please count 0 to ${PARTY_MAX} children.`, { id: 'rsvp.error.children' });
    }
    default:
      return fieldErrorMessage(error);
  }
}
