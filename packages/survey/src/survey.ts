/** <tandem-survey>: the family feedback survey — loads it, pages through it, validates, and sends through the outbox. */
import { adoptStyles, css, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { msg } from '@lit/localize';
import { BackendError, backendKeyOf, baseStyles, lazyUi, outbox, OutboxController, type OutboxEntry, TandemElement } from '@tandem/core';
import {
  type AnswerValue,
  type Answers,
  type FieldError,
  type PublicSurvey,
  type Question,
  type ResponseReceipt,
  type ResponseSubmission,
  SUPPORTED_LOCALES,
} from '@tandem/protocol';
import type { TextContext } from './localized-text.js';
import type { SurveyPhase } from './survey-phase.js';
import { surveyShellStyles } from './survey.styles.js';
import { renderHeaderFrame, renderLoading } from './views/loading.js';
import type * as SurveyUiModule from './survey-ui.js';

export type { SurveyPhase };

const OUTBOX_KIND = 'survey-response';

type SurveyUi = typeof SurveyUiModule;

/**
 * The rest of the widget's code (see survey-ui.ts), fetched once per page and shared by every element; it
 * also defines <tandem-language-switch> and <tandem-status>, which only appear with it. Fetched as soon
 * as this module runs, in parallel with the first render and the data request; a failure is retried by
 * the element's own load().
 */
const loadUi = lazyUi(
  () => import('./survey-ui.js'),
  (ui) => ui.defineTandemUi(),
);
loadUi().catch(() => undefined);

/**
 * A family feedback survey.
 *
 * @tagname tandem-survey
 * @summary Family feedback survey: typed questions over pages, in the family's language, sent through the offline outbox.
 * @attr backend - Base URL of a Tandem-compatible server (or set the `backend` property to a Backend object)
 * @attr lang - Language of the widget; a language the family picked with the switch wins
 *
 * @fires tandem-submitted - the answers reached the backend; `detail: { responseId, surveyId }`
 * @fires tandem-error - loading or sending failed; `detail: { error, message }`
 * @csspart base - the whole widget
 * @csspart header - language tools, title and description
 * @csspart body - the questions of the current page, or the current state's message
 * @csspart footer - Previous page / Next / Send
 * @csspart submit - the Send button (last page)
 * @csspart progress - the page progress bar
 * @csspart question - one question
 * @csspart next - the Next button (pages before the last)
 * @csspart back - the Previous page button
 * @csspart action - a state's button (Try again, Send now)
 * @cssprop --tandem-accent - buttons, selected options, progress (default #1d4ed8)
 * @cssprop --tandem-on-accent - text on the accent colour
 * @cssprop --tandem-text - text colour (default: inherited)
 * @cssprop --tandem-muted-text - help, notes and the second language
 * @cssprop --tandem-surface - widget background (default transparent)
 * @cssprop --tandem-field-surface - background of inputs
 * @cssprop --tandem-field-text - text in inputs
 * @cssprop --tandem-border - borders of options and inputs
 * @cssprop --tandem-radius - corner radius (default 8px)
 * @cssprop --tandem-font-size - base text size (default 16px, never rem)
 * @cssprop --tandem-line-height - line height (default 1.5)
 * @cssprop --tandem-space - spacing unit (default 16px)
 * @cssprop --tandem-focus - focus ring colour
 * @cssprop --tandem-error - error text and borders
 * @cssprop --tandem-success - thank-you accent
 * @cssprop --tandem-warning - warning accent
 */
export class TandemSurvey extends TandemElement {
  // One composed sheet: core's TandemElement types `styles` as a single CSSResult, so an array does not type-check.
  // First paint only; the rest (buttons, field errors, form) arrives with survey-ui.ts and is adopted in willUpdate.
  static override styles = css`
    ${baseStyles} ${surveyShellStyles}
  `;

  // Declared here rather than with decorators: each decorated module ships its own copy of tsc's helper.
  static override properties: PropertyDeclarations = {
    surveyId: { attribute: 'survey' },
    bilingual: { attribute: 'bilingual' },
    identityToken: { attribute: 'identity-token' },
    // Internal state; `attribute: false` is what Lit implies for state, spelled out for the manifest analyzer.
    current: { state: true, attribute: false },
    survey: { state: true, attribute: false },
    answers: { state: true, attribute: false },
    page: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    showSummary: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    bilingualChoice: { state: true, attribute: false },
  };

  /** Id of the survey to show. */
  surveyId = '';

  /** A second language to show under the family's own (e.g. `es`); the family can change or turn it off. */
  bilingual?: string;

  /** A host-signed family identity; without it the answers are anonymous. */
  identityToken?: string;

  // Reactive internal state (see `properties`).
  private current: SurveyPhase = 'loading';
  private survey?: PublicSurvey;
  private answers: Answers = {};
  private page = 0;
  private errors = new Map<string, FieldError>();
  private showSummary = false;
  /** A problem with sending that belongs to no field, shown above the buttons. */
  private notice?: string;
  private loadError?: Error;
  /** Read from the device when survey-ui.ts arrives, the first moment it matters. */
  private bilingualChoice?: string | null;

  #loadRun = 0;
  #seenPending: unknown;
  /** Outbox entries this element already finished, so a send reported twice is handled once. */
  readonly #settled = new Set<string>();
  /** Set when the family pressed Send, so the result may take focus even if it arrives later. */
  #focusOnSettle = false;
  /** The survey-ui module once it has arrived; every state but `loading` renders with it. */
  #ui?: SurveyUi;
  #uiStylesAdopted = false;

  readonly #sender = new OutboxController<ResponseSubmission>(this, {
    kind: OUTBOX_KIND,
    target: () => this.surveyId,
    backendKey: () => this.#backendKey,
    send: (entry) => this.#sendEntry(entry),
    onSent: (entry, result) => void this.#finishSent(entry, result as ResponseReceipt),
    onFailed: (entry, error) => void this.#finishFailed(entry, error),
  });

  /** Where the survey is now: `loading`, `ready`, `queued`, `thanks`… */
  get phase(): SurveyPhase {
    return this.current;
  }

  get #backendKey(): string {
    const backend = this.resolveBackend();
    return backend ? backendKeyOf(backend) : '';
  }

  get #draftKey(): string {
    // Only read once survey-ui.ts is here: drafts belong to the form.
    return this.#ui!.draftKey(this.#backendKey, this.surveyId);
  }

  get #answeredKey(): string {
    return `${this.#backendKey}|survey|${this.surveyId}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#ui && !this.#uiStylesAdopted && this.renderRoot instanceof ShadowRoot) {
      // Before the render that first uses the UI module, so its markup never shows unstyled.
      this.#uiStylesAdopted = true;
      adoptStyles(this.renderRoot, [...(this.constructor as typeof TandemSurvey).elementStyles, this.#ui.uiStyles]);
    }
    if (!this.hasUpdated || changed.has('surveyId') || changed.has('backend') || changed.has('backendUrl')) void this.load();
    if (this.#sender.pending !== this.#seenPending) {
      this.#seenPending = this.#sender.pending;
      if (this.current === 'queued') void this.#checkQueued();
    }
  }

  /** Another tab or widget may have sent the waiting answers; then this one should stop saying "waiting". */
  async #checkQueued(): Promise<void> {
    const waiting = await this.#listOutbox().catch(() => undefined);
    if (this.current !== 'queued' || !waiting || waiting.some((e) => !this.#settled.has(e.id))) return;
    this.#ui!.clearDraft(this.#draftKey);
    await this.#showState('thanks');
  }

  /** This survey's entries in the page's outbox, whichever tab or widget stored them. */
  #listOutbox(): Promise<OutboxEntry<ResponseSubmission>[]> {
    return outbox.list<ResponseSubmission>({ kind: OUTBOX_KIND, target: this.surveyId, backendKey: this.#backendKey });
  }

  /** Loads (or reloads) the survey and decides which state the family meets. Runs by itself on connect. */
  async load(): Promise<void> {
    try {
      await this.#load();
    } catch (error) {
      if (this.#ui) throw error;
      // The rest of the widget's code could not be fetched (offline since the page opened): the skeleton
      // stays, and the widget tries again once the connection is back.
      console.warn('Tandem: could not fetch the survey code; trying again when back online', error);
      window.addEventListener('online', () => void this.load(), { once: true });
    }
  }

  async #load(): Promise<void> {
    const run = ++this.#loadRun;
    Object.assign(this, { survey: undefined, answers: {}, page: 0, errors: new Map(), showSummary: false, notice: undefined });
    const backend = this.resolveBackend();
    // Fetched alongside the survey; no state but `loading` is entered before it is here.
    const uiLoaded = this.#needUi();
    if (!backend || !this.surveyId) {
      await uiLoaded;
      if (run !== this.#loadRun) return;
      if (!backend) return this.#fail('no-backend', new Error('No Tandem backend is configured for <tandem-survey>.'));
      return this.#fail('not-found', new Error('<tandem-survey> needs a survey attribute.'));
    }
    this.current = 'loading';
    const [loaded, answered, pending, ui] = await Promise.all([
      backend.getSurvey(this.surveyId).then(
        (survey) => ({ survey }),
        (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
      ),
      uiLoaded.then((ui) => ui.getAnswered(this.#answeredKey)),
      this.#listOutbox().catch(() => []),
      uiLoaded,
    ]);
    if (run !== this.#loadRun) return;
    if ('survey' in loaded) this.survey = loaded.survey;
    // A queued answer may have gone out while this was loading; its thank-you stands.
    if (this.phase === 'thanks') return;
    const waiting = pending.filter((entry) => !this.#settled.has(entry.id));
    if (waiting.length > 0) return this.#resumePending(waiting);
    if (answered) return void (this.current = 'answered');
    if ('error' in loaded) return this.#fail(ui.loadFailurePhase(loaded.error), loaded.error);
    if (loaded.survey.status === 'closed') return void (this.current = 'closed');
    const draft = ui.loadDraft(this.#draftKey);
    if (draft) {
      this.answers = ui.keepKnownAnswers(loaded.survey, draft.answers);
      this.page = Math.min(Math.max(0, draft.page), loaded.survey.sections.length - 1);
    }
    this.current = 'ready';
  }

  /** Entries left from an earlier visit: still waiting for a connection, or refused and back for editing. */
  #resumePending(entries: OutboxEntry<ResponseSubmission>[]): void {
    const refused = entries.find((e) => e.lastError && !new BackendError(e.lastError.kind, e.lastError.message).retryable);
    if (!refused) return void (this.current = 'queued');
    const { kind, message, fieldErrors } = refused.lastError!;
    const problem = { type: 'about:blank', title: message, status: 422, errors: fieldErrors ?? [] };
    void this.#finishFailed(refused, new BackendError(kind, message, undefined, problem));
  }

  #fail(phase: SurveyPhase, error: Error): void {
    this.current = phase;
    this.loadError = error;
    this.#emitError(error);
  }

  #emitError(error: Error): void {
    const ui = this.#ui!;
    this.emit(new ui.TandemSurveyErrorEvent({ error, message: ui.describeError(error) }));
  }

  async #needUi(): Promise<SurveyUi> {
    if (!this.#ui) {
      const ui = await loadUi();
      if (!this.#ui) {
        this.#ui = ui;
        this.bilingualChoice = ui.loadBilingualChoice();
      }
    }
    return this.#ui;
  }

  #sendEntry(entry: OutboxEntry<ResponseSubmission>): Promise<ResponseReceipt> {
    const backend = this.resolveBackend();
    if (!backend) return Promise.reject(new BackendError('offline', 'No Tandem backend is configured.'));
    return backend.submitSurveyResponse(entry.target, entry.payload, entry.id);
  }

  #textContext(survey: PublicSurvey): TextContext {
    // The family's own choice wins over the page's `bilingual` default, including "off".
    const choice = this.bilingualChoice === undefined ? this.bilingual || null : this.bilingualChoice;
    return this.#ui!.textContextFor(survey, this.i18n.locale, choice);
  }

  readonly #setBilingual = (locale: string | null) => {
    this.bilingualChoice = locale;
    this.#ui!.saveBilingualChoice(locale);
  };

  readonly #setAnswer = (question: Question, value: AnswerValue | undefined) => {
    this.answers = { ...this.answers, [question.id]: value as AnswerValue };
    const problem = this.#ui!.validateAnswer(question, value);
    // Errors already shown follow the answer live; a new one appears early only for ticking too many.
    if (this.errors.has(question.id) || problem?.code === 'too-many') {
      const errors = new Map(this.errors);
      if (problem) errors.set(question.id, problem);
      else errors.delete(question.id);
      this.errors = errors;
    }
    this.#persistDraft();
  };

  #persistDraft(): void {
    this.#ui!.saveDraft(this.#draftKey, { answers: this.answers, page: this.page });
  }

  readonly #onSubmit = (event: Event) => {
    event.preventDefault();
    const survey = this.survey;
    if (!survey || this.current !== 'ready') return;
    if (this.page < survey.sections.length - 1) {
      const errors = survey.sections[this.page]!.questions.map((q) => this.#ui!.validateAnswer(q, this.answers[q.id])).filter((e) => !!e);
      if (errors.length > 0) void this.#showErrors(errors, true);
      else void this.#goToPage(this.page + 1);
    } else void this.#submit(survey);
  };

  readonly #goBack = () => void this.#goToPage(this.page - 1);

  async #goToPage(page: number): Promise<void> {
    Object.assign(this, { page, showSummary: false, notice: undefined });
    this.#persistDraft();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#page-heading')?.focus();
  }

  async #submit(survey: PublicSurvey): Promise<void> {
    const answers = this.#ui!.answersToSend(survey, this.answers);
    const errors = this.#ui!.validateAnswers(survey, answers);
    if (errors.length > 0) return this.#showErrors(errors, true);
    this.#focusOnSettle = this.matches(':focus-within');
    Object.assign(this, { current: 'submitting', notice: undefined, showSummary: false });
    const submission: ResponseSubmission = { answers, locale: this.i18n.locale };
    if (this.identityToken) submission.identityToken = this.identityToken;
    try {
      const result = await this.#sender.enqueue(submission);
      if (result.status === 'sent') await this.#finishSent(result.entry, result.result as ResponseReceipt);
      else if (result.status === 'failed') await this.#finishFailed(result.entry, result.error);
      else if (!this.#settled.has(result.entry.id)) await this.#showState('queued');
    } catch (error) {
      // Not even stored: stay on the form with everything typed, and say so.
      this.current = 'ready';
      this.notice = msg('Your answers could not be saved. Please try again.', { id: 'survey.save-failed' });
      this.#emitError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async #finishSent(entry: OutboxEntry, receipt: ResponseReceipt): Promise<void> {
    if (this.#settled.has(entry.id) || entry.target !== this.surveyId) return;
    this.#settled.add(entry.id);
    // A send queued on an earlier visit may go out before this survey's code has all arrived.
    const ui = await this.#needUi();
    ui.clearDraft(this.#draftKey);
    Object.assign(this, { answers: {}, page: 0, errors: new Map(), showSummary: false, notice: undefined });
    const shown = this.#showState('thanks');
    // Recorded before the event, so a host reacting to it already sees "answered on this device".
    await ui.markAnswered(this.#answeredKey, { responseId: receipt.responseId, at: receipt.submittedAt }).catch(() => undefined);
    this.emit(new ui.TandemSubmittedEvent({ responseId: receipt.responseId, surveyId: entry.target }));
    await shown;
  }

  async #finishFailed(entry: OutboxEntry<ResponseSubmission>, error: BackendError): Promise<void> {
    if (this.#settled.has(entry.id) || entry.target !== this.surveyId) return;
    this.#settled.add(entry.id);
    const ui = await this.#needUi();
    // The answers go back into the form (and its draft); a new send will be a new entry.
    await outbox.remove(entry.id).catch(() => undefined);
    if (Object.keys(this.answers).length === 0) this.answers = { ...entry.payload.answers };
    this.#persistDraft();
    this.#emitError(error);
    if (error.kind === 'closed' || error.kind === 'not-found') return this.#showState(error.kind);
    if (!this.survey) return this.load();
    this.current = 'ready';
    if (error.kind === 'invalid' && error.fieldErrors.length > 0) return this.#showErrors(error.fieldErrors, this.#takeFocusIntent());
    this.notice = ui.describeError(error);
  }

  #takeFocusIntent(): boolean {
    const intent = this.#focusOnSettle || this.matches(':focus-within');
    this.#focusOnSettle = false;
    return intent;
  }

  /** Switches state; the new heading takes focus only if the family was working in the widget. */
  async #showState(phase: SurveyPhase): Promise<void> {
    const focus = this.#takeFocusIntent();
    this.current = phase;
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<HTMLElement>('#state-heading')?.focus();
  }

  /** Shows errors under their fields and in a summary, on the page of the first, and focuses that field. */
  async #showErrors(errors: FieldError[], focus: boolean): Promise<void> {
    const survey = this.survey!;
    const { byQuestion, other } = this.#ui!.errorsByQuestion(survey, errors);
    this.errors = new Map([...this.errors, ...byQuestion]);
    this.current = 'ready';
    const first = [...byQuestion.keys()][0];
    if (other.length > 0 || first === undefined) {
      this.notice = msg('Some answers could not be accepted. Please check them and try again.', { id: 'survey.invalid-other' });
    }
    if (first === undefined) return;
    this.page = this.#ui!.pageOf(survey, first);
    this.showSummary = true;
    this.#persistDraft();
    await this.updateComplete;
    if (focus) this.#focusQuestion(first);
  }

  readonly #focusQuestion = (questionId: string) => {
    const inputs = [...this.renderRoot.querySelectorAll<HTMLInputElement>(`[data-answer-for="${CSS.escape(questionId)}"]`)];
    (inputs.find((input) => input.checked) ?? inputs[0])?.focus();
  };

  protected override render() {
    const ui = this.#ui;
    const survey = this.survey;
    const text: TextContext = survey ? this.#textContext(survey) : { locale: this.i18n.locale, defaultLocale: 'en' };
    // Until survey-ui.ts arrives, the same frame with the language switch alone, so nothing is rebuilt later.
    const header = ui
      ? ui.renderHeader({ survey, text, second: text.second, onBilingual: this.#setBilingual })
      : renderHeaderFrame(SUPPORTED_LOCALES);
    return html`<div part="base" class="base">${header}${ui ? this.#renderBody(ui, text) : renderLoading()}</div>`;
  }

  #renderBody(ui: SurveyUi, text: TextContext) {
    const survey = this.survey;
    switch (this.current) {
      case 'loading':
        return renderLoading();
      case 'ready':
      case 'submitting':
        if (!survey) return renderLoading();
        return ui.renderForm({
          survey,
          text,
          page: this.page,
          answers: this.answers,
          errors: this.errors,
          showSummary: this.showSummary,
          notice: this.notice,
          submitting: this.current === 'submitting',
          anonymous: !this.identityToken,
          onAnswer: this.#setAnswer,
          onSubmit: this.#onSubmit,
          onBack: this.#goBack,
          onGoToQuestion: this.#focusQuestion,
        });
      default: {
        const actions = { retry: () => void this.load(), sendNow: () => void this.#sender.flush() };
        const panel = ui.panelFor(this.current, ui.describeError(this.loadError), actions);
        return html`<div part="body" class="body">${ui.renderPanel(panel)}</div>`;
      }
    }
  }
}
