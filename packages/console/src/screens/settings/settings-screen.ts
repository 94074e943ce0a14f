/**
 * <console-settings>: the organization's settings, for organization admins. For now one: the sites allowed to embed
 * the organization's widgets and pages. Rows are edited here and saved together, so the server never holds half a list.
 */
import { msg, str } from '@lit/localize';
import { EMBED_ORIGINS_MAX, routes, type EmbedOrigins } from '@tandem/protocol';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { renderFieldError } from '@tandem/core/ui.js';
import { ConsoleError } from '../../console-client.js';
import { problemMessage } from '../../console-messages.js';
import { renderFormStatus } from '../form-controls.js';
import { ScreenElement } from '../screen-element.js';
import { checkOrigin } from './embed-origins.js';

interface OriginRow {
  /** Stable across removals, so Lit keeps each input with its row and focus lands where it should. */
  key: number;
  value: string;
}

const ORIGIN_POINTER = /^\/origins\/(\d+)$/;

export class ConsoleSettings extends ScreenElement {
  static override styles = css`
    ${ScreenElement.styles}
    .origins {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .origin {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5em var(--_space);
    }
    .origin .field {
      flex: 1 1 16rem;
    }
    .origin input {
      direction: ltr;
    }
  `;

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    rows: { state: true },
    rowErrors: { state: true },
    formError: { state: true },
    saved: { state: true },
    loadError: { state: true },
    busy: { state: true },
  };

  /** Undefined while loading. */
  rows: OriginRow[] | undefined;
  /** Messages by row key. */
  rowErrors: Record<number, string> = {};
  formError = '';
  saved = '';
  loadError = '';
  busy = false;
  #nextKey = 0;

  // Not connectedCallback: the shell may render this element before its module is defined, and Lit hands over
  // properties set before the upgrade (`api`, `session`) only when the first update starts.
  protected override firstUpdated(): void {
    if (this.rows === undefined) void this.load();
  }

  async load(): Promise<void> {
    this.loadError = '';
    try {
      const { origins } = await this.api.call<EmbedOrigins>(routes.getEmbedOrigins);
      this.rows = origins.map((value) => this.#row(value));
    } catch (error) {
      this.loadError = refusal(error);
    }
  }

  #row(value = ''): OriginRow {
    return { key: this.#nextKey++, value };
  }

  async #addRow(): Promise<void> {
    const row = this.#row();
    this.rows = [...(this.rows ?? []), row];
    this.saved = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#origin-${row.key}`)?.focus();
  }

  /** Removing a row moves focus to the row that takes its place, else to "Add a site", never to the page's top. */
  async #removeRow(row: OriginRow): Promise<void> {
    const rows = this.rows ?? [];
    const index = rows.indexOf(row);
    this.rows = rows.filter((r) => r !== row);
    const rowErrors = { ...this.rowErrors };
    delete rowErrors[row.key];
    this.rowErrors = rowErrors;
    const site = row.value.trim();
    this.saved = site
      ? msg(str`${site} is taken off the list. Save to keep the change.`, { id: 'console.settings.removed' })
      : msg('The empty row is removed.', { id: 'console.settings.removedEmpty' });
    await this.updateComplete;
    const next = this.rows[index] ?? this.rows[index - 1];
    (next
      ? this.renderRoot.querySelector<HTMLElement>(`#origin-${next.key}`)
      : this.renderRoot.querySelector<HTMLElement>('#add-origin')
    )?.focus();
  }

  readonly #save = async (event: SubmitEvent) => {
    event.preventDefault();
    const rows = this.rows ?? [];
    const errors: Record<number, string> = {};
    const seen = new Map<string, number>();
    const origins: string[] = [];
    for (const row of rows) {
      const checked = checkOrigin(row.value);
      if (checked.error !== undefined) {
        errors[row.key] = checked.error;
        continue;
      }
      if (seen.has(checked.origin)) {
        errors[row.key] = msg('This site is already in the list.', { id: 'console.settings.originDuplicate' });
        continue;
      }
      seen.set(checked.origin, row.key);
      origins.push(checked.origin);
    }
    this.rowErrors = errors;
    this.saved = '';
    this.formError = '';
    if (rows.length > EMBED_ORIGINS_MAX)
      this.formError = msg(str`List at most ${EMBED_ORIGINS_MAX} sites.`, { id: 'console.settings.tooMany' });
    else if (Object.keys(errors).length)
      this.formError = msg('Some sites could not be saved. Check the marked rows.', { id: 'console.settings.checkRows' });
    if (this.formError) return this.focusFirstError('embed-origins');

    this.busy = true;
    try {
      const saved = await this.api.call<EmbedOrigins>(routes.setEmbedOrigins, { body: { origins } });
      this.rows = saved.origins.map((value) => this.#row(value));
      const count = saved.origins.length;
      this.saved =
        count === 0
          ? msg('Saved. Any site may embed your content.', { id: 'console.settings.savedAny' })
          : count === 1
            ? msg('Saved. One site may embed your content.', { id: 'console.settings.savedOne' })
            : msg(str`Saved. ${count} sites may embed your content.`, { id: 'console.settings.savedSome' });
    } catch (error) {
      this.formError = refusal(error);
      // The server names refused rows by their place in what was sent (`/origins/3`): find that row again.
      if (error instanceof ConsoleError && error.kind === 'invalid') {
        const sent = rows.filter((row) => errors[row.key] === undefined);
        const refused: Record<number, string> = {};
        for (const pointer of error.fields) {
          const index = ORIGIN_POINTER.exec(pointer)?.[1];
          const row = index === undefined ? undefined : sent[Number(index)];
          if (row)
            refused[row.key] = msg('Tandem could not accept this site. Check the address.', { id: 'console.settings.originRefused' });
        }
        this.rowErrors = refused;
      }
      await this.focusFirstError('embed-origins');
    } finally {
      this.busy = false;
    }
  };

  protected override render(): TemplateResult {
    return html`<h1 tabindex="-1">${msg('Settings', { id: 'console.settings.heading' })}</h1>
      <section aria-labelledby="embed-heading">
        <h2 id="embed-heading">${msg('Sites allowed to embed your content', { id: 'console.settings.embedHeading' })}</h2>
        <p id="embed-intro">
          ${msg(
            'List the websites where your surveys, events, resources, lessons and message box may appear, like your school sites. Other sites cannot show them.',
            { id: 'console.settings.embedIntro' },
          )}
        </p>
        <p class="hint">${msg('When the list is empty, any site may embed your content.', { id: 'console.settings.emptyMeansAny' })}</p>
        ${this.#renderForm()}
      </section>`;
  }

  #renderForm(): TemplateResult {
    if (this.loadError)
      return html`<p class="alert" role="alert">${this.loadError}</p>
        <div class="actions">
          <button class="button" type="button" @click=${() => this.load()}>${msg('Try again', { id: 'console.settings.retry' })}</button>
        </div>`;
    if (this.rows === undefined) return html`<p role="status">${msg('Loading…', { id: 'console.loading' })}</p>`;
    const rows = this.rows;
    return html`<form id="embed-origins" novalidate @submit=${this.#save}>
      ${renderFormStatus(this.formError || undefined, this.saved || undefined)}
      ${
        rows.length
          ? html`<ul class="origins">
              ${rows.map((row, i) => this.#renderRow(row, i))}
            </ul>`
          : html`<p class="empty">${msg('No sites are listed: any site may embed your content.', { id: 'console.settings.none' })}</p>`
      }
      <div class="actions">
        <button id="add-origin" class="button" type="button" ?disabled=${rows.length >= EMBED_ORIGINS_MAX} @click=${() => this.#addRow()}>
          ${msg('Add a site', { id: 'console.settings.add' })}
        </button>
        <button class="button button--primary" type="submit" ?disabled=${this.busy}>
          ${msg('Save the list', { id: 'console.settings.save' })}
        </button>
      </div>
    </form>`;
  }

  #renderRow(row: OriginRow, index: number): TemplateResult {
    const id = `origin-${row.key}`;
    const error = this.rowErrors[row.key];
    const label = msg(str`Site ${index + 1}`, { id: 'console.settings.siteLabel' });
    return html`<li class="origin" data-row=${index}>
      <div class="field">
        <label for=${id}>${label}</label>
        <input
          id=${id}
          name="origins"
          type="url"
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          placeholder="https://www.lincoln.org"
          .value=${live(row.value)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : nothing}
          @input=${(e: Event) => {
            row.value = (e.target as HTMLInputElement).value;
          }}
          @change=${(e: Event) => {
            // Show the address the way it will be saved once the person moves on.
            const checked = checkOrigin((e.target as HTMLInputElement).value);
            if (checked.origin) {
              row.value = checked.origin;
              this.requestUpdate();
            }
          }}
        />
        ${renderFieldError(`${id}-error`, error)}
      </div>
      <button class="button" type="button" @click=${() => this.#removeRow(row)}>
        ${msg(str`Remove site ${index + 1}`, { id: 'console.settings.remove' })}
      </button>
    </li>`;
  }
}

function refusal(error: unknown): string {
  if (error instanceof ConsoleError && error.kind === 'forbidden')
    return msg('Only an organization admin can change these settings.', { id: 'console.settings.forbidden' });
  if (error instanceof ConsoleError && error.kind === 'invalid')
    return msg('Some sites could not be saved. Check the marked rows.', { id: 'console.settings.checkRows' });
  return problemMessage(error);
}
