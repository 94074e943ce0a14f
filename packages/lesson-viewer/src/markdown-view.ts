/** Renders parsed lesson Markdown with Lit templates only: text is always a text binding, so nothing in a lesson can run. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { isSafeHref, type Block, type Inline } from '@tandem/protocol';

/** Web links open in a new tab without handing it this page; mailto and tel open the family's own apps. */
function renderLink(href: string, children: Inline[]): TemplateResult {
  // The parser already drops unsafe targets; checked again because a lesson copy may come from an older parser.
  if (!isSafeHref(href)) return html`${renderInlines(children)}`;
  const web = /^https?:\/\//i.test(href);
  if (!web) return html`<a href=${href}>${renderInlines(children)}</a>`;
  return html`<a href=${href} target="_blank" rel="noopener noreferrer"
    >${renderInlines(children)}<span class="visually-hidden"> ${msg('(opens in a new tab)', { id: 'lesson.new-tab' })}</span></a
  >`;
}

export function renderInlines(nodes: readonly Inline[]): TemplateResult[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return html`${node.text}`;
      case 'break':
        return html`<br />`;
      case 'em':
        return html`<em>${renderInlines(node.children)}</em>`;
      case 'strong':
        return html`<strong>${renderInlines(node.children)}</strong>`;
      case 'link':
        return renderLink(node.href, node.children);
    }
  });
}

export function renderBlock(block: Block): TemplateResult {
  if (block.type === 'paragraph') return html`<p>${renderInlines(block.children)}</p>`;
  const items = block.items.map((item) => html`<li>${renderInlines(item)}</li>`);
  return block.ordered
    ? html`<ol start=${block.start === 1 ? nothing : block.start}>
        ${items}
      </ol>`
    : html`<ul>
        ${items}
      </ul>`;
}
