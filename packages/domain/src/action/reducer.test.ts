import { describe, expect, it } from 'vitest';
import { endOfLondonDayUtcMs, londonMidnightUtcMs } from '../calendar/index.js';
import { DEFAULT_ACTION_LADDER } from '../escalation/ladder.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import type { TActor } from '../schemas/common.js';
import type { TActionEvent } from './events.js';
import { defaultActionContext, reduceAction } from './reducer.js';
import { ladderStepEvent, pendingActionSteps } from './schedule.js';
import { ZActionDefinition } from './schemas.js';
import { DEFAULT_ACTION_RULES, ZActionState, type TActionState } from './state.js';

const ctx = defaultActionContext();
const at = (date: string, hh = 10) => londonMidnightUtcMs(date) + hh * 3_600_000;
const pm: TActor = { userId: 'u-pm', role: 'programme_manager', name: 'Priya Shah' };
const pm2: TActor = { userId: 'u-pm2', role: 'programme_manager', name: 'Tom Reid' };
const admin: TActor = { userId: 'u-admin', role: 'admin' };
const auditor: TActor = { userId: 'u-aud', role: 'auditor' };

const definition = ZActionDefinition.parse({
  programmeId: 'programme-E09000099-1', title: 'Offer every child a return home interview within 72 hours',
  owner: { name: 'Sam Patel', email: 'sam.patel@northmoor.gov.uk' }, workstream: 'Missing children',
  dueOn: '2027-04-01', ofstedLinked: true, recommendationRefs: ['R3'],
});
const created = reduceAction(null, {
  type: 'action_created', at: at('2027-01-04'), actor: pm, reason: 'Priority 3 of the plan',
  actionId: 'action-programme-E09000099-1-a1', definition, ladder: DEFAULT_ACTION_LADDER, rules: DEFAULT_ACTION_RULES,
}, ctx);

type Human = Extract<TActionEvent, { actor: TActor }>;
type Body<T extends Human['type']> = Omit<Extract<Human, { type: T }>, 'type' | 'at' | 'actor' | 'reason'>;
function act<T extends Human['type']>(s: TActionState, type: T, when: number, actor: TActor, body: Body<T>): TActionState {
  return reduceAction(s, { type, at: when, actor, reason: `because (${type})`, ...body } as TActionEvent, ctx);
}
function reach(s: TActionState, stepId: string, when?: number): TActionState {
  const p = pendingActionSteps(s, ctx.calendar).find((x) => x.step.id === stepId);
  if (!p) throw new Error(`step ${stepId} is not pending`);
  return reduceAction(s, ladderStepEvent(s, p, when ?? p.fireAt), ctx);
}
const rejects = (f: () => unknown, message: string) => {
  expect(f).toThrow(LifecycleRejection);
  expect(f).toThrow(message);
};
const progress = (s: TActionState, pct: number, when = at('2027-02-01'), rag?: 'green' | 'amber' | 'red') =>
  act(s, 'progress_updated', when, pm, { percentComplete: pct, note: `Now ${pct}% done`, ...(rag ? { ragAssessment: rag } : {}) });
const evidenced = (s: TActionState) => act(s, 'evidence_attached', at('2027-02-02'), pm, { title: 'Audit of 40 cases', reference: 'QA-2027-07' });

describe('reduceAction: creation', () => {
  it('starts open, baseline 0, version 1, green, with a GOV.UK-dated history line, and matches ZActionState', () => {
    expect(created).toMatchObject({ status: 'open', baseline: 0, version: 1, percentComplete: 0, dueAt: endOfLondonDayUtcMs('2027-04-01') });
    expect(created.rag.rag).toBe('green');
    expect(created.history[0]).toMatchObject({
      type: 'action_created', actor: pm, reason: 'Priority 3 of the plan',
      summary: 'Action created: “Offer every child a return home interview within 72 hours”, owned by Sam Patel, due 1 April 2027; responds to Ofsted; RAG green',
    });
    expect(ZActionState.parse(created)).toEqual(created);
  });

  it('cannot be created twice, and nothing happens to an action that does not exist', () => {
    rejects(() => reduceAction(created, { type: 'action_created', at: 2, actor: pm, reason: 'again', actionId: 'x', definition,
      ladder: DEFAULT_ACTION_LADDER, rules: DEFAULT_ACTION_RULES }, ctx), 'The action already exists');
    rejects(() => reduceAction(null, { type: 'rag_reviewed', at: 1 }, ctx), 'The action has not been created');
  });
});

