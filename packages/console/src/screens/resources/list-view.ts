/**
 * The Resources list: name, status, category, schools, languages, what families said and last change; above it
 * the HSDS import (a JSON file, optionally published at once, with what was refused and why) and export.
 */
import { msg, str } from '@lit/localize';
import { pickText, type HsdsImportResult, type Resource } from '@tandem/protocol';
import { html, nothing, type TemplateResult } from 'lit';
import { renderContentList, renderLanguageNames, renderStatus, renderUpdated } from '../common/content-list.js';
import { contentStatusLabel } from '../common/content-words.js';
import { categoryName } from './resources-messages.js';
import type { ConsoleResources } from './resources-screen.js';

function schoolsOf(host: ConsoleResources, resource: Resource): string {
  return resource.schoolIds.length === 0
    ? msg('Every school', { id: 'console.resources.allSchools' })
    : resource.schoolIds.map((id) => host.schoolName(id)).join(', ');
}

function feedbackOf(host: ConsoleResources, resource: Resource): string {
  const counts = host.feedbackCounts.get(resource.id);
  if (!counts || counts.helpful + counts.notHelpful === 0) return msg('None yet', { id: 'console.resources.feedback.none' });
  return msg(str`${counts.helpful} helpful, ${counts.notHelpful} not helpful`, { id: 'console.resources.feedback.counts' });
}

function renderImportResult(result: HsdsImportResult): TemplateResult {
  const refused = result.items.filter((i) => i.outcome === 'refused');
  return html`<div id="import-result" class="notice" role="status" tabindex="-1">
    <p>
      ${msg(str`Imported: ${result.created} new, ${result.updated} updated, ${result.refused} refused.`, {
        id: 'console.resources.import.done',
      })}
    </p>
    ${
      refused.length
        ? html`<ul>
            ${refused.map(
              (item) =>
                html`<li data-refused=${item.index}>
                  ${msg(str`Service ${item.index + 1}`, { id: 'console.resources.import.service' })}${item.externalId ? ` (${item.externalId})` : ''}:
                  <span lang="en">${(item.errors ?? []).map((e) => `${e.pointer} ${e.detail}`).join('; ')}</span>
                </li>`,
            )}
          </ul>`
        : nothing
    }
  </div>`;
}

function renderTransfer(host: ConsoleResources): TemplateResult {
  const form = () => host.renderRoot.querySelector<HTMLFormElement>('#import-form')!;
  const onImport = (event: Event) => {
    event.preventDefault();
    const file = form().querySelector<HTMLInputElement>('#import-file')!.files?.[0];
    const publish = form().querySelector<HTMLInputElement>('#import-publish')!.checked;
    void host.importFile(file, publish);
  };
  const onExport = () => void host.exportFile(host.renderRoot.querySelector<HTMLInputElement>('#export-published')!.checked);
  return html`<details class="card transfer">
    <summary>${msg('Import or export HSDS', { id: 'console.resources.transfer' })}</summary>
    <form id="import-form" novalidate @submit=${onImport}>
      <p class="hint">
        ${msg('Open Referral HSDS JSON from a community directory. Services already imported are updated; new ones become drafts.', {
          id: 'console.resources.import.hint',
        })}
      </p>
      <div class="field">
        <label for="import-file">${msg('HSDS file', { id: 'console.resources.import.file' })}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          aria-invalid=${host.importError ? 'true' : 'false'}
          aria-describedby=${host.importError ? 'import-error' : nothing}
        />
      </div>
      <label class="check">
        <input id="import-publish" type="checkbox" />
        ${msg('Publish new resources right away', { id: 'console.resources.import.publish' })}
      </label>
      ${host.importError ? html`<p id="import-error" class="alert" role="alert">${host.importError}</p>` : nothing}
      <div class="actions">
        <button class="button" type="submit" data-action="import" ?disabled=${host.busy}>
          ${msg('Import', { id: 'console.resources.import' })}
        </button>
      </div>
      ${host.importResult ? renderImportResult(host.importResult) : nothing}
    </form>
    <div class="actions">
      <label class="check">
        <input id="export-published" type="checkbox" />
        ${msg('Published only', { id: 'console.resources.export.publishedOnly' })}
      </label>
      <button class="button" type="button" data-action="export" @click=${onExport}>
        ${msg('Export HSDS JSON', { id: 'console.resources.export' })}
      </button>
    </div>
  </details>`;
}

export function renderList(host: ConsoleResources): TemplateResult {
  const lang = host.uiLocale;
  return renderContentList<Resource>({
    headingId: 'list-heading',
    heading: msg('Resources', { id: 'console.resources.title' }),
    create: { label: msg('New resource', { id: 'console.resources.new' }), href: '#/resources/new' },
    items: host.resources,
    error: host.listError,
    loadingText: msg('Loading resources…', { id: 'console.resources.loading' }),
    emptyText: msg('No resources yet. Add one with "New resource", or import an HSDS file.', { id: 'console.resources.empty' }),
    // The server lets only organization admins import or export the whole organization's resources.
    toolbar: host.schoolScoped ? undefined : renderTransfer(host),
    keyOf: (r) => r.id,
    itemHeader: msg('Name', { id: 'console.resources.column.name' }),
    itemCell: (r) => {
      const name = pickText(r.name, lang, r.defaultLocale);
      return html`<a href="#/resources/${r.id}" lang=${name.locale}
        >${name.text || msg('(no name)', { id: 'console.resources.noName' })}</a
      >`;
    },
    columns: [
      {
        header: msg('Status', { id: 'console.resources.column.status' }),
        cell: (r) => renderStatus(r.status, contentStatusLabel(r.status)),
      },
      { header: msg('Category', { id: 'console.resources.column.category' }), cell: (r) => categoryName(r.category) },
      { header: msg('Schools', { id: 'console.resources.column.schools' }), cell: (r) => schoolsOf(host, r) },
      { header: msg('Languages', { id: 'console.resources.column.languages' }), cell: (r) => renderLanguageNames(r.locales) },
      { header: msg('Family feedback', { id: 'console.resources.column.feedback' }), cell: (r) => feedbackOf(host, r) },
      { header: msg('Updated', { id: 'console.resources.column.updated' }), cell: (r) => renderUpdated(r.updatedAt, lang) },
    ],
  });
}
