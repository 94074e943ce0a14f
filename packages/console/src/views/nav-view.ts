/** The signed-in console's bar: the primary navigation (a link per screen, the current one marked) and the account menu. */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { screenHref, screensFor, type ConsoleScreen } from '../console-routes.js';
import type { TandemConsole } from '../console.js';

export function screenName(screen: ConsoleScreen): string {
  switch (screen) {
    case 'home':
      return msg('Home', { id: 'console.nav.home' });
    case 'surveys':
      return msg('Surveys', { id: 'console.nav.surveys' });
    case 'events':
      return msg('Events', { id: 'console.nav.events' });
    case 'lessons':
      return msg('Lessons', { id: 'console.nav.lessons' });
    case 'resources':
      return msg('Resources', { id: 'console.nav.resources' });
    case 'messages':
      return msg('Messages', { id: 'console.nav.messages' });
    case 'families':
      return msg('Families', { id: 'console.nav.families' });
    case 'lms':
      return msg('LMS', { id: 'console.nav.lms' });
    case 'settings':
      return msg('Settings', { id: 'console.settings.heading' });
    case 'audit':
      return msg('Audit log', { id: 'console.audit.heading' });
  }
}

function renderAccountMenu(host: TandemConsole): TemplateResult {
  const toggle = () => (host.menuOpen = !host.menuOpen);
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !host.menuOpen) return;
    host.menuOpen = false;
    host.renderRoot.querySelector<HTMLButtonElement>('#account-button')?.focus();
  };
  return html`<div class="menu" @keydown=${onKeydown}>
    <button
      id="account-button"
      class="button"
      type="button"
      aria-expanded=${host.menuOpen ? 'true' : 'false'}
      aria-controls="account-menu"
      @click=${toggle}
    >
      ${msg('Account', { id: 'console.menu.account' })}
    </button>
    <ul id="account-menu" class="menu-items" ?hidden=${!host.menuOpen}>
      <li>
        <button class="button" part="sign-out" type="button" ?disabled=${host.busy} @click=${() => host.signOut(false)}>
          ${msg('Sign out', { id: 'console.menu.signOut' })}
        </button>
      </li>
      <li>
        <button class="button" part="sign-out-everywhere" type="button" ?disabled=${host.busy} @click=${() => host.signOut(true)}>
          ${msg('Sign out everywhere', { id: 'console.menu.signOutEverywhere' })}
        </button>
      </li>
    </ul>
  </div>`;
}

export function renderNav(host: TandemConsole): TemplateResult {
  return html`<div class="bar">
    <nav part="nav" aria-label=${msg('Console', { id: 'console.nav.label' })}>
      <ul>
        ${screensFor(host.session!).map(
          (screen) =>
            html`<li>
              <a href=${screenHref(screen)} aria-current=${host.screen === screen ? 'page' : 'false'}>${screenName(screen)}</a>
            </li>`,
        )}
      </ul>
    </nav>
    ${renderAccountMenu(host)}
  </div>`;
}
