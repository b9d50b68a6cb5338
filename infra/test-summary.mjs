// Sums every package's vitest JSON report into the one line CI reads: "N passed, N failed".
// With arguments (package folders, e.g. packages/faults), sums only those.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0, failed = 0, skipped = 0;
const rows = [];
const failures = [];
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
  for (const t of r.testResults ?? []) {
    const file = t.name.slice(root.length);
    const failedTests = (t.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedTests) failures.push(`  FAILED ${file} > ${a.fullName}\n    ${firstLine(a.failureMessages)}`);
    if (t.status === 'failed' && failedTests.length === 0) failures.push(`  FAILED ${file} (suite did not run)\n    ${firstLine([t.message])}`);
  }
  rows.push(`  ${folder}: ${r.numPassedTests} passed, ${r.numFailedTests + brokenFiles} failed`);
}
// Lint (written by infra/test.sh) counts as one check: passed, or failed by name. Only in the
// whole-repo total: a sum over chosen folders is about their tests.
const lintFile = join(root, '.reports', 'lint.json');
if (!only.length && existsSync(lintFile)) {
  const lint = JSON.parse(readFileSync(lintFile, 'utf8'));
  if (lint.ok) passed += 1;
  else {
    failed += 1;
    failures.push('  FAILED lint (pnpm lint: ESLint or an import cycle; run it to see the violations)');
  }
  rows.push(`  lint: ${lint.ok ? 'passed' : 'FAILED'} in ${lint.seconds} s`);
}
// The failures are named just above the total, so the tail of a CI log says what broke.
if (failures.length) console.log(failures.join('\n'));
console.log(rows.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

function firstLine(messages) {
  return String((messages ?? []).find(Boolean) ?? '').split('\n').slice(0, 3).join(' / ').slice(0, 400);
}
