/**
 * The machine shared by the lifecycles whose deadlines are ladder clocks (information requests,
 * monitoring visits, DfE interventions): a reducer, a next timer, and the late-escalation rule
 * applied to whichever ladder step falls due. Pure and workflow-safe.
 */
import {
  dropLogPrefix, dueWithLateRule, escalationId, scheduleLadder, type LadderCalendar, type PendingTimer, type TLadderClock, type TTimerFired,
} from '@ip/domain/workflow';
import type { EscalationFact, LifecycleRecordProjection } from '@ip/activities';
import type { MachineSpec, MachineState } from './spec.js';

type ClockState = MachineState & { clocks: TLadderClock[] };
type Row = Pick<LifecycleRecordProjection, 'programmeId' | 'onsCode' | 'title' | 'phase' | 'dueOn'>;

export interface LadderClockLifecycle<S extends ClockState, E extends { type: string; at: number }, A> {
  workflowType: string;
  kind: LifecycleRecordProjection['kind'];
  calendar: Pick<LadderCalendar, 'addWorkingDays'>;
  // Function-valued properties, not methods: the machine hands them on unbound (no `this`).
  init: (args: A, workflowId: string, at: number) => S;
  reduce: (state: S, event: E) => S;
  /** The next timer of the lifecycle (a ladder step, a deadline, or its own, e.g. a window closing). */
  nextTimer: (state: S) => PendingTimer<Omit<E, 'at'>> | undefined;
  finished: (state: S) => boolean;
  describe: (state: S) => Row;
  updates: MachineSpec<S, E, A>['updates'];
  result?: (state: S) => unknown;
}

export function ladderClockMachine<S extends ClockState, E extends { type: string; at: number }, A>(
  l: LadderClockLifecycle<S, E, A>,
): MachineSpec<S, E, A> {
  return {
    workflowType: l.workflowType,
    projection: l.kind,
    logs: ['history'],
    init: l.init,
    resume: (carried) => carried,
    reduce: l.reduce,
    updates: l.updates,
    nextDue(s, at) {
      const due = dueWithLateRule(l.nextTimer(s), at, s.clocks, l.calendar);
      return due ? ({ ...due, at } as unknown as E) : null;
    },
    nextWakeAt(s, at) {
      const t = l.nextTimer(s);
      return t && t.fireAt > at ? t.fireAt : null;
    },
    finished: l.finished,
    carry: (s) => dropLogPrefix(s, { history: s.history.length }),
    escalations(e, s, workflowId): EscalationFact[] {
      const t = e as unknown as Partial<TTimerFired> & { type: string; at: number };
      if (t.type !== 'timer_fired' || !t.stepId || (t.outcome ?? 'fired') !== 'fired') return [];
      const clock = s.clocks.find((c) => c.name === t.clock && c.baseline === t.baseline);
      const scheduled = clock && scheduleLadder(clock.ladder, clock.dueOn, l.calendar).find((x) => x.step.id === t.stepId);
      if (!clock || !scheduled) return [];
      const row = l.describe(s);
      return [{
        id: escalationId(workflowId, clock.ladder.id, scheduled.step.id, clock.baseline), workflowId, programmeId: row.programmeId,
        subjectKind: l.kind, subjectId: workflowId, subjectTitle: row.title, ladderId: clock.ladder.id, stepId: scheduled.step.id,
        kind: scheduled.step.kind, level: scheduled.step.level, label: scheduled.step.label, dueOn: clock.dueOn, fireAt: scheduled.fireAt,
        firedAt: t.at, raisedLate: t.late === true,
      }];
    },
    row: (s) => ({ kind: l.kind, ...l.describe(s) }),
    ...(l.result ? { result: l.result } : {}),
  };
}
