/** Imports a custom element's module the first time its tag shows up in a document — never sooner, never twice. */

/** Tag name → module URL (relative entries are resolved against `base`). */
export type EntryMap = Readonly<Record<string, string>>;

/**
 * Watches `root` for the tags in `entries` (already present, added later, or nested inside added
 * subtrees) and loads each tag's module once, on first sight. A tag that is already defined (say, an
 * npm copy bundled by the host) is left alone. Returns the observer so callers may stop watching.
 * `load` exists so tests can count loads; the loader keeps the default.
 */
export function defineOnSight(
  entries: EntryMap,
  base: string,
  root: Document | Element = document,
  load: (url: string) => Promise<unknown> = (url) => import(url),
): MutationObserver {
  // Tags still waiting for their first element; a tag leaves the map the moment its load starts.
  const waiting = new Map(Object.entries(entries));

  // One selector for all waiting tags: pages that churn the DOM pay one subtree walk per added node, not one per tag.
  const scan = (node: Element | Document): void => {
    let hit = waiting.has((node as Element).localName) ? (node as Element) : null;
    while (waiting.size && (hit ??= node.querySelector([...waiting.keys()].join()))) {
      const tag = hit.localName;
      const entry = waiting.get(tag)!;
      waiting.delete(tag);
      if (!customElements.get(tag)) void load(new URL(entry, base).href);
      hit = null;
    }
    if (!waiting.size) observer.disconnect();
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (waiting.size && node.nodeType === 1) scan(node as Element);
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  scan(root);
  return observer;
}
