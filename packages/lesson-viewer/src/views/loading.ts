/** What <tandem-lesson-viewer> shows before the lesson and the rest of its code arrive; part of the first download. */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** Reserves room for the lesson so the page does not jump; the spoken line sits outside the busy region. */
export function renderLoading(): TemplateResult {
  return html`<div part="body" class="body skeleton" aria-busy="true"></div>
    <p class="visually-hidden" role="status">${msg('Loading the lesson…', { id: 'lesson.loading' })}</p>`;
}
