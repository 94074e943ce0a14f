/** Non-content states both widgets share: not connected, not found, failed to load (loading is in loading.ts). */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { notConnectedMessage } from '@tandem/core';

import type { LoadPhase } from './loading.js';

export type { LoadPhase };

/** A state message with an optional action (Try again). */
export function renderState(
  phase: Exclude<LoadPhase, 'loading' | 'ready'>,
  list: boolean,
  errorText: string,
  retry: () => void,
): TemplateResult {
  let heading: string;
  let text: string;
  if (phase === 'no-backend') {
    heading = msg('Resources are not available yet', { id: 'resource.no-backend-heading' });
    text = `${notConnectedMessage()} ${msg('Please try again later, or contact the school.', { id: 'resource.no-backend' })}`;
  } else if (phase === 'not-found') {
    heading = list
      ? msg('We could not find these resources', { id: 'resource.list-not-found-heading' })
      : msg('We could not find this resource', { id: 'resource.not-found-heading' });
    text = msg('It may have been removed, or the link may be wrong.', { id: 'resource.not-found' });
  } else {
    heading = msg('The resources could not be loaded', { id: 'resource.load-error-heading' });
    text = errorText;
  }
  return html`<div class="state" data-state=${phase}>
    <h2 class="state-heading" id="state-heading" tabindex="-1">${heading}</h2>
    <tandem-status tone=${phase === 'load-error' ? 'error' : 'warning'}>${text}</tandem-status>
    ${
      phase === 'load-error'
        ? html`<button type="button" class="button" part="action" @click=${retry}>${msg('Try again', { id: 'resource.retry' })}</button>`
        : nothing
    }
  </div>`;
}
