/** The signed-in home: who is signed in, their role and schools. */
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

export function renderHome(host: TandemConsole): TemplateResult {
  const session = host.session!;
  return html`<h1 tabindex="-1">${msg(str`Welcome, ${session.user.name}`, { id: 'console.home.welcome' })}</h1>
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
