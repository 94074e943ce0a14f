/**
 * <console-events>: the Events screen. A list of the organization's events, an editor (texts side by side in the
 * default and a second language, sessions, needs to ask), and per event the attendance (counts, needs, waitlist,
 * CSV) and a phone-sized door check-in. Its views have hash addresses under #/events so reload keeps the place.
 */
import { msg, str } from '@lit/localize';
import { routePath, routes, type Attendee, type EventAttendees, type EventList, type RouteSpec, type TandemEvent } from '@tandem/protocol';
import { css, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ConsoleError } from '../../console-client.js';
import { problemMessage } from '../../console-messages.js';
import { ContentScreen } from '../common/content-screen.js';
import { contentStyles } from '../common/content.styles.js';
import { reviewedMessage } from '../common/localized-field.js';
import {
  hasMissing,
  nothingToTranslateMessage,
  translateMissing,
  translatingMessage,
  translationErrorMessage,
  translationOutcomeMessage,
} from '../common/translate-missing.js';
import type { Errors } from '../form-controls.js';
import { familyName, renderAttendance, renderCheckIn } from './attendance-view.js';
import { renderEditor } from './editor-view.js';
import {
  checkDraft,
  draftOf,
  emptyDraft,
  fieldIdOf,
  newSessionId,
  toInput,
  toPatch,
  translatable,
  type EventDraft,
  type Problem,
} from './event-draft.js';
import { bookedSessionMessage, checkFieldsMessage, problemText } from './events-messages.js';
import { eventsStyles } from './events.styles.js';
import { renderList } from './list-view.js';

export type EventsView = 'loading' | 'list' | 'edit' | 'attendance' | 'check-in' | 'failed';

/** Where an #/events address points. */
export function eventsRouteOf(hash: string): { view: 'list' | 'edit' | 'attendance' | 'check-in'; id?: string } {
  const m = /^#\/events(?:\/([A-Za-z0-9_-]+)(?:\/(attendance|check-in))?)?\/?$/.exec(hash);
  if (!m || !m[1]) return { view: 'list' };
  if (m[1] === 'new') return { view: 'edit' };
  return { view: (m[2] as 'attendance' | 'check-in' | undefined) ?? 'edit', id: m[1] };
}

export class ConsoleEvents extends ContentScreen {
  static override styles = css`
    ${ContentScreen.styles} ${contentStyles} ${eventsStyles}
  `;

  static override properties: PropertyDeclarations = {
    ...ContentScreen.properties,
    view: { state: true },
    events: { state: true },
    event: { state: true },
    draft: { state: true },
    attendance: { state: true },
    errors: { state: true },
    saved: { state: true },
    confirming: { state: true },
    search: { state: true },
    checkingIn: { state: true },
  };

