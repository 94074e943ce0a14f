/** Events <tandem-survey> dispatches, typed in the global event map so `addEventListener` knows their detail. */
import type { TandemErrorDetail } from '@tandem/core';

export interface SurveySubmittedDetail {
  /** The id the backend gave the stored response. */
  responseId: string;
  surveyId: string;
}

/** A family's answers reached the backend (right away, or later from the outbox). */
export class TandemSubmittedEvent extends CustomEvent<SurveySubmittedDetail> {
  constructor(detail: SurveySubmittedDetail) {
    super('tandem-submitted', { detail, bubbles: true, composed: true });
  }
}

/** Loading or sending failed; `detail.message` says why in the family's language. (Typed as `tandem-error` by core.) */
export class TandemSurveyErrorEvent extends CustomEvent<TandemErrorDetail> {
  constructor(detail: TandemErrorDetail) {
    super('tandem-error', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tandem-submitted': TandemSubmittedEvent;
  }
}
