/** The list of problems at the top of a page; each links to its field. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

export interface SummaryItem {
  questionId: string;
  /** The question's prompt, so a list of several problems says which is which. */
  prompt: TemplateResult;
  message: string;
}

export function renderErrorSummary(items: SummaryItem[], goTo: (questionId: string) => void) {
  if (items.length === 0) return nothing;
  const follow = (e: Event, questionId: string) => {
    // Fragment links cannot reach into a shadow root, so the link moves focus itself.
    e.preventDefault();
    goTo(questionId);
  };
  return html`<div class="error-summary" role="group" aria-labelledby="error-summary-heading">
    <h3 class="error-summary-heading" id="error-summary-heading">
      ${msg('Please check these answers', { id: 'survey.error-summary-heading' })}
    </h3>
    <ul class="error-summary-list">
      ${items.map(
        (item) =>
          html`<li>
            <a href=${`#q-${item.questionId}`} @click=${(e: Event) => follow(e, item.questionId)}
              ><span class="error-summary-prompt">${item.prompt}</span> <span>${item.message}</span></a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
