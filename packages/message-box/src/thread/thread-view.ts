/** The open thread: heading and back, the virtualized message list (newest at the bottom), a live log for screen readers, the notices and the composer. */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '@lit/localize';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { renderComposer } from './composer.js';
import { renderMessageRow } from './message-item.js';
import type { ThreadController, ThreadRow } from './thread-controller.js';

type PinConfig = NonNullable<Parameters<typeof flow>[0]>;

export interface ThreadViewProps {
  thread: ThreadController;
  locale: string;
  /** Heading: whom the thread is with. */
  title: string;
  /** Under the heading: school, student. */
  subtitle: string;
  /** Shown right above the composer, always (the school's not-for-emergencies notice). */
  notice?: TemplateResult | string | typeof nothing | undefined;
  /** After a send: when a reply can be expected. */
  afterSend?: string | undefined;
  /** Extra actions beside Back (the inbox's export). */
  actions?: TemplateResult | typeof nothing;
  onBack: () => void;
  onSend: () => void;
}

function pinFor(thread: ThreadController, rows: ThreadRow[]): PinConfig {
  // A pin applies once: later renders pass no pin, which leaves the virtualizer where the reader scrolled.
  if (thread.prepended > 0) {
    const first = thread.visibleRange.first;
    const index = first + thread.prepended;
    thread.prepended = 0;
    return { pin: { index, block: 'start' } };
  }
  if (thread.stickToEnd && rows.length > 0) {
    thread.stickToEnd = false;
    return { pin: { index: rows.length - 1, block: 'end' } };
  }
  return {};
}

export function renderThread(props: ThreadViewProps): TemplateResult {
  const { thread } = props;
  const rows = thread.rows;
  const ctx = {
    locale: props.locale,
    showingOriginal: thread.showingOriginal,
    onToggleOriginal: (id: string) => thread.toggleOriginal(id),
  };
  const onVisibility = (event: Event) => {
    const { first, last } = event as Event & { first: number; last: number };
    thread.visibleRange = { first, last };
    if (first === 0 && thread.hasMore) void thread.loadOlder();
  };
  return html`<section class="thread" part="thread" aria-labelledby="thread-heading">
    <div class="thread-header">
      <button type="button" class="button back" part="back" @click=${props.onBack}>
        <span aria-hidden="true" class="back-arrow">←</span> ${msg('Back to conversations', { id: 'messages.back' })}
      </button>
      ${props.actions ?? nothing}
    </div>
    <div class="thread-title">
      <h3 id="thread-heading" tabindex="-1">${props.title}</h3>
      ${props.subtitle ? html`<p class="muted">${props.subtitle}</p>` : nothing}
    </div>
    ${
      thread.loadingOlder
        ? html`<p class="muted small" role="status">${msg('Loading earlier messages…', { id: 'messages.loading-older' })}</p>`
        : nothing
    }
    ${
      thread.loading
        ? html`<div class="messages skeleton" aria-busy="true"></div>
            <p class="visually-hidden" role="status">${msg('Loading messages…', { id: 'messages.loading-thread' })}</p>`
        : thread.loadError
          ? html`<p class="muted" role="alert">
              ${msg('The messages could not be loaded. Please try again.', { id: 'messages.thread-error' })}
            </p>`
          : rows.length === 0
            ? html`<p class="muted empty">${msg('No messages yet. Write the first one below.', { id: 'messages.empty-thread' })}</p>`
            : html`<div
                class="messages"
                part="messages"
                role="region"
                tabindex="0"
                aria-label=${msg('Messages', { id: 'messages.list-label' })}
                @visibilityChanged=${onVisibility}
              >
                ${virtualize({
                  items: rows,
                  // The virtualizer may briefly ask for a row past the end after the list shrank (a pending row became a stored one).
                  keyFunction: (row: ThreadRow | undefined, index: number) => row?.key ?? `gone-${index}`,
                  renderItem: (row: ThreadRow | undefined) => (row ? renderMessageRow(row, ctx) : html``),
                  scroller: true,
                  // Imported rather than left to the virtualizer's default, which it would fetch as one more chunk.
                  layout: flow(pinFor(thread, rows)),
                })}
              </div>`
    }
    <div class="visually-hidden" role="log" aria-label=${msg('New messages', { id: 'messages.log-label' })}>
      ${repeat(
        thread.announcements,
        (line) => line.key,
        (line) => html`<p>${line.text}</p>`,
      )}
    </div>
    ${props.afterSend ? html`<tandem-status tone="info" part="availability">${props.afterSend}</tandem-status>` : nothing}
    ${props.notice ?? nothing}
    ${renderComposer({
      locale: props.locale,
      draft: thread.draft,
      problem: thread.draftProblem,
      detail: thread.draftDetail,
      onInput: (text) => thread.setDraft(text),
      onSend: props.onSend,
    })}
  </section>`;
}
