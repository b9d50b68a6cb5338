/**
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
 *
 * It runs as a machine (./machine.ts, ../machine/runner.ts): small history, projections as deltas,
 * continue-as-new, the late-escalation rule. Workflows the first version started keep running it
 * (./legacy-workflow.ts) until they grow long, then continue as new into this.
 */
import { patched } from '@temporalio/workflow';
import { MACHINE_PATCH } from '../machine/spec.js';
import { runMachine } from '../machine/runner.js';
import { interventionStateQuery } from './definitions.js';
import { legacyInterventionWorkflow } from './legacy-workflow.js';
import { interventionMachine, interventionView, type InterventionRunArgs } from './machine.js';

export async function interventionWorkflow(args: InterventionRunArgs): Promise<unknown> {
  if (!patched(MACHINE_PATCH)) return legacyInterventionWorkflow(args);
  return runMachine(interventionMachine(), args, { query: { name: interventionStateQuery.name, view: interventionView } });
}
