/** What <tandem-event-rsvp> shows before the event and the rest of its code arrive: language switch and a skeleton. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { SupportedLocale } from '@tandem/protocol';

/**
 * The header's frame, before and after the event arrives (header.ts fills it in). One template for both,
 * so Lit keeps the language switch element, and the focus a family may have put on it, when the event loads.
 */
export function renderHeaderFrame(locales: readonly SupportedLocale[], content: unknown = nothing): TemplateResult {
  return html`<header part="header" class="header">
    <tandem-language-switch .locales=${locales}></tandem-language-switch>
    ${content}
  </header>`;
}

/** Reserves room for the event so the page does not jump; the spoken line sits outside the busy region. */
export function renderLoading(): TemplateResult {
  return html`<div part="body" class="body skeleton" aria-busy="true"></div>
    <p class="visually-hidden" role="status">${msg('Loading the event…', { id: 'rsvp.loading' })}</p>`;
}
