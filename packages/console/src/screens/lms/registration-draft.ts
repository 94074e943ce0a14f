/**
 * The manual registration form as typed, its checks in the browser (the server checks again), and the mapping of
 * the server's refused fields (JSON pointers) back onto the form's inputs.
 */
import { msg } from '@lit/localize';
import type { Errors } from '../form-controls.js';
import type { LtiRegistrationInput } from './lms-api.js';

export interface RegistrationDraft {
  platformName: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  schoolId: string;
}

export const MAX_DEPLOYMENTS = 20;
const MAX_URL = 2000;
/** The server keeps issuers shorter than other addresses. */
const MAX_ISSUER = 500;
const MAX_ID = 255;
const MAX_NAME = 200;

export const emptyDraft = (schoolId = ''): RegistrationDraft => ({
  platformName: '',
  issuer: '',
  clientId: '',
  deploymentIds: [''],
  authorizationEndpoint: '',
  tokenEndpoint: '',
  jwksUri: '',
  schoolId,
});

/** The form's input id for each body field; deployment IDs are `lti-deployment-0`, `lti-deployment-1`… */
export const FIELD_IDS = {
  platformName: 'lti-platform-name',
  issuer: 'lti-issuer',
  clientId: 'lti-client-id',
  authorizationEndpoint: 'lti-auth-endpoint',
  tokenEndpoint: 'lti-token-endpoint',
  jwksUri: 'lti-jwks-uri',
  schoolId: 'lti-school',
} as const;
export const deploymentFieldId = (index: number) => `lti-deployment-${index}`;

type UrlField = 'issuer' | 'authorizationEndpoint' | 'tokenEndpoint' | 'jwksUri';

/** Development LMSs run on this computer without TLS; everything else must be https. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function urlProblem(value: string, max = MAX_URL): 'required' | 'not-url' | 'not-https' | 'too-long' | undefined {
  const trimmed = value.trim();
  if (!trimmed) return 'required';
  if (trimmed.length > max) return 'too-long';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'not-url';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && (LOCAL_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost'))) return undefined;
  return url.protocol === 'http:' ? 'not-https' : 'not-url';
}

function urlMessage(field: UrlField, problem: NonNullable<ReturnType<typeof urlProblem>>): string {
  if (problem === 'required') {
    switch (field) {
      case 'issuer':
        return msg('Enter the issuer the LMS shows (an address like https://lms.example.edu).', { id: 'console.lms.error.issuerRequired' });
      case 'authorizationEndpoint':
        return msg('Enter the authorization (OIDC auth) endpoint the LMS shows.', { id: 'console.lms.error.authRequired' });
      case 'tokenEndpoint':
        return msg('Enter the access token endpoint the LMS shows.', { id: 'console.lms.error.tokenRequired' });
      case 'jwksUri':
        return msg("Enter the address of the LMS's public keys (JWKS).", { id: 'console.lms.error.jwksRequired' });
    }
  }
  if (problem === 'too-long')
    return field === 'issuer'
      ? msg('This issuer is too long. Use at most 500 characters.', { id: 'console.lms.error.issuerTooLong' })
      : msg('This address is too long. Use at most 2000 characters.', { id: 'console.lms.error.urlTooLong' });
  if (problem === 'not-https')
    return msg('Use an address that starts with https:// (http:// works only for localhost).', { id: 'console.lms.error.notHttps' });
  return msg('Enter a whole web address, starting with https://.', { id: 'console.lms.error.notUrl' });
}

/** Field errors by input id; empty when the draft may be sent. */
export function checkDraft(draft: RegistrationDraft): Errors {
  const errors: Errors = {};
  if (draft.platformName.trim().length > MAX_NAME)
    errors[FIELD_IDS.platformName] = msg('Use at most 200 characters.', { id: 'console.lms.error.nameTooLong' });
  for (const field of ['issuer', 'authorizationEndpoint', 'tokenEndpoint', 'jwksUri'] as const) {
    const problem = urlProblem(draft[field], field === 'issuer' ? MAX_ISSUER : MAX_URL);
    if (problem) errors[FIELD_IDS[field]] = urlMessage(field, problem);
  }
  const clientId = draft.clientId.trim();
  if (!clientId) errors[FIELD_IDS.clientId] = msg('Enter the client ID the LMS gave Tandem.', { id: 'console.lms.error.clientIdRequired' });
  else if (clientId.length > MAX_ID) errors[FIELD_IDS.clientId] = msg('Use at most 255 characters.', { id: 'console.lms.error.idTooLong' });
  const seen = new Set<string>();
  draft.deploymentIds.forEach((raw, index) => {
    const id = raw.trim();
    const fieldId = deploymentFieldId(index);
    // Extra empty rows are ignored; the first one must be filled.
    if (!id && index === 0)
      errors[fieldId] = msg('Enter at least one deployment ID from the LMS.', { id: 'console.lms.error.deploymentRequired' });
    else if (id.length > MAX_ID) errors[fieldId] = msg('Use at most 255 characters.', { id: 'console.lms.error.idTooLong' });
    else if (id && seen.has(id))
      errors[fieldId] = msg('This deployment ID is already in the list.', { id: 'console.lms.error.deploymentTwice' });
    seen.add(id);
  });
  if (!draft.schoolId) errors[FIELD_IDS.schoolId] = msg('Choose the school this LMS is for.', { id: 'console.lms.error.schoolRequired' });
  return errors;
}

