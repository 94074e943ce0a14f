/** The message under a field that was refused; tie it to the field with aria-describedby. */
import { css, html, nothing, type TemplateResult } from 'lit';

export const fieldErrorStyles = css`
  .field-error {
    display: flex;
    align-items: flex-start;
    gap: 0.375em;
    margin-block: 0.375em 0;
    margin-inline: 0;
    color: var(--_error);
    font-weight: 600;
  }
  .field-error svg {
    flex: none;
    margin-block-start: 0.125em;
  }
`;

/** Renders nothing for an empty message, so the field's aria-describedby can stay in place. */
export function renderFieldError(id: string, message: string | undefined | null): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p id=${id} class="field-error" part="field-error">
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
      <path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z" />
    </svg>
    <span>${message}</span>
  </p>`;
}
