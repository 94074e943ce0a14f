/**
 * The resource builder: languages and schools, what it is (name, who runs it, description, categories), who can use
 * it, languages spoken, contact (phones, email, website), address, opening hours, then save / translate / publish,
 * the preview, the embed snippets and family feedback. Texts are edited side by side in two languages.
 */
import { msg, str } from '@lit/localize';
import { renderFieldError } from '@tandem/core/ui.js';
import { PHONE_TYPES, RESOURCE_CATEGORIES, type LocalizedText, type PhoneType, type ResourceCategory } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderConfirm, renderLeaveConfirm } from '../common/confirm-box.js';
import { renderStatus } from '../common/content-list.js';
import { contentStatusLabel } from '../common/content-words.js';
import { pickSecondLocale, renderLanguagePickers, renderLocalizedField, reviewedMessage } from '../common/localized-field.js';
import { ownName } from '../common/localized-text.js';
import { renderInput } from '../form-controls.js';
import { renderHours } from './hours-view.js';
import { renderEmbed, renderFeedback, renderPreview } from './preview-view.js';
import { newPhone, type PhoneDraft, type ResourceDraft } from './resource-draft.js';
import { categoryName, phoneTypeName } from './resources-messages.js';
import type { ConsoleResources } from './resources-screen.js';

interface TextOptions {
  idBase: string;
  key: string;
  text: LocalizedText;
  label: string;
  hint?: string;
  multiline?: boolean;
}

function renderText(host: ConsoleResources, draft: ResourceDraft, o: TextOptions): TemplateResult {
  return renderLocalizedField({
    idBase: o.idBase,
    label: o.label,
    ...(o.hint ? { hint: o.hint } : {}),
    text: o.text,
    defaultLocale: draft.defaultLocale,
    secondLocale: host.secondLocale,
    multiline: o.multiline ?? false,
    error: host.errors[`${o.idBase}-${draft.defaultLocale}`],
    machine: { marks: draft.marks, key: o.key },
    onInput: () => host.changed(),
    onReviewed: (id) => {
      host.announce(reviewedMessage());
      host.focusLater(`#${id}`);
    },
  });
}

/** A plain (one-language) input bound to a draft field. */
function plain(
  host: ConsoleResources,
  o: { id: string; label: string; value: string; set: (v: string) => void; type?: 'text' | 'email' | 'url'; hint?: string; ltr?: boolean },
) {
  return renderInput({
    id: o.id,
    label: o.label,
    value: o.value,
    error: host.errors[o.id],
    ...(o.type ? { type: o.type } : {}),
    ...(o.hint ? { hint: o.hint } : {}),
    ...(o.ltr ? { dir: 'ltr' as const } : {}),
    onInput: (v) => {
      o.set(v);
      host.changed();
    },
  });
}

function renderSettings(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  const schoolsError = host.errors['schools'];
  // Schools outside this staff member's own stay listed; they are only counted here.
  const others = draft.schoolIds.filter((id) => !host.session.schools.some((s) => s.id === id)).length;
  const toggleSchool = (id: string, on: boolean) => {
    draft.schoolIds = on ? [...draft.schoolIds, id] : draft.schoolIds.filter((s) => s !== id);
    host.changed();
  };
  return html`<div class="row">
      ${renderLanguagePickers({
        locales: host.locales,
        defaultLocale: draft.defaultLocale,
        secondLocale: host.secondLocale,
        onDefault: (locale) => {
          draft.defaultLocale = locale;
          host.secondLocale = pickSecondLocale(host.locales, locale, host.secondLocale);
          host.changed();
        },
        onSecond: (locale) => (host.secondLocale = locale),
      })}
    </div>
    <fieldset id="schools" aria-describedby=${schoolsError ? 'schools-hint schools-error' : 'schools-hint'}>
      <legend>${msg('Schools that list it', { id: 'console.resources.schools' })}</legend>
      <p class="hint" id="schools-hint">
        ${
          host.schoolScoped
            ? msg('Check at least one of your schools.', { id: 'console.resources.schoolsHintScoped' })
            : msg('None checked: every school of your organization lists it.', { id: 'console.resources.schoolsHint' })
        }
      </p>
      ${host.session.schools.map(
        (school, i) =>
          html`<label class="check">
            <input
              type="checkbox"
              name="school"
              value=${school.id}
              .checked=${live(draft.schoolIds.includes(school.id))}
              aria-invalid=${ifDefined(schoolsError && i === 0 ? 'true' : undefined)}
              @change=${(e: Event) => toggleSchool(school.id, (e.target as HTMLInputElement).checked)}
            />
            ${school.name}
          </label>`,
      )}
      ${
        others > 0
          ? html`<p class="hint">${msg(str`Other schools list it too: ${others}.`, { id: 'console.resources.otherSchools' })}</p>`
          : nothing
      }
      ${renderFieldError('schools-error', schoolsError)}
    </fieldset>`;
}

