/** "Was this helpful?" on a resource card: where the answer stands, its check, and sending it through the outbox exactly once. */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import {
  BackendError,
  OutboxController,
  backendErrorMessage,
  fieldErrorMessage,
  getAnswered,
  markAnswered,
  outbox,
  type AnsweredRecord,
  type Backend,
  type OutboxEntry,
} from '@tandem/core';
import { validateFeedback, type ResourceFeedbackInput, type ResourceFeedbackReceipt } from '@tandem/protocol';
import { TandemFeedbackSentEvent, TandemResourceErrorEvent } from './resource.events.js';
import { renderFeedback, type FeedbackPhase } from './views/feedback.js';

const OUTBOX_KIND = 'resource-feedback';

/** The card, as far as its feedback needs it. */
export type FeedbackHost = ReactiveControllerHost &
  HTMLElement & {
    readonly resourceId: string;
    readonly renderRoot: HTMLElement | DocumentFragment;
    resolveBackend(): Backend | undefined;
    emit<E extends Event>(event: E): E;
  };

export interface FeedbackOptions {
  /** Which server; see `backendKeyOf`. */
  backendKey(): string;
  /** The family's language, sent with the answer. */
  locale(): string;
}

/** What this device already knew when the card loaded: an answer given on an earlier visit, or one still waiting to be sent. */
export interface EarlierFeedback {
  answered: AnsweredRecord | undefined;
  pending: OutboxEntry[];
}

/** Holds the card's feedback state and re-renders the card through `requestUpdate`; its outbox sender is the lifecycle controller. */
export class FeedbackController {
  /** `ask`, `comment`, `sending`, `queued`, `thanks` or `given` (earlier on this device). */
  phase: FeedbackPhase = 'ask';
  #comment = '';
  #commentError: string | undefined;
  #notice: string | undefined;
  /** Outbox entries already finished, so a send reported twice is handled once. */
  readonly #settled = new Set<string>();
  /** Whether the family was working in the card when they sent, so the outcome may take the focus. */
  #focusOnSettle = false;

  readonly #host: FeedbackHost;
  readonly #options: FeedbackOptions;
  readonly #sender: OutboxController<ResourceFeedbackInput, ResourceFeedbackReceipt>;

