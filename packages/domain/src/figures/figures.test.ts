import { describe, expect, it } from 'vitest';
import { boardFigures, isActionOverdue } from './figures.js';

const action = (id: string, o: Partial<Parameters<typeof boardFigures>[0]['actions'][number]> = {}) => ({
  id, title: `Action ${id}`, status: 'open', dueOn: '2026-12-10', workingDaysLeft: 5, owner: { name: 'Helen Okafor' }, workstream: 'front-door', rag: 'green' as const, overdue: false, ...o,
});

describe('the dashboard’s figures, counted once for the dashboard and the board pack', () => {
  it('an action is overdue once its due instant has passed while it is still open (awaiting sign-off counts as delivered)', () => {
    const dueAt = Date.parse('2026-12-10T23:59:59Z');
    expect(isActionOverdue({ status: 'open', dueAt }, dueAt - 1)).toBe(false);
    expect(isActionOverdue({ status: 'open', dueAt }, dueAt)).toBe(true);
    expect(isActionOverdue({ status: 'awaiting_sign_off', dueAt }, dueAt + 1)).toBe(false);
    expect(isActionOverdue({ status: 'complete', dueAt }, dueAt + 1)).toBe(false);
  });

  it('counts every tile and the RAG table from rows for one instant, matching workstreams by key or name', () => {
    const f = boardFigures({
      actions: [
        action('a1', { rag: 'red', overdue: true, workingDaysLeft: -3 }),
        action('a2', { workstream: 'Workforce', rag: 'amber', workingDaysLeft: 30 }),
        action('a3', { status: 'complete', rag: 'complete', workingDaysLeft: null }),
        action('a4', { status: 'cancelled', rag: 'cancelled', workingDaysLeft: null }),
      ],
      workstreams: [{ key: 'front-door', name: 'Front door', priorityNumber: 1, lead: { name: 'Helen Okafor' } }, { key: 'workforce', name: 'Workforce', priorityNumber: 2 }],
      clocks: [{ name: 'publish', label: 'Publish', dueOn: '2026-12-01', status: 'running', closedAt: null, workingDaysLeft: 2 }, { name: 'plan', label: 'Plan', dueOn: '2026-11-01', status: 'met', closedAt: 1, workingDaysLeft: -20 }],
      kpis: [{ rag: 'red' }, { rag: null }, { rag: 'green' }],
      risks: [{ rag: 'red', escalate: true }, { rag: 'amber', escalate: false }],
      openEscalations: 4,
    });
    expect(f.actionsByWorkstream.map((w) => [w.name, w.lead, w.total, w.counts.red, w.counts.amber, w.counts.complete])).toEqual([
      ['1. Front door', 'Helen Okafor', 2, 1, 0, 1],
      ['2. Workforce', null, 1, 0, 1, 0],
    ]);
    expect(f).toMatchObject({
      overdueActions: 1, kpis: { red: 1, amber: 0, green: 1, none: 1 }, risks: { red: 1, amber: 1, green: 0, none: 0 }, risksToEscalate: 1,
      openEscalations: 4, deadlinesSoon: 1, overdueDeadlines: 1,
    });
  });
});
