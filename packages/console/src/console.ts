/**
 * <tandem-console>: the staff console's shell. It asks the server who is signed in, then shows sign-in,
 * password reset or, signed in, the navigation and the screen the hash names (`#/messages`). The session lives
 * in an HttpOnly cookie the page never sees.
 */
import { msg } from '@lit/localize';
import { baseStyles, TandemElement } from '@tandem/core';
import { buttonStyles, defineTandemUi, fieldErrorStyles } from '@tandem/core/ui.js';
import type { ConsoleSession } from '@tandem/protocol';
import { css, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ConsoleClient, ConsoleError, type ConsoleApi } from './console-client.js';
import { problemMessage } from './console-messages.js';
import { consoleStyles } from './console.styles.js';
import { screenOfHash, screensFor, type ConsoleScreen } from './console-routes.js';
import './screens/families/console-families.js';
import './screens/messages/console-messages.js';
import { renderEventsScreen } from './screens/events-mount.js';
import { renderLessonsScreen } from './screens/lessons-mount.js';
import { renderResourcesScreen } from './screens/resources/resources-mount.js';
import { renderLmsScreen } from './screens/lms-mount.js';
import { renderSurveysScreen } from './screens/surveys-mount.js';
import { renderSettingsScreen } from './screens/settings-mount.js';
import { renderAuditScreen } from './screens/audit-mount.js';
import { renderHome } from './views/home-view.js';
import { renderNav } from './views/nav-view.js';
import { renderForgot, renderReset } from './views/reset-views.js';
import { renderSignIn } from './views/sign-in-view.js';

export type ConsoleView = 'loading' | 'sign-in' | 'forgot' | 'forgot-sent' | 'reset' | 'home';

/** Field errors by field name; `form` is the message about the whole form. */
export type FormErrors = Partial<Record<'email' | 'password' | 'confirm' | 'form', string>>;

/**
 * @fires tandem-signed-in - A staff member signed in; `detail: { session }`.
 * @fires tandem-signed-out - The staff member signed out (here or everywhere).
 */
export class TandemConsole extends TandemElement {
  // One composed sheet: core's TandemElement types `styles` as a single CSSResult.
  static override styles = css`
    ${baseStyles} ${buttonStyles} ${fieldErrorStyles} ${consoleStyles}
  `;

  static override properties: PropertyDeclarations = {
    ...TandemElement.properties,
    client: { attribute: false },
    view: { state: true },
    session: { state: true },
    errors: { state: true },
    notice: { state: true },
    busy: { state: true },
    menuOpen: { state: true },
    screen: { state: true },
  };

  /** The server API; defaults to this page's own origin. */
  client: ConsoleApi = new ConsoleClient();
  view: ConsoleView = 'loading';
  session: ConsoleSession | undefined;
  errors: FormErrors = {};
  /** A status shown above the sign-in form: signed out, password changed… */
  notice = '';
  busy = false;
  menuOpen = false;
  /** The signed-in screen, from the address's hash. */
  screen: ConsoleScreen = 'home';
  /** What was typed in the email field, kept across failed attempts and screens. */
  email = '';
  /** The reset token from the link's fragment (never sent anywhere but the reset call). */
  resetToken = '';
  #focusHeading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    defineTandemUi();
    const token = /[#&]token=([A-Za-z0-9_-]+)/.exec(globalThis.location?.hash ?? '')?.[1];
    if (token) {
      this.resetToken = token;
      // The token should not linger in the address bar or the history once read.
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      this.view = 'reset';
    } else if (this.view === 'loading') void this.#loadSession();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  /** A nav link, back/forward or a typed address changed the hash: show that screen and move focus to its heading. */
  readonly #onHashChange = () => {
    if (this.view !== 'home' || !this.session) return;
    const screen = this.#screenFromAddress();
    if (screen === this.screen) return;
    this.screen = screen;
    this.menuOpen = false;
    this.#focusHeading = true;
  };

