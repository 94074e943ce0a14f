/** Events the message box and the inbox dispatch, typed in the global event map. */
import type { Availability } from '@tandem/protocol';

export interface MessageSentDetail {
  conversationId: string;
  messageId: string;
  /** The outbox entry id the message was sent under (also its Idempotency-Key). */
  clientMessageId: string;
  /** When a reply can be expected. */
  availability: Availability;
}

export interface SignedInDetail {
  familyId: string;
  name: string;
  /** How: a new sign-in (`identity-token`, `invite`, `email-link`) or a session kept on this device (`restored`). */
  via: 'identity-token' | 'invite' | 'email-link' | 'restored';
}

export interface SignedOutDetail {
  /** `signed-out`: the family chose to; `expired`: the session ended (expired, or ended for safety). */
  reason: 'signed-out' | 'expired';
}

/** A message was stored on the server (sent at once, or later from the outbox). */
export class TandemMessageSentEvent extends CustomEvent<MessageSentDetail> {
  constructor(detail: MessageSentDetail) {
    super('tandem-message-sent', { detail, bubbles: true, composed: true });
  }
}

export class TandemSignedInEvent extends CustomEvent<SignedInDetail> {
  constructor(detail: SignedInDetail) {
    super('tandem-signed-in', { detail, bubbles: true, composed: true });
  }
}

export class TandemSignedOutEvent extends CustomEvent<SignedOutDetail> {
  constructor(detail: SignedOutDetail) {
    super('tandem-signed-out', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tandem-message-sent': TandemMessageSentEvent;
    'tandem-signed-in': TandemSignedInEvent;
    'tandem-signed-out': TandemSignedOutEvent;
  }
}
