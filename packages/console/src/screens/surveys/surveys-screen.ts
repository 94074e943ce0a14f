/**
 * <console-surveys>: the staff survey screens — the organization's surveys, and the builder with side-by-side
 * translation, machine drafts for missing languages, validation, status changes, a family-eye preview and
 * the embed snippets. The shell mounts it at `#/surveys` and hands it `.api` and `.session`.
 */
import { msg, str } from '@lit/localize';
import { baseStyles, localeDisplayName, MemoryBackend } from '@tandem/core';
import { buttonStyles, fieldErrorStyles } from '@tandem/core/ui.js';
import { routes, type FieldError, type PublicSurvey, type Survey, type SurveyList } from '@tandem/protocol';
import { css, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ConsoleError } from '../../console-client.js';
import { problemMessage } from '../../console-messages.js';
import { renderBuilder } from './builder-view.js';
import { renderList } from './list-view.js';
import './results/console-survey-results.js';
import { ContentScreen } from '../common/content-screen.js';
import { contentStyles } from '../common/content.styles.js';
import { copySnippet, embedSnippets, type EmbedSnippets } from '../common/embed-snippets.js';
import {
  hasMissing,
  nothingToTranslateMessage,
  translateMissing,
  translatingMessage,
  translationErrorMessage,
  translationOutcomeMessage,
} from '../common/translate-missing.js';
import { fieldErrorMessage } from './surveys-messages.js';
import { surveysStyles } from './surveys.styles.js';
import { draftFromSurvey, moveItem, newDraft, toSurveyInput, toSurveyPatch, translatable, type SurveyDraft } from './survey-draft.js';
import { validateDraft } from './survey-validation.js';

export type StatusAction = 'publish' | 'close' | 'unpublish';

export interface PreviewState {
  backend: MemoryBackend;
  surveyId: string;
  locale: string;
}

let previewCount = 0;

export class ConsoleSurveys extends ContentScreen {
  static override styles = css`
    ${baseStyles} ${buttonStyles} ${fieldErrorStyles} ${contentStyles} ${surveysStyles}
  `;

  static override properties: PropertyDeclarations = {
    ...ContentScreen.properties,
    surveys: { state: true },
    listError: { state: true },
    draft: { state: true },
    errors: { state: true },
    formError: { state: true },
    notice: { state: true },
    confirming: { state: true },
    preview: { state: true },
    copyNotice: { state: true },
    resultsFor: { state: true },
  };

  surveys: Survey[] | undefined;
  listError = '';
  draft: SurveyDraft | undefined;
  errors: FieldError[] = [];
  /** What went wrong with the last save or status change, as a sentence. */
  formError = '';
  /** A success or information line (saved, translated…). */
  notice = '';
  confirming: StatusAction | undefined;
  preview: PreviewState | undefined;
  copyNotice = '';
  /** The survey whose results are shown, instead of the list or builder. */
  resultsFor: string | undefined;