  /**
   * A nav link away from unsaved changes asks first, as the screens' own back links and closing the tab do. A screen
   * says it has some through `hasUnsavedChanges()`; links inside screens and new-tab clicks are left alone.
   */
  readonly #onNavClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!link?.closest('nav[part="nav"]') || new URL(link.href).hash === location.hash) return;
    const screen = this.renderRoot.querySelector<HTMLElement & { hasUnsavedChanges?: () => boolean }>('[data-screen]');
    if (!screen?.hasUnsavedChanges?.()) return;
    const leave = window.confirm(
      msg('Leave without saving? Changes since your last save will be lost.', { id: 'console.nav.leaveUnsaved' }),
    );
    if (!leave) event.preventDefault();
  };

  /** The screen the hash names, if this staff member may open it (Families is for admins). */
  #screenFromAddress(): ConsoleScreen {
    const screen = screenOfHash(globalThis.location?.hash ?? '');
    return this.session && screensFor(this.session).includes(screen) ? screen : 'home';
  }

  async #loadSession(): Promise<void> {
    try {
      this.session = await this.client.getSession();
      this.screen = this.#screenFromAddress();
      this.#show(this.session ? 'home' : 'sign-in', false);
    } catch (error) {
      this.errors = { form: problemMessage(error) };
      this.#show('sign-in', false);
    }
  }

  /** Changes screen; moves focus to its heading when the person caused the change (not on first load). */
  #show(view: ConsoleView, focus = true): void {
    this.view = view;
    this.menuOpen = false;
    this.#focusHeading = focus;
  }

  go(view: ConsoleView, options: { notice?: string } = {}): void {
    this.errors = {};
    this.notice = options.notice ?? '';
    this.#show(view);
  }

  /** Runs a form submission, showing errors and focusing the first one the person must fix. */
  async submit(errors: FormErrors, work: () => Promise<void>): Promise<void> {
    this.errors = errors;
    if (Object.keys(errors).length) return this.#focusFirstError();
    this.busy = true;
    try {
      await work();
    } finally {
      this.busy = false;
    }
    if (Object.keys(this.errors).length) await this.#focusFirstError();
  }

  signedIn(session: ConsoleSession): void {
    this.session = session;
    this.errors = {};
    this.notice = '';
    // A bookmarked screen (`#/messages`) opens once signed in.
    this.screen = this.#screenFromAddress();
    this.#show('home');
    this.emit('tandem-signed-in', { session });
  }

  async signOut(everywhere: boolean): Promise<void> {
    this.busy = true;
    try {
      await (everywhere ? this.client.signOutEverywhere() : this.client.signOut());
    } catch (error) {
      // A session that already ended is signed out all the same.
      if (!(error instanceof ConsoleError && error.kind === 'signed-out')) {
        this.errors = { form: problemMessage(error) };
        this.busy = false;
        return;
      }
    }
    this.busy = false;
    this.session = undefined;
    this.go('sign-in', {
      notice: everywhere
        ? msg('You are signed out on every device.', { id: 'console.notice.signedOutEverywhere' })
        : msg('You are signed out.', { id: 'console.notice.signedOut' }),
    });
    this.emit('tandem-signed-out', { everywhere });
  }

  async #focusFirstError(): Promise<void> {
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (field ?? this.renderRoot.querySelector<HTMLElement>('#form-error'))?.focus();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusHeading) {
      this.#focusHeading = false;
      void this.#focusScreenHeading();
    }
  }

  /** Focuses the h1 of the view, or of the screen element, which renders its own once it has updated. */
  async #focusScreenHeading(): Promise<void> {
    const own = this.renderRoot.querySelector<HTMLElement>('h1');
    if (own) return own.focus();
    const screen = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('[data-screen]');
    // A screen defined later (its code still loading) renders its heading a little after; wait a short while.
    for (let tries = 0; screen && tries < 40; tries++) {
      await screen.updateComplete;
      const heading = screen.shadowRoot?.querySelector<HTMLElement>('h1');
      if (heading) return heading.focus();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  protected override render(): TemplateResult {
    return html`<div part="base">
      <header part="header">
        <span class="brand">${msg('Tandem console', { id: 'console.brand' })}</span>
        <tandem-language-switch></tandem-language-switch>
      </header>
      <main part="body" @click=${this.#onNavClick}>${this.#renderView()}</main>
    </div>`;
  }

  #renderView(): TemplateResult {
    switch (this.view) {
      case 'loading':
        return html`<p role="status">${msg('Loading…', { id: 'console.loading' })}</p>`;
      case 'sign-in':
        return renderSignIn(this);
      case 'forgot':
      case 'forgot-sent':
        return renderForgot(this);
      case 'reset':
        return renderReset(this);
      case 'home':
        return html`${renderNav(this)} ${this.#renderScreen()}`;
    }
  }

  #renderScreen(): TemplateResult {
    const session = this.session!;
    const lang = this.i18n.locale;
    switch (this.screen) {
      case 'messages':
        return html`<console-messages data-screen .api=${this.client} .session=${session} lang=${lang}></console-messages>`;
      case 'families':
        return html`<console-families data-screen .api=${this.client} .session=${session} lang=${lang}></console-families>`;
      case 'surveys':
        return renderSurveysScreen(this.client, session, lang, () => this.requestUpdate());
      case 'events':
        return renderEventsScreen(this.client, session, lang, () => this.requestUpdate());
      case 'lessons':
        return renderLessonsScreen(this.client, session, lang, () => this.requestUpdate());
      case 'resources':
        return renderResourcesScreen(this.client, session, lang, () => this.requestUpdate());
      case 'lms':
        return renderLmsScreen(this.client, session, lang, () => this.requestUpdate());
      case 'settings':
        return renderSettingsScreen(this.client, session, lang, () => this.requestUpdate());
      case 'audit':
        return renderAuditScreen(this.client, session, lang, () => this.requestUpdate());
      default:
        return renderHome(this);
    }
  }
}
