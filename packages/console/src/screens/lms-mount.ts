/**
 * Mounts the LMS screen, <console-lms>, which is built apart from the shell: only organization admins open it, so its
 * module is loaded on first use; if it cannot be fetched the screen says so rather than breaking the console.
 */
import { msg } from '@lit/localize';
import type { ConsoleSession } from '@tandem/protocol';
import { html, type TemplateResult } from 'lit';
import type { ConsoleCaller } from '../console-client.js';

let failed = false;
let loading: Promise<unknown> | undefined;

/** Loads the module once; re-renders the shell only if it fails (the element upgrades by itself when defined). */
function loadLms(onFailed: () => void): void {
  loading ??= import('./lms/console-lms.js').catch(() => {
    failed = true;
    loading = undefined; // a later visit, back online, tries again
    onFailed();
  });
}

export function renderLmsScreen(api: ConsoleCaller, session: ConsoleSession, lang: string, requestUpdate: () => void): TemplateResult {
  if (!customElements.get('console-lms') && failed) {
    failed = false;
    return html`<section>
      <h1 tabindex="-1">${msg('LMS connections', { id: 'console.lms.heading' })}</h1>
      <p class="alert" role="alert">
        ${msg('The LMS screen could not be loaded. Check your connection and reload the page.', { id: 'console.lms.unavailable' })}
      </p>
    </section>`;
  }
  loadLms(requestUpdate);
  // Rendered before its definition arrives: Lit keeps the properties set until the element upgrades.
  return html`<console-lms data-screen .api=${api} .session=${session} lang=${lang}></console-lms>`;
}
