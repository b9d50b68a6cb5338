import { clockDate, DEFAULT_CLOCKS, type TClockConfig } from '../calendar/clock-config.js';
import { formatLongDate } from '../calendar/format.js';
import { londonDateOf } from '../calendar/london-time.js';
import { defaultCalendar } from '../lifecycle/context.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import {
  armClock, assertNotInFuture, closeClocks, fireLadderTimer, lifecycleEntry, nextLadderTimer, satisfyClocks,
  type LadderCalendar, type PendingTimer,
} from '../ladder-clock/ladder-clock.js';
import type { TMonitoringVisitEvent } from './events.js';
import { DEFAULT_MV_EVIDENCE_PACK_LADDER } from './ladders.js';
import type { TMonitoringVisitPhase, TMonitoringVisitState, TMonitoringVisitSummary } from './state.js';

export interface MonitoringVisitContext {
  calendar: LadderCalendar;
  clocks: Pick<TClockConfig, 'mvEvidencePackWD' | 'mvNewActionsWD'>;
}

export function defaultMonitoringVisitContext(): MonitoringVisitContext {
  return { calendar: defaultCalendar(), clocks: DEFAULT_CLOCKS };
}

const PACK = 'evidencePack';
const NEW_ACTIONS = 'newActions';
const PHASE_WORDS: Record<TMonitoringVisitPhase, string> = {
  scheduled: 'is scheduled and fieldwork has not been recorded',
  fieldwork: 'is in fieldwork and no draft letter has been recorded',
  letter_draft: 'has a draft letter awaiting publication',
  published: 'has a published letter',
  response: 'has a published letter and its new actions confirmed',
  closed: 'is closed',
  cancelled: 'was cancelled',
};

/** Rejects unless the visit is in one of `allowed`, naming where it actually is. */
function expectPhase(s: TMonitoringVisitState, allowed: TMonitoringVisitPhase[], doing: string): void {
  if (!allowed.includes(s.phase)) throw new LifecycleRejection(`Cannot ${doing}: monitoring visit ${s.number} ${PHASE_WORDS[s.phase]}`);
}
function notBefore(what: string, date: string, earliest: string | null | undefined, earliestWhat: string): void {
  if (earliest && date < earliest) {
    throw new LifecycleRejection(`${what} (${formatLongDate(date)}) cannot be before ${earliestWhat} (${formatLongDate(earliest)})`);
  }
}

/**
 * The monitoring-visit lifecycle as a pure reducer (the workflow runs it on every Update and timer; the
 * audit view replays it). Throws LifecycleRejection with a sentence the user can act on.
 */
export function reduceMonitoringVisit(
  state: TMonitoringVisitState | null,
  event: TMonitoringVisitEvent,
  ctx: MonitoringVisitContext,
): TMonitoringVisitState {
  if (event.type === 'visit_scheduled') {
    if (state) throw new LifecycleRejection('This monitoring visit has already been scheduled');
    const { type: _t, at, newActionsLadder, ...visit } = event;
    const evidencePackDueOn = clockDate(ctx.clocks.mvEvidencePackWD, event.plannedStartOn, ctx.calendar, 'before');
    const pack = armClock({
      name: PACK, label: `Evidence pack for monitoring visit ${event.number}`, mode: 'reminder', startedOn: londonDateOf(at),
      dueOn: evidencePackDueOn, source: ctx.clocks.mvEvidencePackWD.source, ladder: DEFAULT_MV_EVIDENCE_PACK_LADDER, baseline: 1, at,
    });
    return {
      ...visit, evidencePackDueOn, phase: 'scheduled', fieldwork: null, draftLetterReceivedOn: null, accuracyCorrections: [],
      letterPublishedOn: null, findings: null, newActionsDueBy: null, newActionRefs: [], newActionsLadder, clocks: [pack],
      history: [lifecycleEntry(event, `Monitoring visit ${event.number} (${event.theme}) planned from ` +
        `${formatLongDate(event.plannedStartOn)}; evidence pack due ${formatLongDate(evidencePackDueOn)}`)],
      nextBaseline: 2, startedAt: at, version: 1, calendarVersion: ctx.calendar.version,
    };
  }
  if (!state) throw new LifecycleRejection('The monitoring visit has not been scheduled');
  const next = apply(state, event, ctx);
  return next === state ? state : { ...next, version: state.version + 1 };
}

