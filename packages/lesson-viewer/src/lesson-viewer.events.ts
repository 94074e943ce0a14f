/** Events <tandem-lesson-viewer> dispatches, typed in the global event map so `addEventListener` knows their detail. */
import type { TandemErrorDetail } from '@tandem/core';

export interface LessonCompletedDetail {
  lessonId: string;
  /** The server's id for the completion. */
  completionId: string;
  /** The language the family read the lesson in. */
  locale: string;
}

/** The family's "We tried it!" reached the server (at once, or later from the device's outbox); fired once per completion. */
export class TandemLessonCompletedEvent extends CustomEvent<LessonCompletedDetail> {
  constructor(detail: LessonCompletedDetail) {
    super('tandem-lesson-completed', { detail, bubbles: true, composed: true });
  }
}

/** Loading or sending failed; `detail.message` says why in the family's language. (Typed as `tandem-error` by core.) */
export class TandemLessonErrorEvent extends CustomEvent<TandemErrorDetail> {
  constructor(detail: TandemErrorDetail) {
    super('tandem-error', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tandem-lesson-completed': TandemLessonCompletedEvent;
  }
}
