/** The RSVP form's values (keyed by the controls' `name`s), and how they become an RsvpInput and back. */
import {
  holdsPlace,
  type FieldError,
  type PublicEvent,
  type RsvpInput,
  type RsvpNeeds,
  type RsvpPatch,
  type RsvpReceipt,
  type RsvpResponse,
  type RsvpView,
} from '@tandem/protocol';

/** What the family typed, as the form holds it: strings for text and numbers (nothing lost), booleans for checkboxes. */
export interface FormValues {
  response: RsvpResponse | '';
  session: string;
  adults: string;
  children: string;
  names: string;
  email: string;
  phone: string;
  'need-interpreter': boolean;
  'interpreter-language': string;
  'need-childcare': boolean;
  'childcare-children': string;
  'childcare-ages': string;
  'need-transportation': boolean;
  'need-accessibility': boolean;
  accessibility: string;
  note: string;
}

/** Where an error shows: a control's `name`, or `contact` for the email-or-phone pair. */
export type FieldName = keyof FormValues | 'contact';

export function emptyForm(event: PublicEvent, locale: string): FormValues {
  const open = openSessions(event);
  return {
    response: '',
    // One open session needs no choice.
    session: open.length === 1 ? open[0]!.id : '',
    adults: '1',
    children: '0',
    names: '',
    email: '',
    phone: '',
    'need-interpreter': false,
    'interpreter-language': locale,
    'need-childcare': false,
    'childcare-children': '1',
    'childcare-ages': '',
    'need-transportation': false,
    'need-accessibility': false,
    accessibility: '',
    note: '',
  };
}

export const openSessions = (event: PublicEvent) => event.sessions.filter((s) => !s.past);

/** What the form can be filled from: an RSVP read back, or one the outbox kept after the server refused it. */
type Answered = Pick<RsvpInput, 'response' | 'sessionId' | 'adults' | 'children' | 'names' | 'contact' | 'needs' | 'note'>;

/** An RSVP back in the form, for "Change my RSVP" or to fix a refused one. */
export function formFromView(event: PublicEvent, view: Answered, locale: string): FormValues {
  const needs = view.needs ?? {};
  const contact = view.contact ?? {};
  return {
    ...emptyForm(event, locale),
    response: view.response,
    session: view.sessionId,
    adults: String(view.adults),
    children: String(view.children),
    names: view.names?.join(', ') ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    'need-interpreter': !!needs.interpreter,
    'interpreter-language': needs.interpreter ?? locale,
    'need-childcare': !!needs.childcare,
    'childcare-children': String(needs.childcare?.children ?? 1),
    'childcare-ages': needs.childcare?.ages?.join(', ') ?? '',
    'need-transportation': !!needs.transportation,
    'need-accessibility': needs.accessibility !== undefined,
    accessibility: needs.accessibility ?? '',
    note: view.note ?? '',
  };
}

/** Blank stays blank (NaN), so validateRsvp refuses it rather than reading it as 0. */
const toInt = (value: string) => (value.trim() === '' ? NaN : Number(value));
const list = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The RSVP to send, and the problems validateRsvp cannot see in it (no answer picked, ages that are
 * not numbers). Only what the form shows is sent: a family that can't come sends no party or needs.
 */
export function toInput(event: PublicEvent, values: FormValues, locale: string): { input: RsvpInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const response = values.response || 'going';
  if (!values.response) errors.push({ pointer: '/response', code: 'required', detail: 'Choose an answer.' });
  const coming = holdsPlace(response);
  const input: RsvpInput = {
    // Someone who can't come has no session to pick; the first open one carries their answer.
    sessionId: values.session || (coming ? '' : (openSessions(event)[0]?.id ?? '')),
    response,
    adults: coming ? toInt(values.adults) : 1,
    children: coming ? toInt(values.children) : 0,
    locale,
  };
  const names = list(values.names, /[,\n]/);
  if (coming && names.length) input.names = names;
  const email = values.email.trim();
  const phone = values.phone.trim();
  if (email || phone) input.contact = { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
  const needs: RsvpNeeds = {};
  const asked = (need: string) => coming && event.needsAsked.includes(need as never);
  if (asked('interpreter') && values['need-interpreter']) needs.interpreter = values['interpreter-language'];
  if (asked('childcare') && values['need-childcare']) {
    const ages = list(values['childcare-ages'], /[\s,;]+/);
    if (ages.some((age) => !/^\d{1,2}$/.test(age))) {
      errors.push({ pointer: '/needs/childcare/ages', code: 'invalid-format', detail: 'Ages are whole numbers.' });
    }
    needs.childcare = { children: toInt(values['childcare-children']), ...(ages.length ? { ages: ages.map(Number) } : {}) };
  }
  if (asked('transportation') && values['need-transportation']) needs.transportation = true;
  if (asked('accessibility') && values['need-accessibility']) needs.accessibility = values.accessibility.trim();
  if (Object.keys(needs).length) input.needs = needs;
  const note = values.note.trim();
  if (note) input.note = note;
  return { input, errors };
}

/** Pointer prefixes and the field each shows under, in form order (which is also the order focus looks for the first). */
const FIELDS: [string, FieldName][] = [
  ['/response', 'response'],
  ['/sessionId', 'session'],
  ['/adults', 'adults'],
  ['/children', 'children'],
  ['/names', 'names'],
  ['/contact', 'contact'],
  ['/contact/email', 'email'],
  ['/contact/phone', 'phone'],
  ['/needs/interpreter', 'interpreter-language'],
  ['/needs/childcare', 'childcare-children'],
  ['/needs/childcare/ages', 'childcare-ages'],
  ['/needs/transportation', 'need-transportation'],
  ['/needs/accessibility', 'accessibility'],
  ['/note', 'note'],
];

/** The field of the longest matching prefix: `/contact/email` shows under the email box, `/contact` under the pair. */
function fieldOf(pointer: string): FieldName | undefined {
  const matches = FIELDS.filter(([prefix]) => pointer === prefix || pointer.startsWith(`${prefix}/`));
  return matches.sort((a, b) => b[0].length - a[0].length)[0]?.[1];
}

/** Errors by field (the first per field), in form order; `other` holds those no field shows. */
export function errorsByField(errors: readonly FieldError[]): { byField: Map<FieldName, FieldError>; other: FieldError[] } {
  const found = new Map<FieldName, FieldError>();
  const other: FieldError[] = [];
  for (const error of errors) {
    const field = fieldOf(error.pointer);
    if (!field) other.push(error);
    else if (!found.has(field)) found.set(field, error);
  }
  const byField = new Map<FieldName, FieldError>();
  for (const [, field] of FIELDS) if (found.has(field)) byField.set(field, found.get(field)!);
  return { byField, other };
}

/** The family's RSVP as the widget shows it, from what was sent and what the server answered (no extra read needed). */
export function viewFrom(input: RsvpInput, receipt: RsvpReceipt, before?: RsvpView): RsvpView {
  const { editToken: _token, ...rest } = receipt;
  return {
    ...rest,
    adults: input.adults,
    children: input.children,
    names: input.names ?? [],
    contact: input.contact ?? {},
    needs: input.needs ?? {},
    ...(input.note ? { note: input.note } : {}),
    locale: input.locale,
    createdAt: before?.createdAt ?? receipt.updatedAt,
  };
}

/** A change replaces names, contact, needs and note as a whole, so what the family cleared is sent as empty. */
export function patchFrom(input: RsvpInput): RsvpPatch {
  const { identityToken: _identity, ...fields } = input;
  return { names: [], contact: {}, needs: {}, note: '', ...fields };
}
