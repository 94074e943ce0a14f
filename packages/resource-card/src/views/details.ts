/** Rendering pieces shared by the card and the list: a resource's summary (name, category, hours, description) and its details. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { localeDisplayName } from '@tandem/core';
import { renderMachineNote } from '@tandem/core/ui.js';
import { showsMachineTranslation, type LocalizedText, type PublicResource } from '@tandem/protocol';
import { openLine } from '../hours.js';
import { categoryName, phoneTypeName } from '../labels.js';
import { addressLine, mapHref, phoneHref, siteName } from '../links.js';
import { localized, type TextContext } from '../localized-text.js';

export function textContextOf(resource: PublicResource, locale: string): TextContext {
  return { locale, defaultLocale: resource.defaultLocale };
}

/** Whether the family reads an unreviewed machine translation in the resource's text `key`. */
function machineTranslated(resource: PublicResource, key: string, text: LocalizedText | undefined, locale: string): boolean {
  return showsMachineTranslation(resource.machineTranslated, key, text, locale, resource.defaultLocale);
}

/** The text in the family's language, with the quiet inline note when a machine translated it unreviewed. */
function noted(resource: PublicResource, key: string, text: LocalizedText | undefined, locale: string): TemplateResult {
  return html`${localized(text, textContextOf(resource, locale))}${
    machineTranslated(resource, key, text, locale) ? renderMachineNote(true) : nothing
  }`;
}

/** "Open now · closes at 5:00 PM"; nothing when the resource lists no hours. */
export function renderOpenStatus(resource: PublicResource, locale: string, now: Date): TemplateResult | typeof nothing {
  const line = openLine(resource, locale, now);
  if (!line) return nothing;
  return html`<p class="hours ${line.open ? 'hours--open' : 'hours--closed'}" part="hours">
    <span class="hours-state">${line.state}</span
    >${line.reason ? html` (${noted(resource, `closure:${line.closureDate}`, line.reason, locale)})` : nothing}${
      line.detail ? html` · ${line.detail}` : nothing
    }
  </p>`;
}

/**
 * Name (as a heading of the given level, with `headingId` for aria-labelledby), category, organization,
 * opening status and description.
 */
export function renderSummary(resource: PublicResource, locale: string, now: Date, level: 2 | 3, headingId: string): TemplateResult {
  const ctx = textContextOf(resource, locale);
  const name = localized(resource.name, ctx);
  return html`<div class="summary">
    ${
      level === 2
        ? html`<h2 class="name" part="name" id=${headingId}>${name}</h2>`
        : html`<h3 class="name" part="name" id=${headingId}>${name}</h3>`
    }
    <p class="meta">
      <span class="category" part="category">${categoryName(resource.category)}</span>
      <span class="organization">${resource.organizationName}</span>
    </p>
    ${renderOpenStatus(resource, locale, now)}
    <p class="description" part="description">${localized(resource.description, ctx)}</p>
    ${
      machineTranslated(resource, 'name', resource.name, locale) || machineTranslated(resource, 'description', resource.description, locale)
        ? renderMachineNote()
        : nothing
    }
  </div>`;
}

function item(label: string, value: unknown): TemplateResult {
  return html`<div class="detail">
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;
}

/** "Spanish, Hmong and Somali", named in the family's language; plain commas where the browser cannot join lists in it (Hmong). */
function languageList(languages: readonly string[], locale: string): string {
  const names = languages.map((l) => localeDisplayName(l));
  return Intl.ListFormat.supportedLocalesOf(locale).length
    ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(names)
    : names.join(', ');
}

/** Contact, address, languages spoken, eligibility and cost, as a description list. */
export function renderDetails(resource: PublicResource, locale: string): TemplateResult {
  const phones = resource.phones.map((phone, n) => {
    const href = phoneHref(phone);
    // One ordinary phone needs no label under the "Phone" heading; several, or a text line or fax, do.
    const labelled = resource.phones.length > 1 || phone.type !== 'voice' || !!phone.description;
    const label = phone.description ? noted(resource, `phone:${n}`, phone.description, locale) : phoneTypeName(phone.type);
    return html`<li>
      ${labelled ? html`<span class="phone-label">${label}:</span>` : nothing}
      ${href ? html`<a href=${href} part="phone-link" dir="ltr">${phone.number}</a>` : html`<span dir="ltr">${phone.number}</span>`}
    </li>`;
  });
  const location = resource.location;
  return html`<dl class="details" part="details">
    ${
      phones.length
        ? item(
            msg('Phone', { id: 'resource.phone' }),
            html`<ul class="phones">
              ${phones}
            </ul>`,
          )
        : nothing
    }
    ${
      resource.email
        ? item(msg('Email', { id: 'resource.email' }), html`<a href="mailto:${resource.email}" dir="ltr">${resource.email}</a>`)
        : nothing
    }
    ${
      resource.url
        ? item(
            msg('Website', { id: 'resource.website' }),
            html`<a href=${resource.url} part="website-link" dir="ltr">${siteName(resource.url)}</a>`,
          )
        : nothing
    }
    ${
      location
        ? item(
            msg('Address', { id: 'resource.address' }),
            html`<span class="address" dir="auto">${addressLine(location)}</span>
              <a href=${mapHref(location)} part="map-link" target="_blank" rel="noopener"
                >${msg('Open in a map', { id: 'resource.map' })}<span class="visually-hidden">
                  ${msg('(opens in a new tab)', { id: 'resource.new-tab' })}</span
                ></a
              >`,
          )
        : nothing
    }
    ${
      resource.schedule?.notes
        ? item(msg('Hours', { id: 'resource.hours' }), noted(resource, 'scheduleNotes', resource.schedule.notes, locale))
        : nothing
    }
    ${
      resource.languages.length
        ? item(msg('Languages spoken', { id: 'resource.languages' }), languageList(resource.languages, locale))
        : nothing
    }
    ${
      resource.eligibility
        ? item(msg('Who can use it', { id: 'resource.eligibility' }), noted(resource, 'eligibility', resource.eligibility, locale))
        : nothing
    }
    ${resource.fees ? item(msg('Cost', { id: 'resource.fees' }), noted(resource, 'fees', resource.fees, locale)) : nothing}
  </dl>`;
}
