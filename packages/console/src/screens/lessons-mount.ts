/**
 * Mounts the Lessons screen, <console-lessons>, which is built apart from the shell. Its module (the lesson builder,
 * and the lesson viewer for its preview) is loaded on first use; if it cannot be fetched the screen says so rather
 * than breaking the console.
 */
import { msg } from '@lit/localize';
import type { ConsoleSession } from '@tandem/protocol';
import { html, type TemplateResult } from 'lit';
import type { ConsoleCaller } from '../console-client.js';

let failed = false;
let loading: Promise<unknown> | undefined;

/** Loads the module once; re-renders the shell only if it fails (the element upgrades by itself when defined). */
function loadLessons(onFailed: () => void): void {
  loading ??= import('./lessons/console-lessons.js').catch(() => {
    failed = true;
    loading = undefined; // a later visit, back online, tries again
    onFailed();
  });
}

export function renderLessonsScreen(api: ConsoleCaller, session: ConsoleSession, lang: string, requestUpdate: () => void): TemplateResult {
  if (!customElements.get('console-lessons') && failed) {
    failed = false;
    return html`<section>
      <h1 tabindex="-1">${msg('Lessons', { id: 'console.nav.lessons' })}</h1>
      <p class="alert" role="alert">
        ${msg('The lessons screen could not be loaded. Check your connection and reload the page.', { id: 'console.lessons.unavailable' })}
      </p>
    </section>`;
  }
  loadLessons(requestUpdate);
  // Rendered before its definition arrives: Lit keeps the properties set until the element upgrades.
  return html`<console-lessons data-screen .api=${api} .session=${session} lang=${lang}></console-lessons>`;
}
