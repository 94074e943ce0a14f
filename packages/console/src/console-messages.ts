/** Words for what can go wrong, shared by the console's screens. */
import { msg, str } from '@lit/localize';
import { STAFF_PASSWORD_MIN } from '@tandem/protocol';
import { ConsoleError } from './console-client.js';

export function problemMessage(error: unknown): string {
  const kind = error instanceof ConsoleError ? error.kind : 'server';
  switch (kind) {
    case 'rate-limited': {
      const minutes = Math.max(1, Math.ceil((error as ConsoleError).retryAfter / 60));
      return msg(str`Too many attempts. Wait ${minutes} minutes, then try again.`, { id: 'console.error.rateLimited' });
    }
    case 'network':
      return msg('Could not reach Tandem. Check your connection and try again.', { id: 'console.error.network' });
    case 'signed-out':
      return msg('Your session ended. Sign in again.', { id: 'console.error.sessionEnded' });
    default:
      return msg('Something went wrong on our side. Try again in a moment.', { id: 'console.error.server' });
  }
}

export const wrongCredentialsMessage = () =>
  msg('The email or password is not right. Check them and try again.', { id: 'console.error.wrongCredentials' });
export const emailRequiredMessage = () => msg('Enter your email address.', { id: 'console.error.emailRequired' });
export const emailFormatMessage = () => msg('Enter an email address like name@school.org.', { id: 'console.error.emailFormat' });
export const passwordRequiredMessage = () => msg('Enter your password.', { id: 'console.error.passwordRequired' });
export const passwordTooShortMessage = () =>
  msg(str`Use at least ${STAFF_PASSWORD_MIN} characters.`, { id: 'console.error.passwordTooShort' });
export const passwordMismatchMessage = () => msg('The two passwords are not the same.', { id: 'console.error.passwordMismatch' });
