/** Styles <tandem-survey> needs once the survey is there (loaded with survey-ui.ts): header content, form, questions, panels. */
import { css } from 'lit';
import { surveyShellStyles } from './survey.styles.js';

/* Same rules as survey.styles.ts: core's tokens, logical properties only, px/em sizes only, comments kept out of the CSS. */

export const surveyFormStyles = css`
  .bilingual-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
  }
  .bilingual-toggle,
  .second-language-picker {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-block-size: var(--_target);
    cursor: pointer;
  }
  .bilingual-toggle input {
    inline-size: 20px;
    block-size: 20px;
    margin: 0;
    accent-color: var(--_accent);
  }
  select {
    font: inherit;
    min-block-size: var(--_target);
    padding-block: 4px;
    padding-inline: 8px;
    color: var(--_field-text);
    background: var(--_field-surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .title {
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 700;
  }
  .description,
  .page-description {
    color: var(--_muted);
  }

  /* A second language sits under the first, quieter, and follows its own direction. */
  .second-language {
    display: block;
    /* Lines up with the family's language even when its own direction differs (English under Arabic). */
    text-align: match-parent;
    font-size: 0.9em;
    font-weight: 400;
    color: var(--_muted);
    margin-block-start: 2px;
  }
  .fallback-note {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .fallback-note--survey {
    padding-block: 8px;
    padding-inline: 12px;
    border-inline-start: 4px solid var(--_border);
    background: var(--_soft);
  }

  /* Form */
  .progress {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 0.875em;
  }
  progress {
    inline-size: 100%;
    block-size: 8px;
    accent-color: var(--_accent);
  }
  .page-heading {
    font-size: 1.125em;
    font-weight: 700;
  }
  .page-heading:focus,
  .panel-heading:focus {
    outline: none;
  }
  .page-heading:focus-visible,
  .panel-heading:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .required-note {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .questions {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }

  /* One question */
  .question {
    display: flex;
    flex-direction: column;
    gap: 8px;
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  fieldset.question > legend {
    padding: 0;
    margin-block-end: 8px;
  }
  .prompt {
    font-weight: 600;
  }
  .required {
    font-weight: 400;
    font-size: 0.875em;
    color: var(--_muted);
    white-space: nowrap;
  }
  .help,
  .hint {
    color: var(--_muted);
    font-size: 0.9375em;
  }

  .options {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .options--inline {
    flex-direction: row;
    flex-wrap: wrap;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 12px;
    min-block-size: var(--_target);
    padding-block: 8px;
    padding-inline: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .options--inline .option {
    min-inline-size: 7em;
  }
  .option input {
    flex: none;
    inline-size: 20px;
    block-size: 20px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }

  /* Rating: big wrapping targets; the native radio covers each target, so clicks and keys stay native. */
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .scale-point {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 48px;
    min-block-size: 48px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 600;
    cursor: pointer;
  }
  .scale-point input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .scale-point:has(input:checked) {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .scale-point:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .scale-ends {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 8px;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .scale-end--high {
    text-align: end;
  }
  .scale-end-number {
    font-weight: 700;
  }

  .text-input {
    inline-size: 100%;
    min-block-size: var(--_target);
    padding-block: 8px;
    padding-inline: 12px;
    font: inherit;
    color: var(--_field-text);
    background: var(--_field-surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .text-input--long {
    resize: vertical;
    min-block-size: 8em;
  }
  [aria-invalid='true'].text-input {
    border: 2px solid var(--_error);
  }
  .question--invalid .option,
  .question--invalid .scale-point {
    border-color: var(--_error);
  }
  .count {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .count:empty {
    display: none;
  }
  .count--over {
    color: var(--_error);
    font-weight: 600;
  }

  /* Error summary */
  .error-summary {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: var(--_gap);
    border: 2px solid var(--_error);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
  }
  .error-summary-heading {
    font-size: 1em;
    font-weight: 700;
    color: var(--_error);
  }
  .error-summary-list {
    padding-inline-start: 1.25em;
  }
  .error-summary-list a {
    color: var(--_error);
    text-decoration: underline;
  }
  .error-summary-prompt {
    font-weight: 600;
  }

  /* Footer */
  .footer {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  .buttons [part~='submit'],
  .buttons [part~='next'] {
    margin-inline-start: auto;
  }
  .privacy-note {
    font-size: 0.875em;
    color: var(--_muted);
  }

  /* State panels */
  .panel {
    display: flex;
    flex-direction: column;
    align-items: start;
    gap: var(--_gap);
    padding: var(--_space);
    border-inline-start: 6px solid var(--_border);
    background: var(--_soft);
    border-radius: var(--_radius);
  }
  .panel--success {
    border-inline-start-color: var(--_success);
  }
  .panel--warning {
    border-inline-start-color: var(--_warning);
  }
  .panel--error {
    border-inline-start-color: var(--_error);
  }
  .panel-heading {
    font-size: 1.125em;
    font-weight: 700;
  }

  @media (forced-colors: active) {
    .scale-point:has(input:checked),
    .option:has(input:checked) {
      outline: 3px solid Highlight;
    }
  }
`;

/** Every style of the widget, for those who compose it into their own element (the first-paint part included). */
export const surveyStyles = css`
  ${surveyShellStyles} ${surveyFormStyles}
`;
