/** Words of the Resources screen that more than one view uses: categories, phone kinds, weekdays and field errors. */
import { msg, str } from '@lit/localize';
import type { FieldError, PhoneType, ResourceCategory } from '@tandem/protocol';
import { checkFieldMessage } from '../common/content-words.js';

export function categoryName(category: ResourceCategory): string {
  switch (category) {
    case 'food':
      return msg('Food', { id: 'console.resources.category.food' });
    case 'health':
      return msg('Health', { id: 'console.resources.category.health' });
    case 'mental-health':
      return msg('Mental health', { id: 'console.resources.category.mentalHealth' });
    case 'tutoring':
      return msg('Tutoring', { id: 'console.resources.category.tutoring' });
    case 'housing':
      return msg('Housing', { id: 'console.resources.category.housing' });
    case 'after-school':
      return msg('After school', { id: 'console.resources.category.afterSchool' });
    case 'clothing':
      return msg('Clothing', { id: 'console.resources.category.clothing' });
    case 'legal':
      return msg('Legal help', { id: 'console.resources.category.legal' });
    case 'employment':
      return msg('Jobs', { id: 'console.resources.category.employment' });
    case 'transportation':
      return msg('Transportation', { id: 'console.resources.category.transportation' });
    case 'childcare':
      return msg('Child care', { id: 'console.resources.category.childcare' });
    default:
      return msg('Other', { id: 'console.resources.category.other' });
  }
}

export function phoneTypeName(type: PhoneType): string {
  switch (type) {
    case 'text':
      return msg('Text message', { id: 'console.resources.phone.text' });
    case 'cell':
      return msg('Mobile', { id: 'console.resources.phone.cell' });
    case 'fax':
      return msg('Fax', { id: 'console.resources.phone.fax' });
    case 'textphone':
      return msg('TTY', { id: 'console.resources.phone.textphone' });
    case 'video':
      return msg('Video call', { id: 'console.resources.phone.video' });
    case 'pager':
      return msg('Pager', { id: 'console.resources.phone.pager' });
    default:
      return msg('Phone', { id: 'console.resources.phone.voice' });
  }
}

/** "Monday" in the console's language (ISO weekday 1–7); 2024-01-01 was a Monday. */
export function weekdayName(weekday: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

/**
 * A field's problem in the staff member's language, by where it is; `language` names the default language.
 * Works for the server's errors too, which come back as pointers only.
 */
export function errorText(error: Pick<FieldError, 'pointer' | 'code'>, language: string): string {
  const { pointer, code } = error;
  if (/^\/(name|description|eligibility|fees|schedule\/notes)$/.test(pointer) && code !== 'too-long')
    return msg(str`Write this in ${language}.`, { id: 'console.resources.error.required' });
  if (code === 'too-long') return msg('This text is too long.', { id: 'console.resources.error.tooLong' });
  if (pointer === '/organizationName') return msg('Say who runs this resource.', { id: 'console.resources.error.organization' });
  if (pointer === '/phones')
    return msg('Give families at least one way to reach it: phone, email, website or address.', { id: 'console.resources.error.contact' });
  if (/^\/phones\/\d+/.test(pointer))
    return msg('Enter a phone number with 7 to 15 digits, like 651-555-0110.', { id: 'console.resources.error.phone' });
  if (pointer === '/email') return msg('Enter an email address like name@example.org.', { id: 'console.resources.error.email' });
  if (pointer === '/url' || pointer === '/location/mapUrl')
    return msg('Enter a link that starts with https://', { id: 'console.resources.error.url' });
  if (pointer.startsWith('/location'))
    return msg('Enter the street address, or leave the whole address empty.', { id: 'console.resources.error.address' });
  if (pointer.startsWith('/languages'))
    return msg('Use language codes such as fr or pt-BR, separated by commas.', { id: 'console.resources.error.languages' });
  if (pointer === '/timeZone')
    return msg('This is not a time zone we know. Use a name like America/Chicago.', { id: 'console.resources.error.timeZone' });
  if (/\/closesAt$/.test(pointer) && code === 'out-of-range')
    return msg('Closing time must differ from opening time.', { id: 'console.resources.error.sameTimes' });
  if (/\/opensAt$/.test(pointer) && code === 'out-of-range')
    return msg('Use 00:00 for an opening at midnight.', { id: 'console.resources.error.midnight' });
  if (pointer.startsWith('/schedule')) return msg('Enter a time like 09:00.', { id: 'console.resources.error.time' });
  if (pointer === '/schoolIds') return msg('Choose at least one of your schools.', { id: 'console.resources.error.schoolRequired' });
  if (pointer.startsWith('/schoolIds'))
    return msg('One of these schools is not in your organization. Choose again.', { id: 'console.resources.error.school' });
  if (pointer.startsWith('/categor')) return msg('Choose a category from the list.', { id: 'console.resources.error.category' });
  return checkFieldMessage();
}
