/**
 * Below the resource builder: the preview (the real <tandem-resource-card> over an in-memory copy of the draft, in any
 * language, right to left for Arabic), the embed snippets with one-click copy, and what families said about it.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { renderEmbed as renderEmbedCard } from '../common/embed-snippets.js';
import { ownName } from '../common/localized-text.js';
import { renderPreviewPanel } from '../common/preview-panel.js';
import { draftLocales, type ResourceDraft } from './resource-draft.js';
import type { ConsoleResources } from './resources-screen.js';

export function renderPreview(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  const preview = host.preview;
  return renderPreviewPanel({
    locales: host.locales,
    withText: draftLocales(draft),
    chosen: preview?.locale ?? draft.defaultLocale,
    hint: msg('This is the card families see, with your unsaved changes. Feedback given here is not kept.', {
      id: 'console.resources.preview.hint',
    }),
    shown: preview
      ? {
          locale: preview.locale,
          widget: html`<tandem-resource-card
            .backend=${preview.backend}
            resource=${preview.resourceId}
            lang=${preview.locale}
            fixed-lang
          ></tandem-resource-card>`,
        }
      : undefined,
    onShow: (locale) => void host.showPreview(locale),
  });
}

export function renderEmbed(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  return html`${renderEmbedCard({
    snippets: host.embedSnippets(),
    saveFirstText: msg('Save the resource to get the code for your website.', { id: 'console.resources.embed.saveFirst' }),
    copyNotice: host.copyNotice,
    onCopy: (code, fieldId) => void host.copy(code, fieldId),
  })}
  ${
    draft.id && draft.status === 'draft'
      ? html`<p class="hint">${msg('Families see it once it is published.', { id: 'console.resources.embed.draft' })}</p>`
      : nothing
  }`;
}

export function renderFeedback(host: ConsoleResources, draft: ResourceDraft): TemplateResult {
  const summary = host.feedback;
  const body = () => {
    if (!draft.id)
      return html`<p class="hint">
        ${msg('Families can say whether it helped once it is published.', { id: 'console.resources.feedback.later' })}
      </p>`;
    if (host.feedbackError) return html`<p class="alert" role="alert">${host.feedbackError}</p>`;
    if (!summary) return html`<p role="status">${msg('Loading feedback…', { id: 'console.resources.feedback.loading' })}</p>`;
    if (summary.helpful + summary.notHelpful === 0)
      return html`<p>${msg('No family has said yet whether it helped.', { id: 'console.resources.feedback.empty' })}</p>`;
    return html`<p id="feedback-total">
        ${msg(str`${summary.helpful} found it helpful, ${summary.notHelpful} did not.`, { id: 'console.resources.feedback.total' })}
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">
            ${msg('Feedback by language', { id: 'console.resources.feedback.byLanguage' })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Language', { id: 'console.resources.feedback.language' })}</th>
              <th scope="col">${msg('Helpful', { id: 'console.resources.feedback.helpful' })}</th>
              <th scope="col">${msg('Not helpful', { id: 'console.resources.feedback.notHelpful' })}</th>
            </tr>
          </thead>
          <tbody>
            ${summary.byLocale.map(
              (row) =>
                html`<tr data-feedback-locale=${row.locale}>
                  <th scope="row"><span lang=${row.locale}>${ownName(row.locale)}</span></th>
                  <td>${row.helpful}</td>
                  <td>${row.notHelpful}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        summary.comments.length
          ? html`<h3>${msg('Comments', { id: 'console.resources.feedback.comments' })}</h3>
              <ul class="comments">
                ${summary.comments.map(
                  (c) =>
                    html`<li>
                      <p lang=${c.locale}>${c.comment}</p>
                      <p class="hint">
                        ${c.helpful ? msg('Helpful', { id: 'console.resources.feedback.helpful' }) : msg('Not helpful', { id: 'console.resources.feedback.notHelpful' })}
                        · <span lang=${c.locale}>${ownName(c.locale)}</span> ·
                        <time datetime=${c.createdAt}
                          >${new Intl.DateTimeFormat(host.uiLocale, { dateStyle: 'medium' }).format(new Date(c.createdAt))}</time
                        >
                      </p>
                    </li>`,
                )}
              </ul>`
          : nothing
      }`;
  };
  return html`<section class="card" aria-labelledby="feedback-heading">
    <h2 id="feedback-heading">${msg('What families said', { id: 'console.resources.feedback' })}</h2>
    ${body()}
  </section>`;
}
