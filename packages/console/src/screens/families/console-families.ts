/**
 * <console-families>: the Families screen, for organization admins. Register a family (name, email, language,
 * students), make invite codes for a family or a whole class and print them one card each, and manage the keys
 * the district's own sites sign family sign-ins with.
 */
import { msg, str } from '@lit/localize';
import {
  IDENTITY_KEY_KINDS,
  LOCALE_NAMES,
  routes,
  SUPPORTED_LOCALES,
  type Family,
  type IdentityKey,
  type IdentityKeyList,
  type Invite,
} from '@tandem/protocol';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ConsoleError } from '../../console-client.js';
import { problemMessage } from '../../console-messages.js';
import { renderFormStatus, renderInput, renderSelect, renderTextarea, type Errors } from '../form-controls.js';
import { ScreenElement } from '../screen-element.js';
import { checkFamily, emptyFamily, MAX_STUDENTS, toFamilyInput, type FamilyDraft } from './family-form.js';
import { checkKey, emptyKey, toKeyInput, type KeyDraft } from './identity-key-form.js';
import { inviteSheetStyles, renderInviteCard, type PrintableInvite } from './invite-sheet.js';

type FormName = 'register-family' | 'class-invite' | 'identity-key' | 'family-invites' | 'keys';

function refusal(error: unknown): string {
  if (error instanceof ConsoleError && error.kind === 'forbidden')
    return msg('Only an organization admin can do this. Ask one for help.', { id: 'console.families.forbidden' });
  if (error instanceof ConsoleError && error.kind === 'invalid')
    return msg('Some of this could not be saved. Check the marked fields.', { id: 'console.error.checkFields' });
  return problemMessage(error);
}

