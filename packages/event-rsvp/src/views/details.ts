/** The event's facts: when (one session), where with a map link, the online link, and who it is for. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { renderMachineNote } from '@tandem/core/ui.js';
import { showsMachineTranslation, type PublicEvent } from '@tandem/protocol';
import { localized, type TextContext } from '../localized-text.js';
import { renderRemaining, renderTime, renderZoneNote } from './when.js';

const newTab = () => html`<span class="visually-hidden">${msg('(opens in a new tab)', { id: 'rsvp.new-tab' })}</span>`;

export function renderDetails(event: PublicEvent, text: TextContext): TemplateResult {
  const only = event.sessions.length === 1 ? event.sessions[0] : undefined;
  const { place, onlineUrl, audience } = event;
  const row = (label: string, value: unknown) =>
    html`<div class="row">
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  return html`<div class="details">
    ${renderZoneNote(event, text.locale)}
    <dl>
      ${only ? row(msg('When', { id: 'rsvp.when' }), html`${renderTime(only, event, text.locale)} ${renderRemaining(only)}`) : nothing}
      ${
        place
          ? row(
              msg('Where', { id: 'rsvp.where' }),
              html`<span
                  >${localized(place.name, text)}${
                    showsMachineTranslation(event.machineTranslated, 'placeName', place.name, text.locale, event.defaultLocale)
                      ? renderMachineNote(true)
                      : nothing
                  }</span
                ><span>${place.address}</span>${
                  place.mapUrl
                    ? html`<a href=${place.mapUrl} target="_blank" rel="noopener noreferrer"
                        >${msg('Open map', { id: 'rsvp.map' })}${newTab()}</a
                      >`
                    : nothing
                }`,
            )
          : nothing
      }
      ${
        onlineUrl
          ? row(
              msg('Online', { id: 'rsvp.online' }),
              html`<a href=${onlineUrl} target="_blank" rel="noopener noreferrer"
                >${msg('Join online', { id: 'rsvp.join-online' })}${newTab()}</a
              >`,
            )
          : nothing
      }
      ${
        audience?.grades?.length
          ? row(msg('For', { id: 'rsvp.for' }), msg(str`Families of grades ${audience.grades.join(', ')}`, { id: 'rsvp.grades' }))
          : nothing
      }
    </dl>
  </div>`;
}

export { newTab };
