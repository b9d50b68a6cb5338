/**
 * informationRequestWorkflow — one information request from a committee or a person (BRIEF (c)
 * InfoRequest; seed 001: a sub-committee asked for a churn explanation "by mid-April 2019").
 *
 * Lifecycle: open → answered | withdrawn. The answer may be re-dated (extendDueDate) while open.
 * Clock: the due date is the requester's, not a statute. Its ladder (default DEFAULT_INFO_REQUEST_LADDER,
 * BRIEF (b) "proposed, not mandated": overdue → committee chair and democratic services) reminds
 * before the date and escalates at the end of it in London. An extension re-arms the ladder with a
 * fresh baseline; the escalations already recorded stay on record. The workflow completes when the
 * request is answered or withdrawn, so nothing can fire afterwards.
 *
 * It runs as a machine (./machine.ts, ../machine/runner.ts): small history, projections as deltas,
 * continue-as-new, the late-escalation rule. Workflows the first version started keep running it
 * (./legacy-workflow.ts) until they grow long, then continue as new into this.
 */
import { patched } from '@temporalio/workflow';
import { MACHINE_PATCH } from '../machine/spec.js';
import { runMachine } from '../machine/runner.js';
import { informationRequestStateQuery } from './definitions.js';
import { legacyInformationRequestWorkflow } from './legacy-workflow.js';
import { informationRequestMachine, informationRequestView, type InformationRequestRunArgs } from './machine.js';

export async function informationRequestWorkflow(args: InformationRequestRunArgs): Promise<unknown> {
  if (!patched(MACHINE_PATCH)) return legacyInformationRequestWorkflow(args);
  return runMachine(informationRequestMachine(), args, { query: { name: informationRequestStateQuery.name, view: informationRequestView } });
}