  view: EventsView = 'loading';
  events: TandemEvent[] | undefined;
  /** The event the attendance and check-in views are about. */
  event: TandemEvent | undefined;
  draft: EventDraft | undefined;
  attendance: EventAttendees | undefined;
  errors: Errors = {};
  saved: string | undefined;
  confirming: 'publish' | 'cancel' | undefined;
  search = '';
  /** RSVP ids whose arrival is being sent. */
  checkingIn = new Set<string>();
  #focusHeading = false;
  #routed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  // Not connectedCallback: the shell may render this element before its module is defined, and Lit hands over
  // properties set before the upgrade only when the first update starts.
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('api') && this.api && this.view === 'loading' && !this.#routed) {
      this.#routed = true;
      void this.#route();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  readonly #onHashChange = () => {
    if (!location.hash.startsWith('#/events')) return;
    this.#focusHeading = true;
    void this.#route();
  };

  /** Opens a view by its address (a link would do the same; buttons use this). */
  go(hash: string): void {
    if (location.hash === hash) return void this.#route();
    location.hash = hash;
  }

  async #route(): Promise<void> {
    const route = eventsRouteOf(globalThis.location?.hash ?? '');
    this.errors = {};
    this.saved = undefined;
    this.confirming = undefined;
    this.search = '';
    this.dirty = false;
    this.leaving = false;
    try {
      if (route.view === 'list') {
        this.view = 'loading';
        this.events = (await this.api.call<EventList>(routes.listEvents)).items;
        this.view = 'list';
      } else if (route.view === 'edit' && !route.id) {
        const school = this.session.schools[0]?.id ?? '';
        this.draft = emptyDraft(school, this.session.user.locale || 'en');
        this.#pickSecondLocale();
        this.view = 'edit';
      } else if (route.view === 'edit') {
        this.view = 'loading';
        this.event = await this.api.call<TandemEvent>(routes.getEvent, { params: { eventId: route.id! } });
        this.draft = draftOf(this.event);
        this.#pickSecondLocale();
        this.view = 'edit';
      } else {
        this.view = 'loading';
        await this.loadAttendance(route.id!);
        this.view = route.view;
      }
    } catch (error) {
      this.errors = { form: problemMessage(error) };
      this.view = 'failed';
    }
  }

  async loadAttendance(eventId: string): Promise<void> {
    const [event, attendance] = await Promise.all([
      this.api.call<TandemEvent>(routes.getEvent, { params: { eventId } }),
      this.api.call<EventAttendees>(routes.getEventAttendees, { params: { eventId } }),
    ]);
    this.event = event;
    this.attendance = attendance;
  }

  #pickSecondLocale(): void {
    const dl = this.draft!.defaultLocale;
    if (this.secondLocale === dl) this.secondLocale = this.locales.find((l) => l !== dl) ?? '';
  }

  /** Something in the draft changed: re-render, and the "saved" note no longer holds. */
  changed(): void {
    this.saved = undefined;
    this.dirty = true;
    this.requestUpdate();
  }

  /** Whether leaving the editor would lose typed changes; the shell's nav and closing the tab ask first when it would. */
  hasUnsavedChanges(): boolean {
    return this.view === 'edit' && this.dirty;
  }

  /** "Back to events" from the editor: with unsaved changes, only after the staff member says so. */
  async backToList(force = false): Promise<void> {
    if (this.dirty && !force) {
      this.leaving = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#leave-heading')?.focus();
      return;
    }
    this.dirty = false;
    this.go('#/events');
  }

  async stay(): Promise<void> {
    this.leaving = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-action="back"]')?.focus();
  }

  async addSession(): Promise<void> {
    const draft = this.draft!;
    draft.sessions.push({ id: newSessionId(), start: '', end: '', capacity: draft.sessions.at(-1)?.capacity ?? '', booked: 0 });
    this.changed();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#session-${draft.sessions.length - 1}-start`)?.focus();
  }

  async removeSession(index: number): Promise<void> {
    const draft = this.draft!;
    draft.sessions.splice(index, 1);
    // Error ids follow positions; they no longer match.
    this.errors = {};
    this.changed();
    await this.updateComplete;
    const next = Math.min(index, draft.sessions.length - 1);
    this.renderRoot.querySelector<HTMLElement>(next >= 0 ? `#session-${next}-start` : '#add-session')?.focus();
  }

  /** A session families answered stays: say so where the person looks, not silently. */
  async refuseRemove(index: number): Promise<void> {
    this.errors = { form: bookedSessionMessage() };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#event-form .alert')?.focus();
    void index;
  }

  #errorsOf(problems: Problem[]): Errors {
    const errors: Errors = {};
    for (const p of problems) errors[fieldIdOf(p.pointer, this.draft!.defaultLocale)] ??= problemText(p);
    errors['form'] = checkFieldsMessage();
    return errors;
  }

  /** Saves the draft (create or update); false when it was refused. */
  async save(): Promise<boolean> {
    const draft = this.draft!;
    const problems = checkDraft(draft);
    if (problems.length) {
      this.errors = this.#errorsOf(problems);
      await this.focusFirstError('event-form');
      return false;
    }
    this.errors = {};
    this.busy = true;
    try {
      const saved = draft.id
        ? await this.api.call<TandemEvent>(routes.updateEvent, { params: { eventId: draft.id }, body: toPatch(draft) })
        : await this.api.call<TandemEvent>(routes.createEvent, { body: toInput(draft), idempotencyKey: draft.createKey });
      this.#remember(saved);
      this.dirty = false;
      if (!draft.id) history.replaceState(null, '', `#/events/${saved.id}`);
      this.saved = msg('Saved.', { id: 'console.events.saved' });
      return true;
    } catch (error) {
      this.errors = this.#saveErrors(error);
      await this.focusFirstError('event-form');
      return false;
    } finally {
      this.busy = false;
    }
  }

  #saveErrors(error: unknown): Errors {
    if (error instanceof ConsoleError && error.kind === 'invalid') {
      return this.#errorsOf(error.fields.map((pointer) => ({ pointer, code: 'invalid-format' })));
    }
    // 409 on an update: a removed session has RSVPs. What was typed stays; the person puts the session back.
    if (error instanceof ConsoleError && error.status === 409) return { form: bookedSessionMessage() };
    if (error instanceof ConsoleError && error.kind === 'forbidden')
      return { form: msg('Your account may not change this event. Ask an organization admin.', { id: 'console.events.error.forbidden' }) };
    return { form: problemMessage(error) };
  }

  #remember(event: TandemEvent): void {
    this.event = event;
    this.draft = draftOf(event);
    if (this.events) {
      const i = this.events.findIndex((e) => e.id === event.id);
      if (i >= 0) this.events[i] = event;
      else this.events.push(event);
    }
  }

  async askToConfirm(kind: 'publish' | 'cancel'): Promise<void> {
    this.confirming = kind;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-heading')?.focus();
  }

  async closeConfirm(): Promise<void> {
    const kind = this.confirming;
    this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-action="${kind}"]`)?.focus();
  }

  /** Publishes (after saving what was typed) or cancels the event. */
  async changeStatus(): Promise<void> {
    const kind = this.confirming;
    this.confirming = undefined;
    if (kind === 'publish' && !(await this.save())) return;
    const id = this.draft!.id!;
    this.busy = true;
    try {
      const event = await this.api.call<TandemEvent>(kind === 'publish' ? routes.publishEvent : routes.cancelEvent, {
        params: { eventId: id },
      });
      this.#remember(event);
      this.saved =
        kind === 'publish'
          ? msg('Published. Families can now answer.', { id: 'console.events.publishedNotice' })
          : msg('The event is cancelled. Families see it as cancelled.', { id: 'console.events.cancelledNotice' });
    } catch (error) {
      this.errors = this.#saveErrors(error);
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    // The confirm box is gone: focus the refusal if any, else the heading (the status line announces itself).
    (this.renderRoot.querySelector<HTMLElement>('#event-form .alert') ?? this.renderRoot.querySelector<HTMLElement>('h1'))?.focus();
  }

  get translationTargets(): string[] {
    return this.locales.filter((l) => l !== this.draft?.defaultLocale);
  }

  /** Machine drafts for the languages the texts lack, filled only into empty fields and marked until reviewed. */
  async translateMissing(): Promise<void> {
    const draft = this.draft!;
    if (!hasMissing(translatable(draft), this.translationTargets)) {
      this.saved = nothingToTranslateMessage();
      return;
    }
    this.busy = true;
    this.errors = {};
    this.saved = translatingMessage();
    try {
      const outcome = await translateMissing(this.api, translatable(draft), this.translationTargets);
      if (outcome.filled > 0) this.dirty = true;
      this.saved = translationOutcomeMessage(outcome);
    } catch (error) {
      this.saved = undefined;
      this.errors = { form: translationErrorMessage(error) };
      await this.focusFirstError('event-form');
    } finally {
      this.busy = false;
    }
  }

  /** After "Mark reviewed": the note is gone, so say so and keep focus on the text just reviewed. */
  async reviewed(controlId: string): Promise<void> {
    this.changed();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(controlId)}`)?.focus();
    await this.announce(reviewedMessage());
  }

  /** Polite live-region text; cleared first so the same sentence twice is heard twice. Resolves once it is read out. */
  override async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
    await this.updateComplete;
  }

  /** Records a family's arrival at the door. The server keeps the first arrival time; `undoCheckIn` takes a mistake back. */
  async checkIn(attendee: Attendee): Promise<void> {
    if (attendee.attendedAt) return;
    await this.#sendArrival(attendee, routes.checkInRsvp);
  }

  /**
   * Takes back a mistaken check-in (the wrong family tapped). The Undo button disappears with it, so focus goes to
   * that family's Arrived button and a live line says what happened.
   */
  async undoCheckIn(attendee: Attendee): Promise<void> {
    if (!attendee.attendedAt) return;
    if (!(await this.#sendArrival(attendee, routes.undoCheckInRsvp))) return;
    const name = familyName(attendee);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-rsvp="${CSS.escape(attendee.rsvpId)}"] .arrived`)?.focus();
    await this.announce(msg(str`Check-in undone for ${name}`, { id: 'console.events.checkInUndone' }));
  }

  /** Sends a check-in or its undo and puts the server's answer in the list; false when it failed. */
  async #sendArrival(attendee: Attendee, route: RouteSpec): Promise<boolean> {
    if (this.checkingIn.has(attendee.rsvpId)) return false;
    this.checkingIn = new Set([...this.checkingIn, attendee.rsvpId]);
    this.errors = {};
    try {
      const updated = await this.api.call<Attendee>(route, { params: { eventId: this.event!.id, rsvpId: attendee.rsvpId } });
      // An undone check-in comes back without `attendedAt`, so the old time must not survive the merge.
      const merge = ({ attendedAt: _old, ...rest }: Attendee): Attendee => ({ ...rest, ...updated });
      const list = this.attendance!.attendees.map((a) => (a.rsvpId === updated.rsvpId ? merge(a) : a));
      this.attendance = { ...this.attendance!, attendees: list };
      return true;
    } catch (error) {
      this.errors = { form: problemMessage(error) };
      return false;
    } finally {
      const rest = new Set(this.checkingIn);
      rest.delete(attendee.rsvpId);
      this.checkingIn = rest;
    }
  }

  /** Downloads the attendee CSV with the session cookie and saves it as a file. */
  async downloadCsv(): Promise<void> {
    const event = this.event!;
    this.errors = {};
    try {
      const response = await fetch(routePath(routes.getEventAttendeesCsv, { eventId: event.id }), {
        credentials: 'same-origin',
        headers: { accept: 'text/csv' },
      });
      if (!response.ok) throw new ConsoleError(response.status === 401 ? 'signed-out' : 'server', response.status);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `event-${event.id}-attendees.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.errors = { form: problemMessage(error instanceof ConsoleError ? error : new ConsoleError('network')) };
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusHeading && this.view !== 'loading') {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  protected override render(): TemplateResult {
    return html`<div class="content-screen events">
      ${this.#renderView()}
      <p class="visually-hidden" role="status" aria-live="polite" id="announcement">${this.announcement}</p>
    </div>`;
  }

  #renderView(): TemplateResult {
    switch (this.view) {
      case 'loading':
        return html`<h1 tabindex="-1">${msg('Events', { id: 'console.nav.events' })}</h1>
          <p role="status">${msg('Loading…', { id: 'console.events.loading' })}</p>`;
      case 'failed':
        return html`<h1 tabindex="-1">${msg('Events', { id: 'console.nav.events' })}</h1>
          <p class="alert" role="alert">${this.errors['form']}</p>
          <p><a href="#/events">${msg('Back to events', { id: 'console.events.back' })}</a></p>`;
      case 'list':
        return renderList(this);
      case 'edit':
        return renderEditor(this);
      case 'attendance':
        return renderAttendance(this);
      case 'check-in':
        return renderCheckIn(this);
    }
  }
}
