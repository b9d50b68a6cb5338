/** axe-core in the page: the accessibility check the browser tests run on every console page. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface TFinding {
  where: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** WCAG 2.0–2.2 A and AA rules, plus 2.5.3 label-in-name, which axe ships switched off. */
const OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  rules: { 'label-content-name-mismatch': { enabled: true } },
  resultTypes: ['violations'],
};

/** Runs axe on the page as it is now; returns the serious and critical violations, tagged `where`. */
export async function audit(page: Page, where: string): Promise<TFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, options);
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact ?? 'minor', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')) }));
  }, OPTIONS);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ where, ...v }));
}

/** One line per violation, for a failure message a person can act on. */
export function describeFindings(findings: readonly TFinding[]): string {
  return findings.map((f) => `${f.where}: [${f.impact}] ${f.rule}: ${f.help} at ${f.targets.join(', ')}`).join('\n');
}