describe('reduceAction: progress, evidence and sign-off', () => {
  it("records progress and the owner's view; a later update without a view clears it", () => {
    const s1 = progress(created, 40, at('2027-02-01'), 'amber');
    expect(s1).toMatchObject({ percentComplete: 40, ownerRag: 'amber', lastUpdateOn: '2027-02-01', latestNote: 'Now 40% done', version: 2 });
    expect(s1.history.at(-1)?.summary).toBe('Progress: 40% complete (was 0%); owner rates it amber. Now 40% done; RAG changed from green to amber');
    const s2 = progress(s1, 50, at('2027-02-08'));
    expect(s2.ownerRag).toBeNull();
    expect(s2.rag.rag).toBe('green');
    expect(s2.ragHistory.map((h) => [h.percentComplete, h.ownerRag])).toEqual([[0, null], [40, 'amber'], [50, null]]);
  });

  it('asks for 100% and evidence before sign-off, then signs off and freezes', () => {
    rejects(() => act(created, 'sign_off_requested', at('2027-02-03'), pm, {}), 'Record the action as 100% complete before asking for sign-off');
    rejects(() => act(progress(created, 100), 'sign_off_requested', at('2027-02-03'), pm, {}), 'Attach evidence before asking for sign-off');
    const waiting = act(evidenced(progress(created, 100)), 'sign_off_requested', at('2027-02-03'), pm, {});
    expect(waiting).toMatchObject({ status: 'awaiting_sign_off', signOffRequestedBy: pm });
    expect(waiting.rag.rag).toBe('awaiting_sign_off');
    expect(waiting.evidence).toEqual([expect.objectContaining({ id: 'ev-1', reference: 'QA-2027-07', url: null })]);
    rejects(() => progress(waiting, 90), 'The action is awaiting sign-off');
    rejects(() => act(waiting, 'sign_off_requested', at('2027-02-03'), pm, {}), 'Sign-off has already been requested');

    const done = act(waiting, 'signed_off', at('2027-02-04'), pm2, {});
    expect(done).toMatchObject({ status: 'complete', closedBy: pm2 });
    expect(done.history.at(-1)?.summary).toBe('Signed off as complete, on time; RAG changed from complete — awaiting sign-off to complete');
    rejects(() => progress(done, 100), 'The action is complete; nothing more can change');
    rejects(() => reduceAction(done, { type: 'rag_reviewed', at: at('2027-05-01') }, ctx), 'The action is complete');
  });

  it('a sign-off can be refused, returning the action to the owner; it cannot be signed off unasked', () => {
    rejects(() => act(created, 'signed_off', at('2027-02-04'), pm, {}), 'Sign-off has not been requested');
    const waiting = act(evidenced(progress(created, 100)), 'sign_off_requested', at('2027-02-03'), pm, {});
    const back = act(waiting, 'sign_off_returned', at('2027-02-04'), admin, {});
    expect(back).toMatchObject({ status: 'open', signOffRequestedBy: null });
    expect(back.history.at(-1)?.summary).toMatch(/^Sign-off refused: returned to the owner/);
  });

  it('auditors can change nothing', () => {
    rejects(() => act(created, 'progress_updated', at('2027-02-01'), auditor, { percentComplete: 10, note: 'Looks fine' }),
      'Auditors can read actions but not change them');
    rejects(() => act(created, 'action_cancelled', at('2027-02-01'), auditor, {}), 'Auditors can read actions but not change them');
  });

  it('evidence needs a link or a reference', () => {
    rejects(() => act(created, 'evidence_attached', at('2027-02-02'), pm, { title: 'Nothing to see' }), 'Give a link or a document reference');
  });
});

