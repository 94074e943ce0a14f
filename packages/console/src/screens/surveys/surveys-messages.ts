/** Words of the survey screens that more than one view needs: field errors, statuses, question types. */
import { msg, str } from '@lit/localize';
import type { FieldError, QuestionType, SurveyStatus } from '@tandem/protocol';

export { ownName } from '../common/localized-text.js';

export function statusLabel(status: SurveyStatus): string {
  switch (status) {
    case 'draft':
      return msg('Draft', { id: 'console.surveys.status.draft' });
    case 'published':
      return msg('Published', { id: 'console.surveys.status.published' });
    case 'closed':
      return msg('Closed', { id: 'console.surveys.status.closed' });
  }
}

export function questionTypeLabel(type: QuestionType): string {
  switch (type) {
    case 'single-choice':
      return msg('One choice', { id: 'console.surveys.type.singleChoice' });
    case 'multiple-choice':
      return msg('Several choices', { id: 'console.surveys.type.multipleChoice' });
    case 'rating':
      return msg('Rating', { id: 'console.surveys.type.rating' });
    case 'yes-no':
      return msg('Yes or no', { id: 'console.surveys.type.yesNo' });
    case 'short-text':
      return msg('Short text', { id: 'console.surveys.type.shortText' });
    case 'long-text':
      return msg('Long text', { id: 'console.surveys.type.longText' });
  }
}

/** A field error in the staff member's language; `language` names the default language the text is missing in. */
export function fieldErrorMessage(error: FieldError, language: string): string {
  if (error.pointer === '/schoolId') return msg('Choose a school.', { id: 'console.surveys.error.school' });
  switch (error.code) {
    case 'required':
      return msg(str`Write this in ${language}.`, { id: 'console.surveys.error.required' });
    case 'too-few':
      return msg('Give at least 2 options.', { id: 'console.surveys.error.tooFewOptions' });
    case 'too-many':
      return msg('There are too many here; remove some.', { id: 'console.surveys.error.tooMany' });
    case 'too-long':
      return msg('This text is too long.', { id: 'console.surveys.error.tooLong' });
    case 'invalid-format':
      return msg('This id is used twice. Remove the copy and add it again.', { id: 'console.surveys.error.duplicateId' });
    case 'wrong-type':
      return msg('This question has answers, so its type cannot change.', { id: 'console.surveys.error.answeredType' });
    default:
      return msg('Check this field.', { id: 'console.surveys.error.other' });
  }
}
