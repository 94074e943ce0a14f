/** Forgot password (ask for a link) and reset (choose a new password from the link's token). */
import { msg, str } from '@lit/localize';
import { STAFF_PASSWORD_MIN } from '@tandem/protocol';
import { html, type TemplateResult } from 'lit';
import { ConsoleError } from '../console-client.js';
import { passwordMismatchMessage, passwordTooShortMessage, problemMessage } from '../console-messages.js';
import type { FormErrors, TandemConsole } from '../console.js';
import { renderField, renderFormError } from './fields.js';
import { checkEmail } from './sign-in-view.js';

const backToSignIn = (host: TandemConsole) =>
  html`<button class="link" type="button" @click=${() => host.go('sign-in')}>${msg('Back to sign in', { id: 'console.back' })}</button>`;

export function renderForgot(host: TandemConsole): TemplateResult {
  const title = html`<h1 tabindex="-1">${msg('Reset your password', { id: 'console.forgot.title' })}</h1>`;
  if (host.view === 'forgot-sent') {
    return html`${title}
      <p class="notice" role="status">
        ${msg('If an account uses that email, a reset link is on its way. It works once, for 30 minutes.', { id: 'console.forgot.sent' })}
      </p>
      ${backToSignIn(host)}`;
  }
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const emailError = checkEmail(host.email);
    await host.submit(emailError ? { email: emailError } : {}, async () => {
      try {
        await host.client.requestPasswordReset(host.email.trim());
        host.go('forgot-sent');
      } catch (error) {
        host.errors = { form: problemMessage(error) };
      }
    });
  };
  return html`${title}
    <p>${msg('Enter the email you sign in with. We will send you a link to choose a new password.', { id: 'console.forgot.intro' })}</p>
    <form novalidate @submit=${onSubmit}>
      ${renderFormError(host.errors.form)}
      ${renderField({
        id: 'email',
        label: msg('Email', { id: 'console.field.email' }),
        type: 'email',
        autocomplete: 'username',
        value: host.email,
        error: host.errors.email,
        onInput: (value) => (host.email = value),
      })}
      <div class="actions">
        <button class="button button--primary" part="submit" type="submit" ?disabled=${host.busy}>
          ${msg('Send reset link', { id: 'console.forgot.submit' })}
        </button>
        ${backToSignIn(host)}
      </div>
    </form>`;
}

export function renderReset(host: TandemConsole): TemplateResult {
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const password = (form.elements.namedItem('new-password') as HTMLInputElement).value;
    const confirm = (form.elements.namedItem('confirm-password') as HTMLInputElement).value;
    const errors: FormErrors = {};
    if ([...password].length < STAFF_PASSWORD_MIN) errors.password = passwordTooShortMessage();
    else if (password !== confirm) errors.confirm = passwordMismatchMessage();
    await host.submit(errors, async () => {
      try {
        await host.client.completePasswordReset(host.resetToken, password);
        host.resetToken = '';
        host.go('sign-in', { notice: msg('Your password is changed. Sign in with your new password.', { id: 'console.reset.done' }) });
      } catch (error) {
        const expired = error instanceof ConsoleError && error.kind === 'invalid' && error.fields.includes('/token');
        host.errors = {
          form: expired
            ? msg('This reset link was used already or has expired. Ask for a new one.', { id: 'console.reset.expired' })
            : problemMessage(error),
        };
      }
    });
  };
  return html`<h1 tabindex="-1">${msg('Choose a new password', { id: 'console.reset.title' })}</h1>
    <form novalidate @submit=${onSubmit}>
      ${renderFormError(host.errors.form)}
      ${renderField({
        id: 'new-password',
        label: msg('New password', { id: 'console.reset.new' }),
        type: 'password',
        autocomplete: 'new-password',
        hint: msg(str`At least ${STAFF_PASSWORD_MIN} characters.`, { id: 'console.reset.hint' }),
        error: host.errors.password,
        onInput: () => {},
      })}
      ${renderField({
        id: 'confirm-password',
        label: msg('Type the new password again', { id: 'console.reset.confirm' }),
        type: 'password',
        autocomplete: 'new-password',
        error: host.errors.confirm,
        onInput: () => {},
      })}
      <div class="actions">
        <button class="button button--primary" part="submit" type="submit" ?disabled=${host.busy}>
          ${msg('Save password', { id: 'console.reset.submit' })}
        </button>
        <button class="link" type="button" @click=${() => host.go('forgot')}>
          ${msg('Ask for a new link', { id: 'console.reset.askAgain' })}
        </button>
      </div>
    </form>`;
}