describe('reduceAction: extensions', () => {
  const asked = act(created, 'extension_requested', at('2027-03-17'), pm, { newDueOn: '2027-05-13', justification: 'Provider contract starts late' });

  it('an extension must move the due date later and not into the past', () => {
    rejects(() => act(created, 'extension_requested', at('2027-03-17'), pm, { newDueOn: '2027-04-01', justification: 'Same day, more time' }),
      'An extension must move the due date later');
    rejects(() => act(created, 'extension_requested', at('2027-03-17'), pm, { newDueOn: '2027-03-01', justification: 'Earlier is not later' }),
      'An extension must move the due date later');
    const late = reach(created, 'red-0');
    rejects(() => act(late, 'extension_requested', at('2027-04-20'), pm, { newDueOn: '2027-04-10', justification: 'Already gone by' }),
      'The new due date has already passed');
  });

  it('one request at a time; only someone other than the requester can approve', () => {
    rejects(() => act(asked, 'extension_requested', at('2027-03-18'), pm, { newDueOn: '2027-06-01', justification: 'And again' }),
      'An extension request is already waiting for a decision');
    rejects(() => act(asked, 'extension_approved', at('2027-03-18'), pm, {}), 'An extension cannot be approved by the person who asked for it');
    rejects(() => act(asked, 'extension_approved', at('2027-03-18'), auditor, {}), 'Auditors can read actions but not change them');
    rejects(() => act(created, 'extension_approved', at('2027-03-18'), pm2, {}), 'There is no extension request to decide');
  });

  it('approval moves the due date and starts a new baseline', () => {
    const fired = reach(created, 'remind-10');
    const ok = act(act(fired, 'extension_requested', at('2027-03-17'), pm, { newDueOn: '2027-05-13', justification: 'Provider contract starts late' }),
      'extension_approved', at('2027-03-18'), pm2, {});
    expect(ok).toMatchObject({
      dueOn: '2027-05-13', dueAt: endOfLondonDayUtcMs('2027-05-13'), originalDueOn: '2027-04-01', baseline: 1,
      baselineSetAt: at('2027-03-18'), pendingExtension: null, ladderRed: false,
    });
    expect(ok.extensions).toEqual([expect.objectContaining({ fromDueOn: '2027-04-01', newDueOn: '2027-05-13', outcome: 'approved', decidedBy: pm2 })]);
    expect(ok.history.at(-1)?.summary).toBe(
      'Extension approved: due date moved from 1 April 2027 to 13 May 2027; escalations restart from the new date; RAG changed from amber to green');
    expect(ok.steps.map((s) => `${s.stepId}/b${s.baseline}`)).toEqual(['remind-10/b0']);
  });

  it('rejection by someone else is "rejected", by the requester "withdrawn"; the due date stays', () => {
    const no = act(asked, 'extension_rejected', at('2027-03-18'), pm2, {});
    expect(no).toMatchObject({ dueOn: '2027-04-01', baseline: 0, pendingExtension: null });
    expect(no.extensions[0]?.outcome).toBe('rejected');
    expect(no.history.at(-1)?.summary).toMatch(/^Extension to 13 May 2027 rejected; still due 1 April 2027/);
    expect(act(asked, 'extension_rejected', at('2027-03-18'), pm, {}).extensions[0]?.outcome).toBe('withdrawn');
  });

  it('cancelling closes a pending extension as the system (nobody withdrew it) and freezes the action', () => {
    const gone = act(asked, 'action_cancelled', at('2027-03-19'), admin, {});
    expect(gone).toMatchObject({ status: 'cancelled', pendingExtension: null, closedBy: admin });
    expect(gone.extensions[0]).toMatchObject({ outcome: 'closed', closedBecause: 'cancelled' });
    expect(gone.history.at(-1)?.summary).toMatch(/^Action cancelled; the pending extension to 13 May 2027 was closed by the system because the action was cancelled/);
    expect(gone.rag.rag).toBe('cancelled');
    rejects(() => act(gone, 'extension_approved', at('2027-03-20'), pm2, {}), 'The action was cancelled; nothing more can change');
  });
});

