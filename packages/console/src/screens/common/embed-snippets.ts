/**
 * "Put it on your website": the two ways a school site embeds a published item — the loader script with the
 * widget's element, and an iframe of the server's `/embed/<widget>/<id>` page for sites that strip scripts —
 * each in a read-only code box with a one-click Copy button. When the clipboard is refused, the snippet is
 * selected in its box so Ctrl+C works, and the polite status line says so.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

export interface EmbedSnippets {
  script: string;
  iframe: string;
}

export interface EmbedTarget {
  /** The widget's element, e.g. `tandem-survey`. */
  tag: string;
  /** The element attribute the id fills, e.g. `survey`. */
  attribute: string;
  /** The server's `/embed/<widget>/<id>` name, e.g. `survey`, `resource-card`. */
  widget: string;
  id: string;
  /** The iframe's title, which screen readers announce on the school's page. */
  title: string;
}

export function embedSnippets(t: EmbedTarget, origin = globalThis.location?.origin ?? ''): EmbedSnippets {
  return {
    script: `<script type="module" src="${origin}/tandem.js"></script>\n<${t.tag} ${t.attribute}="${t.id}"></${t.tag}>`,
    iframe:
      `<iframe data-tandem-embed src="${origin}/embed/${t.widget}/${t.id}" title="${t.title}"\n` +
      `        style="width: 100%; border: 0" sandbox="allow-scripts allow-forms allow-same-origin allow-popups"></iframe>\n` +
      `<script src="${origin}/tandem-frame.js" defer></script>`,
  };
}

/** Copies `text`; returns the sentence for the status line. `field` is selected instead when copying is refused. */
export async function copySnippet(text: string, field: HTMLTextAreaElement | null): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return msg('Copied. Paste it into your web page.', { id: 'console.common.embed.copied' });
  } catch {
    // No clipboard permission (or an old browser): the snippet is selected in its visible field for Ctrl+C.
    field?.focus();
    field?.select();
    return msg('Copying did not work here. The snippet is selected: press Ctrl+C (or ⌘+C) to copy it.', {
      id: 'console.common.embed.copyFailed',
    });
  }
}

export interface EmbedOptions {
  /** Undefined until the item is saved (it has no id yet). */
  snippets: EmbedSnippets | undefined;
  /** "Save the survey to get the code for your website." */
  saveFirstText: string;
  /** The last copy's outcome, for the status line. */
  copyNotice: string;
  /** Copy `code`; `fieldId` is the code box (`embed-script` or `embed-iframe`). */
  onCopy: (code: string, fieldId: string) => void;
}

/** The embed card: heading, both code boxes with Copy buttons (`data-copy="embed-script"`), and the status line. */
export function renderEmbed(o: EmbedOptions): TemplateResult {
  return html`<section class="card" aria-labelledby="embed-heading">
    <h2 id="embed-heading">${msg('Put it on your website', { id: 'console.common.embed' })}</h2>
    ${
      o.snippets
        ? html`${snippet(o, 'embed-script', msg('Script and element (most sites)', { id: 'console.common.embed.script' }), o.snippets.script)}
            ${snippet(o, 'embed-iframe', msg('Iframe (sites that remove scripts)', { id: 'console.common.embed.iframe' }), o.snippets.iframe)}
            <p role="status" class="hint">${o.copyNotice}</p>`
        : html`<p class="hint">${o.saveFirstText}</p>`
    }
  </section>`;
}

function snippet(o: EmbedOptions, id: string, label: string, code: string): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <textarea id=${id} class="code" readonly rows="3" dir="ltr" spellcheck="false" .value=${code}></textarea>
    <button class="button" type="button" data-copy=${id} @click=${() => o.onCopy(code, id)}>
      ${msg('Copy', { id: 'console.common.embed.copy' })}
    </button>
  </div>`;
}
