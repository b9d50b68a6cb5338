/**
 * The programme workflow as a machine (../machine/spec.ts): what programmeWorkflow runs from the
 * machine-runner version on (and every continued run), and what the audit fold replays. Pure and
 * workflow-safe.
 */
import {
  checkedActor, checkedPayload, checkedReason, decideDueStep, dropLogPrefix, escalationId, GRADES, ladderProblem, LifecycleRejection,
  PROGRAMME_CLOCK_LADDERS, scheduleLadder, stepKey, type TProgrammeEvent, type TProgrammeState,
} from '@ip/domain/workflow';
import type { EscalationFact } from '@ip/activities';
import type { MachineSpec, RunArgs } from '../machine/spec.js';
import { monitoringVisitWorkflowId } from '../monitoring-visit/definitions.js';
import { PROGRAMME_COMMANDS, type HumanCommand, type ProgrammeWorkflowArgs } from './definitions.js';
import { pendingSteps, type PendingStep } from './ladder-timers.js';
import {
  applyProgrammeEvent, initialProgrammeState, programmeCommandEvent, programmeContextOf, visitClosedEvent, visitScheduledEvent,
} from './steps.js';

export type ProgrammeRunArgs = ProgrammeWorkflowArgs & RunArgs<TProgrammeState>;

/** What a programme workflow completes with (its whole state is in the read model and history). */
export interface ProgrammeResult {
  programmeId: string;
  phase: TProgrammeState['phase'];
  version: number;
}

/** The programme's ladder steps due at `at`, in firing order. */
function dueSteps(args: ProgrammeWorkflowArgs, s: TProgrammeState, at: number): PendingStep[] {
  const ctx = programmeContextOf(args, s);
  return pendingSteps(s, ctx.ladders, ctx.calendar).filter((p) => p.fireAt <= at);
}

/** What every human command carries, checked as the first version's validator did. */
function human(cmd: unknown): HumanCommand {
  const c = (cmd ?? {}) as Record<string, unknown>;
  try {
    checkedActor(c.actor);
  } catch {
    throw new LifecycleRejection('actor: a signed-in user is required');
  }
  if (typeof c.reason !== 'string' || c.reason.trim().length < 3) throw new LifecycleRejection('reason: give a reason');
  return { ...(c as object), actor: c.actor, reason: checkedReason(c.reason) } as HumanCommand;
}

/** The command payload checks beyond actor and reason: what the reducer relies on (the API parsed it with zod). */
function checkCommand(type: string, cmd: Record<string, unknown>): void {
  if (type === 'programme_configured') {
    for (const [clock, ladder] of Object.entries((cmd.ladders as Record<string, unknown> | undefined) ?? {})) {
      const problem = ladderProblem(ladder, `ladders.${clock}`);
      if (problem) throw new LifecycleRejection(problem);
    }
  }
  if (type === 'inspection_recorded' || type === 'reinspection_recorded') {
    const i = checkedPayload<{ judgements: unknown }>(cmd.inspection, {
      type: 'value', fieldworkStartedOn: 'date', fieldworkEndedOn: 'date', reportReceivedOn: 'date', judgements: 'value',
    }, 'none', 'inspection');
    checkedPayload(i.judgements, { overallEffectiveness: 'value' }, 'none', 'inspection.judgements');
    const grade = (i.judgements as { overallEffectiveness: unknown }).overallEffectiveness;
    if (!GRADES.includes(grade as never)) throw new LifecycleRejection(`inspection.judgements.overallEffectiveness: expected one of ${GRADES.join(', ')}`);
  }
}