function renderAbout(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  const toggleCategory = (category: ResourceCategory, on: boolean) => {
    draft.categories = on ? [...draft.categories, category] : draft.categories.filter((c) => c !== category);
    host.changed();
  };
  return html`<fieldset>
    <legend>${msg('About the resource', { id: 'console.resources.about' })}</legend>
    ${renderText(host, draft, { idBase: 'name', key: 'name', text: draft.name, label: msg('Name', { id: 'console.resources.field.name' }) })}
    ${plain(host, {
      id: 'organization',
      label: msg('Who runs it', { id: 'console.resources.field.organization' }),
      hint: msg('The organization as it names itself, for example Eastside Neighbors.', { id: 'console.resources.field.organizationHint' }),
      value: draft.organizationName,
      set: (v) => (draft.organizationName = v),
    })}
    ${renderText(host, draft, {
      idBase: 'description',
      key: 'description',
      text: draft.description,
      label: msg('Description', { id: 'console.resources.field.description' }),
      hint: msg('What families get there, in plain words.', { id: 'console.resources.field.descriptionHint' }),
      multiline: true,
    })}
    <div class="field">
      <label for="category">${msg('Category', { id: 'console.resources.field.category' })}</label>
      <select
        id="category"
        aria-invalid=${host.errors['category'] ? 'true' : 'false'}
        aria-describedby=${ifDefined(host.errors['category'] ? 'category-error' : undefined)}
        @change=${(e: Event) => {
          draft.category = (e.target as HTMLSelectElement).value as ResourceCategory;
          host.changed();
        }}
      >
        ${RESOURCE_CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === draft.category}>${categoryName(c)}</option>`)}
      </select>
      ${renderFieldError('category-error', host.errors['category'])}
    </div>
    <details id="categories" ?open=${draft.categories.length > 0}>
      <summary>${msg('Also list it under other categories', { id: 'console.resources.field.categories' })}</summary>
      <div class="checks">
        ${RESOURCE_CATEGORIES.filter((c) => c !== draft.category).map(
          (c) =>
            html`<label class="check">
              <input
                type="checkbox"
                name="category-also"
                value=${c}
                .checked=${live(draft.categories.includes(c))}
                @change=${(e: Event) => toggleCategory(c, (e.target as HTMLInputElement).checked)}
              />
              ${categoryName(c)}
            </label>`,
        )}
      </div>
    </details>
  </fieldset>`;
}

function renderWho(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  const toggle = (locale: string, on: boolean) => {
    draft.languages = on ? [...draft.languages, locale] : draft.languages.filter((l) => l !== locale);
    host.changed();
  };
  return html`<fieldset>
      <legend>${msg('Who can use it', { id: 'console.resources.who' })}</legend>
      ${renderText(host, draft, {
        idBase: 'eligibility',
        key: 'eligibility',
        text: draft.eligibility,
        label: msg('Eligibility (optional)', { id: 'console.resources.field.eligibility' }),
        hint: msg('Who can use it, for example: anyone who lives in the district, no ID needed.', {
          id: 'console.resources.field.eligibilityHint',
        }),
        multiline: true,
      })}
      ${renderText(host, draft, {
        idBase: 'fees',
        key: 'fees',
        text: draft.fees,
        label: msg('Cost (optional)', { id: 'console.resources.field.fees' }),
        hint: msg('For example: Free.', { id: 'console.resources.field.feesHint' }),
      })}
    </fieldset>
    <fieldset id="languages">
      <legend>${msg('Languages spoken there', { id: 'console.resources.languages' })}</legend>
      <div class="checks">
        ${host.locales.map(
          (l) =>
            html`<label class="check">
              <input
                type="checkbox"
                name="language"
                value=${l}
                .checked=${live(draft.languages.includes(l))}
                @change=${(e: Event) => toggle(l, (e.target as HTMLInputElement).checked)}
              />
              <span lang=${l}>${ownName(l)}</span>
            </label>`,
        )}
      </div>
      ${plain(host, {
        id: 'languages-other',
        label: msg('Other languages (optional)', { id: 'console.resources.languagesOther' }),
        hint: msg('Language codes separated by commas, for example fr, pt-BR.', { id: 'console.resources.languagesOtherHint' }),
        value: draft.otherLanguages,
        set: (v) => (draft.otherLanguages = v),
        ltr: true,
      })}
    </fieldset>`;
}

function renderPhone(host: ConsoleResources, draft: ResourceDraft, phone: PhoneDraft, n: number): TemplateResult {
  const numberId = `phone-${phone.id}-number`;
  const typeId = `phone-${phone.id}-type`;
  const numberError = host.errors[numberId];
  return html`<li class="card phone" data-phone=${phone.id}>
    <div class="row">
      <div class="field">
        <label for=${numberId}>${msg(str`Phone ${n}`, { id: 'console.resources.phone.number' })}</label>
        <input
          id=${numberId}
          type="tel"
          dir="ltr"
          autocomplete="off"
          .value=${live(phone.number)}
          aria-invalid=${numberError ? 'true' : 'false'}
          aria-describedby=${ifDefined(numberError ? `${numberId}-error` : undefined)}
          @input=${(e: Event) => {
            phone.number = (e.target as HTMLInputElement).value;
            host.changed();
          }}
        />
        ${renderFieldError(`${numberId}-error`, numberError)}
      </div>
      <div class="field">
        <label for=${typeId}>${msg(str`Kind of phone ${n}`, { id: 'console.resources.phone.type' })}</label>
        <select
          id=${typeId}
          @change=${(e: Event) => {
            phone.type = (e.target as HTMLSelectElement).value as PhoneType;
            host.changed();
          }}
        >
          ${PHONE_TYPES.map((t) => html`<option value=${t} ?selected=${t === phone.type}>${phoneTypeName(t)}</option>`)}
        </select>
      </div>
      <button
        class="button button--small"
        type="button"
        data-remove-phone=${phone.id}
        ?disabled=${draft.phones.length === 1}
        @click=${() => {
          const i = draft.phones.indexOf(phone);
          draft.phones.splice(i, 1);
          host.errors = Object.fromEntries(Object.entries(host.errors).filter(([id]) => !id.startsWith(`phone-${phone.id}`)));
          host.announce(msg('Phone removed.', { id: 'console.resources.phone.removed' }));
          host.focusLater('#add-phone');
          host.changed();
        }}
      >
        ${msg(str`Remove phone ${n}`, { id: 'console.resources.phone.remove' })}
      </button>
    </div>
    ${renderText(host, draft, {
      idBase: `phone-${phone.id}-description`,
      key: `phone:${phone.id}`,
      text: phone.description,
      label: msg(str`What phone ${n} is for (optional)`, { id: 'console.resources.phone.description' }),
    })}
  </li>`;
}

function renderContact(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  return html`<fieldset id="contact">
    <legend>${msg('How families reach it', { id: 'console.resources.contact' })}</legend>
    <p class="hint">${msg('At least one: phone, email, website or address.', { id: 'console.resources.contactHint' })}</p>
    <ol class="plain-list">
      ${repeat(
        draft.phones,
        (p) => p.id,
        (p, i) => renderPhone(host, draft, p, i + 1),
      )}
    </ol>
    <div class="actions">
      <button
        id="add-phone"
        class="button button--small"
        type="button"
        ?disabled=${draft.phones.length >= 10}
        @click=${() => {
          const phone = newPhone();
          draft.phones.push(phone);
          host.announce(msg('Phone added.', { id: 'console.resources.phone.added' }));
          host.focusLater(`#phone-${phone.id}-number`);
          host.changed();
        }}
      >
        ${msg('Add a phone', { id: 'console.resources.phone.add' })}
      </button>
    </div>
    ${plain(host, {
      id: 'email',
      type: 'email',
      label: msg('Email (optional)', { id: 'console.resources.field.email' }),
      value: draft.email,
      set: (v) => (draft.email = v),
      ltr: true,
    })}
    ${plain(host, {
      id: 'url',
      type: 'url',
      label: msg('Website (optional)', { id: 'console.resources.field.url' }),
      hint: msg('Starts with https://', { id: 'console.resources.field.urlHint' }),
      value: draft.url,
      set: (v) => (draft.url = v),
      ltr: true,
    })}
  </fieldset>`;
}

function renderAddress(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  return html`<fieldset id="location">
    <legend>${msg('Address and area served', { id: 'console.resources.location' })}</legend>
    <p class="hint">
      ${msg('Leave it empty for a phone or online service. The city and state tell families which area it serves.', {
        id: 'console.resources.locationHint',
      })}
    </p>
    ${plain(host, {
      id: 'address',
      label: msg('Street address', { id: 'console.resources.field.address' }),
      value: draft.address,
      set: (v) => (draft.address = v),
    })}
    <div class="row">
      ${plain(host, { id: 'city', label: msg('City', { id: 'console.resources.field.city' }), value: draft.city, set: (v) => (draft.city = v) })}
      ${plain(host, {
        id: 'region',
        label: msg('State', { id: 'console.resources.field.region' }),
        value: draft.region,
        set: (v) => (draft.region = v),
      })}
      ${plain(host, {
        id: 'postal-code',
        label: msg('ZIP code', { id: 'console.resources.field.postalCode' }),
        value: draft.postalCode,
        set: (v) => (draft.postalCode = v),
      })}
    </div>
    ${plain(host, {
      id: 'map-url',
      type: 'url',
      label: msg('Map link (optional)', { id: 'console.resources.field.mapUrl' }),
      value: draft.mapUrl,
      set: (v) => (draft.mapUrl = v),
      ltr: true,
    })}
  </fieldset>`;
}

function renderActions(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  const kind = host.confirming;
  return html`<div class="actions" role="group" aria-label=${msg('Resource actions', { id: 'console.resources.actions' })}>
      <button class="button button--primary" type="submit" data-action="save" ?disabled=${host.busy}>
        ${draft.status === 'draft' ? msg('Save draft', { id: 'console.resources.saveDraft' }) : msg('Save changes', { id: 'console.resources.save' })}
      </button>
      <button class="button" type="button" data-action="translate" ?disabled=${host.busy} @click=${() => host.translateMissing()}>
        ${msg('Translate missing languages', { id: 'console.resources.translate' })}
      </button>
      ${
        draft.status === 'draft'
          ? html`<button
              class="button"
              type="button"
              data-action="publish"
              ?disabled=${host.busy}
              @click=${() => host.askToConfirm('publish')}
            >
              ${msg('Publish…', { id: 'console.resources.publish' })}
            </button>`
          : html`<button
              class="button"
              type="button"
              data-action="unpublish"
              ?disabled=${host.busy}
              @click=${() => host.askToConfirm('unpublish')}
            >
              ${msg('Unpublish…', { id: 'console.resources.unpublish' })}
            </button>`
      }
    </div>
    ${
      kind
        ? renderConfirm({
            title:
              kind === 'publish'
                ? msg('Publish this resource?', { id: 'console.resources.confirm.publishTitle' })
                : msg('Hide this resource from families?', { id: 'console.resources.confirm.unpublishTitle' }),
            text:
              kind === 'publish'
                ? msg('What you typed is saved first. Families then see it on the school sites that list it.', {
                    id: 'console.resources.confirm.publishText',
                  })
                : msg('It disappears from school sites until you publish it again. Nothing is deleted.', {
                    id: 'console.resources.confirm.unpublishText',
                  }),
            confirmLabel:
              kind === 'publish'
                ? msg('Yes, publish', { id: 'console.resources.confirm.publish' })
                : msg('Yes, unpublish', { id: 'console.resources.confirm.unpublish' }),
            cancelLabel: msg('Go back', { id: 'console.resources.confirm.back' }),
            cancelAction: 'back',
            onConfirm: () => void host.changeStatus(),
            onCancel: () => host.closeConfirm(),
          })
        : nothing
    }`;
}

export function renderEditor(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void host.save();
  };
  return html`<section aria-labelledby="editor-heading">
    <p>
      <a
        href="#/resources"
        data-action="back"
        @click=${(event: MouseEvent) => {
          // A plain click goes through the unsaved-changes check; a new tab (Ctrl/⌘-click) is left to the browser.
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          host.backToList();
        }}
        >${msg('Back to resources', { id: 'console.resources.back' })}</a
      >
    </p>
    ${host.leaving ? renderLeaveConfirm(host) : nothing}
    <div class="heading-row">
      <h1 id="editor-heading" tabindex="-1">
        ${draft.id ? msg('Edit resource', { id: 'console.resources.edit' }) : msg('New resource', { id: 'console.resources.new' })}
      </h1>
      ${renderStatus(draft.status, contentStatusLabel(draft.status))}
    </div>
    <form id="resource-form" novalidate @submit=${onSubmit}>
      ${host.errors['form'] ? html`<p id="form-error" class="alert" role="alert" tabindex="-1">${host.errors['form']}</p>` : nothing}
      <p id="notice" class="notice" role="status" tabindex="-1" ?hidden=${!host.notice}>${host.notice}</p>
      ${renderSettings(host, draft)} ${renderAbout(host, draft)} ${renderWho(host, draft)} ${renderContact(host, draft)}
      ${renderAddress(host, draft)} ${renderHours(host, draft)} ${renderActions(host, draft)}
    </form>
    ${renderPreview(host, draft)} ${renderEmbed(host, draft)} ${renderFeedback(host, draft)}
  </section>`;
}
