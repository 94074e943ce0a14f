/** The widget's message states (loading is in loading.ts): not connected, not found, failed, cancelled, ended, saved offline. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { notConnectedMessage, savedOfflineMessage } from '@tandem/core';

export interface Panel {
  name: string;
  tone: 'info' | 'success' | 'warning' | 'error';
  heading: string;
  text: string;
  action?: { label: string; run: () => void } | undefined;
}

export function renderPanel(panel: Panel): TemplateResult {
  return html`<div part="body" class="panel panel--${panel.tone}" data-state=${panel.name}>
    <h3 id="state-heading" tabindex="-1">${panel.heading}</h3>
    <tandem-status tone=${panel.tone}>${panel.text}</tandem-status>
    ${panel.action ? html`<button type="button" class="button" part="action" @click=${panel.action.run}>${panel.action.label}</button>` : ''}
  </div>`;
}

export const panels = {
  'no-backend': (): Panel => ({
    name: 'no-backend',
    tone: 'warning',
    heading: msg('This event is not ready yet', { id: 'rsvp.no-backend-heading' }),
    text: `${notConnectedMessage()} ${msg('Please try again later, or contact the school.', { id: 'rsvp.no-backend' })}`,
  }),
  'not-found': (): Panel => ({
    name: 'not-found',
    tone: 'warning',
    heading: msg('We could not find this event', { id: 'rsvp.not-found-heading' }),
    text: msg('It may have been removed, or the link may be wrong. Please ask the school for a new link.', { id: 'rsvp.not-found' }),
  }),
  'load-error': (message: string, retry: () => void): Panel => ({
    name: 'load-error',
    tone: 'error',
    heading: msg('The event could not be loaded', { id: 'rsvp.load-error-heading' }),
    text: message,
    action: { label: msg('Try again', { id: 'rsvp.retry' }), run: retry },
  }),
  cancelled: (): Panel => ({
    name: 'cancelled',
    tone: 'warning',
    heading: msg('This event was cancelled', { id: 'rsvp.cancelled-heading' }),
    text: msg('The school cancelled this event. It no longer takes RSVPs.', { id: 'rsvp.cancelled' }),
  }),
  ended: (): Panel => ({
    name: 'ended',
    tone: 'info',
    heading: msg('This event has ended', { id: 'rsvp.ended-heading' }),
    text: msg('It no longer takes RSVPs. Thank you for your interest.', { id: 'rsvp.ended' }),
  }),
  queued: (sendNow: () => void): Panel => ({
    name: 'queued',
    tone: 'info',
    heading: msg('Your RSVP is saved', { id: 'rsvp.queued-heading' }),
    text: savedOfflineMessage(),
    action: { label: msg('Send now', { id: 'rsvp.send-now' }), run: sendNow },
  }),
};
