/** Styles that arrive with the UI chunk: fields, the conversation list, notices and badges. */
import { css } from 'lit';

export const listStyles = css`
  .label {
    font-weight: 600;
  }
  .hint,
  .small {
    font-size: 0.875em;
    color: var(--_muted);
  }
  input,
  select {
    font: inherit;
    color: var(--_field-text);
    background: var(--_field-surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: 44px;
    padding-block: 6px;
    padding-inline: 10px;
    max-inline-size: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .success {
    color: var(--_success);
    font-weight: 600;
  }
  .email-form {
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space);
  }
  .who {
    display: flex;
    flex-direction: column;
  }
  .who-name {
    font-weight: 600;
  }
  .conversations {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .conversation {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 2px;
    inline-size: 100%;
    min-block-size: 44px;
    padding-block: 10px;
    padding-inline: 12px;
    font: inherit;
    color: inherit;
    text-align: start;
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .conversation:hover {
    background: var(--_soft);
  }
  .conversation-name {
    font-weight: 600;
  }
  .conversation-details,
  .conversation-preview {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .conversation-preview {
    display: -webkit-box;
    -webkit-line-clamp: 1;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .badge {
    font-size: 0.8125em;
    font-weight: 700;
    padding-inline: 8px;
    border-radius: 999px;
    color: var(--_on-accent);
    background: var(--_accent);
  }
  .notice {
    font-size: 0.875em;
    padding-block: 8px;
    padding-inline: 12px;
    border-inline-start: 4px solid var(--_warning);
    background: var(--_soft);
    border-radius: var(--_radius);
  }
  .filter {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
`;
