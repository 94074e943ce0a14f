/** The signed-in home: who is signed in, their role and schools, and the account menu to sign out. */
import { msg, str } from '@lit/localize';
import type { ConsoleRole, SchoolRole } from '@tandem/protocol';
import { html, type TemplateResult } from 'lit';
import type { TandemConsole } from '../console.js';
import { renderFormError } from './fields.js';

export function roleName(role: ConsoleRole): string {
  switch (role) {
    case 'organization-admin':
      return msg('Organization admin', { id: 'console.role.organizationAdmin' });
    case 'school-admin':
      return msg('School admin', { id: 'console.role.schoolAdmin' });
    default:
      return msg('Staff', { id: 'console.role.staff' });
  }
}

const schoolRoleName = (role: SchoolRole) =>
  role === 'admin' ? msg('School admin', { id: 'console.role.schoolAdmin' }) : msg('Staff', { id: 'console.role.staff' });

function renderAccountMenu(host: TandemConsole): TemplateResult {
  const toggle = () => (host.menuOpen = !host.menuOpen);
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !host.menuOpen) return;
    host.menuOpen = false;
    host.renderRoot.querySelector<HTMLButtonElement>('#account-button')?.focus();
  };
  return html`<div class="menu" @keydown=${onKeydown}>
    <button
      id="account-button"
      class="button"
      type="button"
      aria-expanded=${host.menuOpen ? 'true' : 'false'}
      aria-controls="account-menu"
      @click=${toggle}
    >
      ${msg('Account', { id: 'console.menu.account' })}
    </button>
    <ul id="account-menu" class="menu-items" ?hidden=${!host.menuOpen}>
      <li>
        <button class="button" part="sign-out" type="button" ?disabled=${host.busy} @click=${() => host.signOut(false)}>
          ${msg('Sign out', { id: 'console.menu.signOut' })}
        </button>
      </li>
      <li>
        <button class="button" part="sign-out-everywhere" type="button" ?disabled=${host.busy} @click=${() => host.signOut(true)}>
          ${msg('Sign out everywhere', { id: 'console.menu.signOutEverywhere' })}
        </button>
      </li>
    </ul>
  </div>`;
}

export function renderHome(host: TandemConsole): TemplateResult {
  const session = host.session!;
  return html`<div class="actions home-heading">
      <h1 tabindex="-1">${msg(str`Welcome, ${session.user.name}`, { id: 'console.home.welcome' })}</h1>
      ${renderAccountMenu(host)}
    </div>
    ${renderFormError(host.errors.form)}
    <dl>
      <dt>${msg('Organization', { id: 'console.home.organization' })}</dt>
      <dd>${session.organization.name}</dd>
      <dt>${msg('Role', { id: 'console.home.role' })}</dt>
      <dd class="role">${roleName(session.user.role)}</dd>
      <dt>${msg('Email', { id: 'console.field.email' })}</dt>
      <dd>${session.user.email}</dd>
    </dl>
    <h2>${msg('Your schools', { id: 'console.home.schools' })}</h2>
    ${
      session.schools.length
        ? html`<ul class="schools">
            ${session.schools.map((s) => html`<li>${s.name} (${schoolRoleName(s.role)})</li>`)}
          </ul>`
        : html`<p>
            ${msg('You are not a member of any school yet. An organization admin can add you.', { id: 'console.home.noSchools' })}
          </p>`
    } `;
}
