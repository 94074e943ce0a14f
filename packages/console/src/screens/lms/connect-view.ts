/**
 * "Connect an LMS": the two ways an LMS administrator installs Tandem. Canvas, Moodle and Brightspace take one
 * registration URL (dynamic registration); Schoology and Blackboard need Tandem's addresses typed in by hand and give
 * back an issuer, client ID and endpoints, which the form below records.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { renderFormStatus, renderInput, renderSelect } from '../form-controls.js';
import type { LtiToolUrls } from './lms-api.js';
import type { ConsoleLms } from './lms-screen.js';
import { deploymentFieldId, FIELD_IDS, MAX_DEPLOYMENTS } from './registration-draft.js';

/** A read-only address with its Copy button; the button names what it copies for screen readers. */
function renderCopyField(host: ConsoleLms, id: string, label: string, value: string, hint?: string): TemplateResult {
  const copied = host.copiedField === id;
  return html`<div class="field copy-field">
    <label for=${id}>${label}</label>
    ${hint ? html`<p id="${id}-hint" class="hint">${hint}</p>` : nothing}
    <div class="copy-row">
      <input id=${id} type="text" readonly dir="ltr" spellcheck="false" .value=${value} aria-describedby=${hint ? `${id}-hint` : nothing} />
      <button
        class="button"
        type="button"
        data-copy=${id}
        aria-label=${copied ? msg('Copied', { id: 'console.lms.copied' }) : `${msg('Copy', { id: 'console.lms.copy' })}: ${label}`}
        @click=${(event: Event) => host.copy(id, label, value, event.currentTarget as HTMLButtonElement)}
      >
        ${copied ? msg('Copied', { id: 'console.lms.copied' }) : msg('Copy', { id: 'console.lms.copy' })}
      </button>
    </div>
  </div>`;
}

/** Steps for one LMS, folded so the page stays short on a phone. */
function renderSteps(name: string, steps: string[]): TemplateResult {
  return html`<details class="steps">
    <summary>${name}</summary>
    <ol>
      ${steps.map((step) => html`<li>${step}</li>`)}
    </ol>
  </details>`;
}

function renderDynamic(host: ConsoleLms, tool: LtiToolUrls): TemplateResult {
  return html`<section class="path" aria-labelledby="dynamic-heading">
    <h3 id="dynamic-heading">${msg('Canvas, Moodle or Brightspace: paste one address', { id: 'console.lms.dynamic.heading' })}</h3>
    <p>
      ${msg(
        'These LMSs connect by themselves: copy the registration address below and paste it into your LMS. When the LMS is done, the connection appears in the list above as waiting for approval. Choose its school there and approve it.',
        { id: 'console.lms.dynamic.intro' },
      )}
    </p>
    ${renderCopyField(host, 'lms-registration-url', msg('Registration URL', { id: 'console.lms.url.registration' }), tool.registrationUrl)}
    ${renderSteps('Canvas', [
      msg('Open Admin, then Developer Keys.', { id: 'console.lms.steps.canvas1' }),
      msg('Choose + Developer Key, then + LTI Registration.', { id: 'console.lms.steps.canvas2' }),
      msg('Paste the registration URL, review what Tandem asks for and save.', { id: 'console.lms.steps.canvas3' }),
      msg('Switch the new key to On.', { id: 'console.lms.steps.canvas4' }),
    ])}
    ${renderSteps('Moodle', [
      msg('Open Site administration, then Plugins, Activity modules, External tool, Manage tools.', {
        id: 'console.lms.steps.moodle1',
      }),
      msg('Paste the registration URL into Tool URL and choose Add LTI Advantage.', { id: 'console.lms.steps.moodle2' }),
      msg('Activate Tandem in the list of tools.', { id: 'console.lms.steps.moodle3' }),
    ])}
    ${renderSteps('Brightspace (D2L)', [
      msg('Open Admin Tools, then Manage Extensibility, then the LTI Advantage tab.', { id: 'console.lms.steps.brightspace1' }),
      msg('Choose Register Tool, then Dynamic.', { id: 'console.lms.steps.brightspace2' }),
      msg('Paste the registration URL into Tool initiation registration endpoint and choose Register.', {
        id: 'console.lms.steps.brightspace3',
      }),
      msg('Add a deployment for your org units, then links for teachers.', { id: 'console.lms.steps.brightspace4' }),
    ])}
  </section>`;
}