function apply(
  s: TMonitoringVisitState,
  e: Exclude<TMonitoringVisitEvent, { type: 'visit_scheduled' }>,
  ctx: MonitoringVisitContext,
): TMonitoringVisitState {
  const log = (summary: string) => [...s.history, lifecycleEntry(e, summary)];
  switch (e.type) {
    case 'fieldwork_recorded':
      expectPhase(s, ['scheduled'], 'record fieldwork');
      assertNotInFuture('The first day of fieldwork', e.startedOn, e.at);
      if (e.endedOn < e.startedOn) throw new LifecycleRejection('Fieldwork cannot end before it starts');
      return {
        ...s, phase: 'fieldwork', fieldwork: { startedOn: e.startedOn, endedOn: e.endedOn, inspectors: e.inspectors },
        clocks: closeClocks(s.clocks, e.at, [PACK]),
        history: log(`Fieldwork ${formatLongDate(e.startedOn)} to ${formatLongDate(e.endedOn)} (${e.inspectors.join(', ')})`),
      };
    case 'draft_letter_received':
      expectPhase(s, ['fieldwork'], 'record the draft letter');
      notBefore('The draft letter', e.receivedOn, s.fieldwork?.endedOn, 'the end of fieldwork');
      assertNotInFuture('The draft letter date', e.receivedOn, e.at);
      return {
        ...s, phase: 'letter_draft', draftLetterReceivedOn: e.receivedOn,
        history: log(`Draft letter received ${formatLongDate(e.receivedOn)} for accuracy check`),
      };
    case 'accuracy_corrections_sent':
      expectPhase(s, ['letter_draft'], 'send accuracy corrections');
      notBefore('The corrections', e.sentOn, s.draftLetterReceivedOn, 'the draft letter');
      assertNotInFuture('The corrections date', e.sentOn, e.at);
      return {
        ...s, accuracyCorrections: [...s.accuracyCorrections, { sentOn: e.sentOn, note: e.note }],
        history: log(`Accuracy corrections sent to Ofsted ${formatLongDate(e.sentOn)}`),
      };
    case 'letter_published': {
      expectPhase(s, ['letter_draft'], 'publish the letter');
      notBefore('Publication', e.publishedOn, s.draftLetterReceivedOn, 'the draft letter');
      notBefore('Publication', e.publishedOn, s.accuracyCorrections.at(-1)?.sentOn, 'the last accuracy corrections');
      assertNotInFuture('The publication date', e.publishedOn, e.at);
      const due = clockDate(ctx.clocks.mvNewActionsWD, e.publishedOn, ctx.calendar);
      const clock = armClock({
        name: NEW_ACTIONS, label: `New actions from monitoring visit ${s.number}`, mode: 'deadline', startedOn: e.publishedOn,
        dueOn: due, source: ctx.clocks.mvNewActionsWD.source, ladder: s.newActionsLadder, baseline: s.nextBaseline, at: e.at,
      });
      const { areasOfProgress: p, areasForImprovement: i } = e.findings;
      return {
        ...s, phase: 'published', letterPublishedOn: e.publishedOn, findings: e.findings, newActionsDueBy: due,
        clocks: [...s.clocks, clock], nextBaseline: s.nextBaseline + 1,
        history: log(`Letter published ${formatLongDate(e.publishedOn)}: ${p.length} ${p.length === 1 ? 'area' : 'areas'} of progress, ${i.length} for improvement; ` +
          `new actions due in the plan by ${formatLongDate(due)}`),
      };
    }
    case 'new_actions_confirmed': {
      expectPhase(s, ['published', 'response'], 'confirm new actions');
      const fresh = [...new Set(e.actionRefs)].filter((r) => !s.newActionRefs.includes(r));
      if (fresh.length === 0) throw new LifecycleRejection(`Those actions are already recorded against monitoring visit ${s.number}`);
      const on = londonDateOf(e.at);
      return {
        ...s, phase: 'response', newActionRefs: [...s.newActionRefs, ...fresh],
        clocks: satisfyClocks(s.clocks, NEW_ACTIONS, on, e.at),
        history: log(`New actions in the plan: ${fresh.join(', ')}` +
          (s.newActionsDueBy && on > s.newActionsDueBy ? ` (late: due ${formatLongDate(s.newActionsDueBy)})` : '')),
      };
    }
    case 'visit_cancelled':
      expectPhase(s, ['scheduled', 'fieldwork'], 'cancel the visit');
      return { ...s, phase: 'cancelled', clocks: closeClocks(s.clocks, e.at), history: log('Monitoring visit cancelled') };
    case 'timer_fired': {
      const fired = fireLadderTimer(s.clocks, e, e.at);
      return fired ? { ...s, clocks: fired.clocks, history: log(fired.summary) } : s;
    }
    case 'visit_closed':
      if (s.phase !== 'response' || e.at < responseWindowEnd(s)) return s;
      return {
        ...s, phase: 'closed',
        history: log(`Follow-up of monitoring visit ${s.number} complete: ${s.newActionRefs.length} new actions in the plan`),
      };
  }
}

/** The end of the new-actions window: the visit closes then (or at once if confirmed after it). */
function responseWindowEnd(s: TMonitoringVisitState): number {
  return s.clocks.find((c) => c.name === NEW_ACTIONS)?.dueAt ?? 0;
}

/** What the workflow waits for next: a ladder step, or the end of the response window. */
export function nextMonitoringVisitTimer(
  s: TMonitoringVisitState,
  ctx: MonitoringVisitContext,
): PendingTimer<{ type: 'timer_fired'; clock: string; baseline: number; stepId: string | null } | { type: 'visit_closed' }> | undefined {
  const ladder = nextLadderTimer(s.clocks, ctx.calendar);
  if (s.phase === 'response') {
    const closeAt = responseWindowEnd(s);
    if (!ladder || closeAt <= ladder.fireAt) return { fireAt: closeAt, event: { type: 'visit_closed' }, ladder: null };
  }
  return ladder;
}

export const isMonitoringVisitFinished = (s: TMonitoringVisitState): boolean => s.phase === 'closed' || s.phase === 'cancelled';

export function monitoringVisitSummary(s: TMonitoringVisitState): TMonitoringVisitSummary {
  return {
    number: s.number, theme: s.theme, outcome: s.phase === 'cancelled' ? 'cancelled' : 'closed', findings: s.findings,
    newActionsDueBy: s.newActionsDueBy, letterPublishedOn: s.letterPublishedOn, newActionRefs: s.newActionRefs,
  };
}
