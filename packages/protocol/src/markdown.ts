/**
 * A safe subset of Markdown for lesson text, parsed to plain data: paragraphs, bullet and numbered
 * lists, *emphasis*, **strong**, [links](https://…) and line breaks. There is no HTML anywhere: raw
 * HTML stays literal text, and a link whose target is not http(s), mailto or tel becomes its label as
 * text. The widget renders the nodes with Lit templates, which escape text, so nothing can run.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'em' | 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; ordered: boolean; start: number; items: Inline[][] };

/**
 * Link targets families may follow. Checked on the raw text, which is never entity-decoded, so
 * `&#106;avascript:` or `java\tscript:` simply fail to match. No whitespace, quotes or angle brackets.
 */
const SAFE_HREF = /^(?:https?:\/\/[^\s"'<>\\`]+|mailto:[^\s"'<>\\`:/]+@[^\s"'<>\\`]+|tel:\+?[0-9][0-9().-]{2,30})$/i;

export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href);
}

const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
/** Nesting deeper than this is kept as text; real lessons never come close, and it bounds recursion. */
const MAX_DEPTH = 6;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[][] } | undefined;
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseLines(paragraph) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items: list.items.map(parseLines) });
    list = undefined;
  };
  let blankBefore = false;
  for (const line of lines) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (line.trim() === '') {
      flushParagraph();
      blankBefore = true;
      continue;
    }
    if (bullet || numbered) {
      const ordered = numbered !== null;
      flushParagraph();
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      list.items.push([(bullet ?? numbered)![bullet ? 1 : 2]!]);
    } else if (list && !blankBefore && /^[ \t]/.test(line)) {
      // An indented line continues the item above it.
      list.items[list.items.length - 1]!.push(line.trim());
    } else {
      flushList();
      paragraph.push(line.trim());
    }
    blankBefore = false;
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Lines of one paragraph or list item: each line break in the source is a break in the text. */
function parseLines(lines: string[]): Inline[] {
  const result: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) result.push({ type: 'break' });
    result.push(...parseInline(line.replace(/(\\| {2,})$/, ''), 0, true));
  });
  return mergeText(result);
}

function parseInline(text: string, depth: number, linksAllowed: boolean): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const push = (node: Inline) => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
    out.push(node);
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && /[\\*_[\]()`#+\-.!]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '*' && depth < MAX_DEPTH) {
      const marker = text.startsWith('**', i) ? '**' : '*';
      const end = closingMarker(text, i + marker.length, marker);
      if (end > i + marker.length && !/\s/.test(text[i + marker.length]!) && !/\s/.test(text[end - 1]!)) {
        const children = parseInline(text.slice(i + marker.length, end), depth + 1, linksAllowed);
        push({ type: marker === '**' ? 'strong' : 'em', children });
        i = end + marker.length;
        continue;
      }
    }
    if (ch === '[' && depth < MAX_DEPTH) {
      const labelEnd = matching(text, i, '[', ']');
      if (labelEnd > 0 && text[labelEnd + 1] === '(') {
        const targetEnd = matching(text, labelEnd + 1, '(', ')');
        if (targetEnd > 0) {
          const children = parseInline(text.slice(i + 1, labelEnd), depth + 1, false);
          const href = text.slice(labelEnd + 2, targetEnd).trim();
          if (linksAllowed && isSafeHref(href)) push({ type: 'link', href, children });
          // An unsafe or nested link keeps only its label, as text: the target never reaches the page.
          else for (const child of children) push(child);
          i = targetEnd + 1;
          continue;
        }
      }
    }
    plain += ch;
    i++;
  }
  if (plain) out.push({ type: 'text', text: plain });
  return out;
}

/** Index of the closing `*` / `**` for an opening that ends at `from`, or -1. A lone `*` never closes on `**`. */
function closingMarker(text: string, from: number, marker: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(marker, i)) {
      if (marker === '*' && text[i + 1] === '*') i++;
      else return i;
    }
  }
  return -1;
}

/** Index of the bracket closing the one at `open`, counting nesting and escapes; -1 when unbalanced. */
function matching(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 2000; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === left) depth++;
    else if (text[i] === right && --depth === 0) return i;
  }
  return -1;
}

/** Joins neighbouring text nodes, so consumers get one node per run of text. */
function mergeText(nodes: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.text += node.text;
    else merged.push('children' in node ? { ...node, children: mergeText(node.children) } : node);
  }
  return merged;
}

/** The text of some nodes without markup, e.g. for speech synthesis or a print summary. */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'break' ? '\n' : plainText(n.children))).join('');
}