/** The host name the target link lives on: Schoology asks for it as "Domain". */
function domainOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function renderToolUrls(host: ConsoleLms, tool: LtiToolUrls): TemplateResult {
  return html`<div class="tool-urls">
    ${renderCopyField(host, 'lms-login-url', msg('Login initiation URL (OIDC login)', { id: 'console.lms.url.login' }), tool.loginUrl)}
    ${renderCopyField(host, 'lms-redirect-url', msg('Redirect URL', { id: 'console.lms.url.redirect' }), tool.redirectUrl)}
    ${renderCopyField(host, 'lms-jwks-url', msg('Public keys (JWKS) URL', { id: 'console.lms.url.jwks' }), tool.jwksUrl)}
    ${renderCopyField(host, 'lms-target-url', msg('Target link URL', { id: 'console.lms.url.target' }), tool.targetLinkUrl)}
    ${
      tool.deepLinkUrl
        ? renderCopyField(host, 'lms-deep-link-url', msg('Deep linking URL', { id: 'console.lms.url.deepLink' }), tool.deepLinkUrl)
        : nothing
    }
    ${renderCopyField(host, 'lms-domain', msg('Domain', { id: 'console.lms.url.domain' }), domainOf(tool.targetLinkUrl))}
    ${renderCopyField(
      host,
      'lms-config-url',
      msg('JSON configuration URL', { id: 'console.lms.url.config' }),
      tool.configUrl,
      msg('For LMSs that read the whole setup from one address, like a Canvas developer key entered by URL.', {
        id: 'console.lms.url.configHint',
      }),
    )}
  </div>`;
}

function renderDeployments(host: ConsoleLms): TemplateResult {
  const { draft } = host;
  const errors = host.errors['register'] ?? {};
  return html`<fieldset>
    <legend>${msg('Deployment IDs', { id: 'console.lms.field.deployments' })}</legend>
    <p class="hint" id="lti-deployments-hint">
      ${msg('The LMS gives one for each place Tandem is installed (the whole site, a school, a course). Add each one.', {
        id: 'console.lms.field.deploymentsHint',
      })}
    </p>
    ${draft.deploymentIds.map(
      (value, index) =>
        html`<div class="deployment">
          ${renderInput({
            id: deploymentFieldId(index),
            label:
              index === 0
                ? msg('Deployment ID', { id: 'console.lms.field.deployment' })
                : msg('Another deployment ID', { id: 'console.lms.field.deploymentMore' }),
            value,
            dir: 'ltr',
            error: errors[deploymentFieldId(index)],
            onInput: (id) => host.setDeployment(index, id),
          })}
          ${
            index > 0
              ? html`<button
                  class="button"
                  type="button"
                  aria-label=${`${msg('Remove', { id: 'console.lms.remove' })}: ${value || msg('Another deployment ID', { id: 'console.lms.field.deploymentMore' })}`}
                  @click=${() => host.removeDeployment(index)}
                >
                  ${msg('Remove', { id: 'console.lms.remove' })}
                </button>`
              : nothing
          }
        </div>`,
    )}
    ${
      draft.deploymentIds.length < MAX_DEPLOYMENTS
        ? html`<div class="actions">
            <button class="button" type="button" @click=${() => host.addDeployment()}>
              ${msg('Add another deployment ID', { id: 'console.lms.addDeployment' })}
            </button>
          </div>`
        : nothing
    }
  </fieldset>`;
}

