/** The header: language switch, school, title, description, and a note when the event is not in the family's language. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { localeDisplayName } from '@tandem/core';
import { renderMachineNote } from '@tandem/core/ui.js';
import { matchSupportedLocale, showsMachineTranslation, SUPPORTED_LOCALES, type PublicEvent, type SupportedLocale } from '@tandem/protocol';
import { fallsBack, localized, type TextContext } from '../localized-text.js';
import { renderHeaderFrame } from './loading.js';

/** The event's own languages first (those the family can read it in), then every UI language. */
function switchLocales(event: PublicEvent | undefined): SupportedLocale[] {
  const content = (event?.locales ?? []).map((l) => matchSupportedLocale(l)).filter((l): l is SupportedLocale => !!l);
  return [...new Set([...content, ...SUPPORTED_LOCALES])];
}

export function renderHeader(event: PublicEvent | undefined, text: TextContext): TemplateResult {
  const fallback = event && fallsBack(event.title, text);
  const wanted = localeDisplayName(text.locale);
  const shown = fallback && localeDisplayName(fallback);
  const content = event
    ? html`<p class="school">${event.school.name}</p>
        <h2 class="title" id="event-title">${localized(event.title, text)}</h2>
        ${event.description ? html`<p class="muted">${localized(event.description, text)}</p>` : nothing}
        ${
          (['title', 'description'] as const).some((key) =>
            showsMachineTranslation(event.machineTranslated, key, event[key], text.locale, event.defaultLocale),
          )
            ? renderMachineNote()
            : nothing
        }
        ${
          shown
            ? html`<p class="note">
                ${msg(str`This event is not yet available in ${wanted}. It is shown in ${shown}.`, { id: 'rsvp.not-in-language' })}
              </p>`
            : nothing
        }`
    : nothing;
  return renderHeaderFrame(switchLocales(event), content);
}
