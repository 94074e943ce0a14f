/**
 * Mounts the Audit log screen, <console-audit>, loaded on first use like the other screens; if its module cannot
 * be fetched the screen says so rather than breaking the console.
 */
import { msg } from '@lit/localize';
import type { ConsoleSession } from '@tandem/protocol';
import { html, type TemplateResult } from 'lit';
import type { ConsoleCaller } from '../console-client.js';

let failed = false;
let loading: Promise<unknown> | undefined;

/** Loads the module once; re-renders the shell only if it fails (the element upgrades by itself when defined). */
function loadAudit(onFailed: () => void): void {
  loading ??= import('./audit/console-audit.js').catch(() => {
    failed = true;
    loading = undefined; // a later visit, back online, tries again
    onFailed();
  });
}

export function renderAuditScreen(api: ConsoleCaller, session: ConsoleSession, lang: string, requestUpdate: () => void): TemplateResult {
  if (!customElements.get('console-audit') && failed) {
    failed = false;
    return html`<section>
      <h1 tabindex="-1">${msg('Audit log', { id: 'console.audit.heading' })}</h1>
      <p class="alert" role="alert">
        ${msg('The audit log could not be loaded. Check your connection and reload the page.', { id: 'console.audit.unavailable' })}
      </p>
    </section>`;
  }
  loadAudit(requestUpdate);
  return html`<console-audit data-screen .api=${api} .session=${session} lang=${lang}></console-audit>`;
}