function renderManualForm(host: ConsoleLms): TemplateResult {
  const { draft } = host;
  const errors = host.errors['register'] ?? {};
  const url = (field: 'issuer' | 'authorizationEndpoint' | 'tokenEndpoint' | 'jwksUri', label: string, hint?: string) =>
    renderInput({
      id: FIELD_IDS[field],
      label,
      type: 'url',
      dir: 'ltr',
      value: draft[field],
      error: errors[FIELD_IDS[field]],
      ...(hint ? { hint } : {}),
      onInput: (value) => host.setDraft({ [field]: value }),
    });
  return html`<form id="register" novalidate @submit=${host.register} aria-labelledby="manual-form-heading">
    <h4 id="manual-form-heading">${msg('What the LMS gave you', { id: 'console.lms.manual.formHeading' })}</h4>
    ${renderFormStatus(errors['form'], undefined)}
    ${renderInput({
      id: FIELD_IDS.platformName,
      label: msg('LMS name (optional)', { id: 'console.lms.field.platformName' }),
      hint: msg('How your staff will recognize it, like "Schoology" or "Blackboard at Lincoln".', {
        id: 'console.lms.field.platformNameHint',
      }),
      value: draft.platformName,
      error: errors[FIELD_IDS.platformName],
      onInput: (platformName) => host.setDraft({ platformName }),
    })}
    ${renderInput({
      id: FIELD_IDS.clientId,
      label: msg('Client ID', { id: 'console.lms.field.clientId' }),
      hint: msg('Blackboard calls it Application ID.', { id: 'console.lms.field.clientIdHint' }),
      value: draft.clientId,
      dir: 'ltr',
      error: errors[FIELD_IDS.clientId],
      onInput: (clientId) => host.setDraft({ clientId }),
    })}
    ${renderDeployments(host)}
    <div class="presets" role="group" aria-labelledby="presets-label">
      <p id="presets-label" class="hint">
        ${msg('Schoology and Blackboard publish their addresses; fill them in with one button:', { id: 'console.lms.presets' })}
      </p>
      <div class="actions">
        <button class="button" type="button" @click=${() => host.fillAddresses('schoology')}>
          ${msg("Fill in Schoology's addresses", { id: 'console.lms.presets.schoology' })}
        </button>
        <button class="button" type="button" @click=${() => host.fillAddresses('blackboard')}>
          ${msg("Fill in Blackboard's addresses", { id: 'console.lms.presets.blackboard' })}
        </button>
      </div>
    </div>
    ${url('issuer', msg('Issuer', { id: 'console.lms.field.issuer' }), msg('Also called Platform ID.', { id: 'console.lms.field.issuerHint' }))}
    ${url('authorizationEndpoint', msg('Authorization endpoint (OIDC auth URL)', { id: 'console.lms.field.authEndpoint' }))}
    ${url('tokenEndpoint', msg('Access token endpoint', { id: 'console.lms.field.tokenEndpoint' }))}
    ${url('jwksUri', msg('Public keys (JWKS) URL of the LMS', { id: 'console.lms.field.jwksUri' }))}
    ${renderSelect({
      id: FIELD_IDS.schoolId,
      label: msg('School', { id: 'console.field.school' }),
      hint: msg('Launches from this LMS open Tandem for this school.', { id: 'console.lms.field.schoolHint' }),
      value: draft.schoolId,
      error: errors[FIELD_IDS.schoolId],
      options: host.schoolOptions(),
      onInput: (schoolId) => host.setDraft({ schoolId }),
    })}
    <div class="actions">
      <button class="button button--primary" type="submit" ?disabled=${host.busy}>
        ${msg('Connect this LMS', { id: 'console.lms.manual.submit' })}
      </button>
    </div>
  </form>`;
}

function renderManual(host: ConsoleLms, tool: LtiToolUrls): TemplateResult {
  return html`<section class="path" aria-labelledby="manual-heading">
    <h3 id="manual-heading">${msg('Schoology, Blackboard or another LMS: set it up by hand', { id: 'console.lms.manual.heading' })}</h3>
    <p>
      ${msg(
        'First copy these Tandem addresses into your LMS. The LMS then shows an issuer, a client ID, deployment IDs and its own addresses: enter them in the form below.',
        { id: 'console.lms.manual.intro' },
      )}
    </p>
    ${renderSteps('Schoology', [
      msg('In Schoology, create an LTI 1.3 app (App Center, then My Developer Apps).', { id: 'console.lms.steps.schoology1' }),
      msg('Enter the domain, login initiation, redirect and public keys URLs below.', { id: 'console.lms.steps.schoology2' }),
      msg('Install the app for your school. Schoology then shows the client ID, deployment ID and its endpoints.', {
        id: 'console.lms.steps.schoology3',
      }),
    ])}
    ${renderSteps('Blackboard Learn', [
      msg(
        'Register Tandem at developer.blackboard.com with the login, redirect, public keys and target link URLs below. You get an application ID: this is the client ID.',
        {
          id: 'console.lms.steps.blackboard1',
        },
      ),
      msg(
        'In Learn, open Administrator Panel, then LTI Tool Providers, then Register LTI 1.3/Advantage Tool, and paste the application ID.',
        {
          id: 'console.lms.steps.blackboard2',
        },
      ),
      msg('Learn shows the deployment ID and its endpoints. Enter them below; the issuer is https://blackboard.com.', {
        id: 'console.lms.steps.blackboard3',
      }),
    ])}
    ${renderToolUrls(host, tool)} ${renderManualForm(host)}
  </section>`;
}

export function renderConnect(host: ConsoleLms): TemplateResult {
  const tool = host.list?.tool;
  return html`<section aria-labelledby="connect-heading">
    <h2 id="connect-heading">${msg('Connect an LMS', { id: 'console.lms.connect.heading' })}</h2>
    <p>
      ${msg(
        'Once your LMS is connected, teachers can add Tandem surveys, events and lessons to their courses, and people open them from the LMS without signing in again. Give these steps to whoever runs your LMS.',
        { id: 'console.lms.connect.intro' },
      )}
    </p>
    ${tool ? html`${renderDynamic(host, tool)} ${renderManual(host, tool)}` : nothing}
    <p class="visually-hidden" role="status" aria-live="polite" id="lms-announcement">${host.announcement}</p>
  </section>`;
}
