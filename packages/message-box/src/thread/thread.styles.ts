/** Styles of the thread and composer (arrive with the thread chunk): logical properties only, so Arabic needs no second sheet. */
import { css } from 'lit';

export const threadStyles = css`
  .thread {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  .thread-header {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    justify-content: space-between;
    align-items: center;
  }
  [dir='rtl'] .back-arrow,
  :host([dir='rtl']) .back-arrow {
    display: inline-block;
    transform: scaleX(-1);
  }
  .messages {
    block-size: var(--tandem-thread-height, min(60vh, 520px));
    min-block-size: 240px;
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .row {
    display: flex;
    inline-size: 100%;
    padding-block: 4px;
    padding-inline: 8px;
    justify-content: flex-start;
  }
  .row--own {
    justify-content: flex-end;
  }
  .bubble {
    max-inline-size: min(85%, 36em);
    padding-block: 8px;
    padding-inline: 12px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: color-mix(in srgb, currentColor 4%, transparent);
    overflow-wrap: anywhere;
  }
  .bubble--own {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
    border-color: color-mix(in srgb, var(--_accent) 45%, transparent);
  }
  .bubble p {
    margin: 0;
  }
  .text {
    white-space: pre-wrap;
  }
  .text a {
    color: inherit;
    text-decoration: underline;
  }
  .sender {
    font-weight: 600;
    font-size: 0.875em;
  }
  .meta,
  .note {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
    align-items: center;
    font-size: 0.8125em;
    color: var(--_muted);
    margin-block-start: 4px;
  }
  .link-button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding-block: 6px;
    padding-inline: 2px;
    min-block-size: 24px;
    text-decoration: underline;
    cursor: pointer;
  }
  .state[data-state='waiting'] {
    color: var(--_warning);
    font-weight: 600;
  }
  .composer {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .composer textarea {
    font: inherit;
    color: var(--_field-text);
    background: var(--_field-surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 8px;
    min-block-size: 88px;
    resize: vertical;
    inline-size: 100%;
  }
  .composer textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .composer-actions {
    display: flex;
    justify-content: flex-end;
  }
  .count {
    margin-inline-start: 0.5em;
    font-weight: 600;
  }
`;
