/**
 * <console-resources>: the Resources screen. The organization's resources (status, category, schools, languages,
 * family feedback) with HSDS import and export, and a builder: every text side by side in the default and a second
 * language, machine drafts for missing languages, contact, address, opening hours by weekday, schools, a preview
 * through the real <tandem-resource-card>, publish / unpublish, the embed snippets and what families said.
 * Views have hash addresses (#/resources, #/resources/new, #/resources/<id>) so reload keeps the place.
 */
import { msg, str } from '@lit/localize';
import { localeDisplayName, MemoryBackend } from '@tandem/core';
import {
  routePath,
  routes,
  type FieldError,
  type HsdsImportResult,
  type Resource,
  type ResourceFeedbackOverview,
  type ResourceFeedbackSummary,
  type ResourceList,
} from '@tandem/protocol';
import { css, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ConsoleError } from '../../console-client.js';
import { problemMessage } from '../../console-messages.js';
import { ContentScreen } from '../common/content-screen.js';
import { changesKeptMessage, fixFieldsMessage, savedMessage } from '../common/content-words.js';
import { contentStyles } from '../common/content.styles.js';
import { copySnippet, embedSnippets, type EmbedSnippets } from '../common/embed-snippets.js';
import { pickSecondLocale } from '../common/localized-field.js';
import {
  hasMissing,
  nothingToTranslateMessage,
  translateMissing,
  translatingMessage,
  translationErrorMessage,
  translationOutcomeMessage,
} from '../common/translate-missing.js';
import type { Errors } from '../form-controls.js';
import { renderEditor } from './editor-view.js';
import { renderList } from './list-view.js';
import {
  checkDraft,
  controlIdOf,
  draftOf,
  emptyDraft,
  tidyMarks,
  toInput,
  toPatch,
  toPublicResource,
  translatable,
  type ResourceDraft,
} from './resource-draft.js';
import { errorText } from './resources-messages.js';
import { resourcesStyles } from './resources.styles.js';

export type ResourcesView = 'loading' | 'list' | 'edit' | 'failed';

/** Where a #/resources address points. */
export function resourcesRouteOf(hash: string): { view: 'list' | 'edit'; id?: string } {
  const m = /^#\/resources(?:\/([A-Za-z0-9_-]+))?\/?$/.exec(hash);
  if (!m || !m[1]) return { view: 'list' };
  return m[1] === 'new' ? { view: 'edit' } : { view: 'edit', id: m[1] };
}

export interface ResourcePreview {
  backend: MemoryBackend;
  resourceId: string;
  locale: string;
}

let previewCount = 0;

export class ConsoleResources extends ContentScreen {
  static override styles = css`
    ${ContentScreen.styles} ${contentStyles} ${resourcesStyles}
  `;

  static override properties: PropertyDeclarations = {
    ...ContentScreen.properties,
    view: { state: true },
    resources: { state: true },
    feedbackCounts: { state: true },
    listError: { state: true },
    draft: { state: true },
    errors: { state: true },
    notice: { state: true },
    confirming: { state: true },
    preview: { state: true },
    copyNotice: { state: true },
    feedback: { state: true },
    feedbackError: { state: true },
    importResult: { state: true },
    importError: { state: true },
  };

  view: ResourcesView = 'loading';
  resources: Resource[] | undefined;
  /** Helpful / not helpful per resource id, from the organization's feedback overview. */
  feedbackCounts = new Map<string, { helpful: number; notHelpful: number }>();
  listError = '';
  draft: ResourceDraft | undefined;
  /** Field errors by control id; `form` is the sentence about the whole form. */
  errors: Errors = {};
  /** A success or information line (saved, translated, published…). */
  notice = '';
  confirming: 'publish' | 'unpublish' | undefined;
  preview: ResourcePreview | undefined;
  copyNotice = '';
  feedback: ResourceFeedbackSummary | undefined;
  feedbackError = '';
  importResult: HsdsImportResult | undefined;
  importError = '';
  #focusHeading = false;
  #routed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  /** Whether leaving this screen would lose typed changes; the shell's nav asks first when it would. */
  hasUnsavedChanges(): boolean {
    return this.view === 'edit' && this.dirty;
  }

