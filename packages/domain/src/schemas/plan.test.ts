import { describe, expect, it } from 'vitest';
import { ZActionPlan, ZAddWorkstreamInput, ZRecordPlanResponseInput, ZSubmitPlanInput, ZWorkstream } from './plan.js';

const meta = { clientRequestId: 'req-00000001', reason: 'Recorded from the cabinet minutes' };

/** Northmoor (BRIEF (e)): report received 3 Nov 2025, plan due 12 Feb 2026. */
const plan = {
  version: 1,
  reportReceivedOn: '2025-11-03',
  statutoryDueOn: '2026-02-12',
  submittedOn: '2026-02-10',
  approvals: [
    { body: 'dcs', on: '2026-01-20', by: 'Alex Example' },
    { body: 'lead_member', on: '2026-01-22', by: 'Cllr Sam Example' },
    { body: 'cabinet', on: '2026-01-28', by: 'Cabinet minute 45/26' },
  ],
  ofstedResponse: { outcome: 'accepted', letterOn: '2026-03-05' },
};

function issues(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (r.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('ZActionPlan', () => {
  it('parses the Northmoor plan, and a draft with nothing submitted', () => {
    expect(ZActionPlan.parse(plan).approvals).toHaveLength(3);
    expect(ZActionPlan.parse({ version: 1, reportReceivedOn: '2025-11-03', statutoryDueOn: '2026-02-12' }).approvals).toEqual([]);
  });

  it('allows a late submission (it must be recorded, not refused)', () => {
    expect(ZActionPlan.safeParse({ ...plan, submittedOn: '2026-02-13' }).success).toBe(true);
  });

  it('allows submission on the day the report arrived, not before', () => {
    expect(ZActionPlan.safeParse({ ...plan, submittedOn: '2025-11-03', approvals: [], ofstedResponse: undefined }).success).toBe(true);
    expect(issues(ZActionPlan.safeParse({ ...plan, submittedOn: '2025-11-02', approvals: [], ofstedResponse: undefined }))).toEqual([
      { path: 'submittedOn', message: 'The plan cannot be submitted before the inspection report was received (3 November 2025)' },
    ]);
  });

  it('needs the due date after receipt', () => {
    expect(issues(ZActionPlan.safeParse({ ...plan, statutoryDueOn: '2025-11-03' }))).toEqual([
      { path: 'statutoryDueOn', message: 'The statutory due date must be after the day the report was received' },
    ]);
  });

  it('needs a submission date before Ofsted can respond, and a letter not before it', () => {
    expect(issues(ZActionPlan.safeParse({ ...plan, submittedOn: undefined, approvals: [] }))).toEqual([
      { path: 'submittedOn', message: 'Record when the plan was submitted before recording Ofsted’s response' },
    ]);
    expect(ZActionPlan.safeParse({ ...plan, ofstedResponse: { outcome: 'accepted', letterOn: '2026-02-10' } }).success).toBe(true);
    expect(issues(ZActionPlan.safeParse({ ...plan, ofstedResponse: { outcome: 'accepted', letterOn: '2026-02-09' } }))).toEqual([
      { path: 'ofstedResponse.letterOn', message: 'Ofsted’s letter cannot be dated before the plan was submitted (10 February 2026)' },
    ]);
  });

  it('needs comments on a returned plan, at the nested path', () => {
    expect(issues(ZActionPlan.safeParse({ ...plan, ofstedResponse: { outcome: 'returned', letterOn: '2026-03-05', comments: '  ' } }))).toEqual([
      { path: 'ofstedResponse.comments', message: 'Summarise what Ofsted asked to change when the plan is returned' },
    ]);
  });

  it('checks sign-off dates and duplicates per approval', () => {
    const approvals = [
      { body: 'dcs', on: '2026-02-11', by: 'Alex Example' },
      { body: 'cabinet', on: '2025-11-01', by: 'Cabinet' },
      { body: 'dcs', on: '2026-02-10', by: 'Alex Example' },
    ];
    expect(issues(ZActionPlan.safeParse({ ...plan, approvals }))).toEqual([
      { path: 'approvals.0.on', message: 'Director of Children’s Services sign-off must be on or before the day the plan was submitted (10 February 2026)' },
      { path: 'approvals.1.on', message: 'Cabinet sign-off cannot be before the inspection report was received (3 November 2025)' },
      { path: 'approvals.2.body', message: 'Director of Children’s Services sign-off is already recorded for this plan version' },
    ]);
  });

  it('rejects a version below 1 and impossible dates', () => {
    const r = issues(ZActionPlan.safeParse({ ...plan, version: 0, statutoryDueOn: '2026-02-30' }));
    expect(r.map((i) => i.path).sort()).toEqual(['statutoryDueOn', 'version']);
  });
});

describe('ZWorkstream and ZAddWorkstreamInput', () => {
  const ws = { key: 'front-door', name: 'Front door', lead: { name: 'Jo Lead', email: 'jo.lead@northmoor.gov.uk' }, phase: 'responding', priorityNumber: 1 };

  it('accepts the seed phases and a council’s own phase name', () => {
    expect(ZWorkstream.parse(ws).phase).toBe('responding');
    expect(ZWorkstream.parse({ ...ws, phase: 'strengthening' }).phase).toBe('strengthening');
    expect(ZWorkstream.parse({ ...ws, phase: 'Sustaining' }).phase).toBe('Sustaining');
    expect(ZWorkstream.safeParse({ ...ws, phase: '' }).success).toBe(false);
  });

  it('explains a bad key and email', () => {
    const r = issues(ZWorkstream.safeParse({ ...ws, key: 'Front Door', lead: { name: 'Jo', email: 'jo' } }));
    expect(r).toEqual([
      { path: 'key', message: 'Use lower-case letters, digits and single hyphens, e.g. front-door' },
      { path: 'lead.email', message: 'Enter a valid email address, e.g. name@council.gov.uk' },
    ]);
  });

  it('wraps a workstream in a command', () => {
    expect(ZAddWorkstreamInput.parse({ ...meta, programmeId: 'p1', workstream: ws }).workstream.key).toBe('front-door');
    expect(ZAddWorkstreamInput.safeParse({ programmeId: 'p1', workstream: ws }).success).toBe(false);
  });
});

describe('ZSubmitPlanInput', () => {
  const input = { ...meta, programmeId: 'p1', submittedOn: '2026-02-10', approvals: plan.approvals };

  it('parses a signed-off submission', () => {
    expect(ZSubmitPlanInput.parse(input).submittedOn).toBe('2026-02-10');
  });

  it('needs at least one sign-off', () => {
    expect(issues(ZSubmitPlanInput.safeParse({ ...input, approvals: [] }))).toEqual([
      { path: 'approvals', message: 'Record at least one sign-off (DCS, lead member, cabinet or improvement board) before submitting' },
    ]);
  });

  it('rejects a sign-off after submission', () => {
    expect(issues(ZSubmitPlanInput.safeParse({ ...input, approvals: [{ body: 'improvement_board', on: '2026-02-11', by: 'Chair' }] }))).toEqual([
      { path: 'approvals.0.on', message: 'Improvement board sign-off must be on or before the day the plan was submitted (10 February 2026)' },
    ]);
  });
});

describe('ZRecordPlanResponseInput', () => {
  const input = { ...meta, programmeId: 'p1', outcome: 'accepted', letterOn: '2026-03-05' };

  it('accepts an acceptance without comments', () => {
    expect(ZRecordPlanResponseInput.safeParse(input).success).toBe(true);
  });

  it('needs comments when the plan is returned', () => {
    expect(issues(ZRecordPlanResponseInput.safeParse({ ...input, outcome: 'returned' }))).toEqual([
      { path: 'comments', message: 'Summarise what Ofsted asked to change when the plan is returned' },
    ]);
    expect(ZRecordPlanResponseInput.safeParse({ ...input, outcome: 'returned', comments: 'Measures of impact needed' }).success).toBe(true);
  });
});