/** The request body: trimmed, blank deployment rows left out, no empty platform name. */
export function toInput(draft: RegistrationDraft): LtiRegistrationInput {
  const platformName = draft.platformName.trim();
  return {
    ...(platformName ? { platformName } : {}),
    issuer: draft.issuer.trim(),
    clientId: draft.clientId.trim(),
    deploymentIds: draft.deploymentIds.map((d) => d.trim()).filter(Boolean),
    authorizationEndpoint: draft.authorizationEndpoint.trim(),
    tokenEndpoint: draft.tokenEndpoint.trim(),
    jwksUri: draft.jwksUri.trim(),
    schoolId: draft.schoolId,
  };
}

/**
 * The input a refused pointer names (`/issuer`, `/deploymentIds/1`). Deployment indexes count the rows sent, so
 * they are mapped back past the blank rows the browser left out.
 */
export function fieldIdOfPointer(pointer: string, draft: RegistrationDraft): string | undefined {
  const [, name, index] = pointer.split('/');
  if (name === 'deploymentIds') {
    const sent = draft.deploymentIds.map((d, i) => (d.trim() ? i : -1)).filter((i) => i >= 0);
    const row = index === undefined ? 0 : (sent[Number(index)] ?? 0);
    return deploymentFieldId(row);
  }
  return name && name in FIELD_IDS ? FIELD_IDS[name as keyof typeof FIELD_IDS] : undefined;
}

/**
 * Words for a field the server refused. The console keeps only which fields were refused, so this says what the
 * server checks there: a school of the organization, addresses it can reach, and one registration per issuer and client.
 */
export function serverFieldMessage(fieldId: string): string {
  switch (fieldId) {
    case FIELD_IDS.schoolId:
      return msg('Choose one of your schools.', { id: 'console.lms.error.schoolRefused' });
    case FIELD_IDS.clientId:
      return msg('An LMS with this issuer and client ID is already connected. Look for it in the list above.', {
        id: 'console.lms.error.alreadyRegistered',
      });
    case FIELD_IDS.authorizationEndpoint:
    case FIELD_IDS.tokenEndpoint:
    case FIELD_IDS.jwksUri:
      return msg('Tandem cannot use this address. Copy the https address the LMS shows; Tandem must be able to reach it.', {
        id: 'console.lms.error.urlRefused',
      });
  }
  if (fieldId.startsWith('lti-deployment-'))
    return msg('Tandem could not accept this deployment ID. Copy it again from the LMS.', { id: 'console.lms.error.deploymentRefused' });
  return msg('Tandem could not accept this. Copy it again from the LMS and check it has no extra spaces.', {
    id: 'console.lms.error.fieldRefused',
  });
}
