import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCKS, endOfLondonDayUtcMs, londonMidnightUtcMs } from '../calendar/index.js';
import { defaultCalendar } from '../lifecycle/context.js';
import { assessActionRag, nextRagReviewAt, ragInputsOf, type RagState } from './rag.js';
import { DEFAULT_ACTION_RULES, type TActionRagInputs } from './state.js';

const cal = defaultCalendar();
/** An instant in London local time. */
const at = (date: string, hh = 0, mm = 0) => londonMidnightUtcMs(date) + (hh * 60 + mm) * 60_000;

function action(p: Partial<RagState> = {}): RagState {
  const s = {
    status: 'open' as const, percentComplete: 0, ownerRag: null, dueOn: '2027-04-01', ladderRed: false,
    rules: DEFAULT_ACTION_RULES, lastUpdateOn: '2027-03-12', createdOn: '2027-01-04', ...p,
  };
  return { ...s, ragHistory: p.ragHistory ?? [{ at: at(s.createdOn), ...ragInputsOf(s) }] };
}
/** A RAG-inputs timeline: each entry changes some inputs from the previous one. */
function timeline(...changes: Array<[string, Partial<TActionRagInputs>]>): TActionRagInputs[] {
  let cur: TActionRagInputs = { at: 0, status: 'open', percentComplete: 0, ownerRag: null, dueOn: '2027-09-30', ladderRed: false };
  return changes.map(([date, c]) => (cur = { ...cur, ...c, at: at(date, 10) }));
}
const rag = (s: RagState, t: number) => assessActionRag(s, t, cal);

describe('action RAG: base rules', () => {
  it('is green when the due date is more than 10 working days away', () => {
    // Due Thu 1 Apr 2027; the 10th working day before it is Tue 16 Mar (Good Friday and Easter Monday skipped).
    const r = rag(action(), at('2027-03-15', 23, 59));
    expect(r.rag).toBe('green');
    expect(r.reasons).toEqual(['On track']);
  });

  it('turns amber at the start of the 10th working day before the due date while under 100%', () => {
    expect(rag(action(), at('2027-03-16') - 1).rag).toBe('green');
    const r = rag(action({ percentComplete: 60 }), at('2027-03-16'));
    expect(r.rag).toBe('amber');
    expect(r.reasons).toEqual(['Due within 10 working days (1 April 2027) and 60% complete']);
  });

  it('stays green inside the amber window once 100% done', () => {
    expect(rag(action({ percentComplete: 100 }), at('2027-03-31')).rag).toBe('green');
  });

  it('is amber through the due day and red from its end in London (23:00 UTC in BST)', () => {
    expect(endOfLondonDayUtcMs('2027-04-01')).toBe(Date.UTC(2027, 3, 1, 23));
    expect(rag(action(), endOfLondonDayUtcMs('2027-04-01') - 1).rag).toBe('amber');
    const r = rag(action({ percentComplete: 100 }), endOfLondonDayUtcMs('2027-04-01'));
    expect(r.rag).toBe('red');
    expect(r.reasons).toEqual(['Past its due date of 1 April 2027 and not complete']);
  });

  it("the owner's view can make it worse, never better", () => {
    expect(rag(action({ ownerRag: 'amber' }), at('2027-01-10')).reasons).toEqual(['The owner rates it amber']);
    expect(rag(action({ ownerRag: 'green' }), at('2027-03-20')).rag).toBe('amber');
    expect(rag(action({ ownerRag: 'red' }), at('2027-01-10')).reasons).toEqual(['The owner rates it red']);
    expect(rag(action({ ownerRag: 'green' }), at('2027-04-02')).rag).toBe('red');
  });

  it('is red once a red ladder step has fired, even before the due date', () => {
    const r = rag(action({ ladderRed: true }), at('2027-01-10'));
    expect(r.rag).toBe('red');
    expect(r.reasons).toEqual(['Escalated: a red step of the escalation ladder has fired']);
  });

  it('awaiting sign-off, complete and cancelled are not affected by time', () => {
    const late = at('2027-06-01');
    expect(rag(action({ status: 'awaiting_sign_off', percentComplete: 100 }), late)).toMatchObject({
      rag: 'awaiting_sign_off', reasons: ['Complete — awaiting sign-off'], flags: [],
    });
    expect(rag(action({ status: 'complete' }), late).rag).toBe('complete');
    expect(rag(action({ status: 'cancelled', ladderRed: true }), late).rag).toBe('cancelled');
  });
});

