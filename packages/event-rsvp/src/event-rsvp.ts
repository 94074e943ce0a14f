/** <tandem-event-rsvp>: a school event — loads it, takes an RSVP through the outbox, and shows, changes or cancels the family's RSVP. */
import { adoptStyles, css, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import {
  type Backend,
  type BackendError,
  backendKeyOf,
  baseStyles,
  lazyUi,
  outbox,
  OutboxController,
  type OutboxEntry,
  TandemElement,
} from '@tandem/core';
import { SUPPORTED_LOCALES, type FieldError, type PublicEvent, type RsvpInput, type RsvpReceipt, type RsvpView } from '@tandem/protocol';
import { rsvpShellStyles } from './event-rsvp.styles.js';
import type { TextContext } from './localized-text.js';
import type { FieldName, FormValues } from './rsvp-model.js';
import type { RsvpPhase } from './rsvp-phase.js';
import type { StoredRsvp } from './rsvp-store.js';
import { renderHeaderFrame, renderLoading } from './views/loading.js';
import type * as StatusView from './views/status.js';
import type * as RsvpUiModule from './rsvp-ui.js';

export type { RsvpPhase };

const OUTBOX_KIND = 'event-rsvp';

/**
 * The RSVP view (status, calendar links, change/cancel, private link) loads on demand: most visits start
 * at the form, so the first download stays small. Awaited before any switch to the `rsvp` phase.
 */
let statusView: typeof StatusView | undefined;
const loadStatusView = async () => (statusView ??= await import('./views/status.js'));

type RsvpUi = typeof RsvpUiModule;

/**
 * The rest of the widget's code (see rsvp-ui.ts), fetched once per page and shared by every element; it
 * also defines <tandem-language-switch> and <tandem-status>, which only appear with it. Fetched as soon
 * as this module runs, in parallel with the first render and the data request; a failure is retried by
 * the element's own load().
 */
const loadUi = lazyUi(
  () => import('./rsvp-ui.js'),
  (ui) => ui.defineTandemUi(),
);
loadUi().catch(() => undefined);

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

type ReadRsvp = { view: RsvpView; keys: StoredRsvp } | { error: Error } | undefined;

/**
 * A school event with an RSVP form: sessions with places left, family needs, waitlist, add to calendar.
 *
 * @tagname tandem-event-rsvp
 * @summary School event RSVP: party size and family needs, capacity and waitlist, change or cancel later, add to calendar.
 * @attr event - Id of the event to show
 * @attr identity-token - A host-signed family identity sent with the RSVP; without it the RSVP is anonymous
 * @attr backend - Base URL of a Tandem-compatible server (or set the `backend` property to a Backend object)
 * @attr lang - Language of the widget; a language the family picked with the switch wins
 *
 * @fires tandem-rsvp-changed - the family's RSVP was made, changed, cancelled, or seen promoted off the waitlist; `detail: { eventId, rsvpId, sessionId, status, response, cancelled? }`
 * @fires tandem-error - loading or sending failed; `detail: { error, message }`
 * @csspart base - the whole widget
 * @csspart header - language switch, school, title and description
 * @csspart body - the form, the family's RSVP, or the current state's message
 * @csspart footer - the form's buttons
 * @csspart submit - the Send RSVP / Save changes button
 * @csspart remaining - places left in a session
 * @csspart status - the family's RSVP (`data-status`: confirmed, waitlisted, declined or cancelled)
 * @csspart calendar - the add-to-calendar links
 * @csspart change - Change my RSVP
 * @csspart cancel - Cancel my RSVP
 * @csspart confirm-cancel - Yes, cancel my RSVP
 * @csspart keep - keep the RSVP as it was (leaves the confirm step or the change form)
 * @csspart rsvp-again - RSVP again after cancelling
 * @csspart copy-link - copies the private link
 * @csspart action - a state's button (Try again, Send now)
 * @csspart field-error - the message under a refused field
 * @cssprop --tandem-accent - buttons, selected options (default #1d4ed8)
 * @cssprop --tandem-on-accent - text on the accent colour
 * @cssprop --tandem-text - text colour (default: inherited)
 * @cssprop --tandem-muted-text - hints and notes
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
 * @cssprop --tandem-success - confirmed RSVP accent
 * @cssprop --tandem-warning - cancelled event accent
 */
export class TandemEventRsvp extends TandemElement {
  // One composed sheet: core's TandemElement types `styles` as a single CSSResult.
  // First paint only; the rest (buttons, field errors, form) arrives with rsvp-ui.ts and is adopted in willUpdate.
  static override styles = css`
    ${baseStyles} ${rsvpShellStyles}
  `;

  // Declared here rather than with decorators: each decorated module ships its own copy of tsc's helper.
  static override properties: PropertyDeclarations = {
    eventId: { attribute: 'event' },
    identityToken: { attribute: 'identity-token' },
    current: { state: true, attribute: false },
    eventData: { state: true, attribute: false },
    values: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    showSummary: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    view: { state: true, attribute: false },
    editing: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    copied: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
  };

  /** Id of the event to show. */
  eventId = '';

  /** A host-signed family identity; without it the RSVP is anonymous. */
  identityToken?: string;

  private current: RsvpPhase = 'loading';
  private eventData?: PublicEvent;
  private values?: FormValues;
  private errors = new Map<FieldName, FieldError>();
  private showSummary = false;
  /** A problem that belongs to no field, shown above the buttons. */
  private notice?: string;
  private view?: RsvpView;
  private keys?: StoredRsvp;
  /** The form is open to change the family's RSVP (rather than make one). */
  private editing = false;
  private confirming = false;
  /** A change or cancel is on its way. */
  private busy = false;
  private copied = false;
  private loadError?: Error;

  #loadRun = 0;
  #seenPending: unknown;
  /** Outbox entries this element already finished, so a send reported twice is handled once. */
  readonly #settled = new Set<string>();
  /** Set when the family pressed Send, so the result may take focus even if it arrives later. */
  #focusOnSettle = false;
  /** The rsvp-ui module once it has arrived; every state but `loading` renders with it. */
  #ui?: RsvpUi;
  #uiStylesAdopted = false;

  readonly #sender = new OutboxController<RsvpInput, RsvpReceipt>(this, {
    kind: OUTBOX_KIND,
    target: () => this.eventId,
    backendKey: () => this.#backendKey,
    send: (entry) => this.#backendOrFail().createRsvp(entry.target, entry.payload, entry.id),
    onSent: (entry, receipt) => void this.#finishSent(entry, receipt),
    onFailed: (entry, error) => void this.#finishFailed(entry, error),
  });

  /** Where the widget is: `loading`, `ready` (the form), `queued`, `rsvp` (the family's RSVP)… */
  get phase(): RsvpPhase {
    return this.current;
  }

  /** The family's RSVP as last read or sent, once there is one. */
  get rsvp(): RsvpView | undefined {
    return this.view;
  }

  get #backendKey(): string {
    const backend = this.resolveBackend();
    return backend ? backendKeyOf(backend) : '';
  }

  get #storeKey(): string {
    // Only read once rsvp-ui.ts is here: the device's RSVP keys are kept by code that comes with it.
    return this.#ui!.rsvpKey(this.#backendKey, this.eventId);
  }

  #backendOrFail(): Backend {
    const backend = this.resolveBackend();
    // Throws only for a family action (the outbox sends nothing without a backend key), so rsvp-ui.ts, which
    // brings BackendError and keeps it out of the first paint, is here by then.
    if (!backend) throw new this.#ui!.BackendError('offline', 'No Tandem backend is configured.');
    return backend;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisible);
  }

  /** A family coming back to the tab sees places left and their RSVP as they are now (promoted off the waitlist, say). */
  readonly #onVisible = async () => {
    const backend = this.resolveBackend();
    if (document.visibilityState !== 'visible' || !backend || (this.current !== 'ready' && this.current !== 'rsvp')) return;
    void this.#refreshEvent();
    const keys = this.keys;
    if (this.current !== 'rsvp' || !keys) return;
    const view = await backend.getRsvp(keys.rsvpId, keys.editToken).catch(() => undefined);
    if (view && this.current === 'rsvp' && this.keys === keys) this.#adopt(view, keys);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#ui && !this.#uiStylesAdopted && this.renderRoot instanceof ShadowRoot) {
      // Before the render that first uses the UI module, so its markup never shows unstyled.
      this.#uiStylesAdopted = true;
      adoptStyles(this.renderRoot, [...(this.constructor as typeof TandemEventRsvp).elementStyles, this.#ui.uiStyles]);
    }
    if (!this.hasUpdated || changed.has('eventId') || changed.has('backend') || changed.has('backendUrl')) void this.load();
    if (this.#sender.pending !== this.#seenPending) {
      this.#seenPending = this.#sender.pending;
      if (this.current === 'queued') void this.#checkQueued();
    }
  }

  /** Another tab or widget may have sent the waiting RSVP; then this one shows it too. */
  async #checkQueued(): Promise<void> {
    const waiting = await this.#listOutbox().catch(() => undefined);
    if (this.current === 'queued' && waiting && waiting.every((e) => this.#settled.has(e.id))) await this.load();
  }

  #listOutbox(): Promise<OutboxEntry<RsvpInput>[]> {
    return outbox.list<RsvpInput>({ kind: OUTBOX_KIND, target: this.eventId, backendKey: this.#backendKey });
  }

  /** Loads (or reloads) the event and the family's RSVP, and decides what the family meets. Runs by itself on connect. */
  async load(): Promise<void> {
    try {
      await this.#load();
    } catch (error) {
      if (this.#ui) throw error;
      // The rest of the widget's code could not be fetched (offline since the page opened): the skeleton
      // stays, and the widget tries again once the connection is back.
      console.warn('Tandem: could not fetch the event code; trying again when back online', error);
      window.addEventListener('online', () => void this.load(), { once: true });
    }
  }

  async #load(): Promise<void> {
    const run = ++this.#loadRun;
    Object.assign(this, { values: undefined, errors: new Map(), showSummary: false, notice: undefined, editing: false, confirming: false });
    const backend = this.resolveBackend();
    // Fetched alongside the event; no state but `loading` is entered before it is here.
    const uiLoaded = this.#needUi();
    if (!backend || !this.eventId) {
      await uiLoaded;
      if (run !== this.#loadRun) return;
      return this.#fail(backend ? 'not-found' : 'no-backend', this.#ui!.setupError(!!backend));
    }
    this.current = 'loading';
    const [loaded, read, pending, ui] = await Promise.all([
      backend.getEvent(this.eventId).then(
        (event) => ({ event }),
        (error: unknown) => ({ error: asError(error) }),
      ),
      this.#readRsvp(backend),
      this.#listOutbox().catch(() => []),
      uiLoaded,
    ]);
    if (run !== this.#loadRun) return;
    if ('event' in loaded) this.eventData = loaded.event;
    if (read && 'view' in read) this.#adopt(read.view, read.keys);
    // A queued RSVP may have gone out while this was loading; its result stands.
    if (this.current !== 'loading') return;
    const waiting = pending.filter((entry) => !this.#settled.has(entry.id));
    // Offline with an RSVP waiting: saying it is kept matters more than the event failing to load.
    if ('error' in loaded && waiting.length === 0) return this.#fail(ui.loadFailurePhase(loaded.error), loaded.error);
    const event = this.eventData;
    if (event?.status === 'cancelled') return void (this.current = 'cancelled');
    if (event?.sessions.every((s) => s.past)) return void (this.current = 'ended');
    if (waiting.length > 0 || !event) return this.#resumePending(waiting);
    if (read && 'error' in read) return this.#fail('load-error', read.error);
    this.values = ui.emptyForm(event, this.i18n.locale);
    if (this.view) await loadStatusView();
    if (run === this.#loadRun) this.current = this.view ? 'rsvp' : 'ready';
  }

  /** The family's RSVP: from a private link in the address (adopted for this device), else the one kept on this device. */
  async #readRsvp(backend: Backend): Promise<ReadRsvp> {
    const ui = await this.#needUi();
    const key = this.#storeKey;
    const linked = ui.keysFromFragment(location.hash);
    if (linked) {
      const view = await backend.getRsvp(linked.rsvpId, linked.editToken).catch(() => undefined);
      if (view?.eventId === this.eventId) {
        ui.dropFragment();
        return { view, keys: linked };
      }
    }
    const stored = await ui.loadStoredRsvp(key);
    if (!stored) return undefined;
    try {
      return { view: await backend.getRsvp(stored.rsvpId, stored.editToken), keys: stored };
    } catch (error) {
      // Gone from the server (or another server's): the device forgets it and offers the form again.
      if (error instanceof ui.BackendError && error.kind === 'not-found') return void (await ui.forgetStoredRsvp(key));
      return { error: asError(error) };
    }
  }

  /** Takes `view` as the family's RSVP; a status that moved since this device last saw it (promoted off the waitlist) is announced. */
  #adopt(view: RsvpView, keys: StoredRsvp): void {
    const changed = keys.status !== undefined && keys.status !== view.status;
    this.view = view;
    this.keys = { rsvpId: keys.rsvpId, editToken: keys.editToken, status: view.status };
    if (keys.status !== view.status) void this.#ui!.saveStoredRsvp(this.#storeKey, this.keys);
    if (changed) this.#announce(view);
  }

  #announce(view: RsvpView): void {
    const { eventId, rsvpId, sessionId, status, response, cancelled } = view;
    this.emit(new this.#ui!.TandemRsvpChangedEvent({ eventId, rsvpId, sessionId, status, response, ...(cancelled ? { cancelled } : {}) }));
  }

  /** Entries left from an earlier visit: still waiting for a connection, or refused and back for editing. */
  #resumePending(entries: OutboxEntry<RsvpInput>[]): void {
    const { BackendError } = this.#ui!;
    const refused = entries.find((e) => e.lastError && !new BackendError(e.lastError.kind, e.lastError.message).retryable);
    if (!refused) return void (this.current = 'queued');
    const { kind, message, fieldErrors } = refused.lastError!;
    void this.#finishFailed(
      refused,
      new BackendError(kind, message, undefined, { type: 'about:blank', title: message, status: 422, errors: fieldErrors ?? [] }),
    );
  }

  #fail(phase: RsvpPhase, error: Error): void {
    this.current = phase;
    this.loadError = error;
    this.#emitError(error);
  }

  #emitError(error: Error): void {
    const ui = this.#ui!;
    this.emit(new ui.TandemRsvpErrorEvent({ error, message: ui.describeError(error) }));
  }

  async #needUi(): Promise<RsvpUi> {
    return (this.#ui ??= await loadUi());
  }

  async #refreshEvent(): Promise<void> {
    const event = await this.resolveBackend()
      ?.getEvent(this.eventId)
      .catch(() => undefined);
    if (event) this.eventData = event;
  }

  readonly #onInput = (e: Event) => {
    const changed = this.#ui!.applyInput(this.values, this.errors, e.target as HTMLInputElement);
    if (!changed) return;
    this.values = changed.values;
    if (changed.errors) this.errors = changed.errors;
  };

  readonly #step = (name: string, delta: number) => this.#ui!.stepInput(this.renderRoot, name, delta);

  readonly #onSubmit = (e: Event) => {
    e.preventDefault();
    const event = this.eventData;
    if (!event || !this.values || this.current !== 'ready') return;
    const ui = this.#ui!;
    const { input, errors } = ui.toInput(event, this.values, this.i18n.locale);
    const problems = [...errors, ...ui.validateRsvp(event, input)];
    if (problems.length > 0) return void this.#showErrors(problems, true);
    if (this.identityToken) input.identityToken = this.identityToken;
    void (this.editing ? this.#update(input) : this.#create(input));
  };

  async #create(input: RsvpInput): Promise<void> {
    this.#focusOnSettle = this.matches(':focus-within');
    Object.assign(this, { current: 'submitting', notice: undefined, showSummary: false });
    try {
      const result = await this.#sender.enqueue(input);
      if (result.status === 'sent') await this.#finishSent(result.entry, result.result);
      else if (result.status === 'failed') await this.#finishFailed(result.entry, result.error);
      else if (!this.#settled.has(result.entry.id)) await this.#showState('queued');
    } catch (error) {
      // Not even stored: stay on the form with everything typed, and say so.
      this.current = 'ready';
      this.notice = this.#ui!.saveFailedMessage();
      this.#emitError(asError(error));
    }
  }

  async #finishSent(entry: OutboxEntry<RsvpInput>, receipt: RsvpReceipt | undefined): Promise<void> {
    if (this.#settled.has(entry.id) || entry.target !== this.eventId) return;
    this.#settled.add(entry.id);
    // Sent by another tab: its answer is not ours to read, but the keys it stored are.
    if (!receipt?.editToken) return this.load();
    const keys: StoredRsvp = { rsvpId: receipt.rsvpId, editToken: receipt.editToken, status: receipt.status };
    // A send queued on an earlier visit may go out before the widget's code has all arrived.
    const ui = await this.#needUi();
    // Kept before anything is announced, so a host reacting to the event finds the RSVP on this device.
    await ui.saveStoredRsvp(this.#storeKey, keys);
    await this.#settle(ui.viewFrom(entry.payload, receipt), keys);
  }

  /** Shows a new or changed RSVP, tells the page, and fetches fresh places left. */
  async #settle(view: RsvpView, keys: StoredRsvp): Promise<void> {
    Object.assign(this, { view, keys, editing: false, confirming: false, errors: new Map(), showSummary: false, notice: undefined });
    this.#announce(view);
    const fresh = this.#refreshEvent();
    // Queued while the event could not load: it is needed to show the RSVP.
    if (!this.eventData) await fresh;
    await loadStatusView();
    await this.#showState('rsvp');
  }

  async #finishFailed(entry: OutboxEntry<RsvpInput>, error: BackendError): Promise<void> {
    if (this.#settled.has(entry.id) || entry.target !== this.eventId) return;
    this.#settled.add(entry.id);
    // The RSVP goes back into the form; a new send will be a new entry.
    await outbox.remove(entry.id).catch(() => undefined);
    const ui = await this.#needUi();
    if (this.eventData && !this.values) this.values = ui.formFromView(this.eventData, entry.payload, this.i18n.locale);
    await this.#refused(error);
  }

  /** A send the backend refused: the form stays with everything typed, showing why. */
  async #refused(error: BackendError | Error): Promise<void> {
    const { BackendError } = this.#ui!;
    this.#emitError(error);
    const kind = error instanceof BackendError ? error.kind : undefined;
    if (kind === 'not-found' && !this.editing) return this.#showState('not-found');
    if (kind === 'closed') {
      await this.#refreshEvent();
      const event = this.eventData;
      if (event?.status === 'cancelled') return this.#showState('cancelled');
      if (event?.sessions.every((s) => s.past)) return this.#showState('ended');
    }
    if (!this.eventData || !this.values) return this.load();
    this.current = 'ready';
    const fieldErrors = error instanceof BackendError ? error.fieldErrors : [];
    if (fieldErrors.length > 0) return this.#showErrors(fieldErrors, this.#takeFocusIntent());
    this.notice = kind === 'closed' ? this.#ui!.sessionClosedMessage() : this.#ui!.backendErrorMessage(error);
  }

  async #update(input: RsvpInput): Promise<void> {
    const keys = this.keys;
    if (!keys) return;
    this.#focusOnSettle = this.matches(':focus-within');
    Object.assign(this, { current: 'submitting', notice: undefined, showSummary: false });
    try {
      const ui = this.#ui!;
      const receipt = await this.#backendOrFail().updateRsvp(keys.rsvpId, keys.editToken, ui.patchFrom(input));
      const next = { ...keys, status: receipt.status };
      await ui.saveStoredRsvp(this.#storeKey, next);
      await this.#settle(ui.viewFrom(input, receipt, this.view), next);
    } catch (error) {
      await this.#refused(asError(error));
    }
  }

  readonly #startChange = async () => {
    if (!this.eventData || !this.view) return;
    Object.assign(this, {
      values: this.#ui!.formFromView(this.eventData, this.view, this.i18n.locale),
      editing: true,
      current: 'ready',
      notice: undefined,
      errors: new Map(),
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#form-heading')?.focus();
  };

  readonly #stopChange = () => {
    Object.assign(this, { editing: false, errors: new Map(), showSummary: false, notice: undefined });
    void this.#showState('rsvp', true);
  };

  readonly #rsvpAgain = async () => {
    if (!this.eventData) return;
    Object.assign(this, {
      values: this.#ui!.emptyForm(this.eventData, this.i18n.locale),
      editing: false,
      current: 'ready',
      notice: undefined,
    });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#form-heading')?.focus();
  };

  readonly #askCancel = async () => {
    Object.assign(this, { confirming: true, notice: undefined });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-heading')?.focus();
  };

  readonly #keep = async () => {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="cancel"]')?.focus();
  };

  readonly #confirmCancel = async () => {
    const keys = this.keys;
    if (!keys || !this.view || this.busy) return;
    this.busy = true;
    try {
      const receipt = await this.#backendOrFail().cancelRsvp(keys.rsvpId, keys.editToken);
      const next = { ...keys, status: receipt.status };
      await this.#ui!.saveStoredRsvp(this.#storeKey, next);
      const { editToken: _token, ...changes } = receipt;
      this.#focusOnSettle = true;
      await this.#settle({ ...this.view, ...changes }, next);
    } catch (error) {
      this.#emitError(asError(error));
      // Refused because the school cancelled the event meanwhile: say that, rather than "closed".
      if (error instanceof this.#ui!.BackendError && error.kind === 'closed') await this.#refreshEvent();
      if (this.eventData?.status === 'cancelled') await this.#showState('cancelled', true);
      else this.notice = this.#ui!.backendErrorMessage(asError(error));
    } finally {
      this.busy = false;
    }
  };

  readonly #copy = async () => {
    if (await this.#ui!.copyPrivateLink(this.renderRoot)) this.copied = true;
  };

  #takeFocusIntent(): boolean {
    const intent = this.#focusOnSettle || this.matches(':focus-within');
    this.#focusOnSettle = false;
    return intent;
  }

  /** Switches state; the new heading takes focus only if the family was working in the widget. */
  async #showState(phase: RsvpPhase, focus = this.#takeFocusIntent()): Promise<void> {
    this.current = phase;
    this.copied = false;
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<HTMLElement>('#state-heading')?.focus();
  }

  /** Shows errors under their fields and in a summary, and focuses the first invalid field. */
  async #showErrors(errors: FieldError[], focus: boolean): Promise<void> {
    const { byField, other } = this.#ui!.errorsByField(errors);
    Object.assign(this, { errors: byField, current: 'ready', showSummary: byField.size > 0 });
    if (other.length > 0 || byField.size === 0) {
      this.notice = this.#ui!.invalidOtherMessage();
    }
    await this.updateComplete;
    const first = [...byField.keys()][0];
    if (focus && first) this.#focusField(first);
  }

  readonly #focusField = (field: FieldName) => this.#ui!.focusField(this.renderRoot, field);

  protected override render() {
    const ui = this.#ui;
    const event = this.eventData;
    const text: TextContext = { locale: this.i18n.locale, defaultLocale: event?.defaultLocale ?? 'en' };
    // Until rsvp-ui.ts arrives, the same frame with the language switch alone, so nothing is rebuilt later.
    const header = ui ? ui.renderHeader(event, text) : renderHeaderFrame(SUPPORTED_LOCALES);
    return html`<div part="base" class="base">${header}${ui ? this.#renderBody(ui, text) : renderLoading()}</div>`;
  }

  #renderBody(ui: RsvpUi, text: TextContext) {
    const { renderDetails, renderPanel, panels } = ui;
    const event = this.eventData;
    switch (this.current) {
      case 'loading':
        return renderLoading();
      case 'ready':
      case 'submitting':
        if (!event || !this.values) return renderLoading();
        return html`${renderDetails(event, text)}
          <div part="body" class="body">
            ${ui.renderForm({
              event,
              text,
              values: this.values,
              messages: new Map([...this.errors].map(([field, error]) => [field, ui.rsvpFieldMessage(field, error)])),
              showSummary: this.showSummary,
              notice: this.notice,
              submitting: this.current === 'submitting',
              editing: this.editing,
              onInput: this.#onInput,
              onSubmit: this.#onSubmit,
              onStep: this.#step,
              onGoTo: this.#focusField,
              onStopEditing: this.#stopChange,
            })}
          </div>`;
      case 'rsvp':
        if (!event || !this.view || !this.keys || !statusView) return renderLoading();
        return html`${renderDetails(event, text)}
          <div part="body" class="body">
            ${statusView.renderStatus({
              event,
              rsvp: this.view,
              text,
              link: ui.privateLink(this.keys),
              icsUrl: this.resolveBackend()?.eventCalendarUrl?.(event.id, text.locale),
              confirming: this.confirming,
              busy: this.busy,
              copied: this.copied,
              notice: this.notice,
              onChange: this.#startChange,
              onCancel: this.#askCancel,
              onConfirmCancel: this.#confirmCancel,
              onKeep: this.#keep,
              onCopy: this.#copy,
              onRsvpAgain: this.#rsvpAgain,
            })}
          </div>`;
      case 'load-error':
        return renderPanel(panels['load-error'](ui.describeError(this.loadError), () => void this.load()));
      case 'queued':
        return renderPanel(panels.queued(() => void this.#sender.flush()));
      default:
        return renderPanel(panels[this.current]());
    }
  }
}
