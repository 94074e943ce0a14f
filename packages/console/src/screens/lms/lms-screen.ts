/**
 * <console-lms>: the LMS screen, for organization admins. It lists the LMSs (LTI 1.3 platforms) connected to the
 * organization, waiting ones first, approves them for a school or disables them, and explains both ways to connect
 * one: the dynamic registration URL, or Tandem's addresses copied by hand plus a form for what the LMS gives back.
 */
import { msg, str } from '@lit/localize';
import { css, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ConsoleError } from '../../console-client.js';
import type { Errors } from '../form-controls.js';
import { ScreenElement } from '../screen-element.js';
import { renderConnect } from './connect-view.js';
import { copyText } from './copy-text.js';
import { lmsRoutes, type LtiRegistration, type LtiRegistrationList } from './lms-api.js';
import { approvalRefusal, platformLabel, refusal } from './lms-messages.js';
import { lmsStyles } from './lms.styles.js';
import { blackboard, SCHOOLOGY } from './platform-presets.js';
import {
  checkDraft,
  deploymentFieldId,
  emptyDraft,
  FIELD_IDS,
  fieldIdOfPointer,
  MAX_DEPLOYMENTS,
  serverFieldMessage,
  toInput,
  type RegistrationDraft,
} from './registration-draft.js';
import { renderRegistrations } from './registrations-view.js';

/** How long a Copy button says "Copied" before it reads "Copy" again. */
const COPIED_FOR_MS = 2500;

