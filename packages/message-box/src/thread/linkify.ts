/** Plain message text with http(s) links made clickable: Lit templates only, never innerHTML, so no markup a sender wrote can run. */
import { html, type TemplateResult } from 'lit';

// Bidirectional controls (U+202A–202E, U+2066–2069) end an address: inside one they could make the shown text
// read as another address than the link goes to.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'\u202A-\u202E\u2066-\u2069]+/gi;
/** Punctuation that usually ends the sentence rather than the address. */
const TRAILING = /[.,;:!?)\]}'"»”’]+$/;

export type TextPart = { text: string } | { href: string; text: string };

/** Splits text into plain runs and links; only http: and https: addresses become links. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let candidate = match[0];
    const trailing = TRAILING.exec(candidate)?.[0] ?? '';
    // A closing bracket belongs to the address when it also opened inside it (Wikipedia-style links).
    if (trailing && !(trailing.startsWith(')') && candidate.includes('('))) candidate = candidate.slice(0, -trailing.length);
    const start = match.index;
    let href: string | undefined;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = undefined;
    }
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ href, text: candidate });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export function renderLinkedText(text: string): TemplateResult {
  return html`${linkParts(text).map((part) =>
    'href' in part ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer nofollow">${part.text}</a>` : part.text,
  )}`;
}
