/** The survey's non-form states (the loading skeleton is in loading.ts): "not connected", not found, closed, failed, queued, thanks. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { notConnectedMessage, savedOfflineMessage } from '@tandem/core';
import type { PanelPhase } from '../survey-phase.js';

export interface PanelOptions {
  /** A stable name for tests and styling, e.g. `thanks`. */
  name: string;
  tone: 'info' | 'success' | 'warning' | 'error';
  heading: string;
  text?: string | undefined;
  action?: { label: string; run: () => void } | undefined;
}

/**
 * A state message: a heading that takes focus when the state follows something the family did, and
 * a polite status line so screen readers hear it even when focus stays where it was.
 */
export function renderPanel(options: PanelOptions): TemplateResult {
  return html`<div class="panel panel--${options.tone}" data-state=${options.name}>
    <h3 class="panel-heading" id="state-heading" tabindex="-1">${options.heading}</h3>
    <tandem-status tone=${options.tone}>${options.text ?? nothing}</tandem-status>
    ${
      options.action
        ? html`<button type="button" class="button" part="action" @click=${options.action.run}>${options.action.label}</button>`
        : nothing
    }
  </div>`;
}

export const panels = {
  noBackend: (): PanelOptions => ({
    name: 'no-backend',
    tone: 'warning',
    heading: msg('This survey is not ready yet', { id: 'survey.no-backend-heading' }),
    // Core's sentence says why; the family also needs to hear what they can do about it.
    text: `${notConnectedMessage()} ${msg('Please try again later, or contact the school.', { id: 'survey.no-backend' })}`,
  }),
  notFound: (): PanelOptions => ({
    name: 'not-found',
    tone: 'warning',
    heading: msg('We could not find this survey', { id: 'survey.not-found-heading' }),
    text: msg('It may have been removed, or the link may be wrong. Please ask the school for a new link.', {
      id: 'survey.not-found',
    }),
  }),
  closed: (): PanelOptions => ({
    name: 'closed',
    tone: 'info',
    heading: msg('This survey is closed', { id: 'survey.closed-heading' }),
    text: msg('This survey no longer accepts answers. Thank you for your interest.', { id: 'survey.closed' }),
  }),
  loadError: (message: string, retry: () => void): PanelOptions => ({
    name: 'load-error',
    tone: 'error',
    heading: msg('The survey could not be loaded', { id: 'survey.load-error-heading' }),
    text: message,
    action: { label: msg('Try again', { id: 'survey.retry' }), run: retry },
  }),
  queued: (sendNow: () => void): PanelOptions => ({
    name: 'queued',
    tone: 'info',
    heading: msg('Your answers are saved', { id: 'survey.queued-heading' }),
    text: savedOfflineMessage(),
    action: { label: msg('Send now', { id: 'survey.send-now' }), run: sendNow },
  }),
  thanks: (): PanelOptions => ({
    name: 'thanks',
    tone: 'success',
    heading: msg('Thank you!', { id: 'survey.thanks-heading' }),
    text: msg('Your answers have been sent to the school.', { id: 'survey.thanks' }),
  }),
  answered: (): PanelOptions => ({
    name: 'answered',
    tone: 'success',
    heading: msg('You have already answered this survey', { id: 'survey.answered-heading' }),
    text: msg('Your answers were sent from this device. Thank you!', { id: 'survey.answered' }),
  }),
};

/** The panel for a message state; `errorMessage` explains a failed load. */
export function panelFor(phase: PanelPhase, errorMessage: string, actions: { retry: () => void; sendNow: () => void }): PanelOptions {
  switch (phase) {
    case 'no-backend':
      return panels.noBackend();
    case 'not-found':
      return panels.notFound();
    case 'closed':
      return panels.closed();
    case 'queued':
      return panels.queued(actions.sendNow);
    case 'thanks':
      return panels.thanks();
    case 'answered':
      return panels.answered();
    case 'load-error':
      return panels.loadError(errorMessage, actions.retry);
  }
}
