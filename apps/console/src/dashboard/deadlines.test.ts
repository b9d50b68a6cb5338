import { describe, expect, it } from 'vitest';
import type { TActionListRecord, TWorkstreamRecord } from '../api-types';
import type { TProgrammeClock } from '../programmes/types';
import { ragByWorkstream } from './ActionRagPanel';
import { deadlines, overdue, upcoming } from './DeadlinesPanel';

const action = (id: string, o: Partial<TActionListRecord>) =>
  ({ id, title: `Action ${id}`, status: 'open', rag: 'green', workstream: 'front-door', dueOn: '2026-12-10', workingDaysLeft: 9, owner: { name: 'Helen Okafor' }, ...o }) as TActionListRecord;
const clock = (o: Partial<TProgrammeClock>) =>
  ({ name: 'publish', label: 'Publish the inspection report', dueOn: '2026-12-01', workingDaysLeft: 2, status: 'running', closedAt: null, ...o }) as TProgrammeClock;
const ws = (key: string, name: string, priorityNumber: number | null) => ({ key, name, priorityNumber }) as TWorkstreamRecord;

describe('dashboard deadlines', () => {
  it('puts open clocks and open actions together, soonest first, and splits them into due soon and overdue', () => {
    const all = deadlines(
      [clock({}), clock({ name: 'met', status: 'met', workingDaysLeft: 1 }), clock({ name: 'late', label: 'Internal draft', dueOn: '2026-11-02', workingDaysLeft: -19 })],
      [
        action('a1', {}),
        action('a2', { dueOn: '2026-10-30', workingDaysLeft: -21, rag: 'red' }),
        action('a3', { dueOn: '2027-03-31', workingDaysLeft: 84 }),
        action('a4', { status: 'awaiting_sign_off', rag: 'awaiting_sign_off', workingDaysLeft: 3 }),
        action('a5', { status: 'complete', rag: 'complete', workingDaysLeft: null }),
      ],
    );
    expect(all.map((d) => d.key)).toEqual(['action:a2', 'clock:late:2026-11-02', 'clock:publish:2026-12-01', 'action:a1', 'action:a3']);
    expect(upcoming(all).map((d) => d.label)).toEqual(['Publish the inspection report', 'Action a1']);
    expect(overdue(all).map((d) => d.label)).toEqual(['Action a2', 'Internal draft']);
    expect(all.find((d) => d.key === 'action:a1')).toMatchObject({ actionId: 'a1', owner: 'Helen Okafor' });
  });
});

describe('actions by RAG per workstream', () => {
  it('counts each workstream’s actions by RAG in priority order, keeps empty workstreams and puts strays last', () => {
    const rows = ragByWorkstream(
      [
        action('a1', { rag: 'red' }), action('a2', { rag: 'red' }), action('a3', { rag: 'complete' }),
        action('a4', { workstream: 'Workforce', rag: 'amber' }), action('a5', { workstream: 'unknown', rag: 'green' }),
        action('a6', { workstream: null, rag: 'awaiting_sign_off' }), action('a7', { rag: 'cancelled' }),
      ],
      [ws('front-door', 'Front door and MASH', 1), ws('workforce', 'Workforce', 2), ws('care-leavers', 'Care leavers', null)],
    );
    expect(rows.map((r) => [r.name, r.total, r.counts])).toEqual([
      ['1. Front door and MASH', 3, { red: 2, amber: 0, green: 0, awaiting_sign_off: 0, complete: 1 }],
      ['2. Workforce', 1, { red: 0, amber: 1, green: 0, awaiting_sign_off: 0, complete: 0 }],
      ['Care leavers', 0, { red: 0, amber: 0, green: 0, awaiting_sign_off: 0, complete: 0 }],
      ['Not in a workstream', 2, { red: 0, amber: 0, green: 1, awaiting_sign_off: 1, complete: 0 }],
    ]);
  });
});
