/**
 * "Had happened by": on the committed golden histories of the machine runner (every kind, the
 * programme and an action over several continue-as-new runs), where each change was entered on the
 * day it carries, the state by business dates agrees with the state as recorded (phase, status,
 * every clock's outcome, the monitoring visits); each dated line is put on its own day with the
 * instant it was recorded beside it; and each kind of change is dated from the field its record
 * carries. The back-dated case (the demo, entered all at once) is apps/api/src/board-pack.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { londonDateOf } from '@ip/domain';
import { actionAsAt, lifecycleAsAt, programmeAsAt, workflowKindOf } from './as-at.js';
import { happenedOnOf } from './business-dates.js';
import { goldenWorkflowHistories } from './golden.js';
import { actionHappened, lifecycleHappened, programmeHappened } from './happened.js';

const LATER = Date.parse('2040-01-01T00:00:00Z');
const goldens = goldenWorkflowHistories().filter((g) => !['kpi_return', 'other'].includes(workflowKindOf(g.history.workflowType)));

describe('had happened by: the golden histories', () => {
  it('re-runs every machine history and agrees with the recorded state when changes were entered on their own dates', () => {
    let reenacted = 0;
    for (const { file, history } of goldens) {
      const kind = workflowKindOf(history.workflowType);
      const [rec, hap] = kind === 'programme' ? [programmeAsAt(history, { at: LATER }), programmeHappened(history, LATER)]
        : kind === 'action' ? [actionAsAt(history, { at: LATER }), actionHappened(history, LATER)]
          : [lifecycleAsAt(history, { at: LATER }), lifecycleHappened(history, LATER)];
      if (!hap.reenacted) continue; // first versions' runs: the callers fall back to the recorded view
      reenacted++;
      expect(hap.refused, file).toEqual([]);
      const r = rec.view as unknown as Record<string, unknown>;
      const h = hap.view as unknown as Record<string, unknown>;
      expect([h.phase, h.status], file).toEqual([r.phase, r.status]);
      const outcomes = (v: Record<string, unknown>) => ((v.clocks ?? []) as { name: string; status: string }[]).map((c) => `${c.name}:${c.status}`);
      expect(outcomes(h), file).toEqual(outcomes(r));
      if (kind === 'programme') expect(h.visits, file).toEqual(r.visits);
    }
    expect(reenacted).toBeGreaterThanOrEqual(5);
  });

  it('puts each dated line on its own day, with when it was recorded beside it', () => {
    const { history } = goldens.find((g) => g.file === 'programme-m1-full-cycle.json')!;
    const hap = programmeHappened(history, LATER);
    const lines = hap.state!.history.map((l, i) => ({ ...l, source: hap.lineSources[i] }));
    const submitted = lines.find((l) => l.type === 'plan_submitted')!;
    expect(submitted.source).toMatchObject({ dated: true, type: 'plan_submitted' });
    expect(londonDateOf(submitted.at)).toBe(toIso(/submitted on (\d+ \w+ \d{4})/.exec(submitted.summary)![1]!));
    expect(submitted.source!.recordedAt).toBeGreaterThanOrEqual(submitted.at);
    // A visit scheduled carries no date of its own: it happened when it was recorded.
    const scheduled = lines.find((l) => l.type === 'monitoring_visit_scheduled')!;
    expect(scheduled.source).toMatchObject({ dated: false });
    expect(scheduled.at).toBe(scheduled.source!.recordedAt);
    // Lines are in the order things happened.
    expect(lines.map((l) => l.at)).toEqual([...lines.map((l) => l.at)].sort((a, b) => a - b));
  });

  it('stops at the instant asked: what had happened by a date is a prefix of what happened later', () => {
    const { history } = goldens.find((g) => g.file === 'programme-m1-full-cycle.json')!;
    const all = programmeHappened(history, LATER).state!.history;
    const mid = all[Math.floor(all.length / 2)]!.at;
    const before = programmeHappened(history, mid).state!.history;
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(all.length);
    expect(before.every((l) => l.at <= mid)).toBe(true);
    expect(before.map((l) => l.summary)).toEqual(all.slice(0, before.length).map((l) => l.summary));
  });
});

describe('the date each kind of change carries', () => {
  it('reads the field its record holds, and none for changes that carry no date', () => {
    expect(happenedOnOf({ type: 'inspection_recorded', inspection: { reportReceivedOn: '2025-11-03' } })).toBe('2025-11-03');
    expect(happenedOnOf({ type: 'plan_submitted', submittedOn: '2026-02-10' })).toBe('2026-02-10');
    expect(happenedOnOf({ type: 'plan_response_recorded', letterOn: '2026-03-03' })).toBe('2026-03-03');
    expect(happenedOnOf({ type: 'milestone_completed', completedOn: '2026-01-06' })).toBe('2026-01-06');
    expect(happenedOnOf({ type: 'letter_published', publishedOn: '2026-06-01' })).toBe('2026-06-01');
    expect(happenedOnOf({ type: 'fieldwork_recorded', startedOn: '2026-05-12', endedOn: '2026-05-13' })).toBe('2026-05-13');
    expect(happenedOnOf({ type: 'improvement_notice_issued', on: '2026-01-20' })).toBe('2026-01-20');
    expect(happenedOnOf({ type: 'answered', answeredOn: '2026-04-01' })).toBe('2026-04-01');
    expect(happenedOnOf({ type: 'monitoring_visit_closed', letterPublishedOn: null })).toBeNull();
    expect(happenedOnOf({ type: 'progress_updated', percentComplete: 50 })).toBeNull();
    expect(happenedOnOf({ type: 'signed_off' })).toBeNull();
    expect(happenedOnOf({ type: 'plan_submitted', submittedOn: 'not a date' })).toBeNull();
  });
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function toIso(long: string): string {
  const [d, m, y] = long.split(' ');
  return `${y}-${String(MONTHS.indexOf(m!) + 1).padStart(2, '0')}-${d!.padStart(2, '0')}`;
}
