/**
 * Words every content builder says the same way: the draft/published status, "Saved.", "Your changes are still
 * here." after a refused save, and the sentence for a field the server refused without a finer reason.
 */
import { msg } from '@lit/localize';

/** Draft or Published (resources, lessons); screens with more statuses keep their own labels. */
export function contentStatusLabel(status: 'draft' | 'published'): string {
  return status === 'published'
    ? msg('Published', { id: 'console.common.status.published' })
    : msg('Draft', { id: 'console.common.status.draft' });
}

export const savedMessage = () => msg('Saved.', { id: 'console.common.saved' });

export const changesKeptMessage = () => msg('Your changes are still here.', { id: 'console.common.changesKept' });

export const checkFieldMessage = () => msg('Check this field.', { id: 'console.common.checkField' });

/** The summary line over a refused form. */
export const fixFieldsMessage = () =>
  msg('Some of this could not be saved. Check the marked fields; what you typed is kept.', { id: 'console.common.fixFields' });
