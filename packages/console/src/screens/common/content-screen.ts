/**
 * What the four content screens (Surveys, Events, Resources, Lessons) share on top of ScreenElement: the editing
 * state every builder has, the language list, a polite live region, focus moved after the next render, and the
 * browser's "leave this page?" question while typed changes are unsaved.
 */
import { SUPPORTED_LOCALES } from '@tandem/protocol';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { ScreenElement } from '../screen-element.js';

export abstract class ContentScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    busy: { state: true },
    secondLocale: { state: true },
    announcement: { state: true },
    leaving: { state: true },
  };

  busy = false;
  /** The language edited beside the default one; '' shows the default language alone. */
  secondLocale = 'es';
  /** Polite live-region text: moves, additions, removals, marks. */
  announcement = '';
  /** Asking whether to leave the builder with unsaved changes. */
  leaving = false;
  /** Changes since the draft was opened or last saved. */
  dirty = false;
  /** Languages staff may write in: the organization's family languages. */
  readonly locales: readonly string[] = SUPPORTED_LOCALES;
  #focusAfterRender: string | undefined;

  /** Whether leaving this screen would lose typed changes; the shell's nav asks first when it would. */
  abstract hasUnsavedChanges(): boolean;

  /** The console's language, for dates and for picking texts. */
  get uiLocale(): string {
    return this.i18n.locale;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  /** Closing or reloading the tab with unsaved changes: the browser asks first. */
  readonly #onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.hasUnsavedChanges()) event.preventDefault();
  };

  /** Moves focus after the next render (`selector` within this screen). */
  focusLater(selector: string): void {
    this.#focusAfterRender = selector;
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusAfterRender) {
      const selector = this.#focusAfterRender;
      this.#focusAfterRender = undefined;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  announce(text: string): void {
    // Clearing first makes a repeated sentence ("Moved to position 1 of 3.") heard again.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }
}
