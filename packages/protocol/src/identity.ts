/** Family identity: host-signed identity keys, family records, invite codes and family sessions (bearer tokens). */
import type { Static } from '@sinclair/typebox';
import type * as Schemas from './schemas/identity.js';

/** How an organization's identity site signs its tokens. */
export const IDENTITY_KEY_KINDS = ['hs256', 'jwk', 'jwks'] as const;
export type IdentityKeyKind = (typeof IDENTITY_KEY_KINDS)[number];

/** Shortest HS256 secret accepted: 32 bytes, as RFC 7518 asks for HMAC keys. */
export const HS256_SECRET_MIN = 32;

/**
 * Invite codes use letters and digits that cannot be mistaken for one another when printed or read
 * aloud (no 0/O, 1/I/L, no U); typed codes are upper-cased and stripped of spaces and dashes.
 */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const INVITE_CODE_LENGTH = 10;

/** Shapes a code the way staff print it: `ABCDE-FGHJK`. */
export function formatInviteCode(code: string): string {
  const clean = normalizeInviteCode(code);
  return clean.length > 5 ? `${clean.slice(0, 5)}-${clean.slice(5)}` : clean;
}

/** What a family types, reduced to the code itself. */
export function normalizeInviteCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export type IdentityKeyInput = Static<typeof Schemas.IdentityKeyInput>;
export type IdentityKey = Static<typeof Schemas.IdentityKey>;
export type IdentityKeyList = Static<typeof Schemas.IdentityKeyList>;
export type FamilyStudent = Static<typeof Schemas.FamilyStudent>;
export type FamilyInput = Static<typeof Schemas.FamilyInput>;
export type Family = Static<typeof Schemas.Family>;
export type InviteInput = Static<typeof Schemas.InviteInput>;
export type Invite = Static<typeof Schemas.Invite>;
export type IdentitySessionRequest = Static<typeof Schemas.IdentitySessionRequest>;
export type EmailLinkRequest = Static<typeof Schemas.EmailLinkRequest>;
export type EmailLinkSessionRequest = Static<typeof Schemas.EmailLinkSessionRequest>;
export type InviteSessionRequest = Static<typeof Schemas.InviteSessionRequest>;
export type RefreshSessionRequest = Static<typeof Schemas.RefreshSessionRequest>;
export type FamilySession = Static<typeof Schemas.FamilySession>;
export type FamilyProfile = Static<typeof Schemas.FamilyProfile>;
export type StreamTicket = Static<typeof Schemas.StreamTicket>;
export type Accepted = Static<typeof Schemas.Accepted>;
