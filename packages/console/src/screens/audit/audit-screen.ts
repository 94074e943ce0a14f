/**
 * <console-audit>: the organization's audit log for admins, newest first. Filters by person, action and dates are
 * applied together; "Load older" pages on with the server's cursor under the same filters. The table keeps its
 * table roles when it stacks into cards on a phone, so screen readers still hear each cell's column.
 */
import { msg, str } from '@lit/localize';
import { routes, type AuditEntry, type AuditPage } from '@tandem/protocol';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { renderFieldError } from '@tandem/core/ui.js';
import { ConsoleError } from '../../console-client.js';
import { problemMessage } from '../../console-messages.js';
import { ScreenElement } from '../screen-element.js';
import { actionDetail, actionLabel, actorLabel, KNOWN_ACTIONS, targetKindLabel } from './audit-labels.js';
import { auditQuery, checkFilters, NO_FILTERS, type AuditFilters } from './audit-query.js';

/** Entries per page: enough to fill a screen, few enough to load quickly on a school's network. */
export const AUDIT_PAGE_SIZE = 50;

export class ConsoleAudit extends ScreenElement {
  static override styles = css`
    ${ScreenElement.styles}
    :host {
      container-type: inline-size;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: var(--_space);
    }
    .filters .field {
      flex: 1 1 11rem;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.5em;
    }
    th,
    td {
      text-align: start;
      vertical-align: top;
      padding: 0.5em;
      border-block-end: 1px solid var(--_border);
    }
    tr:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: -3px;
    }
    .id {
      direction: ltr;
      unicode-bidi: isolate;
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    .email,
    .detail {
      display: block;
      overflow-wrap: anywhere;
      color: var(--_muted);
    }
    .cell-label {
      display: none;
      font-weight: 600;
    }
    /* On a phone each entry becomes a card: every cell on its own line, led by its column's name. */
    @container (max-width: 36rem) {
      thead {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      table,
      tbody,
      tr,
      td {
        display: block;
      }
      tr {
        padding-block: 0.5em;
        border-block-end: 1px solid var(--_border);
      }
      td {
        border: none;
        padding-block: 0.125em;
      }
      .cell-label {
        display: inline;
      }
    }
  `;

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    entries: { state: true },
    next: { state: true },
    error: { state: true },
    filterErrors: { state: true },
    status: { state: true },
    busy: { state: true },
  };

  /** Undefined until the first page arrives. */
  entries: AuditEntry[] | undefined;
  /** The cursor of the next, older page; undefined on the last page. */
  next: string | undefined;
  error = '';
  filterErrors: Partial<Record<keyof AuditFilters, string>> = {};
  /** Announced politely: how many entries a search or "Load older" brought. */
  status = '';
  busy = false;
  /** What the filter fields hold now. */
  #draft: AuditFilters = { ...NO_FILTERS };
  /** The filters of the entries shown; paging keeps them even if the fields changed since. */
  #applied: AuditFilters = { ...NO_FILTERS };
  /** Everyone seen in the log so far by email, offered as the person filter's suggestions. */
  #people = new Map<string, string>();

  // Not connectedCallback: the shell may render this element before its module is defined, and Lit hands over
  // properties set before the upgrade (`api`, `session`) only when the first update starts.
  protected override firstUpdated(): void {
    this.#people.set(this.session.user.email, this.session.user.name);
    this.requestUpdate();
    if (this.entries === undefined) void this.#search(this.#applied);
  }

  get #locale() {
    return this.i18n.locale;
  }

  async #fetch(filters: AuditFilters, before?: string): Promise<AuditPage | undefined> {
    this.busy = true;
    this.error = '';
    try {
      const page = await this.api.call<AuditPage>(routes.listAudit, {
        query: auditQuery(filters, { limit: AUDIT_PAGE_SIZE, ...(before ? { before } : {}) }),
      });
      for (const entry of page.items) if (entry.actor.email) this.#people.set(entry.actor.email, entry.actor.name ?? entry.actor.email);
      return page;
    } catch (error) {
      this.error = refusal(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  async #search(filters: AuditFilters): Promise<void> {
    const page = await this.#fetch(filters);
    if (!page) return;
    this.#applied = filters;
    this.entries = page.items;
    this.next = page.next;
    const count = page.items.length;
    this.status =
      count === 0
        ? msg('No entries match these filters.', { id: 'console.audit.noneMatch' })
        : count === 1
          ? msg('Showing one entry.', { id: 'console.audit.showingOne' })
          : msg(str`Showing the ${count} newest entries.`, { id: 'console.audit.showing' });
  }

  readonly #apply = async (event: SubmitEvent) => {
    event.preventDefault();
    this.filterErrors = checkFilters(this.#draft);
    if (Object.keys(this.filterErrors).length) return this.focusFirstError('audit-filters');
    await this.#search({ ...this.#draft });
  };

  async #clear(): Promise<void> {
    this.#draft = { ...NO_FILTERS };
    this.filterErrors = {};
    await this.#search({ ...NO_FILTERS });
  }

  /** Appends the next older page and moves focus to its first entry, so reading goes on from there. */
  async #loadOlder(): Promise<void> {
    if (!this.next) return;
    const page = await this.#fetch(this.#applied, this.next);
    if (!page) return;
    const first = page.items[0];
    this.entries = [...(this.entries ?? []), ...page.items];
    this.next = page.next;
    this.status =
      page.items.length === 1
        ? msg('One older entry loaded.', { id: 'console.audit.loadedOlderOne' })
        : msg(str`${page.items.length} older entries loaded.`, { id: 'console.audit.loadedOlder' });
    await this.updateComplete;
    if (first) this.renderRoot.querySelector<HTMLElement>(`tr[data-entry="${first.id}"]`)?.focus();
  }

  #set(patch: Partial<AuditFilters>): void {
    this.#draft = { ...this.#draft, ...patch };
    this.requestUpdate();
  }

  protected override render(): TemplateResult {
    return html`<h1 tabindex="-1">${msg('Audit log', { id: 'console.audit.heading' })}</h1>
      <p>${msg('Who signed in, changed settings or took data out of Tandem, and when. Newest first.', { id: 'console.audit.intro' })}</p>
      ${this.#renderFilters()}
      <p class="visually-hidden" role="status">${this.status}</p>
      ${this.error ? html`<p class="alert" role="alert" tabindex="-1">${this.error}</p>` : nothing} ${this.#renderEntries()}`;
  }

  #renderFilters(): TemplateResult {
    const d = this.#draft;
    const e = this.filterErrors;
    const actions = new Set<string>([...KNOWN_ACTIONS, ...(this.entries ?? []).map((entry) => entry.action)]);
    return html`<form
      id="audit-filters"
      class="filters"
      novalidate
      aria-label=${msg('Filter the log', { id: 'console.audit.filters' })}
      @submit=${this.#apply}
    >
      <div class="field">
        <label for="audit-actor">${msg('Person', { id: 'console.audit.person' })}</label>
        <p id="audit-actor-hint" class="hint">${msg('Their email address. Leave empty for anyone.', { id: 'console.audit.personHint' })}</p>
        <input
          id="audit-actor"
          type="email"
          dir="ltr"
          autocomplete="off"
          list="audit-people"
          .value=${live(d.actor)}
          aria-invalid=${e.actor ? 'true' : 'false'}
          aria-describedby=${e.actor ? 'audit-actor-hint audit-actor-error' : 'audit-actor-hint'}
          @input=${(ev: Event) => this.#set({ actor: (ev.target as HTMLInputElement).value })}
        />
        <datalist id="audit-people">${[...this.#people].map(([email, name]) => html`<option value=${email}>${name}</option>`)}</datalist>
        ${renderFieldError('audit-actor-error', e.actor)}
      </div>
      <div class="field">
        <label for="audit-action">${msg('Action', { id: 'console.audit.action' })}</label>
        <select id="audit-action" @change=${(ev: Event) => this.#set({ action: (ev.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!d.action}>${msg('Any action', { id: 'console.audit.anyAction' })}</option>
          ${[...actions].map((a) => html`<option value=${a} ?selected=${d.action === a}>${actionLabel(a)}</option>`)}
        </select>
      </div>
      ${this.#renderDate('from', msg('From', { id: 'console.audit.from' }), d.from, e.from)}
      ${this.#renderDate('to', msg('To', { id: 'console.audit.to' }), d.to, e.to)}
      <div class="actions">
        <button class="button button--primary" type="submit" ?disabled=${this.busy}>
          ${msg('Show entries', { id: 'console.audit.apply' })}
        </button>
        <button class="link" type="button" ?disabled=${this.busy} @click=${() => this.#clear()}>
          ${msg('Clear the filters', { id: 'console.audit.clear' })}
        </button>
      </div>
    </form>`;
  }

  #renderDate(name: 'from' | 'to', label: string, value: string, error: string | undefined): TemplateResult {
    const id = `audit-${name}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="date"
        .value=${live(value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(ev: Event) => this.#set({ [name]: (ev.target as HTMLInputElement).value })}
      />
      ${renderFieldError(`${id}-error`, error)}
    </div>`;
  }

  #renderEntries(): TemplateResult | typeof nothing {
    if (this.entries === undefined) return this.error ? nothing : html`<p role="status">${msg('Loading…', { id: 'console.loading' })}</p>`;
    if (!this.entries.length)
      return html`<p class="empty">${msg('No entries match these filters.', { id: 'console.audit.noneMatch' })}</p>`;
    const when = msg('When', { id: 'console.audit.when' });
    const who = msg('Who', { id: 'console.audit.who' });
    const what = msg('What', { id: 'console.audit.what' });
    const item = msg('Item', { id: 'console.audit.item' });
    const format = new Intl.DateTimeFormat(this.#locale, { dateStyle: 'medium', timeStyle: 'short' });
    const label = (text: string) => html`<span class="cell-label" aria-hidden="true">${text}: </span>`;
    // Explicit roles: a table restyled with display:block loses its table semantics in some browsers.
    return html`<table role="table" id="audit-entries">
        <caption>
          ${msg('Audit log entries, newest first', { id: 'console.audit.caption' })}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${when}</th>
            <th role="columnheader" scope="col">${who}</th>
            <th role="columnheader" scope="col">${what}</th>
            <th role="columnheader" scope="col">${item}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${this.entries.map(
            (entry) =>
              html`<tr role="row" data-entry=${entry.id} data-action=${entry.action} tabindex="-1">
                <td role="cell">${label(when)}<time datetime=${entry.at}>${format.format(new Date(entry.at))}</time></td>
                <td role="cell">
                  ${label(who)}<bdi>${actorLabel(entry.actor)}</bdi>
                  ${entry.actor.email ? html`<span class="id email">${entry.actor.email}</span>` : nothing}
                </td>
                <td role="cell">
                  ${label(what)}${actionLabel(entry.action)}
                  ${actionDetail(entry) ? html`<span class="detail">${actionDetail(entry)}</span>` : nothing}
                </td>
                <td role="cell">
                  ${label(item)}${
                    entry.target
                      ? html`${targetKindLabel(entry.target.kind)}:
                        ${entry.target.label ? html`<bdi>${entry.target.label}</bdi>` : html`<span class="id">${entry.target.id}</span>`}`
                      : msg('None', { id: 'console.audit.noItem' })
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        this.next
          ? html`<div class="actions">
              <button class="button" type="button" ?disabled=${this.busy} @click=${() => this.#loadOlder()}>
                ${msg('Load older entries', { id: 'console.audit.loadOlder' })}
              </button>
            </div>`
          : html`<p class="hint">${msg('This is the oldest entry.', { id: 'console.audit.end' })}</p>`
      }`;
  }
}

function refusal(error: unknown): string {
  if (error instanceof ConsoleError && error.kind === 'forbidden')
    return msg('Only an admin can read the audit log.', { id: 'console.audit.forbidden' });
  if (error instanceof ConsoleError && error.kind === 'invalid')
    return msg('These filters could not be used. Check the dates and try again.', { id: 'console.audit.invalid' });
  return problemMessage(error);
}