describe('reduceAction: reassigning the owner', () => {
  it('changes the owner (and the email the reminders go to), logs who owned it before, and leaves "stale" running', () => {
    const s = act(progress(created, 40), 'owner_reassigned', at('2027-02-10'), pm, { ownerName: 'Lee Front', ownerEmail: 'lee.front@northmoor.gov.uk' });
    expect(s.owner).toEqual({ name: 'Lee Front', email: 'lee.front@northmoor.gov.uk' });
    expect(s.history.at(-1)).toMatchObject({ type: 'owner_reassigned', actor: pm, reason: 'because (owner_reassigned)', summary: 'Owner changed from Sam Patel to Lee Front' });
    // Reassigning is not the owner reporting progress: the last update is still the progress of 1 February.
    expect(s.lastUpdateOn).toBe('2027-02-01');
    expect(ZActionState.parse(s)).toEqual(s);
    // Without an email, the old owner's email does not linger on the new owner.
    expect(act(s, 'owner_reassigned', at('2027-02-11'), pm, { ownerName: 'Jo Bloggs' }).owner).toEqual({ name: 'Jo Bloggs' });
  });

  it('refuses the current owner again, auditors, and a closed action; the new owner is held to separation of duties', () => {
    rejects(() => act(created, 'owner_reassigned', at('2027-02-10'), pm, { ownerName: ' sam  patel ', ownerEmail: 'sam.patel@northmoor.gov.uk' }), 'Sam Patel already owns this action');
    rejects(() => act(created, 'owner_reassigned', at('2027-02-10'), auditor, { ownerName: 'Lee Front' }), 'Auditors can read actions but not change them');
    const cancelled = act(created, 'action_cancelled', at('2027-02-10'), pm, {});
    rejects(() => act(cancelled, 'owner_reassigned', at('2027-02-11'), pm, { ownerName: 'Lee Front' }), 'The action was cancelled; nothing more can change');
    // Reassigned to the programme manager while awaiting sign-off: they now own it, so they may not sign it off.
    const awaiting = act(evidenced(progress(created, 100)), 'sign_off_requested', at('2027-02-03'), pm2, {});
    const ownedByPm = act(awaiting, 'owner_reassigned', at('2027-02-04'), admin, { ownerName: 'Priya Shah' });
    rejects(() => act(ownedByPm, 'signed_off', at('2027-02-05'), pm, { separateDuties: true }), 'someone other than the action’s owner');
  });
});

