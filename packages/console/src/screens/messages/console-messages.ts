/**
 * <console-messages>: the Messages screen. The staff inbox (<tandem-inbox> on the console's own session cookie),
 * the signed-in staff member's office hours per school and, for organization admins, each school office's name,
 * hours and not-for-emergencies notice in every family language.
 */
import { msg, str } from '@lit/localize';
import '@tandem/message-box/tandem-inbox.js';
import {
  LOCALE_NAMES,
  routes,
  SUPPORTED_LOCALES,
  type RouteSpec,
  type SchoolMessaging,
  type SchoolMessagingInput,
  type StaffMessaging,
} from '@tandem/protocol';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ConsoleError } from '../../console-client.js';
import { problemMessage } from '../../console-messages.js';
import { renderFormStatus, renderInput, renderSelect, renderTextarea, type Errors } from '../form-controls.js';
import { ScreenElement } from '../screen-element.js';
import { checkHours, emptyHours, fromOfficeHours, renderHoursFields, toOfficeHours, type HoursDraft } from './office-hours.js';

export const OFFICE_NAME_MAX = 200;
export const NOTICE_MAX = 10000;

interface OfficeDraft {
  officeName: string;
  notice: Record<string, string>;
  hours: HoursDraft;
}

type FormName = 'my-hours' | 'school-office';

const officeDraftOf = (saved: SchoolMessaging, fallbackHours: HoursDraft): OfficeDraft => ({
  officeName: saved.officeName,
  notice: { ...(saved.emergencyNotice ?? {}) },
  hours: saved.officeHours ? fromOfficeHours(saved.officeHours) : fallbackHours,
});

const tooLong = (max: number) => msg(str`Use at most ${max} characters.`, { id: 'console.error.tooLong' });

/** Words for a refused save; field pointers from the server map onto the form's fields. */
function saveProblem(error: unknown, prefix: string): Errors {
  if (error instanceof ConsoleError && error.kind === 'invalid') {
    const errors: Errors = {};
    for (const pointer of error.fields) {
      if (pointer.startsWith('/officeHours/timeZone'))
        errors[`${prefix}-zone`] = msg('This is not a time zone we know. Use a name like America/Chicago.', {
          id: 'console.hours.zoneUnknown',
        });
      else if (pointer.startsWith('/officeName')) errors['office-name'] = tooLong(OFFICE_NAME_MAX);
    }
    errors['form'] = msg('Some of this could not be saved. Check the marked fields.', { id: 'console.error.checkFields' });
    return errors;
  }
  if (error instanceof ConsoleError && error.kind === 'forbidden')
    return { form: msg('Your account may not change these settings. Ask an organization admin.', { id: 'console.error.forbidden' }) };
  return { form: problemMessage(error) };
}

