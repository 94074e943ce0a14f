/** Page progress and the Previous page / Next / Send buttons at the foot of the form. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

export function pageLabel(page: number, total: number): string {
  const current = page + 1;
  return msg(str`Page ${current} of ${total}`, { id: 'survey.page-progress' });
}

export function renderProgress(page: number, total: number): TemplateResult | typeof nothing {
  if (total < 2) return nothing;
  return html`<div class="progress">
    <span class="progress-label" id="progress-label">${pageLabel(page, total)}</span>
    <progress part="progress" max=${total} .value=${page + 1} aria-labelledby="progress-label"></progress>
  </div>`;
}

export interface FooterOptions {
  page: number;
  total: number;
  submitting: boolean;
  anonymous: boolean;
  onBack(): void;
}

export function renderFooter(options: FooterOptions): TemplateResult {
  const last = options.page === options.total - 1;
  // The forward button is the form's only submit button, so Enter in a text field moves on like a click does.
  return html`<div part="footer" class="footer">
    <div class="buttons">
      ${
        options.page > 0
          ? html`<button type="button" class="button" part="back" @click=${options.onBack}>
              ${msg('Previous page', { id: 'survey.back' })}
            </button>`
          : nothing
      }
      ${
        last
          ? html`<button type="submit" class="button button--primary" part="submit" aria-disabled=${options.submitting ? 'true' : 'false'}>
              ${options.submitting ? msg('Sending…', { id: 'survey.submitting' }) : msg('Send answers', { id: 'survey.submit' })}
            </button>`
          : html`<button type="submit" class="button button--primary" part="next">${msg('Next', { id: 'survey.next' })}</button>`
      }
    </div>
    ${options.anonymous ? html`<p class="privacy-note">${msg('Your name is not attached to your answers.', { id: 'survey.anonymous' })}</p>` : nothing}
  </div>`;
}
