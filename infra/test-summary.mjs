// Sums every package's vitest JSON report into the one line CI reads: "N passed, N failed".
// With arguments (package folders, e.g. packages/faults), sums only those.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0, failed = 0, skipped = 0;
const rows = [];
const only = process.argv.slice(2);
const folders = only.length ? only : ['apps', 'packages'].flatMap((group) => readdirSync(join(root, group)).map((name) => `${group}/${name}`));
for (const folder of folders) {
  const file = join(root, folder, '.reports', 'vitest.json');
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that failed to load, or whose beforeAll threw (its tests then show as skipped), counts
  // as a failure even though no test in it failed.
  const brokenFiles = (r.testResults ?? []).filter((t) => t.status === 'failed' && !(t.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + brokenFiles;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  rows.push(`  ${folder}: ${r.numPassedTests} passed, ${r.numFailedTests + brokenFiles} failed`);
}
console.log(rows.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
