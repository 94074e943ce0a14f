/** The "register an identity-site key" form's draft and its checks: a shared secret, a public JWK or a JWKS address. */
import { msg, str } from '@lit/localize';
import { HS256_SECRET_MIN, type IdentityKeyInput, type IdentityKeyKind } from '@tandem/protocol';
import type { Errors } from '../form-controls.js';

export interface KeyDraft {
  name: string;
  issuer: string;
  audience: string;
  kind: IdentityKeyKind;
  /** The secret, the JWK's JSON or the JWKS URL, as `kind` says. */
  material: string;
}

export const emptyKey = (): KeyDraft => ({ name: '', issuer: '', audience: '', kind: 'jwks', material: '' });

function parseJwk(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { kty?: unknown }).kty === 'string'
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function checkKey(d: KeyDraft): Errors {
  const errors: Errors = {};
  const required = msg('Fill in this field.', { id: 'console.error.required' });
  if (!d.name.trim()) errors['key-name'] = required;
  if (!d.issuer.trim()) errors['key-issuer'] = required;
  if (!d.audience.trim()) errors['key-audience'] = required;
  const material = d.material.trim();
  if (d.kind === 'hs256' && material.length < HS256_SECRET_MIN)
    errors['key-material'] = msg(str`Use a secret of at least ${HS256_SECRET_MIN} characters.`, { id: 'console.keys.secretTooShort' });
  if (d.kind === 'jwk' && !parseJwk(material))
    errors['key-material'] = msg('Paste the public key as JSON, with its "kty".', { id: 'console.keys.jwkInvalid' });
  if (d.kind === 'jwks' && !/^https?:\/\/\S+$/.test(material))
    errors['key-material'] = msg('Enter the address of the key set, starting with https://.', { id: 'console.keys.jwksInvalid' });
  return errors;
}

export function toKeyInput(d: KeyDraft): IdentityKeyInput {
  const base = { name: d.name.trim(), issuer: d.issuer.trim(), audience: d.audience.trim(), kind: d.kind };
  const material = d.material.trim();
  if (d.kind === 'hs256') return { ...base, secret: material };
  if (d.kind === 'jwk') return { ...base, jwk: parseJwk(material)! };
  return { ...base, jwksUrl: material };
}