describe('reduceAction: ladder steps and time', () => {
  it('the red step turns the action red; a step is reached once', () => {
    const red = reach(created, 'red-0');
    expect(red.ladderRed).toBe(true);
    expect(red.rag.rag).toBe('red');
    expect(red.steps[0]).toMatchObject({ stepId: 'red-0', baseline: 0, outcome: 'fired', firedAt: endOfLondonDayUtcMs('2027-04-01'),
      escalationId: 'action-programme-E09000099-1-a1/action-default/red-0/b0' });
    // Never updated since January, so it is stale as well by now.
    expect(red.history.at(-1)?.summary).toBe('Overdue: action turns red; workstream lead told; RAG changed from green to red, now stale');
    const again = pendingActionSteps(created, ctx.calendar).find((p) => p.step.id === 'red-0')!;
    rejects(() => reduceAction(red, ladderStepEvent(red, again, again.fireAt), ctx), 'This ladder step has already been reached');
  });

  it('a red step of an old baseline, arriving after the extension, is recorded but does not turn it red', () => {
    const p = pendingActionSteps(created, ctx.calendar).find((x) => x.step.id === 'red-0')!;
    const extended = act(act(created, 'extension_requested', at('2027-03-30'), pm, { newDueOn: '2027-06-30', justification: 'Waiting for the new IT system' }),
      'extension_approved', at('2027-03-31'), pm2, {});
    const late = reduceAction(extended, ladderStepEvent(extended, p, at('2027-04-02')), ctx);
    expect(late.steps.at(-1)).toMatchObject({ stepId: 'red-0', baseline: 0 });
    expect(late.ladderRed).toBe(false);
    expect(late.history.at(-1)?.summary).toBe('Overdue: action turns red; workstream lead told');
  });

  it('reminders are skipped while awaiting sign-off; escalations are not', () => {
    const waiting = act(evidenced(progress(created, 100)), 'sign_off_requested', at('2027-02-03'), pm, {});
    const s = reach(reach(waiting, 'remind-10'), 'red-0');
    expect(s.steps.map((x) => [x.stepId, x.outcome])).toEqual([['remind-10', 'skipped'], ['red-0', 'fired']]);
    expect(s.history.at(-2)?.summary).toBe('Reminder not sent, the action is awaiting sign-off: Reminder to the owner: due in 10 working days');
    expect(s.rag.rag).toBe('awaiting_sign_off');
  });

  it('rag_reviewed records what time alone changed', () => {
    const updated = progress(created, 30, at('2027-03-08'));
    const s = reduceAction(updated, { type: 'rag_reviewed', at: londonMidnightUtcMs('2027-03-16') }, ctx);
    expect(s.history.at(-1)).toMatchObject({ actor: null, reason: null });
    expect(s.history.at(-1)?.summary).toBe(
      'RAG reviewed: RAG changed from green to amber. Due within 10 working days (1 April 2027) and 30% complete');
    const stale = reduceAction(created, { type: 'rag_reviewed', at: londonMidnightUtcMs('2027-02-01') }, ctx);
    expect(stale.history.at(-1)?.summary).toBe(
      'RAG reviewed: now stale. On track; Stale: no update since it was created on 4 January 2027');
    expect(s.ragHistory).toHaveLength(updated.ragHistory.length); // inputs unchanged: time alone moved it
  });
});

describe('reduceAction: sign-off separation of duties and extensions pending at sign-off', () => {
  const owner: TActor = { userId: 'u-sam', role: 'programme_manager', name: 'Sam Patel' };
  const waiting = act(evidenced(progress(created, 100)), 'sign_off_requested', at('2027-02-03'), pm, {});

  it('with the programme\'s rule on, neither the requester nor the owner may sign off; someone else may', () => {
    rejects(() => act(waiting, 'signed_off', at('2027-02-04'), pm, { separateDuties: true }), 'someone other than the person who asked for it');
    rejects(() => act(waiting, 'signed_off', at('2027-02-04'), { ...owner, name: ' sam  PATEL ' }, { separateDuties: true }), 'someone other than the action’s owner');
    expect(act(waiting, 'signed_off', at('2027-02-04'), pm2, { separateDuties: true }).status).toBe('complete');
  });

  it('with the rule off (or on a sign-off recorded before the rule existed) the requester may sign off', () => {
    expect(act(waiting, 'signed_off', at('2027-02-04'), pm, { separateDuties: false }).status).toBe('complete');
    expect(act(waiting, 'signed_off', at('2027-02-04'), pm, {}).status).toBe('complete');
  });

  it('an extension pending at sign-off is closed by the system because the action was signed off, not "withdrawn" by the signer', () => {
    const open = progress(created, 100);
    const asked = act(open, 'extension_requested', at('2027-02-02'), pm, { newDueOn: '2027-05-13', justification: 'Recruitment to the new team delayed' });
    const ready = act(evidenced(asked), 'sign_off_requested', at('2027-02-03'), pm, {});
    const done = act(ready, 'signed_off', at('2027-02-04'), pm2, { separateDuties: true });
    expect(done.pendingExtension).toBeNull();
    expect(done.extensions).toEqual([expect.objectContaining({ outcome: 'closed', closedBecause: 'signed_off', newDueOn: '2027-05-13' })]);
    expect(done.history.at(-1)?.summary).toMatch(/the pending extension to 13 May 2027 was closed by the system because the action was signed off/);
    expect(ZActionState.parse(done)).toEqual(done);
  });
});
