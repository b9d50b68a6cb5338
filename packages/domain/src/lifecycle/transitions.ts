import { addMonths } from '../calendar/iso-date.js';
import { formatLongDate } from '../calendar/format.js';
import { GRADE_LABELS, type TGrade } from '../schemas/grades.js';
import type { TInspection } from '../schemas/inspection.js';
import { ladderWithDefaults } from '../escalation/ladder.js';
import { MONITORING_GAP_MONTHS, PLAN_MILESTONES, PROGRAMME_CLOCK_LADDERS } from './clock-ladders.js';
import { closeOpenClocks, makeClock, satisfyClock } from './clocks.js';
import type { TProgrammeEvent } from './events.js';
import { entry, LifecycleRejection, type LifecycleContext } from './transition-kit.js';
import type { TClock, TProgrammePhase, TProgrammeState } from './state.js';

function ladderId(ctx: LifecycleContext, clock: string): string {
  return (ctx.ladders ?? PROGRAMME_CLOCK_LADDERS)[clock]?.id ?? clock;
}

function wdClock(ctx: LifecycleContext, name: string, label: string, from: string, n: number, source: string): TClock {
  return makeClock(name, label, from, ctx.calendar.addWorkingDays(from, n), n, source, ladderId(ctx, name));
}

function requirePhase(state: TProgrammeState, allowed: TProgrammePhase[], what: string): void {
  if (!allowed.includes(state.phase)) {
    throw new LifecycleRejection(`${what} is not possible now: the programme is ${state.phase.replace(/_/g, ' ')}`);
  }
}

/** Clocks an inspection's report starts: publish (30 WD) and, when a plan is required, the plan (70 WD). */
function reportClocks(ctx: LifecycleContext, inspection: TInspection): { clocks: TClock[]; phase: TProgrammePhase; grade: TGrade } {
  const grade = inspection.judgements.overallEffectiveness;
  const received = inspection.reportReceivedOn;
  const clocks = [wdClock(ctx, 'publishReport', 'Publish the inspection report', received, ctx.clocks.publishReport.value, ctx.clocks.publishReport.source)];
  const needsPlan = grade === 'inadequate' || grade === 'requires_improvement';
  if (needsPlan) {
    clocks.push(wdClock(ctx, 'actionPlan', 'Submit the action plan to Ofsted', received, ctx.clocks.actionPlan.value, ctx.clocks.actionPlan.source));
  }
  return { clocks, phase: needsPlan ? 'action_planning' : 'routine', grade };
}

function inspectionSummary(prefix: string, grade: TGrade, received: string, clocks: TClock[]): string {
  const plan = clocks.find((c) => c.name === 'actionPlan');
  return `${prefix}: ${GRADE_LABELS[grade]}; report received ${formatLongDate(received)}` +
    (plan ? `; action plan due ${formatLongDate(plan.dueOn)}` : '');
}

