/**
 * The signed-in console's screens and their hash routes (`#/messages`), so reload, bookmarks and back/forward
 * work without the server knowing every path. Reset links use `#token=`, which is not a route.
 */
import type { ConsoleSession } from '@tandem/protocol';

export const CONSOLE_SCREENS = [
  'home',
  'surveys',
  'events',
  'lessons',
  'resources',
  'messages',
  'families',
  'lms',
  'settings',
  'audit',
] as const;
export type ConsoleScreen = (typeof CONSOLE_SCREENS)[number];

export const screenHref = (screen: ConsoleScreen): string => (screen === 'home' ? '#/' : `#/${screen}`);

/** The screen a hash names; unknown and empty hashes are home. */
export function screenOfHash(hash: string): ConsoleScreen {
  const name = /^#\/([a-z-]*)/.exec(hash)?.[1] ?? '';
  return (CONSOLE_SCREENS as readonly string[]).includes(name) ? (name as ConsoleScreen) : 'home';
}

/**
 * The screens this staff member may open. Families is for organization admins: the server lets only them register
 * families, make invite codes (a code reads every conversation of its family) and manage identity keys. LMS too:
 * the server lets only them connect an LMS, whose launches sign people into a school. Settings (which sites may embed) is
 * organization-wide too; the audit log is for organization admins and, for their schools, school admins.
 */
export function screensFor(session: ConsoleSession): ConsoleScreen[] {
  const role = session.user.role;
  return CONSOLE_SCREENS.filter((screen) => {
    if (screen === 'audit') return role === 'organization-admin' || role === 'school-admin';
    return (screen !== 'families' && screen !== 'lms' && screen !== 'settings') || role === 'organization-admin';
  });
}
