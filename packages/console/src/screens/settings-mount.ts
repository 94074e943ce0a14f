/**
 * Mounts the Settings screen, <console-settings>, loaded on first use like the other screens; if its module cannot
 * be fetched the screen says so rather than breaking the console.
 */
import { msg } from '@lit/localize';
import type { ConsoleSession } from '@tandem/protocol';
import { html, type TemplateResult } from 'lit';
import type { ConsoleCaller } from '../console-client.js';

let failed = false;
let loading: Promise<unknown> | undefined;

/** Loads the module once; re-renders the shell only if it fails (the element upgrades by itself when defined). */
function loadSettings(onFailed: () => void): void {
  loading ??= import('./settings/console-settings.js').catch(() => {
    failed = true;
    loading = undefined; // a later visit, back online, tries again
    onFailed();
  });
}

export function renderSettingsScreen(api: ConsoleCaller, session: ConsoleSession, lang: string, requestUpdate: () => void): TemplateResult {
  if (!customElements.get('console-settings') && failed) {
    failed = false;
    return html`<section>
      <h1 tabindex="-1">${msg('Settings', { id: 'console.settings.heading' })}</h1>
      <p class="alert" role="alert">
        ${msg('The settings screen could not be loaded. Check your connection and reload the page.', { id: 'console.settings.unavailable' })}
      </p>
    </section>`;
  }
  loadSettings(requestUpdate);
  return html`<console-settings data-screen .api=${api} .session=${session} lang=${lang}></console-settings>`;
}
