/** Events <tandem-event-rsvp> dispatches, typed in the global event map so `addEventListener` knows their detail. */
import type { TandemErrorDetail } from '@tandem/core';
import type { RsvpResponse, RsvpStatus } from '@tandem/protocol';

export interface RsvpChangedDetail {
  eventId: string;
  rsvpId: string;
  sessionId: string;
  status: RsvpStatus;
  response: RsvpResponse;
  /** True once the family cancelled the RSVP. */
  cancelled?: boolean;
}

/** The family's RSVP was made, changed or cancelled, or the widget saw it move off the waitlist. */
export class TandemRsvpChangedEvent extends CustomEvent<RsvpChangedDetail> {
  constructor(detail: RsvpChangedDetail) {
    super('tandem-rsvp-changed', { detail, bubbles: true, composed: true });
  }
}

/** Loading or sending failed; `detail.message` says why in the family's language. (Typed as `tandem-error` by core.) */
export class TandemRsvpErrorEvent extends CustomEvent<TandemErrorDetail> {
  constructor(detail: TandemErrorDetail) {
    super('tandem-error', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tandem-rsvp-changed': TandemRsvpChangedEvent;
  }
}