export function programmeMachine(args: ProgrammeWorkflowArgs): MachineSpec<TProgrammeState, TProgrammeEvent, ProgrammeRunArgs> {
  const updates: Record<string, (payload: unknown, at: number, s: TProgrammeState) => TProgrammeEvent> = {};
  for (const [name, type] of Object.entries(PROGRAMME_COMMANDS)) {
    updates[name] = (payload, at) => {
      const cmd = human(payload);
      checkCommand(type, cmd as unknown as Record<string, unknown>);
      return programmeCommandEvent(type, cmd, at);
    };
  }
  updates.scheduleMonitoringVisit = (payload, at, s) => {
    const cmd = { ...checkedPayload<{ number: number; theme: string; plannedStartOn: string }>(payload, { number: 'value', theme: 'text', plannedStartOn: 'date' }, 'none'), ...human(payload) };
    if (!Number.isSafeInteger(cmd.number) || cmd.number < 1) throw new LifecycleRejection('number: a whole number from 1');
    return visitScheduledEvent(cmd, monitoringVisitWorkflowId(s.programmeId, cmd.number), at);
  };

  return {
    workflowType: 'programmeWorkflow',
    projection: 'programme',
    logs: ['history'],
    init: (a, _workflowId, at) => initialProgrammeState({ ...a, carried: undefined }, at),
    resume: (carried) => carried,
    reduce: (s, e) => applyProgrammeEvent(s, e, programmeContextOf(args, s), true),
    updates,
    nextDue(s, at) {
      if (s.phase === 'closed') return null;
      const due = dueSteps(args, s, at);
      const first = due[0];
      if (!first) return null;
      const sameClock = due.filter((p) => p.clock.name === first.clock.name && p.clock.startedOn === first.clock.startedOn);
      const d = decideDueStep(sameClock.map((p) => ({ kind: p.step.kind, fireAt: p.fireAt })), at, first.clock.dueAt);
      const base = { type: 'ladder_step_fired' as const, at, clock: first.clock.name, stepId: first.step.id, key: first.key, offsetWorkingDays: first.step.offsetWorkingDays, label: first.step.label };
      if (d.outcome === 'fired') return { ...base, outcome: 'fired', late: d.late };
      if (d.outcome === 'skipped') return { ...base, outcome: 'skipped', skippedBecause: d.because };
      return { ...base, outcome: 'superseded' };
    },
    nextWakeAt(s, at) {
      if (s.phase === 'closed') return null;
      const ctx = programmeContextOf(args, s);
      return pendingSteps(s, ctx.ladders, ctx.calendar).find((p) => p.fireAt > at)?.fireAt ?? null;
    },
    finished: (s) => s.phase === 'closed',
    carry: (s) => dropLogPrefix(s, { history: s.history.length }),
    escalations(e, s): EscalationFact[] {
      if (e.type !== 'ladder_step_fired' || e.outcome !== 'fired') return [];
      const clock = s.clocks.find((c) => stepKey(c, e.stepId) === e.key);
      if (!clock) return [];
      const ctx = programmeContextOf(args, s);
      const ladder = ctx.ladders?.[clock.name] ?? PROGRAMME_CLOCK_LADDERS[clock.name];
      const scheduled = ladder && scheduleLadder(ladder, clock.dueOn, ctx.calendar).find((x) => x.step.id === e.stepId);
      if (!ladder || !scheduled) return [];
      return [{
        id: escalationId(s.programmeId, ladder.id, `${e.stepId}@${clock.startedOn}`, s.cycle),
        workflowId: s.programmeId, programmeId: s.programmeId, subjectKind: 'programme', subjectId: s.programmeId,
        subjectTitle: `${s.authorityName}: ${clock.label}`, ladderId: ladder.id, stepId: e.stepId, kind: scheduled.step.kind,
        level: scheduled.step.level, label: scheduled.step.label, dueOn: clock.dueOn, fireAt: scheduled.fireAt, firedAt: e.at,
        raisedLate: e.late === true,
      }];
    },
    result: (s): ProgrammeResult => ({ programmeId: s.programmeId, phase: s.phase, version: s.version }),
    children: {
      startedBy: (e, s) => e.type !== 'monitoring_visit_scheduled' ? null : {
        workflowType: 'monitoringVisitWorkflow', workflowId: e.workflowId,
        args: { programmeId: s.programmeId, onsCode: s.onsCode, authorityName: s.authorityName, number: e.number, theme: e.theme, plannedStartOn: e.plannedStartOn },
      },
      closed(s, workflowId, result, at) {
        const visit = s.visits.find((v) => v.workflowId === workflowId);
        return visit ? visitClosedEvent(visit.number, result as { letterPublishedOn?: string | null } | null, at) : null;
      },
    },
  };
}
