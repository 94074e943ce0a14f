/** Runs axe-core against an element with the WCAG 2.2 A/AA rule set and fails with readable violations. */
import type { AxeResults, RunOptions } from 'axe-core';

export const WCAG22_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

type AxeGlobal = { run(context: Element, options: RunOptions): Promise<AxeResults> };

async function loadAxe(): Promise<AxeGlobal> {
  const existing = (window as unknown as { axe?: AxeGlobal }).axe;
  if (existing) return existing;
  await import('axe-core/axe.min.js');
  return (window as unknown as { axe: AxeGlobal }).axe;
}

/** Throws, listing every violation, when `el` breaks a WCAG 2.0–2.2 A/AA rule. */
export async function expectAxeClean(el: Element, tags: readonly string[] = WCAG22_TAGS): Promise<void> {
  const axe = await loadAxe();
  const results = await axe.run(el, { runOnly: { type: 'tag', values: [...tags] }, resultTypes: ['violations'] });
  if (results.violations.length === 0) return;
  const lines = results.violations.flatMap((v) => [
    `${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.map((n) => `  at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`),
  ]);
  throw new Error(`Accessibility violations:\n${lines.join('\n')}`);
}