/** Events people send, each checked against the phase it is allowed in. */
export function applyHumanEvent(
  state: TProgrammeState,
  event: Exclude<TProgrammeEvent, { type: 'programme_started' | 'ladder_step_fired' | 'clock_elapsed' | 'monitoring_visit_closed' }>,
  ctx: LifecycleContext,
): TProgrammeState {
  const h = (summary: string) => [...state.history, entry(event, summary)];
  switch (event.type) {
    case 'inspection_recorded': {
      if (state.phase !== 'awaiting_inspection') {
        throw new LifecycleRejection(`An inspection has already been recorded for this programme (phase: ${state.phase})`);
      }
      const { clocks, phase, grade } = reportClocks(ctx, event.inspection);
      return { ...state, phase, grade, inspection: event.inspection, clocks: [...state.clocks, ...clocks],
        history: h(inspectionSummary('Inspection recorded', grade, event.inspection.reportReceivedOn, clocks)) };
    }
    case 'report_published': {
      const clock = state.clocks.find((c) => c.name === 'publishReport' && c.closedAt === null);
      if (!clock) throw new LifecycleRejection('There is no inspection report waiting to be published');
      if (event.publishedOn < clock.startedOn) throw new LifecycleRejection('publishedOn: the report cannot be published before it was received');
      return { ...state, clocks: satisfyClock(state.clocks, 'publishReport', event.publishedOn, event.at),
        history: h(`Inspection report published on ${formatLongDate(event.publishedOn)}`) };
    }
    case 'milestones_scheduled': {
      const plan = state.clocks.find((c) => c.name === 'actionPlan' && c.closedAt === null);
      if (!plan || state.grade !== 'inadequate') return state;
      const milestones = PLAN_MILESTONES.map((m) => {
        const anchor = m.from === 'received' ? plan.startedOn : plan.dueOn;
        const dueOn = ctx.calendar.addWorkingDays(anchor, m.workingDays);
        return makeClock(m.name, m.label, plan.startedOn, dueOn, m.workingDays, 'Back-scheduled plan milestone (BRIEF (b), proposed)', ladderId(ctx, m.name));
      });
      return { ...state, clocks: [...state.clocks, ...milestones],
        history: h(`Plan milestones scheduled: ${milestones.map((m) => `${m.label} by ${formatLongDate(m.dueOn)}`).join('; ')}`) };
    }
    case 'milestone_completed': {
      requirePhase(state, ['action_planning'], 'Completing a plan milestone');
      const clock = state.clocks.find((c) => c.name === event.milestone && c.closedAt === null);
      // (priorityActionDraft is the 20 WD draft after a focused visit; the rest back-schedule the 70 WD plan.)
      if (!clock) throw new LifecycleRejection(`milestone: ${event.milestone} is not an open milestone of this plan`);
      return { ...state, clocks: satisfyClock(state.clocks, event.milestone, event.completedOn, event.at),
        history: h(`${clock.label}: done on ${formatLongDate(event.completedOn)}`) };
    }
    case 'plan_submitted': {
      if (state.phase !== 'action_planning') throw new LifecycleRejection(`There is no action plan to submit (phase: ${state.phase})`);
      const plan = state.clocks.find((c) => c.name === 'actionPlan' || c.name === 'priorityActionPlan');
      if (plan && event.submittedOn < plan.startedOn) throw new LifecycleRejection('submittedOn: the plan cannot be submitted before the report was received');
      let clocks = satisfyClock(state.clocks, 'actionPlan', event.submittedOn, event.at);
      clocks = satisfyClock(clocks, 'priorityActionPlan', event.submittedOn, event.at);
      // Milestones still open when the plan goes in are overtaken by it.
      for (const m of PLAN_MILESTONES) clocks = satisfyClock(clocks, m.name, event.submittedOn, event.at);
      return { ...state, phase: 'plan_submitted', clocks, planSubmittedOn: event.submittedOn, planResponse: null,
        history: h(`Action plan submitted on ${formatLongDate(event.submittedOn)}`) };
    }
    case 'plan_response_recorded': {
      requirePhase(state, ['plan_submitted'], "Recording Ofsted's response to the plan");
      const accepted = event.outcome === 'accepted';
      const monitoring = accepted && state.grade === 'inadequate';
      const clocks = monitoring
        ? [...state.clocks, makeClock('nextMonitoringVisit', 'Next monitoring visit expected', event.letterOn,
            addMonths(event.letterOn, MONITORING_GAP_MONTHS), 0, `No visit within ${MONITORING_GAP_MONTHS} months (BRIEF (b), proposed)`, ladderId(ctx, 'nextMonitoringVisit'))]
        : state.clocks;
      return { ...state, clocks, phase: accepted ? (monitoring ? 'monitoring' : 'routine') : 'action_planning',
        planResponse: { outcome: event.outcome, letterOn: event.letterOn, comments: event.comments ?? '' },
        history: h(`Ofsted ${accepted ? 'accepted' : 'returned'} the action plan (letter ${formatLongDate(event.letterOn)})`) };
    }
    case 'monitoring_visit_scheduled': {
      requirePhase(state, ['monitoring'], 'Scheduling a monitoring visit');
      const expected = state.visits.length + 1;
      if (event.number !== expected) throw new LifecycleRejection(`number: the next monitoring visit is number ${expected}`);
      if (state.visits.some((v) => v.status === 'scheduled')) throw new LifecycleRejection('Monitoring visit ' + (expected - 1) + ' is still open: close it before scheduling the next');
      const gap = makeClock('nextMonitoringVisit', 'Next monitoring visit expected', event.plannedStartOn,
        addMonths(event.plannedStartOn, MONITORING_GAP_MONTHS), 0, `No visit within ${MONITORING_GAP_MONTHS} months (BRIEF (b), proposed)`, ladderId(ctx, 'nextMonitoringVisit'));
      // The visit being booked answers the open gap clock; a new one counts from this visit.
      const clocks = [...satisfyClock(state.clocks, 'nextMonitoringVisit', event.plannedStartOn, event.at), gap];
      return { ...state, clocks,
        visits: [...state.visits, { number: event.number, theme: event.theme, plannedStartOn: event.plannedStartOn, workflowId: event.workflowId, status: 'scheduled', letterPublishedOn: null }],
        history: h(`Monitoring visit ${event.number} scheduled for ${formatLongDate(event.plannedStartOn)} (theme: ${event.theme})`) };
    }
    case 'reinspection_recorded': {
      requirePhase(state, ['monitoring', 'routine', 'plan_submitted'], 'Recording a re-inspection');
      const grade = event.inspection.judgements.overallEffectiveness;
      const closed = closeOpenClocks(state.clocks, event.at);
      const ended = { cycle: state.cycle, grade: state.grade, endedAt: event.at };
      if (grade !== 'inadequate') {
        return { ...state, phase: 'closed', grade, inspection: event.inspection, clocks: closed, previousCycles: [...state.previousCycles, ended],
          history: h(`Re-inspection: ${GRADE_LABELS[grade]}. The authority leaves intervention; programme closed`) };
      }
      const next = reportClocks(ctx, event.inspection);
      return { ...state, phase: 'action_planning', grade, inspection: event.inspection, cycle: state.cycle + 1, visits: [],
        planSubmittedOn: null, planResponse: null, clocks: [...closed, ...next.clocks], previousCycles: [...state.previousCycles, ended],
        history: h(inspectionSummary(`Re-inspection: still inadequate; cycle ${state.cycle + 1} begins`, grade, event.inspection.reportReceivedOn, next.clocks)) };
    }
    case 'focused_visit_recorded': {
      requirePhase(state, ['routine'], 'Recording a focused visit');
      if (event.priorityActionAreas.length === 0) {
        return { ...state, history: h(`Focused visit on ${formatLongDate(event.visitOn)} (${event.theme}): no areas for priority action`) };
      }
      const c = ctx.clocks;
      const clocks = [
        wdClock(ctx, 'priorityActionDraft', 'Draft plan for areas for priority action', event.letterReceivedOn, c.priorityActionDraft.value, c.priorityActionDraft.source),
        wdClock(ctx, 'priorityActionPlan', 'Plan for areas for priority action', event.letterReceivedOn, c.actionPlan.value, c.actionPlan.source),
      ];
      return { ...state, phase: 'action_planning', clocks: [...state.clocks, ...clocks],
        history: h(`Focused visit on ${formatLongDate(event.visitOn)} (${event.theme}) found ${event.priorityActionAreas.length} area(s) for priority action; draft due ${formatLongDate(clocks[0]!.dueOn)}, plan due ${formatLongDate(clocks[1]!.dueOn)}`) };
    }
    case 'programme_configured': {
      if (event.actor.role !== 'admin') throw new LifecycleRejection('Only an admin can change escalation ladders or the calendar');
      // Parsed here (defaults filled, e.g. the ladder's local firing time), whatever the caller sent.
      const given = Object.fromEntries(Object.entries(event.ladders ?? {}).map(([k, l]) => [k, ladderWithDefaults(l)]));
      const ladders = { ...state.config.ladders, ...given };
      const changed = [
        ...Object.keys(event.ladders ?? {}).map((k) => `ladder for ${k}`),
        ...(event.calendarOverrides ? [`calendar (${event.calendarOverrides.add.length} added, ${event.calendarOverrides.remove.length} removed days)`] : []),
      ];
      if (changed.length === 0) throw new LifecycleRejection('Nothing to change: give ladders or calendar overrides');
      return { ...state, config: { ladders, calendarOverrides: event.calendarOverrides ?? state.config.calendarOverrides },
        history: h(`Configuration changed: ${changed.join('; ')} (applies to reminders and deadlines from now on)`) };
    }
    case 'engagement_meeting_recorded': {
      requirePhase(state, ['routine', 'action_planning', 'plan_submitted', 'monitoring'], 'Recording an annual engagement meeting');
      return { ...state, history: h(`Annual engagement meeting held on ${formatLongDate(event.heldOn)}`) };
    }
  }
}
