/**
 * actionWorkflow — one improvement-plan action, from creation to sign-off or cancellation.
 *
 * Lifecycle (the domain reducer `reduceAction`): open → progress and evidence → sign-off requested →
 * signed off (complete) or returned to the owner; extensions are asked for by one person and approved
 * by another, and each approval moves the due date and re-baselines the escalation ladder; a
 * programme manager may cancel at any time before completion. The workflow ends on completion or
 * cancellation, and nothing fires after that.
 *
 * Clocks, and where each comes from:
 *  - the escalation ladder: `args.ladder`, default DEFAULT_ACTION_LADDER = BRIEF (b) "proposed, not
 *    mandated": owner reminders at T−10 and T−5 WD, red and the workstream lead at T+0, programme
 *    manager at +5 WD, AD/DCS and the board exception report at +10 WD, board chair and DfE
 *    adviser/commissioner at +20 WD for Ofsted-linked actions only. Working days per SI 2007/462
 *    (England & Wales bank holidays, Christmas Day, Good Friday); instants per scheduleLadder. Steps
 *    found due long after their instant follow the late-escalation rule (domain escalation/late.ts).
 *  - 'stale' after DEFAULT_CLOCKS.staleAfterWD (20 WD, BRIEF (b), proposed) without an update, amber
 *    10 WD before the due date and chronic amber at month ends: local rules, see domain action/rag.ts.
 *    The workflow wakes when time alone changes the RAG, so the read model never shows a stale RAG.
 *
 * It runs as a machine (./machine.ts, ../machine/runner.ts): small history, projections as deltas,
 * continue-as-new. Workflows the first version started (no machine-runner marker in their history)
 * keep running it (./legacy-workflow.ts) until their run grows long, then continue as new into this.
 */
import { patched } from '@temporalio/workflow';
import { MACHINE_PATCH } from '../machine/spec.js';
import { runMachine } from '../machine/runner.js';
import { legacyActionWorkflow } from './legacy-workflow.js';
import { actionMachine, actionQueryView, type ActionRunArgs } from './machine.js';
import { actionStateQuery } from './definitions.js';

export async function actionWorkflow(args: ActionRunArgs): Promise<unknown> {
  if (!patched(MACHINE_PATCH)) return legacyActionWorkflow(args);
  return runMachine(actionMachine(args), args, { query: { name: actionStateQuery.name, view: actionQueryView(args) } });
}