describe('action RAG: stale flag', () => {
  it(`uses DEFAULT_CLOCKS.staleAfterWD (${DEFAULT_CLOCKS.staleAfterWD.value} working days)`, () => {
    expect(DEFAULT_ACTION_RULES.staleAfterWD).toBe(DEFAULT_CLOCKS.staleAfterWD.value);
  });

  it('counts from creation when there has been no update: stale from the 20th working day after', () => {
    // Created Mon 1 Mar 2027; +20 working days (Good Friday, Easter Monday skipped) = Wed 31 Mar.
    const s = action({ createdOn: '2027-03-01', lastUpdateOn: null, dueOn: '2027-09-30' });
    expect(rag(s, at('2027-03-31') - 1).flags).toEqual([]);
    const r = rag(s, at('2027-03-31'));
    expect(r.flags).toEqual(['stale']);
    expect(r.staleSinceOn).toBe('2027-03-31');
    expect(r.reasons).toContain('Stale: no update since it was created on 1 March 2027');
    expect(r.rag).toBe('green');
  });

  it('counts from the last update', () => {
    const s = action({ createdOn: '2027-03-01', lastUpdateOn: '2027-03-10', dueOn: '2027-09-30' });
    expect(rag(s, at('2027-03-31')).flags).toEqual([]);
    const from = cal.addWorkingDays('2027-03-10', 20);
    expect(from).toBe('2027-04-09');
    expect(rag(s, at(from)).reasons).toContain('Stale: no update for 20 working days or more (last on 10 March 2027)');
  });

  it('does not flag an action awaiting sign-off, and honours a configured threshold', () => {
    const late = at('2027-08-01');
    expect(rag(action({ status: 'awaiting_sign_off', percentComplete: 100 }), late).flags).toEqual([]);
    const quick = action({ lastUpdateOn: '2027-03-01', dueOn: '2027-09-30', rules: { ...DEFAULT_ACTION_RULES, staleAfterWD: 5 } });
    expect(rag(quick, at('2027-03-05')).flags).toEqual([]);
    expect(rag(quick, at('2027-03-08')).flags).toEqual(['stale']);
  });
});

