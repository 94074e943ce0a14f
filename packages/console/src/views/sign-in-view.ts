/** The sign-in screen: email and password, with errors in the staff member's language and the email kept. */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ConsoleError } from '../console-client.js';
import {
  emailFormatMessage,
  emailRequiredMessage,
  passwordRequiredMessage,
  problemMessage,
  wrongCredentialsMessage,
} from '../console-messages.js';
import type { FormErrors, TandemConsole } from '../console.js';
import { renderField, renderFormError } from './fields.js';

export function checkEmail(email: string): string | undefined {
  if (!email.trim()) return emailRequiredMessage();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? undefined : emailFormatMessage();
}

export function renderSignIn(host: TandemConsole): TemplateResult {
  let password = '';
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const errors: FormErrors = {};
    const emailError = checkEmail(host.email);
    if (emailError) errors.email = emailError;
    if (!password) errors.password = passwordRequiredMessage();
    await host.submit(errors, async () => {
      try {
        host.signedIn(await host.client.signIn(host.email.trim(), password));
      } catch (error) {
        (form.elements.namedItem('password') as HTMLInputElement).value = '';
        host.errors = {
          form: error instanceof ConsoleError && error.kind === 'signed-out' ? wrongCredentialsMessage() : problemMessage(error),
        };
      }
    });
  };
  return html`<h1 tabindex="-1">${msg('Sign in to Tandem', { id: 'console.signIn.title' })}</h1>
    ${host.notice ? html`<p class="notice" role="status">${host.notice}</p>` : nothing}
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
      ${renderField({
        id: 'password',
        label: msg('Password', { id: 'console.field.password' }),
        type: 'password',
        autocomplete: 'current-password',
        error: host.errors.password,
        onInput: () => {},
      })}
      <div class="actions">
        <button class="button button--primary" part="submit" type="submit" ?disabled=${host.busy}>
          ${msg('Sign in', { id: 'console.signIn.submit' })}
        </button>
        <button class="link" type="button" @click=${() => host.go('forgot')}>
          ${msg('Forgot your password?', { id: 'console.signIn.forgot' })}
        </button>
      </div>
    </form>`;
}