  /** "Back to resources": with unsaved changes, only after the staff member says so. */
  backToList(force = false): void {
    if (this.dirty && !force) {
      this.leaving = true;
      this.focusLater('#leave-heading');
      return;
    }
    this.leaving = false;
    this.dirty = false;
    this.go('#/resources');
  }

  stay(): void {
    this.leaving = false;
    this.focusLater('[data-action="back"]');
  }

  // Not connectedCallback: the shell may render this element before its module is defined, and Lit hands over
  // properties set before the upgrade only when the first update starts.
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('api') && this.api && this.view === 'loading' && !this.#routed) {
      this.#routed = true;
      void this.#route();
    }
  }

  readonly #onHashChange = () => {
    if (!location.hash.startsWith('#/resources')) return;
    // The address a save just wrote (#/resources/new → #/resources/<id>) is the view already shown.
    const route = resourcesRouteOf(location.hash);
    if (route.view === 'edit' && route.id && route.id === this.draft?.id && this.view === 'edit') return;
    this.#focusHeading = true;
    void this.#route();
  };

  /** Staff who are not organization admins act in their own schools only: no "every school" resources, no HSDS files. */
  get schoolScoped(): boolean {
    return this.session.user.role !== 'organization-admin';
  }

  schoolName(id: string): string {
    return this.session.schools.find((s) => s.id === id)?.name ?? id;
  }

  async #route(): Promise<void> {
    const route = resourcesRouteOf(globalThis.location?.hash ?? '');
    Object.assign(this, {
      errors: {},
      notice: '',
      confirming: undefined,
      preview: undefined,
      copyNotice: '',
      leaving: false,
      dirty: false,
    });
    this.feedback = undefined;
    this.feedbackError = '';
    try {
      if (route.view === 'list') {
        this.view = this.resources ? 'list' : 'loading';
        await this.loadList();
        this.view = 'list';
      } else if (!route.id) {
        const all = this.session.schools.map((s) => s.id);
        // An organization admin's new resource is for every school unless they pick; others start with their schools.
        const schools = this.schoolScoped || all.length === 1 ? all : [];
        const locale = this.session.user.locale && this.locales.includes(this.session.user.locale) ? this.session.user.locale : 'en';
        this.draft = emptyDraft(schools, locale);
        this.secondLocale = pickSecondLocale(this.locales, locale, this.secondLocale);
        this.view = 'edit';
      } else {
        this.view = 'loading';
        const resource = await this.api.call<Resource>(routes.getResource, { params: { resourceId: route.id } });
        this.draft = draftOf(resource, this.locales);
        this.secondLocale = pickSecondLocale(this.locales, this.draft.defaultLocale, this.secondLocale);
        this.view = 'edit';
        void this.loadFeedback();
      }
    } catch (error) {
      // Another organization's resource, or one outside a school-scoped member's schools, answers 404 too.
      const missing = error instanceof ConsoleError && error.status === 404;
      this.errors = {
        form: missing
          ? msg('There is no such resource, or it is not shared with your schools.', { id: 'console.resources.notFound' })
          : problemMessage(error),
      };
      this.view = 'failed';
    }
  }

  async loadList(): Promise<void> {
    this.listError = '';
    const [list, overview] = await Promise.all([
      this.api.call<ResourceList>(routes.listResources),
      // Feedback is extra: the list still opens when it cannot be read.
      this.api.call<ResourceFeedbackOverview>(routes.getResourceFeedbackOverview).catch(() => undefined),
    ]);
    this.resources = list.items;
    this.feedbackCounts = new Map((overview?.items ?? []).map((i) => [i.resourceId, { helpful: i.helpful, notHelpful: i.notHelpful }]));
  }

  async loadFeedback(): Promise<void> {
    const id = this.draft?.id;
    if (!id) return;
    this.feedbackError = '';
    try {
      this.feedback = await this.api.call<ResourceFeedbackSummary>(routes.getResourceFeedback, { params: { resourceId: id } });
    } catch (error) {
      this.feedbackError = problemMessage(error);
    }
  }

  /** Opens a view by its address (links do the same; buttons use this). */
  go(hash: string): void {
    if (location.hash === hash) return void this.#route();
    location.hash = hash;
  }

  /** Something in the draft changed: re-render; the "saved" line no longer holds, and fixed fields lose their error. */
  changed(): void {
    this.notice = '';
    this.dirty = true;
    if (this.draft && Object.keys(this.errors).some((k) => k !== 'form')) {
      const still = this.#errorsOf(checkDraft(this.draft, { schoolScoped: this.schoolScoped }));
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([id]) => id === 'form' || still[id]));
    }
    this.requestUpdate();
  }

  get translationTargets(): string[] {
    return this.locales.filter((l) => l !== this.draft?.defaultLocale);
  }

  #errorsOf(problems: Pick<FieldError, 'pointer' | 'code'>[]): Errors {
    const draft = this.draft!;
    const language = localeDisplayName(draft.defaultLocale);
    const errors: Errors = {};
    for (const p of problems) errors[controlIdOf(p.pointer, draft)] ??= errorText(p, language);
    return errors;
  }

  async #refuse(problems: Pick<FieldError, 'pointer' | 'code'>[], form = fixFieldsMessage()): Promise<void> {
    this.errors = { ...this.#errorsOf(problems), form };
    await this.focusFirstError('resource-form');
  }

  /** Saves the draft (create or update); false when it was refused. Whatever was typed stays. */
  async save(): Promise<boolean> {
    const draft = this.draft!;
    const problems = checkDraft(draft, { schoolScoped: this.schoolScoped });
    if (problems.length) {
      await this.#refuse(problems);
      return false;
    }
    this.errors = {};
    this.busy = true;
    try {
      const saved = draft.id
        ? await this.api.call<Resource>(routes.updateResource, { params: { resourceId: draft.id }, body: toPatch(draft) })
        : await this.api.call<Resource>(routes.createResource, { body: toInput(draft), idempotencyKey: draft.createKey });
      // Keep the draft object (and anything typed while saving); take only what the server decides.
      Object.assign(draft, { id: saved.id, status: saved.status, updatedAt: saved.updatedAt });
      tidyMarks(draft);
      this.#remember(saved);
      this.dirty = false;
      if (!location.hash.endsWith(`/${saved.id}`)) history.replaceState(null, '', `#/resources/${saved.id}`);
      this.notice = savedMessage();
      return true;
    } catch (error) {
      await this.#showServerError(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async #showServerError(error: unknown): Promise<void> {
    if (error instanceof ConsoleError && error.kind === 'invalid' && error.fields.length > 0) {
      await this.#refuse(error.fields.map((pointer) => ({ pointer, code: 'invalid-format' as const })));
      return;
    }
    const form =
      error instanceof ConsoleError && error.kind === 'forbidden'
        ? msg('Your account may not change this resource. Ask an organization admin.', { id: 'console.resources.error.forbidden' })
        : `${problemMessage(error)} ${changesKeptMessage()}`;
    this.errors = { form };
    await this.focusFirstError('resource-form');
  }

  #remember(resource: Resource): void {
    if (!this.resources) return;
    const i = this.resources.findIndex((r) => r.id === resource.id);
    if (i >= 0) this.resources[i] = resource;
    else this.resources.push(resource);
  }

  askToConfirm(kind: 'publish' | 'unpublish'): void {
    this.confirming = kind;
    this.focusLater('#confirm-heading');
  }

  closeConfirm(): void {
    const kind = this.confirming;
    this.confirming = undefined;
    this.focusLater(`[data-action="${kind}"]`);
  }

  /** Publishes (after saving what was typed) or hides the resource again. */
  async changeStatus(): Promise<void> {
    const kind = this.confirming;
    this.confirming = undefined;
    if (!kind || !(await this.save())) return;
    const draft = this.draft!;
    this.busy = true;
    try {
      const route = kind === 'publish' ? routes.publishResource : routes.unpublishResource;
      const saved = await this.api.call<Resource>(route, { params: { resourceId: draft.id! } });
      draft.status = saved.status;
      this.#remember(saved);
      this.notice =
        kind === 'publish'
          ? msg('Published. Families see it on the school sites that list it.', { id: 'console.resources.publishedNotice' })
          : msg('Hidden from families again. It is a draft now.', { id: 'console.resources.unpublishedNotice' });
      this.focusLater('#notice');
    } catch (error) {
      await this.#showServerError(error);
    } finally {
      this.busy = false;
    }
  }

  async translateMissing(): Promise<void> {
    const draft = this.draft!;
    if (!hasMissing(translatable(draft), this.translationTargets)) {
      this.notice = nothingToTranslateMessage();
      return;
    }
    this.busy = true;
    this.errors = {};
    this.notice = translatingMessage();
    try {
      const outcome = await translateMissing(this.api, translatable(draft), this.translationTargets);
      if (outcome.filled > 0) this.dirty = true;
      this.notice = translationOutcomeMessage(outcome);
      this.requestUpdate();
    } catch (error) {
      this.notice = '';
      this.errors = { form: translationErrorMessage(error) };
      await this.focusFirstError('resource-form');
    } finally {
      this.busy = false;
    }
  }

  /** Shows the draft in the real resource card, over an in-memory backend: what families would see, unsaved changes included. */
  async showPreview(locale = this.preview?.locale ?? this.draft?.defaultLocale ?? 'en'): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    // Loaded on first use: the widget is not part of the console's first download.
    await import('@tandem/resource-card/tandem-resource-card.js');
    // A fresh id each time, so the card loads the current draft rather than what it showed before.
    previewCount += 1;
    const resourceId = `preview-${previewCount}`;
    const backend = new MemoryBackend();
    backend.resources.add(toPublicResource(draft, resourceId));
    this.preview = { backend, resourceId, locale };
  }

  embedSnippets(): EmbedSnippets | undefined {
    const id = this.draft?.id;
    return id
      ? embedSnippets({ tag: 'tandem-resource-card', attribute: 'resource', widget: 'resource-card', id, title: 'Family resource' })
      : undefined;
  }

  async copy(text: string, fieldId: string): Promise<void> {
    this.copyNotice = await copySnippet(text, this.renderRoot.querySelector<HTMLTextAreaElement>(`#${fieldId}`));
  }

  /** Sends an HSDS file to the import route; what was refused comes back per service and is listed. */
  async importFile(file: File | undefined, publish: boolean): Promise<void> {
    this.importResult = undefined;
    this.importError = '';
    if (!file) {
      this.importError = msg('Choose an HSDS JSON file first.', { id: 'console.resources.import.noFile' });
      this.focusLater('#import-file');
      return;
    }
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      this.importError = msg(str`${file.name} is not a JSON file. Export it from your directory as HSDS JSON and try again.`, {
        id: 'console.resources.import.notJson',
      });
      this.focusLater('#import-file');
      return;
    }
    this.busy = true;
    try {
      this.importResult = await this.api.call<HsdsImportResult>(routes.importResources, {
        body: document,
        ...(publish ? { query: { publish: 'true' } } : {}),
      });
      await this.loadList();
      this.focusLater('#import-result');
    } catch (error) {
      this.importError =
        error instanceof ConsoleError && error.kind === 'invalid'
          ? msg('This file does not look like HSDS: no services were found in it.', { id: 'console.resources.import.notHsds' })
          : problemMessage(error);
      this.focusLater('#import-file');
    } finally {
      this.busy = false;
    }
  }

  /** Downloads every resource as HSDS JSON, with the session cookie. */
  async exportFile(publishedOnly: boolean): Promise<void> {
    this.importError = '';
    try {
      const path = routePath(routes.exportResources, {}) + (publishedOnly ? '?status=published' : '');
      const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!response.ok) throw new ConsoleError(response.status === 401 ? 'signed-out' : 'server', response.status);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = 'resources.hsds.json';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.importError = problemMessage(error instanceof ConsoleError ? error : new ConsoleError('network'));
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (this.#focusHeading && this.view !== 'loading') {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
    // After the heading: a focusLater target asked for in the same update wins.
    super.updated(changed);
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="content-screen resources">
      ${this.#renderView()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }

  #renderView(): TemplateResult {
    switch (this.view) {
      case 'loading':
        return html`<h1 tabindex="-1">${msg('Resources', { id: 'console.resources.title' })}</h1>
          <p role="status">${msg('Loading resources…', { id: 'console.resources.loading' })}</p>`;
      case 'failed':
        return html`<h1 tabindex="-1">${msg('Resources', { id: 'console.resources.title' })}</h1>
          <p class="alert" role="alert">${this.errors['form']}</p>
          <p><a href="#/resources">${msg('Back to resources', { id: 'console.resources.back' })}</a></p>`;
      case 'list':
        return renderList(this);
      case 'edit':
        return renderEditor(this, this.draft!);
    }
  }
}