export class ConsoleMessages extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    mySchoolId: { state: true },
    officeSchoolId: { state: true },
    errors: { state: true },
    saved: { state: true },
    busy: { state: true },
  };

  mySchoolId = '';
  officeSchoolId = '';
  /** Per form, so one form's errors never show on the other. */
  errors: Record<FormName, Errors> = { 'my-hours': {}, 'school-office': {} };
  saved: Partial<Record<FormName, string>> = {};
  busy = false;
  /** What was typed, per school, kept across failed saves and school switches. */
  readonly #myHours = new Map<string, HoursDraft>();
  readonly #offices = new Map<string, OfficeDraft>();

  get #isOrgAdmin(): boolean {
    return this.session.user.role === 'organization-admin';
  }

  /** The draft for a school, first empty, then what the server has set, unless the person typed first. */
  #myDraft(): HoursDraft {
    const id = this.mySchoolId || this.session.schools[0]?.id || '';
    if (!this.#myHours.has(id)) {
      const blank = emptyHours();
      this.#myHours.set(id, blank);
      void this.#loadSetting<StaffMessaging>(routes.getStaffMessaging, { schoolId: id, staffUserId: this.session.user.id }, (saved) => {
        if (this.#myHours.get(id) === blank && saved.officeHours) this.#myHours.set(id, fromOfficeHours(saved.officeHours));
      });
    }
    return this.#myHours.get(id)!;
  }

  #officeDraft(): OfficeDraft {
    const id = this.officeSchoolId || this.session.schools[0]?.id || '';
    if (!this.#offices.has(id)) {
      const blank: OfficeDraft = { officeName: '', notice: {}, hours: emptyHours() };
      this.#offices.set(id, blank);
      void this.#loadSetting<SchoolMessaging>(routes.getSchoolMessaging, { schoolId: id }, (saved) => {
        if (this.#offices.get(id) === blank) this.#offices.set(id, officeDraftOf(saved, blank.hours));
      });
    }
    return this.#offices.get(id)!;
  }

  /** Shows what is set already, so saving never blanks what the form did not show; a failure leaves the form empty. */
  async #loadSetting<T>(route: RouteSpec, params: Record<string, string>, apply: (saved: T) => void): Promise<void> {
    try {
      apply(await this.api.call<T>(route, { params }));
      this.requestUpdate();
    } catch {
      // Not set yet (404) or not reachable: the empty form is the right start either way.
    }
  }

  async #save(form: FormName, errors: Errors, work: () => Promise<void>): Promise<void> {
    this.errors = { ...this.errors, [form]: errors };
    this.saved = { ...this.saved, [form]: undefined };
    if (Object.keys(errors).length) return this.focusFirstError(form);
    this.busy = true;
    try {
      await work();
      this.saved = { ...this.saved, [form]: msg('Saved.', { id: 'console.saved' }) };
    } catch (error) {
      this.errors = { ...this.errors, [form]: saveProblem(error, form === 'my-hours' ? 'my' : 'office') };
      await this.focusFirstError(form);
    } finally {
      this.busy = false;
    }
  }

  readonly #saveMyHours = async (event: SubmitEvent) => {
    event.preventDefault();
    const schoolId = this.mySchoolId || this.session.schools[0]!.id;
    const draft = this.#myDraft();
    await this.#save('my-hours', checkHours(draft, 'my'), async () => {
      const officeHours = toOfficeHours(draft);
      const saved = await this.api.call<StaffMessaging>(routes.setStaffMessaging, {
        params: { schoolId, staffUserId: this.session.user.id },
        body: officeHours ? { officeHours } : {},
      });
      this.#myHours.set(schoolId, saved.officeHours ? fromOfficeHours(saved.officeHours) : { ...draft });
    });
  };

  #checkOffice(draft: OfficeDraft): Errors {
    const errors = checkHours(draft.hours, 'office');
    if ([...draft.officeName.trim()].length > OFFICE_NAME_MAX) errors['office-name'] = tooLong(OFFICE_NAME_MAX);
    for (const locale of SUPPORTED_LOCALES) {
      if ((draft.notice[locale] ?? '').length > NOTICE_MAX) errors[`notice-${locale}`] = tooLong(NOTICE_MAX);
    }
    return errors;
  }

  readonly #saveOffice = async (event: SubmitEvent) => {
    event.preventDefault();
    const schoolId = this.officeSchoolId || this.session.schools[0]!.id;
    const draft = this.#officeDraft();
    await this.#save('school-office', this.#checkOffice(draft), async () => {
      const notice = Object.fromEntries(
        Object.entries(draft.notice)
          .map(([locale, text]) => [locale, text.trim()] as const)
          .filter(([, text]) => text),
      );
      const officeHours = toOfficeHours(draft.hours);
      const body: SchoolMessagingInput = {
        ...(draft.officeName.trim() ? { officeName: draft.officeName.trim() } : {}),
        ...(Object.keys(notice).length ? { emergencyNotice: notice } : {}),
        ...(officeHours ? { officeHours } : {}),
      };
      const saved = await this.api.call<SchoolMessaging>(routes.setSchoolMessaging, { params: { schoolId }, body });
      this.#offices.set(schoolId, officeDraftOf({ ...saved, officeName: body.officeName ?? '' }, draft.hours));
    });
  };

  protected override render(): TemplateResult {
    const csrf = this.session.csrfToken;
    return html`<h1 tabindex="-1">${msg('Messages', { id: 'console.nav.messages' })}</h1>
      <section aria-labelledby="inbox-heading">
        <h2 id="inbox-heading">${msg('Inbox', { id: 'console.messages.inbox' })}</h2>
        <tandem-inbox
          backend=${globalThis.location.origin}
          .csrfToken=${csrf}
          lang=${this.i18n.locale}
          ?can-export=${this.#isOrgAdmin}
        ></tandem-inbox>
      </section>
      ${this.#renderMyHours()} ${this.#isOrgAdmin ? this.#renderOffice() : nothing}`;
  }

  #schoolSelect(id: string, value: string, onInput: (v: string) => void) {
    if (this.session.schools.length < 2) return nothing;
    return renderSelect({
      id,
      label: msg('School', { id: 'console.field.school' }),
      value,
      options: this.session.schools.map((s) => ({ value: s.id, label: s.name })),
      onInput,
    });
  }

  #renderMyHours(): TemplateResult {
    const heading = html`<h2 id="my-hours-heading">${msg('Your office hours', { id: 'console.messages.myHours' })}</h2>`;
    if (this.session.schools.length === 0) {
      return html`<section aria-labelledby="my-hours-heading">
        ${heading}
        <p>${msg('You are not a member of any school yet. An organization admin can add you.', { id: 'console.home.noSchools' })}</p>
      </section>`;
    }
    const errors = this.errors['my-hours'];
    const draft = this.#myDraft();
    return html`<section aria-labelledby="my-hours-heading">
      ${heading}
      <form id="my-hours" novalidate @submit=${this.#saveMyHours}>
        ${renderFormStatus(errors['form'], this.saved['my-hours'])}
        ${this.#schoolSelect('my-school', this.mySchoolId || this.session.schools[0]!.id, (v) => (this.mySchoolId = v))}
        ${renderHoursFields({
          prefix: 'my',
          legend: msg('When you answer messages', { id: 'console.messages.myHoursLegend' }),
          hours: draft,
          errors,
          locale: this.i18n.locale,
          onChange: (hours) => {
            this.#myHours.set(this.mySchoolId || this.session.schools[0]!.id, hours);
            this.requestUpdate();
          },
        })}
        <div class="actions">
          <button class="button button--primary" type="submit" ?disabled=${this.busy}>
            ${msg('Save your hours', { id: 'console.messages.saveMyHours' })}
          </button>
        </div>
      </form>
    </section>`;
  }

  #renderOffice(): TemplateResult {
    const errors = this.errors['school-office'];
    const draft = this.#officeDraft();
    const update = (patch: Partial<OfficeDraft>) => {
      this.#offices.set(this.officeSchoolId || this.session.schools[0]!.id, { ...draft, ...patch });
      this.requestUpdate();
    };
    return html`<section aria-labelledby="office-heading">
      <h2 id="office-heading">${msg('School office', { id: 'console.messages.office' })}</h2>
      <form id="school-office" novalidate @submit=${this.#saveOffice}>
        ${renderFormStatus(errors['form'], this.saved['school-office'])}
        ${this.#schoolSelect('office-school', this.officeSchoolId || this.session.schools[0]!.id, (v) => (this.officeSchoolId = v))}
        ${renderInput({
          id: 'office-name',
          label: msg('Office name', { id: 'console.messages.officeName' }),
          hint: msg('What families see as the contact, like "Front office".', { id: 'console.messages.officeNameHint' }),
          value: draft.officeName,
          error: errors['office-name'],
          onInput: (officeName) => update({ officeName }),
        })}
        <fieldset>
          <legend>${msg('Not-for-emergencies notice', { id: 'console.messages.notice' })}</legend>
          <p class="hint">
            ${msg('Shown to families above the message field. Write it in each language you can; families see their own, or English.', {
              id: 'console.messages.noticeHint',
            })}
          </p>
          ${SUPPORTED_LOCALES.map((locale) =>
            renderTextarea({
              id: `notice-${locale}`,
              label: LOCALE_NAMES[locale],
              lang: locale,
              dir: 'auto',
              value: draft.notice[locale] ?? '',
              error: errors[`notice-${locale}`],
              onInput: (text) => update({ notice: { ...draft.notice, [locale]: text } }),
            }),
          )}
        </fieldset>
        ${renderHoursFields({
          prefix: 'office',
          legend: msg('Office hours', { id: 'console.messages.officeHours' }),
          hours: draft.hours,
          errors,
          locale: this.i18n.locale,
          onChange: (hours) => update({ hours }),
        })}
        <div class="actions">
          <button class="button button--primary" type="submit" ?disabled=${this.busy}>
            ${msg('Save the school office', { id: 'console.messages.saveOffice' })}
          </button>
        </div>
      </form>
    </section>`;
  }
}

ConsoleMessages.define('console-messages');

declare global {
  interface HTMLElementTagNameMap {
    'console-messages': ConsoleMessages;
  }
}
