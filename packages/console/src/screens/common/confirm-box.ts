/**
 * The inline "Publish this …?" box content screens show before a status change or leaving with unsaved changes:
 * a focusable heading (`#confirm-heading` unless `headingId` says otherwise, for the screen to focus when it opens),
 * a sentence about what happens, a confirm button (`data-action="confirm"`) and a way back. No modal: the page
 * stays readable and the box sits next to the button that opened it.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

export interface ConfirmOptions {
  headingId?: string;
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** `data-action` of the confirm button (default `confirm`). */
  confirmAction?: string;
  /** `data-action` of the way back (default `cancel`). */
  cancelAction?: string;
}

export function renderConfirm(o: ConfirmOptions): TemplateResult {
  const headingId = o.headingId ?? 'confirm-heading';
  return html`<div class="confirm" role="group" aria-labelledby=${headingId}>
    <h2 id=${headingId} tabindex="-1">${o.title}</h2>
    <p>${o.text}</p>
    <div class="actions">
      <button class="button button--primary" type="button" data-action=${o.confirmAction ?? 'confirm'} @click=${() => o.onConfirm()}>
        ${o.confirmLabel}
      </button>
      <button class="button" type="button" data-action=${o.cancelAction ?? 'cancel'} @click=${() => o.onCancel()}>${o.cancelLabel}</button>
    </div>
  </div>`;
}

/** What a builder offers the "Leave without saving?" box: stay, or leave dropping the unsaved changes. */
export interface LeavingScreen {
  stay(): unknown;
  backToList(force: boolean): unknown;
}

/** The box every builder shows when its back link would drop unsaved changes (`#leave-heading` takes focus). */
export function renderLeaveConfirm(host: LeavingScreen): TemplateResult {
  return renderConfirm({
    headingId: 'leave-heading',
    title: msg('Leave without saving?', { id: 'console.common.leave.title' }),
    text: msg('Changes since your last save will be lost.', { id: 'console.common.leave.text' }),
    confirmLabel: msg('Stay and keep editing', { id: 'console.common.leave.stay' }),
    cancelLabel: msg('Leave without saving', { id: 'console.common.leave.confirm' }),
    confirmAction: 'stay',
    cancelAction: 'leave',
    onConfirm: () => void host.stay(),
    onCancel: () => void host.backToList(true),
  });
}
