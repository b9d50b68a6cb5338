/**
 * The first version of this workflow, kept so that its histories replay and the workflows it started
 * run on until they continue as new into the machine version (./workflow.ts). Do not change it.
 *
 * interventionWorkflow — one authority's spell of DfE intervention (BRIEF (a) DfE track, parallel to
 * the inspection track). The DfE decides; users record each step, and impossible steps are rejected.
 *
 * Lifecycle: none → improvement_notice (non-statutory: adviser, board, plan [S23, S24]) →
 * statutory_direction (s497A Education Act 1996 via s50 Children Act 2004; commissioner appointed [S25])
 * → remain_with_council, or adm_options → adm_business_case → adm_shadow → adm_live (a trust or a
 * council-owned company, e.g. Worcestershire Children First [S12, S28, S31]) → exit_supervision → closed.
 * A direction may come without a notice; a notice may be lifted straight to closed.
 * Clocks (durations in intervention/clocks.ts, month-based; ladders there too, this product's proposal):
 *  - improvement-notice reviews, six-monthly from the notice, then from each review [S23, S24];
 *  - commissioner's report ≈3 months from appointment (Reading, Buckinghamshire, Worcestershire [S26–S28]);
 *  - reviews while services remain with the council: the same six-monthly cycle (no separate source);
 *  - quarterly commissioner updates once the ADM is live [S12, S28, S31];
 *  - exit supervision: reviews at 6 and 12 months from its start (Coventry [S32]); closure needs both.
 * Each clock reminds before its date and escalates after it while unmet; every arming has its own
 * baseline, so its escalations are recorded exactly once and never collide with another clock's.
 */
import {
  DEFAULT_COMMISSIONER_REPORT_LADDER, DEFAULT_COMMISSIONER_UPDATE_LADDER, DEFAULT_INTERVENTION_REVIEW_LADDER, defaultInterventionContext,
  checkedInterventionStep, checkedLadder, checkedPayload, ladderClockViews, nextInterventionTimer, reduceIntervention,
  type TInterventionArgs, type TInterventionEvent, type TInterventionState, type TRecordInterventionStepUpdate,
} from '@ip/domain/workflow';
import { continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { interventionStateQuery, recordInterventionStepUpdate, type InterventionView, type InterventionWorkflowArgs } from './definitions.js';
import { Lifecycle, startOrFail } from '../machine/legacy-lifecycle-runner.js';

export async function legacyInterventionWorkflow(raw: InterventionWorkflowArgs): Promise<TInterventionState> {
  const ctx = defaultInterventionContext();
  const initial = startOrFail(() => {
    // The API parsed these with ZStartInterventionInput; here, what the reducer relies on.
    const args = checkedPayload<TInterventionArgs>(raw, { programmeId: 'text?', onsCode: 'text', authorityName: 'text', ladders: 'value?' }, 'optional');
    const ladders = args.ladders ?? {};
    return reduceIntervention(null, {
      type: 'intervention_opened', at: Date.now(), id: workflowInfo().workflowId, programmeId: args.programmeId ?? null,
      onsCode: args.onsCode, authorityName: args.authorityName, actor: args.actor ?? null, reason: args.reason ?? null,
      ladders: {
        review: checkedLadder(ladders.review, 'ladders.review') ?? DEFAULT_INTERVENTION_REVIEW_LADDER,
        commissionerReport: checkedLadder(ladders.commissionerReport, 'ladders.commissionerReport') ?? DEFAULT_COMMISSIONER_REPORT_LADDER,
        commissionerUpdate: checkedLadder(ladders.commissionerUpdate, 'ladders.commissionerUpdate') ?? DEFAULT_COMMISSIONER_UPDATE_LADDER,
      },
    }, ctx);
  });
  const lc = new Lifecycle<TInterventionState, TInterventionEvent>({
    kind: 'intervention',
    reduce: (s, e) => reduceIntervention(s, e, ctx),
    nextTimer: (s) => nextInterventionTimer(s, ctx),
    finished: (s) => s.phase === 'closed',
    describe: (s) => ({
      programmeId: s.programmeId, onsCode: s.onsCode, title: `DfE intervention: ${s.authorityName}`, phase: s.phase,
      dueOn: s.clocks.filter((c) => c.status === 'running' || c.status === 'overdue').map((c) => c.dueOn).sort()[0] ?? null,
    }),
  }, initial);

  const view = (asAt = Date.now()): InterventionView => ({ ...lc.state, clocks: ladderClockViews(lc.state.clocks, asAt, ctx.calendar), asAt });
  const toEvent = (cmd: unknown): TInterventionEvent => {
    const { step, ...meta } = checkedPayload<TRecordInterventionStepUpdate>(cmd, { step: 'value' });
    return { ...checkedInterventionStep(step), ...meta, at: Date.now() };
  };
  setHandler(interventionStateQuery, (asAtMs) => view(typeof asAtMs === 'number' && asAtMs > 0 ? asAtMs : Date.now()));
  // The validator parses the step and dry-runs the reducer, so a rejected step leaves no trace in history.
  setHandler(recordInterventionStepUpdate, async (cmd) => { await lc.apply(toEvent(cmd)); return view(); },
    { validator: (cmd) => lc.check(() => toEvent(cmd)) });

  // Handlers are registered before the first await (inside run), so an Update sent with the start is not lost.
  return lc.run((state) => continueAsNew<typeof legacyInterventionWorkflow>({ ...raw, carried: state } as InterventionWorkflowArgs));
}
