/** The family's own RSVP: what it holds now, calendar links, change / cancel, and the private link. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PublicEvent, RsvpView } from '@tandem/protocol';
import { googleCalendarUrl, outlookCalendarUrl, type CalendarEntry } from '../calendar-links.js';
import { plainText, type TextContext } from '../localized-text.js';
import { newTab } from './details.js';
import { renderTime } from './when.js';

export type ShownStatus = 'confirmed' | 'waitlisted' | 'declined' | 'cancelled';

export interface StatusOptions {
  event: PublicEvent;
  rsvp: RsvpView;
  text: TextContext;
  link: string;
  icsUrl: string | undefined;
  confirming: boolean;
  busy: boolean;
  copied: boolean;
  notice: string | undefined;
  onChange(): void;
  onCancel(): void;
  onConfirmCancel(): void;
  onKeep(): void;
  onCopy(): void;
  onRsvpAgain(): void;
}

export const shownStatus = (rsvp: RsvpView): ShownStatus => (rsvp.cancelled ? 'cancelled' : rsvp.status);

function wording(rsvp: RsvpView): { heading: string; text: string; tone: 'success' | 'info' } {
  const people = rsvp.partySize;
  switch (shownStatus(rsvp)) {
    case 'confirmed':
      return {
        heading:
          rsvp.response === 'maybe'
            ? msg('You said maybe', { id: 'rsvp.status-maybe' })
            : msg("You're going!", { id: 'rsvp.status-going' }),
        text: msg(str`Places saved for your party: ${people}.`, { id: 'rsvp.status-places' }),
        tone: 'success',
      };
    case 'waitlisted': {
      const position = rsvp.position ?? 1;
      return {
        heading: msg('You are on the waitlist', { id: 'rsvp.status-waitlisted' }),
        text: msg(str`You are number ${position} on the waitlist. We will tell you if a place opens.`, { id: 'rsvp.status-position' }),
        tone: 'info',
      };
    }
    case 'declined':
      return {
        heading: msg('Thank you for letting the school know', { id: 'rsvp.status-declined' }),
        text: msg("You said you can't come. If your plans change, you can change your answer.", { id: 'rsvp.status-declined-text' }),
        tone: 'info',
      };
    case 'cancelled':
      return {
        heading: msg('Your RSVP is cancelled', { id: 'rsvp.status-cancelled' }),
        text: msg('Your places were given back. If your plans change, you can RSVP again.', { id: 'rsvp.status-cancelled-text' }),
        tone: 'info',
      };
  }
}

function calendar(options: StatusOptions): TemplateResult | typeof nothing {
  const { event, rsvp, text } = options;
  const session = event.sessions.find((s) => s.id === rsvp.sessionId);
  if (!session || rsvp.status !== 'confirmed' || rsvp.cancelled) return nothing;
  const where = event.place ? `${plainText(event.place.name, text)}, ${event.place.address}` : (event.onlineUrl ?? '');
  const entry: CalendarEntry = {
    ...session,
    title: plainText(event.title, text),
    details: [plainText(event.description, text), event.onlineUrl].filter(Boolean).join('\n\n'),
    location: where,
  };
  const link = (href: string, label: string) =>
    html`<li><a href=${href} target="_blank" rel="noopener noreferrer">${label}${newTab()}</a></li>`;
  return html`<div class="calendar" part="calendar">
    <h4>${msg('Add to your calendar', { id: 'rsvp.calendar' })}</h4>
    <ul>
      ${options.icsUrl ? html`<li><a href=${options.icsUrl} download>${msg('Calendar file (.ics)', { id: 'rsvp.calendar-ics' })}</a></li>` : nothing}
      ${link(googleCalendarUrl(entry), 'Google Calendar')} ${link(outlookCalendarUrl(entry), 'Outlook.com')}
    </ul>
  </div>`;
}

function actions(options: StatusOptions): TemplateResult {
  const busy = options.busy ? 'true' : 'false';
  if (options.rsvp.cancelled) {
    return html`<div class="buttons">
      <button type="button" class="button button--primary" part="rsvp-again" @click=${options.onRsvpAgain}>
        ${msg('RSVP again', { id: 'rsvp.again' })}
      </button>
    </div>`;
  }
  if (options.confirming) {
    return html`<div class="confirm" role="group" aria-labelledby="confirm-heading">
      <h4 id="confirm-heading" tabindex="-1">${msg('Cancel your RSVP?', { id: 'rsvp.confirm-heading' })}</h4>
      <p>${msg('Your places will go to the next family on the waitlist.', { id: 'rsvp.confirm-text' })}</p>
      <div class="buttons">
        <button type="button" class="button button--primary" part="confirm-cancel" aria-disabled=${busy} @click=${options.onConfirmCancel}>
          ${msg('Yes, cancel my RSVP', { id: 'rsvp.confirm-cancel' })}
        </button>
        <button type="button" class="button" part="keep" @click=${options.onKeep}>${msg('No, keep it', { id: 'rsvp.keep' })}</button>
      </div>
    </div>`;
  }
  return html`<div class="buttons">
    <button type="button" class="button" part="change" @click=${options.onChange}>${msg('Change my RSVP', { id: 'rsvp.change' })}</button>
    ${
      options.rsvp.status === 'declined'
        ? nothing
        : html`<button type="button" class="button" part="cancel" @click=${options.onCancel}>
            ${msg('Cancel my RSVP', { id: 'rsvp.cancel' })}
          </button>`
    }
  </div>`;
}

function privateLink(options: StatusOptions): TemplateResult | typeof nothing {
  if (options.rsvp.cancelled) return nothing;
  return html`<div class="field private-link">
    <label for="private-link">${msg('Private link to change this RSVP from another device', { id: 'rsvp.link' })}</label>
    <span class="hint" id="hint-link"
      >${msg('Keep it to yourself: anyone with this link can change your RSVP.', { id: 'rsvp.link-hint' })}</span
    >
    <div class="copy-row">
      <input id="private-link" class="input" readonly .value=${options.link} aria-describedby="hint-link" />
      <button type="button" class="button" part="copy-link" @click=${options.onCopy}>${msg('Copy link', { id: 'rsvp.copy' })}</button>
    </div>
    <span class="hint" role="status">${options.copied ? msg('Link copied.', { id: 'rsvp.copied' }) : nothing}</span>
  </div>`;
}

export function renderStatus(options: StatusOptions): TemplateResult {
  const { rsvp, event } = options;
  const status = shownStatus(rsvp);
  const { heading, text, tone } = wording(rsvp);
  const session = event.sessions.find((s) => s.id === rsvp.sessionId);
  return html`<div part="status" class="panel panel--${tone}" data-status=${status}>
    <h3 id="state-heading" tabindex="-1">${heading}</h3>
    <tandem-status tone=${tone}>${text}</tandem-status>
    ${
      session && status !== 'cancelled' && status !== 'declined'
        ? html`<p class="chosen-time">${renderTime(session, event, options.text.locale)}</p>`
        : nothing
    }
    ${calendar(options)} ${options.notice ? html`<tandem-status tone="error">${options.notice}</tandem-status>` : nothing}
    ${actions(options)} ${privateLink(options)}
  </div>`;
}
