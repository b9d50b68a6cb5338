/** The DfE intervention workflow as a machine (../machine/ladder-clock-machine.ts). Pure and workflow-safe. */
import {
  checkedInterventionStep, checkedLadder, checkedPayload, DEFAULT_COMMISSIONER_REPORT_LADDER, DEFAULT_COMMISSIONER_UPDATE_LADDER,
  DEFAULT_INTERVENTION_REVIEW_LADDER, defaultInterventionContext, ladderClockViews, nextInterventionTimer, reduceIntervention,
  type TInterventionArgs, type TInterventionEvent, type TInterventionState, type TRecordInterventionStepUpdate,
} from '@ip/domain/workflow';
import { ladderClockMachine } from '../machine/ladder-clock-machine.js';
import type { RunArgs } from '../machine/spec.js';
import type { InterventionView, InterventionWorkflowArgs } from './definitions.js';

export type InterventionRunArgs = InterventionWorkflowArgs & RunArgs<TInterventionState>;

export function interventionMachine() {
  const ctx = defaultInterventionContext();
  return ladderClockMachine<TInterventionState, TInterventionEvent, InterventionRunArgs>({
    workflowType: 'interventionWorkflow',
    kind: 'intervention',
    calendar: ctx.calendar,
    init(raw, id, at) {
      // The API parsed these with ZStartInterventionInput; here, what the reducer relies on.
      const args = checkedPayload<TInterventionArgs>(raw, { programmeId: 'text?', onsCode: 'text', authorityName: 'text', ladders: 'value?' }, 'optional');
      const ladders = args.ladders ?? {};
      return reduceIntervention(null, {
        type: 'intervention_opened', at, id, programmeId: args.programmeId ?? null,
        onsCode: args.onsCode, authorityName: args.authorityName, actor: args.actor ?? null, reason: args.reason ?? null,
        ladders: {
          review: checkedLadder(ladders.review, 'ladders.review') ?? DEFAULT_INTERVENTION_REVIEW_LADDER,
          commissionerReport: checkedLadder(ladders.commissionerReport, 'ladders.commissionerReport') ?? DEFAULT_COMMISSIONER_REPORT_LADDER,
          commissionerUpdate: checkedLadder(ladders.commissionerUpdate, 'ladders.commissionerUpdate') ?? DEFAULT_COMMISSIONER_UPDATE_LADDER,
        },
      }, ctx);
    },
    reduce: (s, e) => reduceIntervention(s, e, ctx),
    nextTimer: (s) => nextInterventionTimer(s, ctx),
    finished: (s) => s.phase === 'closed',
    describe: (s) => ({
      programmeId: s.programmeId, onsCode: s.onsCode, title: `DfE intervention: ${s.authorityName}`, phase: s.phase,
      dueOn: s.clocks.filter((c) => c.status === 'running' || c.status === 'overdue').map((c) => c.dueOn).sort()[0] ?? null,
    }),
    updates: {
      recordInterventionStep(cmd, at): TInterventionEvent {
        const { step, ...meta } = checkedPayload<TRecordInterventionStepUpdate>(cmd, { step: 'value' });
        return { ...checkedInterventionStep(step), ...meta, at };
      },
    },
  });
}

export function interventionView(s: TInterventionState, asAt: number): InterventionView {
  return { ...s, clocks: ladderClockViews(s.clocks, asAt, defaultInterventionContext().calendar), asAt };
}
