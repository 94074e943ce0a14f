/**
 * <console-lessons>: the staff lesson screens — the organization's lessons with their completion counts, and the
 * builder: texts side by side in two languages, sections with pictures and recordings, machine drafts for missing
 * languages, checks on both sides, publish and unpublish, a family-eye preview in the real <tandem-lesson-viewer>
 * and the embed snippets. The shell mounts it at `#/lessons` (a lesson opens at `#/lessons/<id>`).
 */
import { msg, str } from '@lit/localize';
import { baseStyles, localeDisplayName, MemoryBackend, setUiLocale } from '@tandem/core';
import { buttonStyles, fieldErrorStyles } from '@tandem/core/ui.js';
import { routes, type FieldError, type Lesson, type LessonCompletions, type LessonList } from '@tandem/protocol';
import { css, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ConsoleError } from '../../console-client.js';
import { problemMessage } from '../../console-messages.js';
import { ContentScreen } from '../common/content-screen.js';
import { contentStyles } from '../common/content.styles.js';
import { changesKeptMessage, savedMessage } from '../common/content-words.js';
import { copySnippet, embedSnippets, type EmbedSnippets } from '../common/embed-snippets.js';
import {
  hasMissing,
  nothingToTranslateMessage,
  translateMissing,
  translatingMessage,
  translationErrorMessage,
  translationOutcomeMessage,
} from '../common/translate-missing.js';
import { renderBuilder } from './builder-view.js';
import { draftFromLesson, moveItem, newDraft, toLessonInput, toPublicLesson, translatable, type LessonDraft } from './lesson-draft.js';
import { sortByPosition, validateDraft } from './lesson-validation.js';
import { fieldErrorMessage } from './lessons-messages.js';
import { lessonsStyles } from './lessons.styles.js';
import { renderList } from './list-view.js';

export type StatusAction = 'publish' | 'unpublish';

export interface PreviewState {
  backend: MemoryBackend;
  lessonId: string;
  locale: string;
  /** Second language side by side, or '' for one language. */
  bilingual: string;
}

let previewCount = 0;

/** The lesson an address opens: `#/lessons/<id>`, or `#/lessons/new`. */
export function lessonOfHash(hash: string): string | undefined {
  const id = /^#\/lessons\/([A-Za-z0-9_-]+)\/?$/.exec(hash)?.[1];
  return id;
}

export class ConsoleLessons extends ContentScreen {
  static override styles = css`
    ${baseStyles} ${buttonStyles} ${fieldErrorStyles} ${contentStyles} ${lessonsStyles}
  `;

  static override properties: PropertyDeclarations = {
    ...ContentScreen.properties,
    lessons: { state: true },
    listError: { state: true },
    draft: { state: true },
    errors: { state: true },
    formError: { state: true },
    notice: { state: true },
    confirming: { state: true },
    preview: { state: true },
    copyNotice: { state: true },
    completions: { state: true },
  };

  lessons: Lesson[] | undefined;
  listError = '';
  draft: LessonDraft | undefined;
  errors: FieldError[] = [];
  /** What went wrong with the last save or status change, as a sentence. */
  formError = '';
  /** A success or information line (saved, translated…). */
  notice = '';
  confirming: StatusAction | undefined;
  preview: PreviewState | undefined;
  copyNotice = '';
  /** Who tried the open lesson, by language; undefined until asked for. */
  completions: LessonCompletions | undefined;

