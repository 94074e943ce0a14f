/** TypeBox schemas for identity keys, families, invite codes and family sessions. */
import { Type } from '@sinclair/typebox';
import { HS256_SECRET_MIN, IDENTITY_KEY_KINDS } from '../identity.js';
import { LocaleCode } from './locales.js';
import { Id } from './survey.js';

const Instant = Type.String({ format: 'date-time' });
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: "The organization's slug" });
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$' });
const PersonName = Type.String({ minLength: 1, maxLength: 200 });

export const IdentityKeyKind = Type.Union(IDENTITY_KEY_KINDS.map((k) => Type.Literal(k)));

/** One key an organization's identity site signs family tokens with. Exactly one of secret, jwk, jwksUrl, matching `kind`. */
export const IdentityKeyInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'Which site this is, e.g. "District parent portal"' }),
    /** Must equal the token's `iss`. */
    issuer: Type.String({ minLength: 1, maxLength: 500 }),
    /** Must be among the token's `aud`. */
    audience: Type.String({ minLength: 1, maxLength: 500 }),
    kind: IdentityKeyKind,
    secret: Type.Optional(
      Type.String({ minLength: HS256_SECRET_MIN, maxLength: 1000, description: 'HS256 shared secret (stored sealed)' }),
    ),
    jwk: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'A public JWK (RSA, EC or OKP)' })),
    jwksUrl: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000, description: "The identity site's JWKS URL" })),
  },
  { additionalProperties: false },
);

export const IdentityKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  issuer: Type.String(),
  audience: Type.String(),
  kind: IdentityKeyKind,
  jwksUrl: Type.Optional(Type.String()),
  /** `kid` of a registered JWK. */
  keyId: Type.Optional(Type.String()),
  createdAt: Instant,
  revokedAt: Type.Optional(Instant),
});
export const IdentityKeyList = Type.Object({ items: Type.Array(IdentityKey) });

export const FamilyStudent = Type.Object(
  {
    /** The school's own student id (or any stable id the host uses). */
    id: Type.String({ minLength: 1, maxLength: 100 }),
    name: PersonName,
    schoolId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

/** A family staff register, so it can sign in with an email link or a printed code. */
export const FamilyInput = Type.Object(
  {
    schoolId: Id,
    name: PersonName,
    email: Type.Optional(Email),
    locale: LocaleCode,
    students: Type.Array(FamilyStudent, { maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const Family = Type.Object({
  id: Type.String(),
  schoolId: Type.Optional(Type.String()),
  name: Type.String(),
  email: Type.Optional(Type.String()),
  locale: Type.String(),
  students: Type.Array(FamilyStudent),
  createdAt: Instant,
});

/** A printable code for one family (`familyId`) or for a whole class (`className`). */
export const InviteInput = Type.Object(
  {
    schoolId: Id,
    familyId: Type.Optional(Type.String({ maxLength: 64 })),
    className: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** Family codes default to 1 use, class codes to 40. */
    maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  },
  { additionalProperties: false },
);

export const Invite = Type.Object({
  id: Type.String(),
  /** Shown once, when the invite is created; only its hash is kept. */
  code: Type.Optional(Type.String()),
  schoolId: Type.String(),
  familyId: Type.Optional(Type.String()),
  className: Type.Optional(Type.String()),
  maxUses: Type.Integer(),
  uses: Type.Integer(),
  expiresAt: Instant,
  createdAt: Instant,
});

export const IdentitySessionRequest = Type.Object(
  { organization: Slug, identityToken: Type.String({ minLength: 1, maxLength: 8000 }) },
  { additionalProperties: false },
);
export const EmailLinkRequest = Type.Object(
  {
    organization: Slug,
    email: Email,
    locale: LocaleCode,
    /** The page the family signs in from; the link brings them back there. */
    returnUrl: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const EmailLinkSessionRequest = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const InviteSessionRequest = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    /** Class codes ask who is signing in; family codes already know. */
    name: Type.Optional(PersonName),
    studentName: Type.Optional(PersonName),
    locale: Type.Optional(LocaleCode),
  },
  { additionalProperties: false },
);
export const RefreshSessionRequest = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const FamilyProfile = Type.Object({
  id: Type.String(),
  name: Type.String(),
  locale: Type.String(),
  students: Type.Array(FamilyStudent),
});

/** Bearer tokens for a family: send the access token as `Authorization: Bearer`; trade the refresh token for a new pair. */
export const FamilySession = Type.Object({
  accessToken: Type.String(),
  accessTokenExpiresAt: Instant,
  refreshToken: Type.String(),
  refreshTokenExpiresAt: Instant,
  family: FamilyProfile,
});

/** A single-use ticket for `EventSource`, which cannot send headers. */
export const StreamTicket = Type.Object({ ticket: Type.String(), expiresAt: Instant });

export const Accepted = Type.Object({ status: Type.Literal('accepted') });
