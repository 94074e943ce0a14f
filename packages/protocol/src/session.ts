/** Staff console sign-in: cookie sessions, their CSRF header, roles, password reset and the audit log. */
import type { Static } from '@sinclair/typebox';
import type * as Schemas from './schemas/session.js';

/**
 * The header a console request that changes something carries, holding the session's CSRF token. A page on
 * another site can make a browser send the session cookie, but cannot set a custom header without a CORS
 * grant, which staff routes never give.
 */
export const CSRF_HEADER = 'X-Tandem-CSRF';

/**
 * What a staff member may do in the console: an organization admin runs every school of the district, a
 * school admin runs the schools they administer, staff work in the schools they belong to.
 */
export const CONSOLE_ROLES = ['organization-admin', 'school-admin', 'staff'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** A staff member's standing in one school. */
export const SCHOOL_ROLES = ['admin', 'staff'] as const;
export type SchoolRole = (typeof SCHOOL_ROLES)[number];

/** Shortest password a staff member may choose (the CLI asks the same). */
export const STAFF_PASSWORD_MIN = 10;
/** Longest password accepted: scrypt's cost does not depend on it, but bodies should stay small. */
export const STAFF_PASSWORD_MAX = 200;

/** How many audit entries one page holds at most. */
export const AUDIT_PAGE_MAX = 100;

export type SignInRequest = Static<typeof Schemas.SignInRequest>;
export type ConsoleSession = Static<typeof Schemas.ConsoleSession>;
export type ConsoleUser = Static<typeof Schemas.ConsoleUser>;
export type ConsoleSchool = Static<typeof Schemas.ConsoleSchool>;
export type PasswordResetRequest = Static<typeof Schemas.PasswordResetRequest>;
export type PasswordResetCompletion = Static<typeof Schemas.PasswordResetCompletion>;
export type PasswordChange = Static<typeof Schemas.PasswordChange>;
export type AuditEntry = Static<typeof Schemas.AuditEntry>;
export type AuditPage = Static<typeof Schemas.AuditPage>;
export type AuditQuery = Static<typeof Schemas.AuditQuery>;
