/**
 * The workflow side of the domain: reducers, the working-day calendar, ladders and clocks, with no
 * zod in their import graph. Temporal evaluates every module a workflow imports once per workflow
 * (each run gets its own module cache), so schemas built at module load cost memory and start-up
 * time for every open workflow; workflows import only from here ('@ip/domain/workflow'), and only
 * types from '@ip/domain'. Inputs are validated by the schemas at the edges (the API, the seed).
 */
export { addMonths, inputDateProblem } from './calendar/iso-date.js';
export { londonDateOf } from './calendar/london-time.js';
export { DEFAULT_ACTION_LADDER, DEFAULT_INFO_REQUEST_LADDER, escalationId, ladderProblem, ladderWithDefaults, scheduleLadder } from './escalation/ladder.js';
export { decideDueStep, LATE_AFTER_MS, lateWording } from './escalation/late.js';
export { dropLogPrefix, logLengths, splitLogs, withLogBase } from './lifecycle/logs.js';
export { defaultCalendar, programmeContext } from './lifecycle/context.js';
export { LifecycleRejection, nextDeadline, reduceProgramme } from './lifecycle/reducer.js';
export { openClocks, stepKey } from './lifecycle/clocks.js';
export { PROGRAMME_CLOCK_LADDERS } from './lifecycle/clock-ladders.js';
export { clockViews } from './lifecycle/views.js';
export { clockOutcome } from './clock-outcome/outcome.js';
export { GRADES } from './schemas/grades.js';
export { checkedActor, checkedLadder, checkedPayload, checkedReason } from './lifecycle/payload.js';
export { dueWithLateRule, ladderClockViews, pendingLadderTimers } from './ladder-clock/ladder-clock.js';
export { defaultInformationRequestContext, nextInformationRequestTimer, reduceInformationRequest } from './information-request/reducer.js';
export { DEFAULT_MV_NEW_ACTIONS_LADDER } from './monitoring-visit/ladders.js';
export { monitoringVisitCommandEvent } from './monitoring-visit/commands.js';
export { MONITORING_VISIT_COMMAND_NAMES, MONITORING_VISIT_COMMANDS } from './monitoring-visit/declarations.js';
export { defaultMonitoringVisitContext, isMonitoringVisitFinished, monitoringVisitSummary, nextMonitoringVisitTimer, reduceMonitoringVisit } from './monitoring-visit/reducer.js';
export { DEFAULT_COMMISSIONER_REPORT_LADDER, DEFAULT_COMMISSIONER_UPDATE_LADDER, DEFAULT_INTERVENTION_REVIEW_LADDER } from './intervention/clocks.js';
export { defaultInterventionContext, nextInterventionTimer, reduceIntervention } from './intervention/reducer.js';
export { checkedInterventionStep } from './intervention/step-check.js';
export { informationRequestCommandEvent } from './information-request/commands.js';
export { INFORMATION_REQUEST_COMMAND_NAMES, INFORMATION_REQUEST_COMMANDS } from './information-request/declarations.js';
export { actionCommandEvent } from './action/commands.js';
export { ACTION_COMMAND_NAMES, ACTION_COMMANDS } from './action/declarations.js';
export { actionRulesWithDefaults, checkedActionDefinition, DEFAULT_ACTION_RULES } from './action/rules.js';
export { actionView, ladderStepEvent, nextActionWakeAt, nextDueActionEvent, pendingActionSteps } from './action/schedule.js';
export { ACTION_LOGS, carryActionState } from './action/carry.js';
export { defaultActionContext, reduceAction } from './action/reducer.js';
export { assessActionRag, nextRagReviewAt, sameActionRag } from './action/rag.js';
export { digestTimeProblem, DIGEST_LOCAL_TIME_DEFAULT, nextDigestSlot } from './delivery/digest.js';

/** Every type of the domain (types cost nothing at run time); a zod schema imported from here is a type error. */
export type * from './index.js';
