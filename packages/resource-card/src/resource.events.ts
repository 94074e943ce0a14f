/** Events the resource widgets dispatch, typed in the global event map so `addEventListener` knows their detail. */
import type { TandemErrorDetail } from '@tandem/core';

export interface FeedbackSentDetail {
  resourceId: string;
  /** The id the backend gave the stored feedback. */
  feedbackId: string;
  helpful: boolean;
}

/** A family's "Was this helpful?" answer reached the backend (right away, or later from the outbox). */
export class TandemFeedbackSentEvent extends CustomEvent<FeedbackSentDetail> {
  constructor(detail: FeedbackSentDetail) {
    super('tandem-feedback-sent', { detail, bubbles: true, composed: true });
  }
}

/** Loading or sending failed; `detail.message` says why in the family's language. (Typed as `tandem-error` by core.) */
export class TandemResourceErrorEvent extends CustomEvent<TandemErrorDetail> {
  constructor(detail: TandemErrorDetail) {
    super('tandem-error', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tandem-feedback-sent': TandemFeedbackSentEvent;
  }
}
