/**
 * The quiet "Machine translated" note families see beside staff-written text that a machine translated and no one
 * has reviewed yet (the content's `machineTranslated` marks). One string and one look for every widget.
 */
import { css, html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { activeUiLocale } from '../localization.js';

export const machineNoteStyles = css`
  .machine-note {
    font-size: 0.875em;
    font-weight: 400;
    font-style: normal;
    color: var(--_muted);
  }
  p.machine-note {
    margin-block: 0.25em 0;
    margin-inline: 0;
  }
  span.machine-note {
    margin-inline-start: 0.5em;
  }
`;

/**
 * The note, as a paragraph under a block of text or (`inline`) a span after a short one. It is written in the UI
 * language, which may differ from the text around it, so it names its own language.
 */
export function renderMachineNote(inline = false): TemplateResult {
  const label = msg('Machine translated', { id: 'core.machine-translated' });
  const lang = activeUiLocale();
  return inline
    ? html`<span class="machine-note" part="machine-note" lang=${lang}>${label}</span>`
    : html`<p class="machine-note" part="machine-note" lang=${lang}>${label}</p>`;
}
