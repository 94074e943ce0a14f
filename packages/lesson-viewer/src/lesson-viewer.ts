/** <tandem-lesson-viewer>: a take-home lesson — one or two languages, read aloud, progress on the device, offline copy, "We tried it!". */
import { adoptStyles, css, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { msg } from '@lit/localize';
import {
  type Backend,
  BackendError,
  backendKeyOf,
  baseStyles,
  lazyUi,
  type OutboxController,
  type OutboxEntry,
  TandemElement,
} from '@tandem/core';
import type { FieldError, LessonCompletionInput, LessonCompletionReceipt, PublicLesson } from '@tandem/protocol';
import { lessonShellStyles } from './lesson-shell.styles.js';
import type * as LessonUiModule from './lesson-ui.js';
import type { ReadAloud, SpokenPart } from './read-aloud.js';
import type { ReadingProgress } from './reading-progress.js';
import type { CompletionState } from './views/completion.js';
import { renderLoading } from './views/loading.js';

/** Where the widget is: `ready` shows the lesson (fresh from the server, or the copy saved on this device). */
export type LessonPhase = 'loading' | 'no-backend' | 'not-found' | 'load-error' | 'ready';

const OUTBOX_KIND = 'lesson-completion';
const BILINGUAL_KEY = 'tandem:lesson-bilingual';

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

type LessonUi = typeof LessonUiModule;

/**
 * The rest of the widget's code (see lesson-ui.ts), fetched once per page and shared by every element; it
 * also defines <tandem-language-switch> and <tandem-status>, which only appear with it. Fetched as soon
 * as this module runs, in parallel with the first render and the data request; a failure is retried by
 * the element's own load().
 */
const loadUi = lazyUi(
  () => import('./lesson-ui.js'),
  (ui) => ui.defineTandemUi(),
);
loadUi().catch(() => undefined);

function loadBilingualChoice(): string | null | undefined {
  try {
    const value = globalThis.localStorage?.getItem(BILINGUAL_KEY);
    return value === null || value === undefined ? undefined : value === 'off' ? null : value;
  } catch {
    return undefined;
  }
}

/**
 * A short take-home lesson for families, in their language or two side by side.
 *
 * @tagname tandem-lesson-viewer
 * @summary Take-home lesson: language switch, side-by-side bilingual view, read aloud, progress kept on the device, "We tried it!".
 * @attr lesson - Id of the lesson to show
 * @attr bilingual - Second language to show side by side by default (e.g. `en`); the family's own choice wins
 * @attr backend - Base URL of a Tandem-compatible server (or set the `backend` property to a Backend object)
 * @attr lang - Language of the widget; a language the family picked with the switch wins
 *
 * @fires tandem-lesson-completed - the family's "We tried it!" reached the server (once); `detail: { lessonId, completionId, locale }`
 * @fires tandem-error - loading or sending failed; `detail: { error, message }`
 * @csspart base - the whole widget
 * @csspart header - tools, title, summary, facts and progress
 * @csspart tools - language switch, bilingual toggle, second language and Print
 * @csspart facts - grade band, subject and time
 * @csspart print - the Print button
 * @csspart saved-copy - the note shown when reading the copy saved on this device
 * @csspart progress - parts read, and "Continue where you left off"
 * @csspart body - the sections, activity, questions and tip (or the current state's message)
 * @csspart section - one section (`data-section` holds its id; `aria-current` while it is read aloud)
 * @csspart image - a section's picture
 * @csspart listen - a section's recording or read-aloud buttons
 * @csspart recording - a recording with its label
 * @csspart read-aloud - a Read aloud button (`data-locale` says in which language)
 * @csspart read-all - Read the whole lesson aloud
 * @csspart read-all-controls - the Read the whole lesson aloud button and its no-voice message
 * @csspart pause - Pause reading aloud
 * @csspart resume - Continue reading aloud
 * @csspart stop - Stop reading aloud
 * @csspart resume-reading - Continue where you left off
 * @csspart no-voice - the message shown when this device has no voice for the language
 * @csspart steps - the activity's steps
 * @csspart questions - the questions to talk about
 * @csspart tip - the "try this at home" tip
 * @csspart footer - "We tried it!" (the form, or the thanks)
 * @csspart submit - the We tried it! button
 * @csspart action - a state's button (Try again, Send now)
 * @csspart field-error - the message under a refused reflection
 * @cssprop --tandem-accent - buttons and the highlight of the part being read (default #1d4ed8)
 * @cssprop --tandem-on-accent - text on the accent colour
 * @cssprop --tandem-text - text colour (default: inherited)
 * @cssprop --tandem-muted-text - hints, notes and the second language
 * @cssprop --tandem-surface - widget background (default transparent)
 * @cssprop --tandem-field-surface - background of inputs
 * @cssprop --tandem-field-text - text in inputs
 * @cssprop --tandem-border - borders
 * @cssprop --tandem-radius - corner radius (default 8px)
 * @cssprop --tandem-font-size - base text size (default 16px, never rem)
 * @cssprop --tandem-line-height - line height (default 1.5)
 * @cssprop --tandem-space - spacing unit (default 16px)
 * @cssprop --tandem-focus - focus ring colour
 * @cssprop --tandem-error - error text
 * @cssprop --tandem-success - the thank-you message
 * @cssprop --tandem-warning - the no-voice and not-found messages
 */
export class TandemLessonViewer extends TandemElement {
  // One composed sheet: core's TandemElement types `styles` as a single CSSResult.
  // First paint only; the rest (buttons, field errors, content) arrives with lesson-ui.ts and is adopted in willUpdate.
  static override styles = css`
    ${baseStyles} ${lessonShellStyles}
  `;

  // Declared here rather than with decorators: each decorated module ships its own copy of tsc's helper.
  static override properties: PropertyDeclarations = {
    lessonId: { attribute: 'lesson' },
    bilingual: { attribute: 'bilingual' },
    current: { state: true, attribute: false },
    lessonData: { state: true, attribute: false },
    savedCopy: { state: true, attribute: false },
    bilingualChoice: { state: true, attribute: false },
    noVoice: { state: true, attribute: false },
    recordingAt: { state: true, attribute: false },
    brokenAudio: { state: true, attribute: false },
    completion: { state: true, attribute: false },
    reflection: { state: true, attribute: false },
    reflectionError: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** Id of the lesson to show. */
  lessonId = '';

  /** Second language shown side by side until the family chooses (e.g. `en`); off when absent. */
  bilingual?: string;

  private current: LessonPhase = 'loading';
  private lessonData?: PublicLesson;
  /** The lesson shown is the copy kept on this device, because the server could not be reached. */
  private savedCopy = false;
  /** The family's own bilingual choice: a locale, `null` for off, `undefined` when they never chose. */
  private bilingualChoice = loadBilingualChoice();
  /** Section and language the family asked to hear that has no voice on this device. */
  private noVoice?: { sectionId: string; locale: string };
  /** A recording playing now. */
  private recordingAt?: { sectionId: string; locale: string };
  private brokenAudio = new Set<string>();
  private completion: CompletionState = 'form';
  private reflection = '';
  private reflectionError?: string;
  private notice?: string;
  /** Said by the live region: what is being read, what could not be. */
  private announcement = '';
  private loadError?: Error;

  #loadRun = 0;
  readonly #settled = new Set<string>();
  /** Set when the family pressed "We tried it!" from inside the widget, so the outcome may take focus when it arrives. */
  #focusOnSettle = false;

  /** The lesson-ui module once it has arrived; every phase but `loading` renders with it. */
  #ui?: LessonUi;
  #uiStylesAdopted = false;

  /*
   * Controllers that come with lesson-ui.ts, attached when it arrives (moments after connecting, before any
   * lesson shows): reading progress, read aloud, and the outbox that sends "We tried it!" (a send queued on
   * an earlier visit is looked for from then on).
   */
  #progress?: ReadingProgress;
  #speech?: ReadAloud;
  #sender?: OutboxController<LessonCompletionInput, LessonCompletionReceipt>;

  /** Where the widget is: `loading`, `ready`, or a state that explains why there is no lesson. */
  get phase(): LessonPhase {
    return this.current;
  }

  /** True when the lesson shown is the copy saved on this device (the server could not be reached). */
  get offlineCopy(): boolean {
    return this.savedCopy;
  }

  get #backendKey(): string {
    const backend = this.resolveBackend();
    return backend ? backendKeyOf(backend) : '';
  }

  get #storeKey(): string {
    // Only read once lesson-ui.ts is here: the device's copies are kept by code that comes with it.
    return this.#ui!.lessonKey(this.#backendKey, this.lessonId);
  }

  #backendOrFail(): Backend {
    const backend = this.resolveBackend();
    if (!backend) throw new BackendError('offline', 'No Tandem backend is configured.');
    return backend;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    this.addEventListener('keydown', this.#onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    this.removeEventListener('keydown', this.#onKeydown);
  }

  /** Back online while reading the saved copy: fetch the current lesson quietly, without losing the family's place. */
  readonly #onOnline = async () => {
    const backend = this.resolveBackend();
    if (!this.savedCopy || !backend || this.current !== 'ready') return;
    const run = this.#loadRun;
    const lesson = await backend.getLesson(this.lessonId).catch(() => undefined);
    if (!lesson || run !== this.#loadRun) return;
    await this.#ui!.saveLesson(this.#storeKey, lesson);
    Object.assign(this, { lessonData: lesson, savedCopy: false });
  };

  /** Escape stops reading aloud, wherever focus is in the widget. */
  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.#speech && this.#speech.state !== 'idle') {
      event.preventDefault();
      void this.#stop();
    }
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#ui && !this.#uiStylesAdopted && this.renderRoot instanceof ShadowRoot) {
      // Before the render that first uses the UI module, so its markup never shows unstyled.
      this.#uiStylesAdopted = true;
      adoptStyles(this.renderRoot, [...(this.constructor as typeof TandemLessonViewer).elementStyles, this.#ui.uiStyles]);
    }
    if (!this.hasUpdated || changed.has('lessonId') || changed.has('backend') || changed.has('backendUrl')) void this.load();
    // A new language takes the old one's text, and its Pause and Stop buttons, off the screen: stop reading it too.
    if (this.#readLocale !== this.i18n.locale) {
      this.#readLocale = this.i18n.locale;
      if (this.#speech && this.#speech.state !== 'idle') this.#speech.stop();
    }
  }

  /** The UI language the last update rendered, to notice a switch. */
  #readLocale?: string;

  /** Loads (or reloads) the lesson; falls back to the copy kept on this device when the server cannot be reached. */
  async load(): Promise<void> {
    try {
      await this.#load();
    } catch (error) {
      if (this.#ui) throw error;
      // The rest of the widget's code could not be fetched (offline since the page opened, and no copy of it
      // cached): the skeleton stays, and the widget tries again once the connection is back.
      console.warn('Tandem: could not fetch the lesson code; trying again when back online', error);
      window.addEventListener('online', () => void this.load(), { once: true });
    }
  }

  async #load(): Promise<void> {
    const run = ++this.#loadRun;
    this.#speech?.stop();
    const backend = this.resolveBackend();
    // Fetched alongside the lesson; no phase but `loading` is entered before it is here.
    const uiLoaded = this.#needUi();
    if (!backend || !this.lessonId) {
      await uiLoaded;
      if (run !== this.#loadRun) return;
      if (!backend) return this.#fail('no-backend', new Error('No Tandem backend is configured for <tandem-lesson-viewer>.'));
      return this.#fail('not-found', new Error('<tandem-lesson-viewer> needs a lesson attribute.'));
    }
    this.current = 'loading';
    // The device's copy, "already tried" and queued sends are read by code that comes with lesson-ui.ts.
    const kept = uiLoaded.then((ui) => {
      const key = this.#storeKey;
      return Promise.all([key, ui.loadSavedLesson(key), ui.getAnswered(key), this.#listOutbox().catch(() => [])] as const);
    });
    const [loaded, [key, saved, answered, pending], ui] = await Promise.all([
      backend.getLesson(this.lessonId).then(
        (lesson) => ({ lesson }),
        (error: unknown) => ({ error: asError(error) }),
      ),
      kept,
      uiLoaded,
    ]);
    if (run !== this.#loadRun) return;
    let lesson: PublicLesson;
    if ('lesson' in loaded) {
      lesson = loaded.lesson;
      this.savedCopy = false;
      // Kept before the lesson shows, so a family who closes the page at once can still read it offline.
      await ui.saveLesson(key, lesson);
    } else if (loaded.error instanceof BackendError && loaded.error.kind === 'not-found') {
      await ui.forgetLesson(key);
      return this.#fail('not-found', loaded.error);
    } else if (saved) {
      lesson = saved;
      this.savedCopy = true;
      this.#emitError(loaded.error);
    } else {
      return this.#fail('load-error', loaded.error);
    }
    if (run !== this.#loadRun) return;
    // Another lesson: what was typed or said about the previous one does not carry over.
    if (this.lessonData?.id !== lesson.id)
      Object.assign(this, { reflection: '', reflectionError: undefined, notice: undefined, noVoice: undefined });
    this.lessonData = lesson;
    this.#progress!.load(
      key,
      lesson.sections.map((s) => s.id),
    );
    const waiting = pending.filter((e) => !this.#settled.has(e.id));
    this.completion = waiting.length > 0 ? 'queued' : answered ? 'done' : 'form';
    this.current = 'ready';
  }

  #listOutbox(): Promise<OutboxEntry<LessonCompletionInput>[]> {
    return this.#ui!.outbox.list<LessonCompletionInput>({ kind: OUTBOX_KIND, target: this.lessonId, backendKey: this.#backendKey });
  }

  async #needUi(): Promise<LessonUi> {
    if (this.#ui) return this.#ui;
    const ui = await loadUi();
    if (this.#ui) return this.#ui;
    this.#ui = ui;
    this.#progress = new ui.ReadingProgress(this);
    this.#speech = new ui.ReadAloud(this, {
      onSectionStart: (sectionId, locale) => (this.announcement = ui.readingMessage(this.#sectionTitle(sectionId, locale))),
      onSectionRead: (sectionId) => this.#progress!.mark(sectionId, true),
    });
    this.#sender = new ui.OutboxController<LessonCompletionInput, LessonCompletionReceipt>(this, {
      kind: OUTBOX_KIND,
      target: () => this.lessonId,
      backendKey: () => this.#backendKey,
      send: (entry) => this.#backendOrFail().completeLesson(entry.target, entry.payload, entry.id),
      onSent: (entry, receipt) => void this.#finishSent(entry, receipt),
      onFailed: (entry, error) => void this.#finishFailed(entry, error),
    });
    return ui;
  }

  #fail(phase: LessonPhase, error: Error): void {
    this.current = phase;
    this.loadError = error;
    this.#emitError(error);
  }

  #emitError(error: Error): void {
    this.emit(new this.#ui!.TandemLessonErrorEvent({ error, message: this.#describe(error) }));
  }

  /** The reading language, then the bilingual view's second language when it is on and differs. */
  get #languages(): string[] {
    const locale = this.i18n.locale;
    const second = this.#second;
    return second ? [locale, second] : [locale];
  }

  get #second(): string | undefined {
    const lesson = this.lessonData;
    const choice = this.bilingualChoice === undefined ? this.bilingual || null : this.bilingualChoice;
    if (!lesson || !choice) return undefined;
    // The language the first column really shows: the lesson's default when it lacks the reading language.
    const first = this.#ui!.pick(lesson.title, this.i18n.locale, lesson.defaultLocale).locale;
    if (choice !== first && lesson.locales.includes(choice)) return choice;
    // The family switched the reading language to their second one: show the other languages' first instead.
    return lesson.locales.find((l) => l !== first);
  }

  readonly #setBilingual = (locale: string | null) => {
    this.bilingualChoice = locale;
    try {
      localStorage.setItem(BILINGUAL_KEY, locale ?? 'off');
    } catch {
      // Not remembering is acceptable; failing to switch is not.
    }
  };

  // ——— read aloud ———

  #spokenPart(sectionId: string, locale: string): SpokenPart | undefined {
    const lesson = this.lessonData;
    return lesson && this.#ui!.spokenPart(lesson, sectionId, locale);
  }

  readonly #readAloud = (sectionId: string, locale: string) => {
    const part = this.#spokenPart(sectionId, locale);
    if (part) void this.#speak([part], sectionId, locale);
  };

  /** Every section in the reading language, one after the other; `noVoice.sectionId` '' marks the header's button. */
  readonly #readAll = () => {
    const lesson = this.lessonData;
    if (!lesson) return;
    const wanted = this.i18n.locale;
    const parts = lesson.sections
      .map((s) => this.#spokenPart(s.id, this.#ui!.pick(s.body, wanted, lesson.defaultLocale).locale))
      .filter((p): p is SpokenPart => !!p);
    if (parts.length > 0) void this.#speak(parts, '', parts[0]!.locale);
  };

  async #speak(parts: SpokenPart[], askedAt: string, locale: string): Promise<void> {
    this.noVoice = undefined;
    this.#stopRecordings();
    if (await this.#speech!.speak(parts)) return;
    // Said on screen beside the button pressed, and by the live region: never a silent button.
    this.noVoice = { sectionId: askedAt, locale };
    const ui = this.#ui!;
    this.announcement = ui.noVoiceMessage(ui.localeDisplayName(locale));
  }

  #sectionTitle(sectionId: string, locale: string): string {
    return this.#ui!.sectionTitle(this.lessonData!, sectionId, locale);
  }

  // Read-aloud controls only show once lesson-ui.ts (and with it #speech) is here.
  readonly #pause = () => this.#speech!.pause();
  readonly #resumeSpeech = () => this.#speech!.resume();
  readonly #stop = async () => {
    const at = this.#speech!.current;
    // The Stop button goes away with the reading: focus goes to the Read aloud button that takes its place.
    const focus = this.matches(':focus-within');
    this.#speech!.stop();
    this.announcement = msg('Stopped reading aloud.', { id: 'lesson.stopped' });
    await this.updateComplete;
    if (!focus || !at) return;
    const section = `[data-section="${CSS.escape(at.sectionId)}"]`;
    this.renderRoot.querySelector<HTMLElement>(`${section} [part~="read-aloud"][data-locale="${CSS.escape(at.locale)}"]`)?.focus();
  };

  readonly #onRecording = (sectionId: string, locale: string, event: Event) => {
    switch (event.type) {
      case 'play':
        this.#speech!.stop();
        this.recordingAt = { sectionId, locale };
        this.announcement = this.#ui!.readingMessage(this.#sectionTitle(sectionId, locale));
        break;
      case 'ended':
        this.#progress!.mark(sectionId, true);
        this.recordingAt = undefined;
        break;
      case 'pause':
        if (this.recordingAt?.sectionId === sectionId) this.recordingAt = undefined;
        break;
      case 'error':
        // A recording that will not play must not leave the family with nothing: offer the device voice.
        this.brokenAudio = new Set([...this.brokenAudio, this.lessonData?.sections.find((s) => s.id === sectionId)?.audio?.[locale] ?? '']);
        this.announcement = msg('The recording could not be played. You can use Read aloud instead.', { id: 'lesson.recording-failed' });
        this.recordingAt = undefined;
        break;
    }
  };

  #stopRecordings(): void {
    for (const audio of this.renderRoot.querySelectorAll('audio')) audio.pause();
  }

  readonly #print = () => {
    this.#speech?.stop();
    window.print();
  };

  // ——— "We tried it!" ———

  readonly #onReflection = (e: Event) => {
    this.reflection = (e.target as HTMLTextAreaElement).value;
    this.reflectionError = undefined;
  };

  #reflectionMessage(errors: FieldError[]): string | undefined {
    const error = errors.find((e) => e.pointer === '/reflection') ?? errors[0];
    if (!error) return undefined;
    const length = [...this.reflection.normalize('NFC')].length;
    return this.#ui!.fieldErrorMessage(error.code === 'too-long' ? { ...error, params: { ...error.params, length } } : error);
  }

  readonly #onSubmit = async (e: Event) => {
    e.preventDefault();
    if (this.completion !== 'form') return;
    const reflection = this.reflection.trim();
    const input: LessonCompletionInput = { locale: this.i18n.locale, ...(reflection ? { reflection } : {}) };
    const errors = this.#ui!.validateCompletion(input);
    if (errors.length > 0) return this.#showError(errors);
    // Read before the button is disabled, which takes focus away from it.
    this.#focusOnSettle = this.matches(':focus-within');
    this.completion = 'sending';
    this.notice = undefined;
    try {
      const result = await this.#sender!.enqueue(input);
      if (result.status === 'sent') await this.#finishSent(result.entry, result.result);
      else if (result.status === 'failed') await this.#finishFailed(result.entry, result.error);
      else if (!this.#settled.has(result.entry.id)) await this.#showCompletion('queued');
    } catch (error) {
      // Not even stored: the form stays with the reflection typed, and says so.
      this.completion = 'form';
      this.notice = msg('This could not be saved on this device. Please try again.', { id: 'lesson.save-failed' });
      this.#emitError(asError(error));
      await this.#refocusForm();
    }
  };

  /** After a refusal, the focus goes back to the reflection if the family was working in the viewer. */
  async #refocusForm(): Promise<void> {
    const focus = this.#focusOnSettle;
    this.#focusOnSettle = false;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#reflection')?.focus();
  }

  async #showError(errors: FieldError[]): Promise<void> {
    this.completion = 'form';
    this.reflectionError = this.#reflectionMessage(errors);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#reflection')?.focus();
  }

  async #finishSent(entry: OutboxEntry<LessonCompletionInput>, receipt: LessonCompletionReceipt | undefined): Promise<void> {
    if (this.#settled.has(entry.id) || entry.target !== this.lessonId) return;
    this.#settled.add(entry.id);
    // The sender that reports this came with lesson-ui.ts.
    const ui = this.#ui!;
    const completionId = receipt?.completionId ?? entry.id;
    await ui.markAnswered(this.#storeKey, { responseId: completionId, at: receipt?.completedAt ?? new Date().toISOString() });
    this.reflection = '';
    await this.#showCompletion('done');
    this.emit(new ui.TandemLessonCompletedEvent({ lessonId: entry.target, completionId, locale: entry.payload.locale }));
  }

  async #finishFailed(entry: OutboxEntry<LessonCompletionInput>, error: BackendError): Promise<void> {
    if (this.#settled.has(entry.id) || entry.target !== this.lessonId) return;
    this.#settled.add(entry.id);
    const ui = this.#ui!;
    // The reflection goes back into the form; sending again makes a new entry.
    await ui.outbox.remove(entry.id).catch(() => undefined);
    this.reflection = entry.payload.reflection ?? this.reflection;
    this.#emitError(error);
    if (error.fieldErrors.length > 0) {
      this.#focusOnSettle = false;
      return this.#showError(error.fieldErrors);
    }
    this.completion = 'form';
    this.notice = ui.backendErrorMessage(error);
    await this.#refocusForm();
  }

  async #showCompletion(state: CompletionState): Promise<void> {
    const focus = this.#focusOnSettle || this.matches(':focus-within');
    this.#focusOnSettle = false;
    this.completion = state;
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<HTMLElement>('#complete-heading')?.focus();
  }

  // ——— render ———

  protected override render() {
    return html`<div part="base" class="base">
      ${this.#renderBody()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }

  #renderBody() {
    const ui = this.#ui;
    const lesson = this.lessonData;
    if (!ui) return renderLoading();
    switch (this.current) {
      case 'loading':
        return renderLoading();
      case 'ready':
        break;
      case 'load-error':
        return ui.renderPanel(ui.panels['load-error'](this.#describe(this.loadError), () => void this.load()));
      default:
        return ui.renderPanel(ui.panels[this.current]());
    }
    const progress = this.#progress!;
    const speech = this.#speech!;
    if (!lesson) return renderLoading();
    const languages = this.#languages;
    const reading = speech.current ?? this.recordingAt;
    return html`${ui.renderHeader({
        lesson,
        languages,
        locale: this.i18n.locale,
        second: this.#second,
        savedCopy: this.savedCopy,
        readCount: progress.read.length,
        resumeAt: progress.resumeAt,
        noVoice: this.noVoice?.sectionId === '' ? this.noVoice.locale : undefined,
        onReadAll: this.#readAll,
        onBilingual: this.#setBilingual,
        onPrint: this.#print,
        onResume: () => void progress.resume(),
      })}
      <div part="body" class="body ${languages.length > 1 ? 'body--bilingual' : ''}">
        ${lesson.sections.map((section) =>
          ui.renderSection({
            section,
            languages,
            defaultLocale: lesson.defaultLocale,
            machineTranslated: lesson.machineTranslated,
            read: progress.read.includes(section.id),
            reading: reading?.sectionId === section.id,
            readingLocale: reading?.locale,
            speech: speech.state,
            noVoice: this.noVoice?.sectionId === section.id ? this.noVoice.locale : undefined,
            brokenAudio: this.brokenAudio,
            onReadAloud: this.#readAloud,
            onPause: this.#pause,
            onResume: this.#resumeSpeech,
            onStop: this.#stop,
            onRecording: this.#onRecording,
            onMarkRead: (id, read) => progress.mark(id, read),
          }),
        )}
        ${ui.renderActivity(lesson, languages)}
      </div>
      ${ui.renderCompletion({
        state: this.completion,
        reflection: this.reflection,
        error: this.reflectionError,
        notice: this.notice,
        onInput: this.#onReflection,
        onSubmit: this.#onSubmit,
        onSendNow: () => void this.#sender?.flush(),
      })}`;
  }

  #describe(error: Error | undefined): string {
    const ui = this.#ui!;
    return error instanceof BackendError ? ui.backendErrorMessage(error) : ui.unknownErrorMessage();
  }
}
