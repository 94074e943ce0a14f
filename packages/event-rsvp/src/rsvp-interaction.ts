/**
 * What <tandem-event-rsvp> does once the form is on screen: following typed answers, the −/+ steppers, copying
 * the private link, focusing a field, and the messages of those moments. Comes with rsvp-ui.ts, so none of it
 * is part of the first download.
 */
import { msg } from '@lit/localize';
import type { FieldName, FormValues } from './rsvp-model.js';

/** Values and shown errors after the family changed `target`, or undefined when it is no field of the form. */
export function applyInput<E>(
  values: FormValues | undefined,
  errors: Map<FieldName, E>,
  target: HTMLInputElement,
): { values: FormValues; errors: Map<FieldName, E> | undefined } | undefined {
  const name = target.name as keyof FormValues;
  if (!values || !(name in values)) return undefined;
  const next = { ...values, [name]: target.type === 'checkbox' ? target.checked : target.value };
  // A shown error goes once its field changes; Send checks everything again. A new answer reshapes
  // the form (no party or needs for "can't go"), so every shown error goes with it.
  const left = new Map(name === 'response' ? [] : errors);
  left.delete(name);
  if (name === 'email' || name === 'phone') left.delete('contact');
  return { values: next, errors: left.size !== errors.size ? left : undefined };
}

/** The −/+ buttons step the box the way its arrow keys do, within its min and max. */
export function stepInput(root: ParentNode, name: string, delta: number): void {
  const input = root.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!input) return;
  if (delta > 0) input.stepUp();
  else input.stepDown();
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Copies the private link; resolves true when it is on the clipboard. */
export async function copyPrivateLink(root: ParentNode): Promise<boolean> {
  const input = root.querySelector<HTMLInputElement>('#private-link');
  try {
    await navigator.clipboard.writeText(input?.value ?? '');
    return true;
  } catch {
    // No clipboard access (insecure page, denied): select the link so the family can copy it themselves.
    input?.select();
    return false;
  }
}

/** Focuses a field: its chosen option, else its first enabled one. */
export function focusField(root: ParentNode, field: FieldName): void {
  const name = field === 'contact' ? 'email' : field;
  const inputs = [...root.querySelectorAll<HTMLInputElement>(`[name="${name}"]`)];
  (inputs.find((i) => i.checked) ?? inputs.find((i) => !i.disabled))?.focus();
}

/** Why the widget cannot even start: no server, or no event named. */
export function setupError(hasBackend: boolean): Error {
  return new Error(
    hasBackend ? '<tandem-event-rsvp> needs an event attribute.' : 'No Tandem backend is configured for <tandem-event-rsvp>.',
  );
}

export const saveFailedMessage = () => msg('Your RSVP could not be saved on this device. Please try again.', { id: 'rsvp.save-failed' });
export const sessionClosedMessage = () => msg('This time is no longer open. Please choose another one.', { id: 'rsvp.session-closed' });
export const invalidOtherMessage = () =>
  msg('Some answers could not be accepted. Please check them and try again.', { id: 'rsvp.invalid-other' });