export class ConsoleFamilies extends ScreenElement {
  static override styles = css`
    ${ScreenElement.styles} ${inviteSheetStyles}
    .families {
      display: grid;
      gap: 0.5em;
      padding: 0;
      list-style: none;
    }
    .families li,
    .keys li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em var(--_space);
      padding-block: 0.5em;
      border-block-end: 1px solid var(--_border);
    }
    .keys {
      padding: 0;
      list-style: none;
    }
    .student {
      border-style: dashed;
    }
  `;

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    errors: { state: true },
    saved: { state: true },
    busy: { state: true },
    families: { state: true },
    invites: { state: true },
    keys: { state: true },
    confirmRevoke: { state: true },
  };

  errors: Partial<Record<FormName, Errors>> = {};
  saved: Partial<Record<FormName, string>> = {};
  busy = false;
  /** Families registered on this screen (the server has no list of them to show yet). */
  families: Family[] = [];
  /** Invite codes made on this screen: a code is shown only when it is made, so it is printed now or never. */
  invites: PrintableInvite[] = [];
  keys: IdentityKey[] | undefined;
  confirmRevoke: string | undefined;
  #family: FamilyDraft | undefined;
  #className = '';
  #classSchoolId = '';
  #key: KeyDraft = emptyKey();

  get #isOrgAdmin() {
    return this.session.user.role === 'organization-admin';
  }

  get #draft(): FamilyDraft {
    this.#family ??= emptyFamily(this.session.schools[0]?.id ?? '', 'en');
    return this.#family;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#isOrgAdmin && this.keys === undefined) void this.#loadKeys();
  }

  async #loadKeys(): Promise<void> {
    try {
      this.keys = (await this.api.call<IdentityKeyList>(routes.listIdentityKeys)).items;
    } catch (error) {
      this.keys = [];
      this.errors = { ...this.errors, keys: { form: refusal(error) } };
    }
  }

  async #run(form: FormName, errors: Errors, work: () => Promise<string>): Promise<void> {
    this.errors = { ...this.errors, [form]: errors };
    this.saved = { ...this.saved, [form]: undefined };
    if (Object.keys(errors).length) return this.focusFirstError(form);
    this.busy = true;
    try {
      this.saved = { ...this.saved, [form]: await work() };
    } catch (error) {
      this.errors = { ...this.errors, [form]: { form: refusal(error) } };
      await this.focusFirstError(form);
    } finally {
      this.busy = false;
    }
  }

  readonly #registerFamily = async (event: SubmitEvent) => {
    event.preventDefault();
    const draft = this.#draft;
    await this.#run('register-family', checkFamily(draft), async () => {
      const family = await this.api.call<Family>(routes.createFamily, { body: toFamilyInput(draft) });
      this.families = [...this.families, family];
      this.#family = emptyFamily(draft.schoolId, draft.locale);
      return msg(str`${family.name} is registered. Make an invite code for them below.`, { id: 'console.families.registered' });
    });
  };

  async #inviteFamily(family: Family): Promise<void> {
    await this.#run('family-invites', {}, async () => {
      const invite = await this.api.call<Invite>(routes.createInvite, {
        body: { schoolId: family.schoolId ?? this.session.schools[0]!.id, familyId: family.id },
      });
      this.invites = [...this.invites, { ...invite, label: family.name, locale: family.locale }];
      return msg(str`Invite code made for ${family.name}.`, { id: 'console.invite.madeFor' });
    });
  }

  readonly #inviteClass = async (event: SubmitEvent) => {
    event.preventDefault();
    const className = this.#className.trim();
    const errors: Errors = {};
    if (!className) errors['class-name'] = msg('Enter the class name.', { id: 'console.invite.classRequired' });
    else if (className.length > 100) errors['class-name'] = msg('Use at most 100 characters.', { id: 'console.invite.classTooLong' });
    await this.#run('class-invite', errors, async () => {
      const schoolId = this.#classSchoolId || this.session.schools[0]!.id;
      const invite = await this.api.call<Invite>(routes.createInvite, { body: { schoolId, className } });
      this.invites = [...this.invites, { ...invite, label: className }];
      this.#className = '';
      return msg(str`Invite code made for ${className}.`, { id: 'console.invite.madeFor' });
    });
  };

  readonly #registerKey = async (event: SubmitEvent) => {
    event.preventDefault();
    await this.#run('identity-key', checkKey(this.#key), async () => {
      const key = await this.api.call<IdentityKey>(routes.createIdentityKey, { body: toKeyInput(this.#key) });
      this.keys = [...(this.keys ?? []), key];
      this.#key = emptyKey();
      return msg(str`The key ${key.name} is registered.`, { id: 'console.keys.registered' });
    });
  };

  async #revoke(key: IdentityKey): Promise<void> {
    await this.#run('keys', {}, async () => {
      const revoked = await this.api.call<IdentityKey>(routes.revokeIdentityKey, { params: { keyId: key.id } });
      this.keys = (this.keys ?? []).map((k) => (k.id === key.id ? revoked : k));
      this.confirmRevoke = undefined;
      return msg(str`The key ${key.name} is revoked. Sign-ins signed with it stop working now.`, { id: 'console.keys.revoked' });
    });
  }

  protected override render(): TemplateResult {
    return html`<h1 tabindex="-1" class="no-print">${msg('Families', { id: 'console.nav.families' })}</h1>
      ${this.#renderRegister()} ${this.#renderInvites()} ${this.#isOrgAdmin ? this.#renderKeys() : nothing}`;
  }

  #schoolOptions() {
    return this.session.schools.map((s) => ({ value: s.id, label: s.name }));
  }

  #renderRegister(): TemplateResult {
    const d = this.#draft;
    const errors = this.errors['register-family'] ?? {};
    const set = (patch: Partial<FamilyDraft>) => {
      this.#family = { ...d, ...patch };
      this.requestUpdate();
    };
    const setStudent = (i: number, patch: Partial<{ name: string; id: string }>) =>
      set({ students: d.students.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
    return html`<section class="no-print" aria-labelledby="register-heading">
      <h2 id="register-heading">${msg('Register a family', { id: 'console.families.register' })}</h2>
      <form id="register-family" novalidate @submit=${this.#registerFamily}>
        ${renderFormStatus(errors['form'], this.saved['register-family'])}
        ${
          this.session.schools.length > 1
            ? renderSelect({
                id: 'family-school',
                label: msg('School', { id: 'console.field.school' }),
                value: d.schoolId,
                options: this.#schoolOptions(),
                onInput: (schoolId) => set({ schoolId }),
              })
            : nothing
        }
        ${renderInput({
          id: 'family-name',
          label: msg('Family name', { id: 'console.families.name' }),
          hint: msg('As the family writes it, like "Nguyen family" or a parent\'s name.', { id: 'console.families.nameHint' }),
          value: d.name,
          error: errors['family-name'],
          onInput: (name) => set({ name }),
        })}
        ${renderInput({
          id: 'family-email',
          label: msg('Email (optional)', { id: 'console.families.email' }),
          type: 'email',
          dir: 'ltr',
          value: d.email,
          error: errors['family-email'],
          onInput: (email) => set({ email }),
        })}
        ${renderSelect({
          id: 'family-language',
          label: msg('Language the family reads', { id: 'console.families.language' }),
          value: d.locale,
          options: SUPPORTED_LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
          onInput: (locale) => set({ locale }),
        })}
        ${d.students.map(
          (s, i) =>
            html`<fieldset class="student">
              <legend>${msg(str`Student ${i + 1}`, { id: 'console.families.student' })}</legend>
              <div class="row">
                ${renderInput({
                  id: `student-name-${i}`,
                  label: msg("Student's name", { id: 'console.families.studentName' }),
                  value: s.name,
                  error: errors[`student-name-${i}`],
                  onInput: (name) => setStudent(i, { name }),
                })}
                ${renderInput({
                  id: `student-id-${i}`,
                  label: msg('Student ID', { id: 'console.families.studentId' }),
                  dir: 'ltr',
                  value: s.id,
                  error: errors[`student-id-${i}`],
                  onInput: (id) => setStudent(i, { id }),
                })}
              </div>
              ${
                d.students.length > 1
                  ? html`<div>
                      <button class="link" type="button" @click=${() => set({ students: d.students.filter((_, j) => j !== i) })}>
                        ${msg(str`Remove student ${i + 1}`, { id: 'console.families.removeStudent' })}
                      </button>
                    </div>`
                  : nothing
              }
            </fieldset>`,
        )}
        <div class="actions">
          ${
            d.students.length < MAX_STUDENTS
              ? html`<button class="button" type="button" @click=${() => set({ students: [...d.students, { name: '', id: '' }] })}>
                  ${msg('Add a student', { id: 'console.families.addStudent' })}
                </button>`
              : nothing
          }
          <button class="button button--primary" type="submit" ?disabled=${this.busy}>
            ${msg('Register the family', { id: 'console.families.submit' })}
          </button>
        </div>
      </form>
    </section>`;
  }

  #renderInvites(): TemplateResult {
    const classErrors = this.errors['class-invite'] ?? {};
    const familyErrors = this.errors['family-invites'] ?? {};
    return html`<section class="no-print" aria-labelledby="invites-heading">
        <h2 id="invites-heading">${msg('Invite codes', { id: 'console.invite.heading' })}</h2>
        <p>
          ${msg(
            'A code lets a family sign in to message the school. Each code is shown once: print the sheet before you leave this page.',
            {
              id: 'console.invite.intro',
            },
          )}
        </p>
        <div id="family-invites">
          ${renderFormStatus(familyErrors['form'], this.saved['family-invites'])}
          ${
            this.families.length
              ? html`<ul class="families">
                  ${this.families.map(
                    (f) =>
                      html`<li>
                        <span>${f.name}</span>
                        <button class="button" type="button" ?disabled=${this.busy} @click=${() => this.#inviteFamily(f)}>
                          ${msg(str`Make an invite code for ${f.name}`, { id: 'console.invite.forFamily' })}
                        </button>
                      </li>`,
                  )}
                </ul>`
              : nothing
          }
        </div>
        <form id="class-invite" novalidate @submit=${this.#inviteClass}>
          ${renderFormStatus(classErrors['form'], this.saved['class-invite'])}
          <div class="row">
            ${
              this.session.schools.length > 1
                ? renderSelect({
                    id: 'class-school',
                    label: msg('School', { id: 'console.field.school' }),
                    value: this.#classSchoolId || this.session.schools[0]!.id,
                    options: this.#schoolOptions(),
                    onInput: (v) => (this.#classSchoolId = v),
                  })
                : nothing
            }
            ${renderInput({
              id: 'class-name',
              label: msg('Class', { id: 'console.invite.className' }),
              hint: msg('One code for every family of a class, like "Room 12". Families give their own name when they sign in.', {
                id: 'console.invite.classHint',
              }),
              value: this.#className,
              error: classErrors['class-name'],
              onInput: (v) => {
                this.#className = v;
                this.requestUpdate();
              },
            })}
          </div>
          <div class="actions">
            <button class="button button--primary" type="submit" ?disabled=${this.busy}>
              ${msg('Make a class invite code', { id: 'console.invite.forClass' })}
            </button>
          </div>
        </form>
      </section>
      ${
        this.invites.length
          ? html`<section class="sheet" aria-labelledby="sheet-heading">
              <h2 id="sheet-heading">${msg('Invite sheet', { id: 'console.invite.sheet' })}</h2>
              <div class="actions no-print">
                <button class="button" type="button" @click=${() => window.print()}>
                  ${msg('Print the invite sheet', { id: 'console.invite.print' })}
                </button>
              </div>
              <ul class="cards">
                ${this.invites.map((invite) => renderInviteCard(invite, this.i18n.locale))}
              </ul>
            </section>`
          : nothing
      }`;
  }

  #renderKeys(): TemplateResult {
    const errors = this.errors['identity-key'] ?? {};
    const listErrors = this.errors['keys'] ?? {};
    const k = this.#key;
    const set = (patch: Partial<KeyDraft>) => {
      this.#key = { ...k, ...patch };
      this.requestUpdate();
    };
    const kindLabel = (kind: string) =>
      kind === 'hs256'
        ? msg('Shared secret (HS256)', { id: 'console.keys.kindHs256' })
        : kind === 'jwk'
          ? msg('Public key (JWK)', { id: 'console.keys.kindJwk' })
          : msg('Key set address (JWKS URL)', { id: 'console.keys.kindJwks' });
    const materialLabel =
      k.kind === 'hs256'
        ? msg('Secret', { id: 'console.keys.secret' })
        : k.kind === 'jwk'
          ? msg('Public key (JSON)', { id: 'console.keys.jwk' })
          : msg('Key set address', { id: 'console.keys.jwksUrl' });
    return html`<section class="no-print" aria-labelledby="keys-heading">
      <h2 id="keys-heading">${msg('Identity-site keys', { id: 'console.keys.heading' })}</h2>
      <p>
        ${msg("Your district's own sites can sign families in to the message box. Register the key each site signs with.", {
          id: 'console.keys.intro',
        })}
      </p>
      <div id="keys">
        ${renderFormStatus(listErrors['form'], this.saved['keys'])}
        ${
          this.keys === undefined
            ? html`<p role="status">${msg('Loading…', { id: 'console.loading' })}</p>`
            : this.keys.length === 0
              ? html`<p>${msg('No keys are registered.', { id: 'console.keys.none' })}</p>`
              : html`<ul class="keys">
                  ${this.keys.map(
                    (key) =>
                      html`<li data-key=${key.id}>
                        <span
                          ><strong>${key.name}</strong> · ${kindLabel(key.kind)} ·
                          <span dir="ltr">${key.issuer}</span>
                          ${key.revokedAt ? html` · <em>${msg('Revoked', { id: 'console.keys.revokedLabel' })}</em>` : nothing}</span
                        >
                        ${
                          key.revokedAt
                            ? nothing
                            : this.confirmRevoke === key.id
                              ? html`<span class="actions">
                                  <button class="button" type="button" ?disabled=${this.busy} @click=${() => this.#revoke(key)}>
                                    ${msg(str`Yes, revoke ${key.name}`, { id: 'console.keys.confirmRevoke' })}
                                  </button>
                                  <button class="link" type="button" @click=${() => (this.confirmRevoke = undefined)}>
                                    ${msg('Cancel', { id: 'console.cancel' })}
                                  </button>
                                </span>`
                              : html`<button class="button" type="button" @click=${() => (this.confirmRevoke = key.id)}>
                                  ${msg(str`Revoke ${key.name}`, { id: 'console.keys.revoke' })}
                                </button>`
                        }
                      </li>`,
                  )}
                </ul>`
        }
      </div>
      <form id="identity-key" novalidate @submit=${this.#registerKey}>
        <h3>${msg('Register a key', { id: 'console.keys.register' })}</h3>
        ${renderFormStatus(errors['form'], this.saved['identity-key'])}
        ${renderInput({
          id: 'key-name',
          label: msg('Site name', { id: 'console.keys.name' }),
          hint: msg('Which site this is, like "District parent portal".', { id: 'console.keys.nameHint' }),
          value: k.name,
          error: errors['key-name'],
          onInput: (name) => set({ name }),
        })}
        <div class="row">
          ${renderInput({
            id: 'key-issuer',
            label: msg('Issuer (iss)', { id: 'console.keys.issuer' }),
            dir: 'ltr',
            value: k.issuer,
            error: errors['key-issuer'],
            onInput: (issuer) => set({ issuer }),
          })}
          ${renderInput({
            id: 'key-audience',
            label: msg('Audience (aud)', { id: 'console.keys.audience' }),
            dir: 'ltr',
            value: k.audience,
            error: errors['key-audience'],
            onInput: (audience) => set({ audience }),
          })}
        </div>
        ${renderSelect({
          id: 'key-kind',
          label: msg('Kind of key', { id: 'console.keys.kind' }),
          value: k.kind,
          options: IDENTITY_KEY_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) })),
          onInput: (kind) => set({ kind: kind as KeyDraft['kind'], material: '' }),
        })}
        ${
          k.kind === 'jwk'
            ? renderTextarea({
                id: 'key-material',
                label: materialLabel,
                dir: 'ltr',
                value: k.material,
                error: errors['key-material'],
                onInput: (material) => set({ material }),
              })
            : renderInput({
                id: 'key-material',
                label: materialLabel,
                type: k.kind === 'jwks' ? 'url' : 'text',
                dir: 'ltr',
                value: k.material,
                error: errors['key-material'],
                onInput: (material) => set({ material }),
              })
        }
        <div class="actions">
          <button class="button button--primary" type="submit" ?disabled=${this.busy}>
            ${msg('Register the key', { id: 'console.keys.submit' })}
          </button>
        </div>
      </form>
    </section>`;
  }
}

ConsoleFamilies.define('console-families');

declare global {
  interface HTMLElementTagNameMap {
    'console-families': ConsoleFamilies;
  }
}