  // Not connectedCallback: the shell may render this element before its module is defined, and Lit hands over
  // properties set before the upgrade only when the first update starts.
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('api') && this.api && !this.lessons) {
      void this.loadList();
      const linked = lessonOfHash(globalThis.location?.hash ?? '');
      if (linked === 'new') this.newLesson();
      else if (linked) void this.openLesson(linked);
    }
  }

  /** Re-renders after a change to the draft, which is edited in place; errors already shown clear once fixed. */
  changed(): void {
    if (this.errors.length > 0) {
      const now = validateDraft(this.draft!, this.schoolRequired);
      // Server-only errors (a school that vanished) stay until the next save.
      const serverOnly = this.errors.filter((e) => e.code === 'server' && !now.some((n) => n.pointer === e.pointer));
      this.errors = sortByPosition([...now.filter((e) => this.errors.some((old) => old.pointer === e.pointer)), ...serverOnly]);
    }
    this.notice = '';
    this.dirty = true;
    this.requestUpdate();
  }

  /** The console's own navigation asks before leaving a lesson with unsaved changes. */
  hasUnsavedChanges(): boolean {
    return this.draft !== undefined && this.dirty;
  }

  /** Only an organization admin may offer a lesson to every school; others choose among their own schools. */
  get schoolRequired(): boolean {
    return this.session?.user.role !== 'organization-admin';
  }

  #address(hash: string): void {
    if (globalThis.location && location.hash !== hash) history.replaceState(null, '', hash);
  }

  async loadList(): Promise<void> {
    if (!this.api) return;
    this.listError = '';
    try {
      this.lessons = (await this.api.call<LessonList>(routes.listLessons)).items;
    } catch (error) {
      this.listError = problemMessage(error);
    }
  }

  newLesson(): void {
    const userLocale = this.session?.user.locale;
    // A teacher's lesson starts out offered at their (first) school, which the server requires of them anyway.
    const schools = this.schoolRequired && this.session?.schools[0] ? [this.session.schools[0].id] : [];
    this.openDraft(newDraft(userLocale && this.locales.includes(userLocale) ? userLocale : 'en', schools));
    this.#address('#/lessons/new');
  }

  async openLesson(id: string): Promise<void> {
    if (!this.api) return;
    this.busy = true;
    try {
      this.openDraft(draftFromLesson(await this.api.call<Lesson>(routes.getLesson, { params: { lessonId: id } })));
      this.#address(`#/lessons/${id}`);
      if (this.draft!.status === 'published' || this.draft!.completions > 0) void this.loadCompletions();
    } catch (error) {
      this.listError = problemMessage(error);
      this.#address('#/lessons');
    } finally {
      this.busy = false;
    }
  }

  openDraft(draft: LessonDraft): void {
    this.#restoreUiLocale();
    Object.assign(this, {
      draft,
      errors: [],
      formError: '',
      notice: '',
      confirming: undefined,
      leaving: false,
      dirty: false,
      preview: undefined,
      copyNotice: '',
      completions: undefined,
    });
    if (this.secondLocale === draft.defaultLocale) this.secondLocale = this.locales.find((l) => l !== draft.defaultLocale) ?? '';
    this.focusLater('#builder-heading');
  }

  /** Back to the list; with unsaved changes, only after the staff member says so. */
  backToList(force = false): void {
    if (this.dirty && !force) {
      this.leaving = true;
      this.focusLater('#leave-heading');
      return;
    }
    this.leaving = false;
    this.dirty = false;
    this.#restoreUiLocale();
    this.preview = undefined;
    this.draft = undefined;
    this.#address('#/lessons');
    void this.loadList();
    this.focusLater('#list-heading');
  }

  stay(): void {
    this.leaving = false;
    this.#address(this.draft?.id ? `#/lessons/${this.draft.id}` : '#/lessons/new');
    this.focusLater('[data-action="back"]');
  }

  /** Checks the draft; shows the errors and focuses the first one. True when it may be sent. */
  check(): boolean {
    this.errors = validateDraft(this.draft!, this.schoolRequired);
    if (this.errors.length === 0) return true;
    this.formError = '';
    void this.updateComplete.then(() => this.focusField(this.errors[0]!.pointer));
    return false;
  }

  /** Focuses the control for a JSON pointer, or the nearest enclosing one that has a control. */
  focusField(pointer: string): void {
    for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) {
      const target = this.shadowRoot!.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(p)}"]`);
      if (target) {
        target.focus();
        return;
      }
    }
    this.shadowRoot!.querySelector<HTMLElement>('#error-summary')?.focus();
  }

  errorFor(pointer: string): string | undefined {
    const error = this.errors.find((e) => e.pointer === pointer);
    return error ? fieldErrorMessage(error, localeDisplayName(this.draft!.defaultLocale)) : undefined;
  }

  /**
   * Saves the whole lesson in one request (create or update), so the server holds all of it or none of it. Whatever
   * was typed stays in the builder when the server refuses.
   */
  async save(): Promise<boolean> {
    const draft = this.draft;
    if (!draft || !this.api || !this.check()) return false;
    this.busy = true;
    this.formError = '';
    try {
      const input = toLessonInput(draft);
      const saved = draft.id
        ? await this.api.call<Lesson>(routes.updateLesson, { params: { lessonId: draft.id }, body: input })
        : await this.api.call<Lesson>(routes.createLesson, { body: input, idempotencyKey: draft.createKey });
      // Keep the draft object (and anything typed while saving); take only what the server decides.
      Object.assign(draft, { id: saved.id, status: saved.status, completions: saved.completions });
      this.#address(`#/lessons/${saved.id}`);
      this.notice = savedMessage();
      this.dirty = false;
      this.requestUpdate();
      return true;
    } catch (error) {
      this.#showServerError(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  #showServerError(error: unknown): void {
    if (error instanceof ConsoleError && error.kind === 'invalid' && error.fields.length > 0) {
      // The server's checks are the builder's own, so its pointers find the same fields and the same words.
      const known = validateDraft(this.draft!, this.schoolRequired);
      this.errors = sortByPosition(
        error.fields.map((pointer) => known.find((e) => e.pointer === pointer) ?? { pointer, code: 'server', detail: '' }),
      );
      this.formError = '';
      void this.updateComplete.then(() => this.focusField(this.errors[0]!.pointer));
      return;
    }
    this.formError = `${problemMessage(error)} ${changesKeptMessage()}`;
    this.focusLater('#form-error');
  }

  askStatus(action: StatusAction): void {
    this.confirming = action;
    this.focusLater('#confirm-heading');
  }

  cancelStatus(): void {
    const action = this.confirming;
    this.confirming = undefined;
    this.focusLater(`[data-action="${action}"]`);
  }

  /** Saves, then publishes or unpublishes: families should get what the screen shows. */
  async changeStatus(): Promise<void> {
    const action = this.confirming;
    if (!action || !this.draft || !this.api) return;
    this.confirming = undefined;
    if (!(await this.save())) return;
    this.busy = true;
    try {
      const route = action === 'publish' ? routes.publishLesson : routes.unpublishLesson;
      const saved = await this.api.call<Lesson>(route, { params: { lessonId: this.draft.id! } });
      this.draft.status = saved.status;
      this.draft.completions = saved.completions;
      this.notice =
        action === 'publish'
          ? msg('Published. Families can read it now.', { id: 'console.lessons.published' })
          : msg('Unpublished. Families no longer see it; it is a draft again.', { id: 'console.lessons.unpublished' });
      this.focusLater('#notice');
    } catch (error) {
      this.#showServerError(error);
    } finally {
      this.busy = false;
    }
  }

  /** Moves an item within its list and says where it went; focus stays on the button pressed, or its partner at an end. */
  move<T extends { id: string }>(list: T[], index: number, delta: number): void {
    const to = moveItem(list, index, delta);
    if (to === undefined) return;
    const id = list[to]!.id;
    this.announce(msg(str`Moved to position ${to + 1} of ${list.length}.`, { id: 'console.lessons.moved' }));
    const pressed = delta < 0 ? 'up' : 'down';
    const other = delta < 0 ? 'down' : 'up';
    const atEnd = delta < 0 ? to === 0 : to === list.length - 1;
    this.focusLater(`[data-move="${atEnd ? other : pressed}"][data-item="${CSS.escape(id)}"]`);
    this.changed();
  }

  get translationTargets(): string[] {
    return this.locales.filter((l) => l !== this.draft?.defaultLocale);
  }

  async translateMissing(): Promise<void> {
    const draft = this.draft;
    if (!draft || !this.api) return;
    if (!hasMissing(translatable(draft), this.translationTargets)) {
      this.notice = nothingToTranslateMessage();
      return;
    }
    this.busy = true;
    this.formError = '';
    this.notice = translatingMessage();
    try {
      const outcome = await translateMissing(this.api, translatable(draft), this.translationTargets);
      this.notice = translationOutcomeMessage(outcome);
      if (outcome.filled > 0) this.dirty = true;
      this.requestUpdate();
    } catch (error) {
      this.notice = '';
      this.formError = translationErrorMessage(error);
      this.focusLater('#form-error');
    } finally {
      this.busy = false;
    }
  }

  /** Renders the draft in the real widget, from an in-memory backend: nothing is sent, nothing is saved. */
  async showPreview(
    locale = this.preview?.locale ?? this.draft?.defaultLocale ?? 'en',
    bilingual = this.preview?.bilingual ?? '',
  ): Promise<void> {
    if (!this.draft) return;
    // Loaded on first use: the widget is not part of the console's first download.
    await import('@tandem/lesson-viewer/tandem-lesson-viewer.js');
    // A fresh id each time, so the widget shows the current draft rather than its saved copy of the last preview.
    previewCount += 1;
    const lessonId = `preview-${previewCount}`;
    const backend = new MemoryBackend();
    backend.lessons.add(toPublicLesson(this.draft, lessonId));
    this.preview = { backend, lessonId, locale, bilingual: bilingual === locale ? '' : bilingual };
  }

  /** Takes the preview off the screen and gives the console back its own language. */
  closePreview(): void {
    this.#restoreUiLocale();
    this.preview = undefined;
    this.focusLater('[data-action="preview"]');
  }

  /**
   * UI strings are one set per page (@lit/localize runtime mode), so a preview in Arabic turns the console's own
   * words Arabic too. Once the preview is gone, the console's language is put back.
   */
  #restoreUiLocale(): void {
    if (this.preview && this.preview.locale !== this.uiLocale) void setUiLocale(this.i18n.locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#restoreUiLocale();
  }

  /** The Lessons link in the navigation, pressed while a lesson is open, goes back to the list (asking first if unsaved). */
  readonly #onHashChange = () => {
    if (this.draft && /^#\/lessons\/?$/.test(location.hash)) this.backToList();
  };

  async loadCompletions(): Promise<void> {
    const id = this.draft?.id;
    if (!id || !this.api) return;
    try {
      this.completions = await this.api.call<LessonCompletions>(routes.getLessonCompletions, { params: { lessonId: id } });
      if (this.draft?.id === id) this.draft.completions = this.completions.total;
    } catch (error) {
      this.formError = problemMessage(error);
    }
  }

  embedSnippets(): EmbedSnippets | undefined {
    const id = this.draft?.id;
    if (!id) return undefined;
    return embedSnippets({
      tag: 'tandem-lesson-viewer',
      attribute: 'lesson',
      widget: 'lesson-viewer',
      id,
      title: msg('Lesson', { id: 'console.lessons.embed.frameTitle' }),
    });
  }

  async copy(text: string, fieldId: string): Promise<void> {
    this.copyNotice = await copySnippet(text, this.shadowRoot!.querySelector<HTMLTextAreaElement>(`#${fieldId}`));
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="content-screen lessons">
      ${this.draft ? renderBuilder(this, this.draft) : renderList(this)}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}
