/**
 * The organization's LMS connections, those waiting for approval first: what each is (platform, issuer, client ID,
 * deployments, school), approving one for a school, and disabling one after a confirmation.
 */
import { msg, str } from '@lit/localize';
import { renderFieldError } from '@tandem/core/ui.js';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LtiRegistration } from './lms-api.js';
import type { ConsoleLms } from './lms-screen.js';
import { pendingCount, platformLabel, statusName } from './lms-messages.js';

const approveLabel = (name: string) => msg(str`Approve ${name}`, { id: 'console.lms.approve.named' });
const turnOnLabel = (name: string) => msg(str`Turn on again: ${name}`, { id: 'console.lms.turnOn.named' });

const STATUS_ORDER = { pending: 0, approved: 1, disabled: 2 } as const;

/** Waiting ones first (they need the admin), then connected, then disabled; newest first within each. */
export function sortRegistrations(registrations: LtiRegistration[]): LtiRegistration[] {
  return [...registrations].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.createdAt.localeCompare(a.createdAt));
}

function renderApprove(host: ConsoleLms, registration: LtiRegistration): TemplateResult {
  const selectId = `approve-school-${registration.id}`;
  const error = host.schoolErrors[registration.id];
  const chosen = host.approveSchool[registration.id] ?? registration.schoolId ?? '';
  // A disabled connection is turned back on the same way a waiting one is approved: for a school.
  const again = registration.status === 'disabled';
  return html`<div class="row-actions">
    <div class="field">
      <label for=${selectId}>${msg('School for this LMS', { id: 'console.lms.approve.school' })}</label>
      <select
        id=${selectId}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(error ? `${selectId}-error` : undefined)}
        @change=${(e: Event) => host.chooseApproveSchool(registration.id, (e.target as HTMLSelectElement).value)}
      >
        ${host.schoolOptions().map((o) => html`<option value=${o.value} ?selected=${o.value === chosen}>${o.label}</option>`)}
      </select>
      ${renderFieldError(`${selectId}-error`, error)}
    </div>
    <button
      class="button button--primary"
      type="button"
      data-approve=${registration.id}
      ?disabled=${host.busy}
      aria-label=${again ? turnOnLabel(platformLabel(registration)) : approveLabel(platformLabel(registration))}
      @click=${() => host.approve(registration)}
    >
      ${again ? msg('Turn on again', { id: 'console.lms.turnOn' }) : msg('Approve', { id: 'console.lms.approve' })}
    </button>
  </div>`;
}

function renderDisable(host: ConsoleLms, registration: LtiRegistration): TemplateResult {
  const name = platformLabel(registration);
  if (host.confirmingDisable === registration.id) {
    const questionId = `disable-question-${registration.id}`;
    return html`<div
      class="confirm"
      role="group"
      aria-labelledby=${questionId}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && host.cancelDisable(registration)}
    >
      <p id=${questionId} tabindex="-1">
        ${msg(str`Disable ${name}? Links from it stop opening Tandem until it is connected again.`, { id: 'console.lms.disable.question' })}
      </p>
      <div class="actions">
        <button
          class="button button--danger"
          type="button"
          data-confirm-disable
          ?disabled=${host.busy}
          @click=${() => host.disable(registration)}
        >
          ${msg('Yes, disable it', { id: 'console.lms.disable.confirm' })}
        </button>
        <button class="button" type="button" @click=${() => host.cancelDisable(registration)}>
          ${msg('Keep it', { id: 'console.lms.disable.cancel' })}
        </button>
      </div>
    </div>`;
  }
  return html`<button
    class="button"
    type="button"
    data-disable=${registration.id}
    ?disabled=${host.busy}
    aria-label=${msg(str`Disable ${name}`, { id: 'console.lms.disable.named' })}
    @click=${() => host.askDisable(registration)}
  >
    ${msg('Disable', { id: 'console.lms.disable' })}
  </button>`;
}

function renderRegistration(host: ConsoleLms, registration: LtiRegistration): TemplateResult {
  const school = host.schoolName(registration.schoolId);
  const headingId = `registration-${registration.id}`;
  return html`<li class="registration" data-registration=${registration.id} data-status=${registration.status}>
    <div class="registration-head">
      <h3 id=${headingId}>${platformLabel(registration)}</h3>
      <span class="status status--${registration.status}">${statusName(registration.status)}</span>
    </div>
    <dl>
      <dt>${msg('Issuer', { id: 'console.lms.field.issuer' })}</dt>
      <dd dir="ltr" class="code">${registration.issuer}</dd>
      <dt>${msg('Client ID', { id: 'console.lms.field.clientId' })}</dt>
      <dd dir="ltr" class="code">${registration.clientId}</dd>
      <dt>${msg('Deployment IDs', { id: 'console.lms.field.deployments' })}</dt>
      <dd>
        ${
          registration.deploymentIds.length
            ? html`<ul class="deployments">
                ${registration.deploymentIds.map((d) => html`<li dir="ltr" class="code">${d}</li>`)}
              </ul>`
            : // Canvas names its deployment only in launches: the server records it from the first one.
              msg('None yet. Tandem records it at the first launch from the LMS.', { id: 'console.lms.deploymentsAtFirstLaunch' })
        }
      </dd>
      <dt>${msg('School', { id: 'console.field.school' })}</dt>
      <dd>${school ?? msg('Not chosen yet', { id: 'console.lms.noSchool' })}</dd>
    </dl>
    ${host.rowErrors[registration.id] ? html`<p class="alert" role="alert" tabindex="-1">${host.rowErrors[registration.id]}</p>` : nothing}
    <div class="actions">
      ${registration.status !== 'approved' ? renderApprove(host, registration) : nothing}
      ${registration.status !== 'disabled' ? renderDisable(host, registration) : nothing}
    </div>
  </li>`;
}

export function renderRegistrations(host: ConsoleLms): TemplateResult {
  const registrations = sortRegistrations(host.list?.registrations ?? []);
  const pending = registrations.filter((r) => r.status === 'pending').length;
  return html`<section aria-labelledby="connections-heading">
    <h2 id="connections-heading">${msg('Your LMSs', { id: 'console.lms.list.heading' })}</h2>
    <p id="lms-result" class="notice" role="status" tabindex="-1" ?hidden=${!host.result}>${host.result}</p>
    ${host.listError ? html`<p class="alert" role="alert" tabindex="-1" id="list-error">${host.listError}</p>` : nothing}
    ${pending ? html`<p class="pending-count" id="pending-count">${pendingCount(pending)}</p>` : nothing}
    ${
      host.list && !registrations.length
        ? html`<p>${msg('No LMS is connected yet. Connect one below.', { id: 'console.lms.list.empty' })}</p>`
        : html`<ul class="registrations">
            ${registrations.map((r) => renderRegistration(host, r))}
          </ul>`
    }
  </section>`;
}