export class ConsoleLms extends ScreenElement {
  static override styles = css`
    ${ScreenElement.styles} ${lmsStyles}
  `;

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    list: { state: true },
    listError: { state: true },
    draft: { state: true },
    errors: { state: true },
    busy: { state: true },
    result: { state: true },
    rowErrors: { state: true },
    schoolErrors: { state: true },
    approveSchool: { state: true },
    confirmingDisable: { state: true },
    copiedField: { state: true },
    announcement: { state: true },
  };

  list: LtiRegistrationList | undefined;
  listError = '';
  draft: RegistrationDraft = emptyDraft();
  errors: Partial<Record<'register', Errors>> = {};
  busy = false;
  /** What the last action did, shown above the list and focused so it is read out. */
  result = '';
  /** A refused approve or disable, by registration id. */
  rowErrors: Record<string, string> = {};
  /** "Choose a school first", by registration id. */
  schoolErrors: Record<string, string> = {};
  /** The school picked for each waiting registration before approving it. */
  approveSchool: Record<string, string> = {};
  confirmingDisable: string | undefined;
  /** The copy field whose button says "Copied" for a moment. */
  copiedField = '';
  /** Read out by the polite live region: copied, or addresses filled in. */
  announcement = '';
  #loaded = false;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  // Not connectedCallback: the shell may render this element before its module is defined, and Lit hands over
  // properties set before the upgrade only when the first update starts.
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session') && this.session && !this.#loaded) {
      // One school needs no choosing; several must be chosen on purpose.
      if (this.session.schools.length === 1) this.draft = emptyDraft(this.session.schools[0]!.id);
    }
    if (changed.has('api') && this.api && !this.#loaded) {
      this.#loaded = true;
      void this.load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#copiedTimer);
  }

  async load(): Promise<void> {
    try {
      this.list = await this.api.call<LtiRegistrationList>(lmsRoutes.listLtiRegistrations);
      this.listError = '';
    } catch (error) {
      this.listError = refusal(error);
    }
  }

  schoolOptions(): { value: string; label: string }[] {
    return [
      { value: '', label: msg('Choose a school', { id: 'console.lms.chooseSchool' }) },
      ...this.session.schools.map((s) => ({ value: s.id, label: s.name })),
    ];
  }

  schoolName(schoolId: string | null | undefined): string | undefined {
    return schoolId ? (this.session.schools.find((s) => s.id === schoolId)?.name ?? schoolId) : undefined;
  }

  // ——— Copying the tool's addresses ———

  async copy(fieldId: string, label: string, value: string, button: HTMLButtonElement): Promise<void> {
    const copied = await copyText(value);
    button.focus();
    clearTimeout(this.#copiedTimer);
    // Emptied first, so copying the same address twice is announced twice.
    this.announcement = '';
    await this.updateComplete;
    if (copied) {
      this.copiedField = fieldId;
      this.announcement = msg(str`Copied: ${label}`, { id: 'console.lms.copiedAnnouncement' });
      this.#copiedTimer = setTimeout(() => (this.copiedField = ''), COPIED_FOR_MS);
      return;
    }
    // Copying was refused: select the address so the keyboard's copy shortcut does it.
    this.copiedField = '';
    this.announcement = msg('Could not copy. The address is selected: copy it with your keyboard (Ctrl+C, or Command+C on a Mac).', {
      id: 'console.lms.copyFailed',
    });
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${fieldId}`);
    input?.focus();
    input?.select();
  }

  // ——— The manual registration form ———

  setDraft(patch: Partial<RegistrationDraft>): void {
    this.draft = { ...this.draft, ...patch };
  }

  setDeployment(index: number, value: string): void {
    this.setDraft({ deploymentIds: this.draft.deploymentIds.map((d, i) => (i === index ? value : d)) });
  }

  async addDeployment(): Promise<void> {
    if (this.draft.deploymentIds.length >= MAX_DEPLOYMENTS) return;
    this.setDraft({ deploymentIds: [...this.draft.deploymentIds, ''] });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${deploymentFieldId(this.draft.deploymentIds.length - 1)}`)?.focus();
  }

  async removeDeployment(index: number): Promise<void> {
    this.setDraft({ deploymentIds: this.draft.deploymentIds.filter((_, i) => i !== index) });
    // Errors are keyed by row; after a removal they would point at the wrong rows.
    this.errors = { ...this.errors, register: {} };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${deploymentFieldId(index - 1)}`)?.focus();
  }

  /** Fills in the issuer and endpoints an LMS publishes; Blackboard's keys address needs the client ID first. */
  async fillAddresses(lms: 'schoology' | 'blackboard'): Promise<void> {
    const clientId = this.draft.clientId.trim();
    const errors = { ...(this.errors['register'] ?? {}) };
    if (lms === 'blackboard' && !clientId) {
      errors[FIELD_IDS.clientId] = msg('Enter the application ID from Blackboard first: its public keys address is made from it.', {
        id: 'console.lms.error.blackboardClientFirst',
      });
      this.errors = { ...this.errors, register: errors };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#${FIELD_IDS.clientId}`)?.focus();
      return;
    }
    const name = lms === 'schoology' ? 'Schoology' : 'Blackboard Learn';
    this.setDraft({ ...(lms === 'schoology' ? SCHOOLOGY : blackboard(clientId)), platformName: this.draft.platformName || name });
    for (const field of ['platformName', 'issuer', 'clientId', 'authorizationEndpoint', 'tokenEndpoint', 'jwksUri'] as const)
      delete errors[FIELD_IDS[field]];
    this.errors = { ...this.errors, register: errors };
    this.announcement = '';
    await this.updateComplete;
    this.announcement = msg(str`The issuer and addresses of ${name} are filled in. Check them against what the LMS shows.`, {
      id: 'console.lms.filledIn',
    });
  }

  readonly register = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const draft = this.draft;
    const errors = checkDraft(draft);
    this.errors = { ...this.errors, register: errors };
    if (Object.keys(errors).length) return this.focusFirstError('register');
    this.busy = true;
    try {
      // Not idempotent, and need not be: a repeat of a create that did reach the server is refused as already connected.
      const created = await this.api.call<LtiRegistration>(lmsRoutes.createLtiRegistration, { body: toInput(draft) });
      this.list = this.list && { ...this.list, registrations: [created, ...this.list.registrations.filter((r) => r.id !== created.id)] };
      this.draft = emptyDraft(draft.schoolId);
      this.busy = false;
      const name = platformLabel(created);
      await this.#announce(msg(str`${name} is connected.`, { id: 'console.lms.registered' }));
    } catch (error) {
      this.busy = false;
      this.errors = { ...this.errors, register: this.#serverErrors(error, draft) };
      await this.focusFirstError('register');
    }
  };

  /** The server's refusal as field errors where it names fields, else a message about the whole form. */
  #serverErrors(error: unknown, draft: RegistrationDraft): Errors {
    const errors: Errors = { form: refusal(error) };
    if (error instanceof ConsoleError && error.kind === 'invalid')
      for (const pointer of error.fields) {
        const fieldId = fieldIdOfPointer(pointer, draft);
        if (fieldId) errors[fieldId] ??= serverFieldMessage(fieldId);
      }
    return errors;
  }

  // ——— Approving and disabling ———

  chooseApproveSchool(registrationId: string, schoolId: string): void {
    this.approveSchool = { ...this.approveSchool, [registrationId]: schoolId };
    if (schoolId) this.schoolErrors = { ...this.schoolErrors, [registrationId]: '' };
  }

  async approve(registration: LtiRegistration): Promise<void> {
    const schoolId = this.approveSchool[registration.id] ?? registration.schoolId ?? '';
    if (!schoolId) {
      this.schoolErrors = {
        ...this.schoolErrors,
        [registration.id]: msg('Choose the school this LMS is for, then approve it.', { id: 'console.lms.approve.schoolFirst' }),
      };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLSelectElement>(`#approve-school-${registration.id}`)?.focus();
      return;
    }
    this.schoolErrors = { ...this.schoolErrors, [registration.id]: '' };
    await this.#act(
      registration,
      async () => {
        const approved = await this.api.call<LtiRegistration>(lmsRoutes.approveLtiRegistration, {
          params: { registrationId: registration.id },
          body: { schoolId },
        });
        const school = this.schoolName(approved.schoolId ?? schoolId) ?? '';
        const name = platformLabel(registration);
        return { updated: approved, message: msg(str`${name} is connected for ${school}.`, { id: 'console.lms.approved' }) };
      },
      approvalRefusal,
    );
  }

  async askDisable(registration: LtiRegistration): Promise<void> {
    this.confirmingDisable = registration.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#disable-question-${registration.id}`)?.focus();
  }

  async cancelDisable(registration: LtiRegistration): Promise<void> {
    this.confirmingDisable = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`[data-disable="${registration.id}"]`)?.focus();
  }

  async disable(registration: LtiRegistration): Promise<void> {
    await this.#act(registration, async () => {
      const disabled = await this.api.call<LtiRegistration>(lmsRoutes.disableLtiRegistration, {
        params: { registrationId: registration.id },
      });
      const name = platformLabel(registration);
      return {
        updated: disabled,
        message: msg(str`${name} is disabled. Links from it no longer open Tandem.`, { id: 'console.lms.disabled' }),
      };
    });
  }

  /** Runs a row's action: the row shows a refusal; success replaces the registration and says so. */
  async #act(
    registration: LtiRegistration,
    work: () => Promise<{ updated: LtiRegistration; message: string }>,
    explain: (error: unknown) => { school?: string; row?: string } = (error) => ({ row: refusal(error) }),
  ): Promise<void> {
    this.busy = true;
    this.rowErrors = { ...this.rowErrors, [registration.id]: '' };
    try {
      const { updated, message } = await work();
      this.confirmingDisable = undefined;
      if (this.list)
        this.list = { ...this.list, registrations: this.list.registrations.map((r) => (r.id === registration.id ? updated : r)) };
      this.busy = false;
      await this.#announce(message);
    } catch (error) {
      this.busy = false;
      this.confirmingDisable = undefined;
      const { school, row } = explain(error);
      this.rowErrors = { ...this.rowErrors, [registration.id]: row ?? '' };
      this.schoolErrors = { ...this.schoolErrors, [registration.id]: school ?? '' };
      await this.updateComplete;
      const item = this.renderRoot.querySelector(`[data-registration="${registration.id}"]`);
      item?.querySelector<HTMLElement>('select[aria-invalid="true"], .alert')?.focus();
    }
  }

  /** Shows what happened above the list and moves focus there, since the row the person used may have moved. */
  async #announce(message: string): Promise<void> {
    this.result = message;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#lms-result')?.focus();
  }

  protected override render(): TemplateResult {
    return html`<h1 tabindex="-1">${msg('LMS connections', { id: 'console.lms.heading' })}</h1>
      <p class="intro">
        ${msg('Connect your learning management system (Canvas, Moodle, Brightspace, Schoology, Blackboard) to Tandem with LTI 1.3.', {
          id: 'console.lms.intro',
        })}
      </p>
      ${this.list || this.listError ? renderRegistrations(this) : html`<p role="status">${msg('Loading…', { id: 'console.loading' })}</p>`}
      ${renderConnect(this)}`;
  }
}
