/** The widget's message states: not connected, not found, failed to load (loading is in loading.ts). */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { notConnectedMessage } from '@tandem/core';

export interface Panel {
  name: string;
  tone: 'info' | 'warning' | 'error';
  heading: string;
  text: string;
  action?: { label: string; run: () => void } | undefined;
}

export function renderPanel(panel: Panel): TemplateResult {
  return html`<div part="body" class="panel" data-state=${panel.name}>
    <h2 id="state-heading" tabindex="-1">${panel.heading}</h2>
    <tandem-status tone=${panel.tone}>${panel.text}</tandem-status>
    ${panel.action ? html`<button type="button" class="button" part="action" @click=${panel.action.run}>${panel.action.label}</button>` : ''}
  </div>`;
}

export const panels = {
  'no-backend': (): Panel => ({
    name: 'no-backend',
    tone: 'warning',
    heading: msg('This lesson is not ready yet', { id: 'lesson.no-backend-heading' }),
    text: `${notConnectedMessage()} ${msg('Please try again later, or contact the school.', { id: 'lesson.no-backend' })}`,
  }),
  'not-found': (): Panel => ({
    name: 'not-found',
    tone: 'warning',
    heading: msg('We could not find this lesson', { id: 'lesson.not-found-heading' }),
    text: msg('It may have been removed, or the link may be wrong. Please ask the school for a new link.', { id: 'lesson.not-found' }),
  }),
  'load-error': (message: string, retry: () => void): Panel => ({
    name: 'load-error',
    tone: 'error',
    heading: msg('The lesson could not be loaded', { id: 'lesson.load-error-heading' }),
    text: message,
    action: { label: msg('Try again', { id: 'lesson.retry' }), run: retry },
  }),
};