  // Not connectedCallback: the shell may render this element before its module is defined, and Lit hands over
  // properties set before the upgrade only when the first update starts.
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('api') && this.api && !this.surveys) void this.loadList();
    // `#/surveys/<id>/results` opens a survey's results directly (bookmarks, links shared between staff).
    const linked = /^#\/surveys\/([^/]+)\/results$/.exec(globalThis.location?.hash ?? '')?.[1];
    if (changed.has('api') && linked && this.resultsFor === undefined) this.resultsFor = decodeURIComponent(linked);
  }

  /** Whether leaving this screen would lose typed changes; the shell's nav asks first when it would. */
  hasUnsavedChanges(): boolean {
    return this.draft !== undefined && this.dirty;
  }

  /** Shows a survey's results; the builder's unsaved changes stay in the draft for when the staff member comes back. */
  openResults(id: string): void {
    this.resultsFor = id;
  }

  closeResults(): void {
    const id = this.resultsFor;
    this.resultsFor = undefined;
    if (/^#\/surveys\/[^/]+\/results$/.test(globalThis.location?.hash ?? '')) history.replaceState(null, '', '#/surveys');
    this.focusLater(this.draft ? '[data-action="results"]' : `[data-results="${CSS.escape(id ?? '')}"]`);
  }

  /** Re-renders after a change to the draft, which is edited in place. */
  changed(): void {
    if (this.errors.length > 0)
      this.errors = validateDraft(this.draft!).filter((e) => this.errors.some((old) => old.pointer === e.pointer));
    this.notice = '';
    this.dirty = true;
    this.requestUpdate();
  }

  schoolName(id: string): string {
    return this.session?.schools.find((s) => s.id === id)?.name ?? id;
  }

  async loadList(): Promise<void> {
    if (!this.api) return;
    this.listError = '';
    try {
      this.surveys = (await this.api.call<SurveyList>(routes.listSurveys)).items;
    } catch (error) {
      this.listError = problemMessage(error);
    }
  }

  newSurvey(): void {
    const schoolId = this.session?.schools[0]?.id ?? '';
    const defaultLocale = this.session?.user.locale && this.locales.includes(this.session.user.locale) ? this.session.user.locale : 'en';
    this.openDraft(newDraft(schoolId, defaultLocale));
  }

  async openSurvey(id: string): Promise<void> {
    if (!this.api) return;
    this.busy = true;
    try {
      this.openDraft(draftFromSurvey(await this.api.call<Survey>(routes.getSurvey, { params: { surveyId: id } })));
    } catch (error) {
      this.listError = problemMessage(error);
    } finally {
      this.busy = false;
    }
  }

  openDraft(draft: SurveyDraft): void {
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
    this.draft = undefined;
    void this.loadList();
    this.focusLater('#list-heading');
  }

  stay(): void {
    this.leaving = false;
    this.focusLater('[data-action="back"]');
  }

  /** Checks the draft; shows the errors and focuses the first one. True when it may be sent. */
  check(): boolean {
    this.errors = validateDraft(this.draft!);
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

  /** Saves the draft (create or update). Whatever was typed stays in the builder when the server refuses. */
  async save(): Promise<boolean> {
    const draft = this.draft;
    if (!draft || !this.api || !this.check()) return false;
    this.busy = true;
    this.formError = '';
    try {
      const saved = draft.id
        ? await this.api.call<Survey>(routes.updateSurvey, { params: { surveyId: draft.id }, body: toSurveyPatch(draft) })
        : await this.api.call<Survey>(routes.createSurvey, { body: toSurveyInput(draft) });
      // Keep the draft object (and anything typed while saving); take only what the server decides.
      Object.assign(draft, { id: saved.id, status: saved.status, responseCount: saved.responseCount });
      this.notice = msg('Saved.', { id: 'console.surveys.saved' });
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
      this.errors = error.fields.map((pointer) => ({ pointer, code: 'server', detail: '' }));
      void this.updateComplete.then(() => this.focusField(this.errors[0]!.pointer));
    } else if (error instanceof ConsoleError && error.status === 409) {
      this.formError = msg('This survey already has answers, so answered questions must stay, with their type. Nothing was changed.', {
        id: 'console.surveys.error.conflict',
      });
    } else {
      this.formError = `${problemMessage(error)} ${msg('Your changes are still here.', { id: 'console.surveys.error.kept' })}`;
    }
    if (this.formError) this.focusLater('#form-error');
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

  /**
   * Saves, then publishes or closes: families should get what the screen shows. Unpublishing does not save first:
   * taking a survey away from families should not wait for a half-edited draft to pass validation.
   */
  async changeStatus(): Promise<void> {
    const action = this.confirming;
    if (!action || !this.draft || !this.api) return;
    this.confirming = undefined;
    if (action !== 'unpublish' && !(await this.save())) return;
    this.busy = true;
    this.formError = '';
    try {
      const route = { publish: routes.publishSurvey, close: routes.closeSurvey, unpublish: routes.unpublishSurvey }[action];
      const saved = await this.api.call<Survey>(route, { params: { surveyId: this.draft.id! } });
      this.draft.status = saved.status;
      this.notice = {
        publish: () => msg('Published. Families can answer it now.', { id: 'console.surveys.published' }),
        close: () => msg('Closed. It takes no more answers.', { id: 'console.surveys.closed' }),
        unpublish: () =>
          msg('Unpublished. Families can no longer answer it; their answers are kept.', { id: 'console.surveys.unpublished' }),
      }[action]();
      this.focusLater('#notice');
    } catch (error) {
      if (action === 'unpublish' && error instanceof ConsoleError && error.status === 409) {
        // Someone closed it meanwhile (another tab or colleague): say so rather than the answered-questions text.
        this.formError = msg('This survey was closed, so it cannot go back to draft. Reload to see its current state.', {
          id: 'console.surveys.error.unpublishClosed',
        });
        this.focusLater('#form-error');
      } else {
        this.#showServerError(error);
      }
    } finally {
      this.busy = false;
    }
  }

  /** Moves an item within its list and says where it went; focus stays on the button pressed, or its partner at an end. */
  move<T extends { id: string }>(list: T[], index: number, delta: number): void {
    const to = moveItem(list, index, delta);
    if (to === undefined) return;
    const id = list[to]!.id;
    this.announce(msg(str`Moved to position ${to + 1} of ${list.length}.`, { id: 'console.surveys.moved' }));
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
      this.notice = translationOutcomeMessage(await translateMissing(this.api, translatable(draft), this.translationTargets));
      this.requestUpdate();
    } catch (error) {
      this.notice = '';
      this.formError = translationErrorMessage(error);
      this.focusLater('#form-error');
    } finally {
      this.busy = false;
    }
  }

  /** The draft as a family's widget receives it. */
  publicSurvey(id: string): PublicSurvey {
    const draft = this.draft!;
    const input = toSurveyInput(draft);
    const locales = this.locales.filter(
      (l) => l === draft.defaultLocale || (input.title[l] ?? '').trim() || input.sections.some((s) => s.questions.some((q) => q.prompt[l])),
    );
    return {
      id,
      title: input.title,
      ...(input.description ? { description: input.description } : {}),
      defaultLocale: draft.defaultLocale,
      locales,
      sections: input.sections,
      ...(input.machineTranslated ? { machineTranslated: input.machineTranslated } : {}),
      status: 'published',
      school: { id: draft.schoolId, name: this.schoolName(draft.schoolId) },
    };
  }

  async showPreview(locale = this.preview?.locale ?? this.draft?.defaultLocale ?? 'en'): Promise<void> {
    if (!this.draft) return;
    // Loaded on first use: the widget is not part of the console's first download.
    await import('@tandem/survey/tandem-survey.js');
    // A fresh id each time, so the widget loads the current draft rather than answers kept from the last preview.
    previewCount += 1;
    const surveyId = `preview-${previewCount}`;
    const backend = new MemoryBackend();
    backend.addSurvey(this.publicSurvey(surveyId));
    this.preview = { backend, surveyId, locale };
  }

  embedSnippets(): EmbedSnippets | undefined {
    const id = this.draft?.id;
    return id ? embedSnippets({ tag: 'tandem-survey', attribute: 'survey', widget: 'survey', id, title: 'Survey' }) : undefined;
  }

  async copy(text: string, fieldId: string): Promise<void> {
    this.copyNotice = await copySnippet(text, this.shadowRoot!.querySelector<HTMLTextAreaElement>(`#${fieldId}`));
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="content-screen surveys">
      ${
        this.resultsFor
          ? html`<console-survey-results
              lang=${this.uiLocale}
              .api=${this.api}
              .session=${this.session}
              .surveyId=${this.resultsFor}
              @results-back=${() => this.closeResults()}
            ></console-survey-results>`
          : this.draft
            ? renderBuilder(this, this.draft)
            : renderList(this)
      }
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}
