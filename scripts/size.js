#!/usr/bin/env node
// `npm run size`: the bundle-size table against DESIGN.md's budgets; exits non-zero when a bundle passes its budget,
// ships Lit's development build, or cannot be measured. Run after `npm run build`.
import { measureSizes, printSizes } from './bench/sizes.js';

/** What fails the check: a bundle over its budget, or one that ships Lit's development build. */
export function budgetFailures(rows) {
  const failures = [];
  for (const row of rows) {
    if (row.litDevMode) failures.push(`${row.name}: ships Lit's development build`);
    else if (row.status === 'over') failures.push(`${row.name}: ${row.gzipBytes} B over its budget of ${row.budgetBytes} B`);
  }
  return failures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.chdir(new URL('..', import.meta.url).pathname);
  let sizes;
  try {
    sizes = measureSizes('packages/embed/dist/cdn');
  } catch (error) {
    console.error(`size: ${error.message}`);
    process.exit(1);
  }
  printSizes(sizes);
  const failures = budgetFailures(sizes.rows);
  for (const failure of failures) console.error(`FAIL ${failure}`);
  console.log(failures.length ? `\nsize: ${failures.length} budget failure(s)` : '\nsize: every budget holds');
  process.exit(failures.length ? 1 : 0);
}
