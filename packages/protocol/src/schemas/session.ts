/** TypeBox schemas for staff console sessions, password reset and the audit log. */
import { Type } from '@sinclair/typebox';
import { AUDIT_PAGE_MAX, CONSOLE_ROLES, SCHOOL_ROLES, STAFF_PASSWORD_MAX, STAFF_PASSWORD_MIN } from '../session.js';

const Instant = Type.String({ format: 'date-time' });
/** A UTC day or an ISO 8601 instant, as the audit filters take them. */
const AUDIT_TIME_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$';
/** Spaces around it are forgiven (pasted addresses carry them); the server trims and lower-cases. */
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^\\s*[^\\s@]+@[^\\s@]+\\s*$' });
/** Sign-in takes any password up to the maximum: one chosen under an older, shorter rule still signs in. */
const AnyPassword = Type.String({ minLength: 1, maxLength: STAFF_PASSWORD_MAX });
const NewPassword = Type.String({ minLength: STAFF_PASSWORD_MIN, maxLength: STAFF_PASSWORD_MAX });

export const SignInRequest = Type.Object({ email: Email, password: AnyPassword }, { additionalProperties: false });

export const ConsoleUser = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  role: Type.Union(CONSOLE_ROLES.map((r) => Type.Literal(r))),
  /** The language the staff member reads messages in. */
  locale: Type.String(),
});

export const ConsoleSchool = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.Union(SCHOOL_ROLES.map((r) => Type.Literal(r))),
});

/** The signed-in staff member, their organization and schools, and the token for the CSRF header. */
export const ConsoleSession = Type.Object({
  user: ConsoleUser,
  organization: Type.Object({ id: Type.String(), slug: Type.String(), name: Type.String() }),
  /** Every school of the organization for an organization admin; otherwise the schools they belong to. */
  schools: Type.Array(ConsoleSchool),
  /** Send as `X-Tandem-CSRF` with every POST, PUT, PATCH and DELETE made with the session cookie. */
  csrfToken: Type.String(),
  /** The session ends if unused until then; each request moves it on. */
  idleExpiresAt: Instant,
  /** The session ends then however busy it is. */
  expiresAt: Instant,
});

export const PasswordResetRequest = Type.Object({ email: Email }, { additionalProperties: false });

export const PasswordResetCompletion = Type.Object(
  { token: Type.String({ minLength: 16, maxLength: 200 }), password: NewPassword },
  { additionalProperties: false },
);

export const PasswordChange = Type.Object({ currentPassword: AnyPassword, newPassword: NewPassword }, { additionalProperties: false });

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Instant,
  actor: Type.Object({
    kind: Type.Union([Type.Literal('staff'), Type.Literal('token'), Type.Literal('system')]),
    id: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    /** A staff member's current email (tokens and the server have none). */
    email: Type.Optional(Type.String()),
  }),
  /** `session.signed-in`, `survey.published`, `event.attendees-exported`, … */
  action: Type.String(),
  /** `label`: what the target was called when the entry was written (a survey's title, a staff member's name). */
  target: Type.Optional(Type.Object({ kind: Type.String(), id: Type.String(), label: Type.Optional(Type.String()) })),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  ip: Type.Optional(Type.String()),
});

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntry),
  /** Pass as `?before=` for the next, older page; absent on the last page. */
  next: Type.Optional(Type.String()),
});

export const AuditQuery = Type.Object(
  {
    before: Type.Optional(Type.String({ maxLength: 200 })),
    /** A staff member's or token's id, or a staff member's email. */
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
    /** An action (`survey.published`), or a kind without a dot (`survey`) for all of its actions. */
    action: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9.-]{0,79}$' })),
    /** Entries at or after this instant or UTC day (YYYY-MM-DD). */
    from: Type.Optional(Type.String({ pattern: AUDIT_TIME_PATTERN })),
    /** Entries at or before this instant, or through the end of this UTC day (YYYY-MM-DD). */
    to: Type.Optional(Type.String({ pattern: AUDIT_TIME_PATTERN })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: `Entries per page, 1–${AUDIT_PAGE_MAX} (default 50)` })),
  },
  { additionalProperties: false },
);
