/**
 * Which history row names which escalation, over the committed golden histories (no services): the
 * row the router hangs that escalation's emails on (deliveries.ts). Machine runs name it through the
 * machine's own `escalations`; the first versions through the recordEscalation activity's input.
 */
import { describe, expect, it } from 'vitest';
import { foldAction } from './action-fold.js';
import { goldenWorkflowHistories } from './golden.js';
import { historyRows } from './rows.js';

const golden = goldenWorkflowHistories();

/** Every escalation id on the rows, with how many rows name it. */
function named(rows: ReturnType<typeof historyRows>): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) for (const id of r.escalationIds) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
}

describe('history rows name the escalations they recorded', () => {
  it('actions (first version and machine runs): each raised step once, on an escalation row, none skipped or superseded', () => {
    for (const file of ['action-extension-approved.json', 'action-m1-overdue-weekly-extension.json']) {
      const h = golden.find((g) => g.file === file)!.history;
      const rows = historyRows(h);
      const ids = named(rows);
      const state = foldAction(h).state!;
      const raised = state.steps.filter((s) => s.outcome === 'fired');
      expect(raised.length, file).toBeGreaterThan(0);
      expect([...ids.values()].every((n) => n === 1), file).toBe(true);
      expect(ids.size, file).toBe(raised.length);
      // Machine runs use the workflow id the history was captured with; the first version's facts carry theirs.
      const suffixes = [...ids.keys()].map((id) => id.split('/').slice(-3).join('/')).sort();
      expect(suffixes, file).toEqual(raised.map((s) => `${s.ladderId}/${s.stepId}/b${s.baseline}`).sort());
      expect(rows.filter((r) => r.escalationIds.length).every((r) => r.category === 'escalation'), file).toBe(true);
    }
  });

  it('the machine-run action names exactly the ids its state recorded', () => {
    const h = golden.find((g) => g.file === 'action-m1-overdue-weekly-extension.json')!.history;
    const state = foldAction(h).state!;
    expect([...named(historyRows(h)).keys()].sort()).toEqual(state.steps.filter((s) => s.outcome === 'fired').map((s) => s.escalationId).sort());
  });

  it('programmes, visits, interventions and requests on the machine runner: every id once, on an escalation row', () => {
    for (const g of golden.filter((x) => /-m1-/.test(x.file) && !x.file.startsWith('action'))) {
      const rows = historyRows(g.history);
      const ids = named(rows);
      expect([...ids.values()].every((n) => n === 1), g.file).toBe(true);
      expect(rows.filter((r) => r.escalationIds.length).every((r) => r.category === 'escalation'), g.file).toBe(true);
      expect([...ids.keys()].every((id) => id.startsWith(`${g.history.workflowId}/`)), g.file).toBe(true);
    }
    const programme = golden.find((g) => g.file === 'programme-m1-full-cycle.json')!;
    expect(named(historyRows(programme.history)).size).toBeGreaterThan(3);
  });
});
