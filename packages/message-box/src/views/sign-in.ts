/** The signed-out panel: an invite code, or a sign-in link by email. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { renderFieldError } from '@tandem/core/ui.js';

export interface SignInState {
  code: string;
  name: string;
  studentName: string;
  /** A class code: it asks who is signing in. */
  needsName: boolean;
  codeError?: string | undefined;
  nameError?: string | undefined;
  busy: boolean;
  email: string;
  emailError?: string | undefined;
  emailSent: boolean;
  /** Why the family is here again (session ended, link expired). */
  note?: string | undefined;
}

export interface SignInProps {
  state: SignInState;
  /** Email links need the organization; without it only codes are offered. */
  offerEmail: boolean;
  onChange: (patch: Partial<SignInState>) => void;
  onSignIn: () => void;
  onEmail: () => void;
}

const value = (event: Event) => (event.target as HTMLInputElement).value;

export function renderSignIn({ state, offerEmail, onChange, onSignIn, onEmail }: SignInProps): TemplateResult {
  return html`<div part="body" class="body sign-in">
    <h3 id="state-heading" tabindex="-1">${msg('Sign in to message the school', { id: 'messages.sign-in.heading' })}</h3>
    ${state.note ? html`<tandem-status tone="warning">${state.note}</tandem-status>` : nothing}
    <form
      class="form"
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        onSignIn();
      }}
    >
      <div class="field">
        <label for="invite-code" class="label">${msg('Invite code', { id: 'messages.sign-in.code' })}</label>
        <input
          id="invite-code"
          name="code"
          autocomplete="one-time-code"
          autocapitalize="characters"
          spellcheck="false"
          .value=${live(state.code)}
          aria-invalid=${state.codeError ? 'true' : 'false'}
          aria-describedby="invite-code-hint invite-code-error"
          @input=${(event: Event) => onChange({ code: value(event), codeError: undefined })}
        />
        <p id="invite-code-hint" class="hint">
          ${msg('The code is on the letter or message from the school, for example ABCDE-FGHJK.', { id: 'messages.sign-in.code-hint' })}
        </p>
        ${renderFieldError('invite-code-error', state.codeError)}
      </div>
      ${
        state.needsName
          ? html`<div class="field">
                <label for="family-name" class="label">${msg('Your name', { id: 'messages.sign-in.name' })}</label>
                <input
                  id="family-name"
                  name="name"
                  autocomplete="name"
                  .value=${live(state.name)}
                  aria-invalid=${state.nameError ? 'true' : 'false'}
                  aria-describedby="family-name-error"
                  @input=${(event: Event) => onChange({ name: value(event), nameError: undefined })}
                />
                ${renderFieldError('family-name-error', state.nameError)}
              </div>
              <div class="field">
                <label for="student-name" class="label">${msg("Your child's name", { id: 'messages.sign-in.student' })}</label>
                <input
                  id="student-name"
                  name="studentName"
                  .value=${live(state.studentName)}
                  @input=${(event: Event) => onChange({ studentName: value(event) })}
                />
              </div>`
          : nothing
      }
      <div>
        <button type="submit" class="button button--primary" part="submit" ?disabled=${state.busy}>
          ${msg('Sign in', { id: 'messages.sign-in.submit' })}
        </button>
      </div>
    </form>
    ${
      offerEmail
        ? html`<form
            class="form email-form"
            novalidate
            @submit=${(event: Event) => {
              event.preventDefault();
              onEmail();
            }}
          >
            <p class="muted">${msg('No code? The school can email you a link.', { id: 'messages.sign-in.no-code' })}</p>
            <div class="field">
              <label for="sign-in-email" class="label">${msg('Email address', { id: 'messages.sign-in.email' })}</label>
              <input
                id="sign-in-email"
                name="email"
                type="email"
                autocomplete="email"
                .value=${live(state.email)}
                aria-invalid=${state.emailError ? 'true' : 'false'}
                aria-describedby="sign-in-email-error"
                @input=${(event: Event) => onChange({ email: value(event), emailError: undefined, emailSent: false })}
              />
              ${renderFieldError('sign-in-email-error', state.emailError)}
            </div>
            <div>
              <button type="submit" class="button" part="email-link" ?disabled=${state.busy}>
                ${msg('Email me a sign-in link', { id: 'messages.sign-in.email-submit' })}
              </button>
            </div>
            <div role="status" aria-live="polite">
              ${
                state.emailSent
                  ? html`<p class="success">
                      ${msg('If this address is registered, a link is on its way.', { id: 'messages.sign-in.email-sent' })}
                    </p>`
                  : nothing
              }
            </div>
          </form>`
        : nothing
    }
  </div>`;
}