describe('action RAG: chronic amber', () => {
  const ownerAmberFrom20Jan = timeline(['2027-01-04', {}], ['2027-01-20', { ownerRag: 'amber' }]);
  const s = action({ ragHistory: ownerAmberFrom20Jan, ownerRag: 'amber', dueOn: '2027-09-30', lastUpdateOn: '2027-03-01' });

  it('counts closed monthly cycles: amber at the close of January only is one cycle, not chronic', () => {
    const r = rag(s, at('2027-02-15'));
    expect(r).toMatchObject({ rag: 'amber', amberCycles: 1, crossesPlanYear: false, flags: [] });
  });

  it('amber at the close of January and February and still amber: chronic', () => {
    const r = rag(s, at('2027-03-02'));
    expect(r.amberCycles).toBe(2);
    expect(r.flags).toEqual(['chronic_amber']);
    expect(r.reasons).toContain('Chronic amber: amber at the close of 2 consecutive monthly reporting cycles');
  });

  it('a green month end breaks the run', () => {
    const h = timeline(['2027-09-01', { dueOn: '2028-06-30' }], ['2027-09-20', { ownerRag: 'amber' }], ['2027-10-20', { ownerRag: null }],
      ['2027-11-10', { ownerRag: 'amber' }]);
    const r = rag(action({ ragHistory: h, ownerRag: 'amber', dueOn: '2028-06-30', lastUpdateOn: '2027-12-10' }), at('2027-12-15'));
    expect(r).toMatchObject({ rag: 'amber', amberCycles: 1, flags: [] });
  });

  it('amber at the close of the plan year (31 March) and still amber in April is chronic after one cycle', () => {
    const h = timeline(['2027-03-01', {}], ['2027-03-15', { ownerRag: 'amber' }]);
    const r = rag(action({ ragHistory: h, ownerRag: 'amber', dueOn: '2027-09-30', lastUpdateOn: '2027-03-15' }), at('2027-04-05'));
    expect(r).toMatchObject({ amberCycles: 1, crossesPlanYear: true, flags: ['chronic_amber'] });
    expect(r.reasons.at(-1)).toBe('Chronic amber: amber at the close of 1 consecutive monthly reporting cycle, carried over from the previous plan year');
  });

  it('time-driven amber counts at month ends, but the 10-day window straddling one month end is not chronic', () => {
    // Due Fri 5 Feb 2027 at 40%: amber on 31 January by time alone.
    const h = timeline(['2027-01-04', { dueOn: '2027-02-05', percentComplete: 40 }]);
    const st = action({ ragHistory: h, dueOn: '2027-02-05', percentComplete: 40, lastUpdateOn: '2027-01-25' });
    expect(rag(st, at('2027-02-03'))).toMatchObject({ rag: 'amber', amberCycles: 1, flags: [] });
    const strict = { ...st, rules: { ...DEFAULT_ACTION_RULES, chronicAmberCycles: 1 } };
    expect(rag(strict, at('2027-02-03')).flags).toEqual(['chronic_amber']);
  });

  it('is not chronic when it is no longer amber', () => {
    const h = [...ownerAmberFrom20Jan, ...timeline(['2027-03-10', { ownerRag: 'red' }])];
    const r = rag(action({ ragHistory: h, ownerRag: 'red', dueOn: '2027-09-30', lastUpdateOn: '2027-03-10' }), at('2027-03-12'));
    expect(r).toMatchObject({ rag: 'red', amberCycles: 0, flags: [] });
  });

  it('does not look back before the action existed', () => {
    const h = timeline(['2027-02-25', { ownerRag: 'amber' }]);
    expect(rag(action({ ragHistory: h, ownerRag: 'amber', dueOn: '2027-09-30' }), at('2027-03-05')).amberCycles).toBe(1);
  });
});

describe('nextRagReviewAt', () => {
  it('wakes when the amber window opens, at the month end while amber, then at the deadline', () => {
    const s = action({ lastUpdateOn: '2027-03-12' });
    expect(nextRagReviewAt(s, at('2027-03-02'), cal)).toBe(at('2027-03-16'));
    // Amber from 16 March: the next change is the month closing (1 April, BST), then the deadline.
    expect(nextRagReviewAt(s, at('2027-03-16'), cal)).toBe(at('2027-04-01'));
    expect(nextRagReviewAt(s, at('2027-04-01'), cal)).toBe(endOfLondonDayUtcMs('2027-04-01'));
  });

  it('wakes when the action goes stale, and never after it is closed', () => {
    const s = action({ dueOn: '2027-09-30', lastUpdateOn: '2027-03-01' });
    expect(nextRagReviewAt(s, at('2027-03-05'), cal)).toBe(at(cal.addWorkingDays('2027-03-01', 20)));
    expect(nextRagReviewAt(action({ status: 'awaiting_sign_off' }), at('2027-03-05'), cal)).toBeNull();
    expect(nextRagReviewAt(action({ status: 'complete' }), at('2027-03-05'), cal)).toBeNull();
  });

  it('misses no change: between two review instants the RAG and flags stay as they were', () => {
    const s = action({ createdOn: '2027-02-01', lastUpdateOn: null, dueOn: '2027-04-01' });
    const key = (t: number) => { const r = rag(s, t); return [r.rag, ...r.flags].join(); };
    let now = at('2027-02-01', 10);
    const wakes: string[] = [];
    for (let next = nextRagReviewAt(s, now, cal); next !== null; next = nextRagReviewAt(s, now, cal)) {
      for (let t = now; t < next; t += 3_600_000) expect(key(t)).toBe(key(now));
      expect(key(next - 1)).toBe(key(now));
      wakes.push(new Date(next).toISOString());
      now = next;
    }
    // Stale (1 March), amber window (16 March), month close while amber (1 April, BST), deadline.
    expect(wakes).toEqual(['2027-03-01T00:00:00.000Z', '2027-03-16T00:00:00.000Z', '2027-03-31T23:00:00.000Z', '2027-04-01T23:00:00.000Z']);
    expect(key(now)).toBe('red,stale');
  });
});
