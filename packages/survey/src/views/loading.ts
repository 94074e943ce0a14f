/** What <tandem-survey> shows before the survey and the rest of its code arrive: language switch and a skeleton. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { SupportedLocale } from '@tandem/protocol';

/**
 * The header's frame, before and after the survey arrives (header.ts fills it in). One template for both,
 * so Lit keeps the language switch element, and the focus a family may have put on it, when the survey loads.
 */
export function renderHeaderFrame(
  locales: readonly SupportedLocale[],
  tools: unknown = nothing,
  content: unknown = nothing,
): TemplateResult {
  return html`<header part="header" class="header">
    <div class="tools">
      <tandem-language-switch .locales=${locales}></tandem-language-switch>
      ${tools}
    </div>
    ${content}
  </header>`;
}

/**
 * Grey bars in the shape of a survey inside a busy body, so the page does not jump when the questions
 * arrive; the spoken "loading" line sits outside the busy region, where screen readers do announce it.
 */
export function renderLoading(): TemplateResult {
  return html`<div part="body" class="body" aria-busy="true">
      <div class="skeleton" aria-hidden="true">
        <span class="skeleton-line skeleton-line--title"></span>
        <span class="skeleton-line"></span>
        <span class="skeleton-line skeleton-line--short"></span>
        <span class="skeleton-box"></span>
        <span class="skeleton-line"></span>
        <span class="skeleton-box"></span>
      </div>
    </div>
    <p class="visually-hidden" role="status">${msg('Loading the survey…', { id: 'survey.loading' })}</p>`;
}
