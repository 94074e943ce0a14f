/** What both resource widgets show before the resource and the rest of their code arrive; part of the first download. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

export type LoadPhase = 'loading' | 'no-backend' | 'not-found' | 'load-error' | 'ready';

/** A few grey bars in a busy region so the page does not jump; the spoken line sits outside it. */
export function renderLoading(): TemplateResult {
  return html`<div class="skeleton" aria-busy="true">
      <span class="skeleton-line skeleton-line--title"></span><span class="skeleton-line"></span
      ><span class="skeleton-line skeleton-line--short"></span>
    </div>
    <p class="visually-hidden" role="status">${msg('Loading…', { id: 'resource.loading' })}</p>`;
}