  constructor(host: FeedbackHost, options: FeedbackOptions) {
    this.#host = host;
    this.#options = options;
    this.#sender = new OutboxController<ResourceFeedbackInput, ResourceFeedbackReceipt>(host, {
      kind: OUTBOX_KIND,
      target: () => host.resourceId,
      backendKey: options.backendKey,
      send: (entry) => {
        const backend = host.resolveBackend();
        if (!backend) return Promise.reject(new BackendError('offline', 'No Tandem backend is configured.'));
        return backend.submitResourceFeedback(entry.target, entry.payload, entry.id);
      },
      onSent: (entry, receipt) => void this.#finishSent(entry, receipt),
      onFailed: (entry, error) => void this.#finishFailed(entry, error),
    });
  }

  get #answeredKey(): string {
    return `${this.#options.backendKey()}|resource-feedback|${this.#host.resourceId}`;
  }

  #set(changes: Partial<{ phase: FeedbackPhase; comment: string; commentError: string | undefined; notice: string | undefined }>): void {
    if (changes.phase !== undefined) this.phase = changes.phase;
    if ('comment' in changes) this.#comment = changes.comment ?? '';
    if ('commentError' in changes) this.#commentError = changes.commentError;
    if ('notice' in changes) this.#notice = changes.notice;
    this.#host.requestUpdate();
  }

  /** A fresh "Was this helpful?" for another resource (or a reload). */
  reset(): void {
    this.#set({ phase: 'ask', comment: '', commentError: undefined, notice: undefined });
  }

  /** Reads what the device knows about this resource's feedback; `show` it once the resource is there. */
  async lookUp(): Promise<EarlierFeedback> {
    const [answered, pending] = await Promise.all([
      getAnswered(this.#answeredKey),
      outbox.list({ kind: OUTBOX_KIND, target: this.#host.resourceId, backendKey: this.#options.backendKey() }).catch(() => []),
    ]);
    return { answered, pending };
  }

  show(earlier: EarlierFeedback): void {
    // An answer that went through while the card loaded keeps its thank-you.
    if (this.phase === 'thanks') return;
    if (earlier.pending.some((e) => !this.#settled.has(e.id))) this.#set({ phase: 'queued' });
    else if (earlier.answered) this.#set({ phase: 'given' });
  }

  render(): TemplateResult {
    return renderFeedback({
      phase: this.phase,
      comment: this.#comment,
      commentError: this.#commentError,
      notice: this.#notice,
      onYes: this.#onYes,
      onNo: () => void this.#onNo(),
      onComment: this.#onComment,
      onSend: this.#onSend,
    });
  }

  readonly #onYes = () => void this.#send({ helpful: true, locale: this.#options.locale() });

  readonly #onNo = async () => {
    this.#set({ phase: 'comment' });
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLTextAreaElement>('#comment')?.focus();
  };

  readonly #onComment = (value: string) => {
    // An error already shown follows the text live, so it goes away as soon as the comment is short enough.
    this.#set({ comment: value, ...(this.#commentError ? { commentError: this.#commentProblem(value) } : {}) });
  };

  #commentProblem(value: string): string | undefined {
    const comment = value.trim();
    const problem = validateFeedback({ helpful: false, locale: this.#options.locale(), ...(comment ? { comment } : {}) }).find(
      (e) => e.pointer === '/comment',
    );
    return problem ? fieldErrorMessage({ ...problem, params: { ...problem.params, length: [...comment].length } }) : undefined;
  }

  readonly #onSend = (event: Event) => {
    event.preventDefault();
    const commentError = this.#commentProblem(this.#comment);
    this.#set({ commentError });
    if (commentError) {
      this.#host.renderRoot.querySelector<HTMLTextAreaElement>('#comment')?.focus();
      return;
    }
    const comment = this.#comment.trim();
    void this.#send({ helpful: false, locale: this.#options.locale(), ...(comment ? { comment } : {}) });
  };

  async #send(input: ResourceFeedbackInput): Promise<void> {
    const before = this.phase;
    // Read before the buttons give way to the "sending" state, which would take the focus with them.
    this.#focusOnSettle = this.#host.matches(':focus-within');
    this.#set({ phase: 'sending', notice: undefined });
    try {
      const result = await this.#sender.enqueue(input);
      if (result.status === 'sent') await this.#finishSent(result.entry, result.result);
      else if (result.status === 'failed') await this.#finishFailed(result.entry, result.error);
      else if (!this.#settled.has(result.entry.id)) await this.#showOutcome('queued');
    } catch (error) {
      // Not even stored on the device: keep what was typed and say so.
      this.#set({ phase: before, notice: msg('Your answer could not be saved. Please try again.', { id: 'resource.save-failed' }) });
      this.#emitError(error instanceof Error ? error : new Error(String(error)));
      await this.#refocus(before === 'comment' ? '#comment' : '[part~="feedback-yes"]');
    }
  }

  async #finishSent(entry: OutboxEntry<ResourceFeedbackInput>, receipt: ResourceFeedbackReceipt | undefined): Promise<void> {
    if (this.#settled.has(entry.id) || entry.target !== this.#host.resourceId) return;
    this.#settled.add(entry.id);
    const shown = this.#showOutcome('thanks');
    // Another tab may have sent it (no receipt here); the device still knows feedback was given.
    const feedbackId = receipt?.feedbackId ?? entry.id;
    await markAnswered(this.#answeredKey, { responseId: feedbackId, at: receipt?.receivedAt ?? new Date().toISOString() });
    this.#host.emit(new TandemFeedbackSentEvent({ resourceId: entry.target, feedbackId, helpful: entry.payload.helpful }));
    await shown;
  }

  async #finishFailed(entry: OutboxEntry<ResourceFeedbackInput>, error: BackendError): Promise<void> {
    if (this.#settled.has(entry.id) || entry.target !== this.#host.resourceId) return;
    this.#settled.add(entry.id);
    await outbox.remove(entry.id).catch(() => undefined);
    this.#emitError(error);
    const problem = error.fieldErrors.find((e) => e.pointer === '/comment');
    this.#set({
      phase: entry.payload.helpful ? 'ask' : 'comment',
      comment: this.#comment || entry.payload.comment || '',
      commentError: problem ? fieldErrorMessage(problem) : undefined,
      notice: problem ? undefined : backendErrorMessage(error),
    });
    await this.#refocus(entry.payload.helpful ? '[part~="feedback-yes"]' : '#comment');
  }

  /** Puts the focus back on the form after a refusal, if the family was working in the card. */
  async #refocus(selector: string): Promise<void> {
    if (!this.#focusOnSettle) return;
    this.#focusOnSettle = false;
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #emitError(error: Error): void {
    this.#host.emit(new TandemResourceErrorEvent({ error, message: backendErrorMessage(error) }));
  }

  async #showOutcome(phase: FeedbackPhase): Promise<void> {
    const hadFocus = this.#focusOnSettle || this.#host.matches(':focus-within');
    this.#focusOnSettle = false;
    this.#set({ phase });
    await this.#host.updateComplete;
    if (hadFocus) this.#host.renderRoot.querySelector<HTMLElement>('[data-feedback="outcome"]')?.focus();
  }
}
