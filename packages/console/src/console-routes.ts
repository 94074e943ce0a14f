/**
 * The signed-in console's screens and their hash routes (`#/messages`), so reload, bookmarks and back/forward
 * work without the server knowing every path. Reset links use `#token=`, which is not a route.
 */
import type { ConsoleSession } from '@tandem/protocol';

export const CONSOLE_SCREENS = ['home', 'surveys', 'events', 'messages', 'families'] as const;
export type ConsoleScreen = (typeof CONSOLE_SCREENS)[number];

export const screenHref = (screen: ConsoleScreen): string => (screen === 'home' ? '#/' : `#/${screen}`);

/** The screen a hash names; unknown and empty hashes are home. */
export function screenOfHash(hash: string): ConsoleScreen {
  const name = /^#\/([a-z-]*)/.exec(hash)?.[1] ?? '';
  return (CONSOLE_SCREENS as readonly string[]).includes(name) ? (name as ConsoleScreen) : 'home';
}

/**
 * The screens this staff member may open. Families is for organization admins: the server lets only them register
 * families, make invite codes (a code reads every conversation of its family) and manage identity keys.
 */
export function screensFor(session: ConsoleSession): ConsoleScreen[] {
  return CONSOLE_SCREENS.filter((screen) => screen !== 'families' || session.user.role === 'organization-admin');
}
