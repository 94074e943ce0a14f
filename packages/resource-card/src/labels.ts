/** Names of resource categories and phone kinds in the family's language. */
import { msg } from '@lit/localize';
import type { PhoneType, ResourceCategory } from '@tandem/protocol';

export function categoryName(category: ResourceCategory): string {
  switch (category) {
    case 'food':
      return msg('Food', { id: 'resource.category.food' });
    case 'health':
      return msg('Health', { id: 'resource.category.health' });
    case 'mental-health':
      return msg('Mental health', { id: 'resource.category.mental-health' });
    case 'tutoring':
      return msg('Tutoring', { id: 'resource.category.tutoring' });
    case 'housing':
      return msg('Housing', { id: 'resource.category.housing' });
    case 'after-school':
      return msg('After school', { id: 'resource.category.after-school' });
    case 'clothing':
      return msg('Clothing', { id: 'resource.category.clothing' });
    case 'legal':
      return msg('Legal help', { id: 'resource.category.legal' });
    case 'employment':
      return msg('Jobs', { id: 'resource.category.employment' });
    case 'transportation':
      return msg('Transportation', { id: 'resource.category.transportation' });
    case 'childcare':
      return msg('Child care', { id: 'resource.category.childcare' });
    default:
      return msg('Other', { id: 'resource.category.other' });
  }
}

export function phoneTypeName(type: PhoneType): string {
  switch (type) {
    case 'text':
      return msg('Text message', { id: 'resource.phone.text' });
    case 'cell':
      return msg('Mobile', { id: 'resource.phone.cell' });
    case 'fax':
      return msg('Fax', { id: 'resource.phone.fax' });
    case 'textphone':
      return msg('TTY', { id: 'resource.phone.textphone' });
    case 'video':
      return msg('Video call', { id: 'resource.phone.video' });
    case 'pager':
      return msg('Pager', { id: 'resource.phone.pager' });
    default:
      return msg('Phone', { id: 'resource.phone.voice' });
  }
}
