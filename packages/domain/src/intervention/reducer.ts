import { addMonths } from '../calendar/iso-date.js';
import { formatLongDate } from '../calendar/format.js';
import { defaultCalendar } from '../lifecycle/context.js';
import { LifecycleRejection } from '../lifecycle/reducer.js';
import {
  armClock, assertNotInFuture, closeClocks, fireLadderTimer, isLadderClockActive, lifecycleEntry, nextLadderTimer, satisfyClocks,
  type LadderCalendar, type PendingTimer, type TLadderClock, type TTimerFired,
} from '../ladder-clock/ladder-clock.js';
import { DEFAULT_INTERVENTION_CLOCKS, type InterventionClocks } from './clocks.js';
import type { TInterventionEvent } from './events.js';
import type { TInterventionStep, TInterventionStepType } from './schemas.js';
import type { TInterventionPhase, TInterventionState } from './state.js';

export interface InterventionContext {
  calendar: LadderCalendar;
  clocks: InterventionClocks;
}

export function defaultInterventionContext(): InterventionContext {
  return { calendar: defaultCalendar(), clocks: DEFAULT_INTERVENTION_CLOCKS };
}

const PHASE_WORDS: Record<TInterventionPhase, string> = {
  none: 'not under DfE intervention',
  improvement_notice: 'under an improvement notice',
  statutory_direction: 'under a statutory direction',
  remain_with_council: 'under a direction with services remaining with the council',
  adm_options: 'directed to consider alternative delivery models',
  adm_business_case: 'preparing the alternative delivery model business case',
  adm_shadow: 'running the alternative delivery model in shadow form',
  adm_live: 'delivering services through the alternative delivery model',
  exit_supervision: 'in exit supervision',
  closed: 'out of intervention (closed)',
};
const STEP_WORDS: Record<TInterventionStepType, string> = {
  improvement_notice_issued: 'an improvement notice', statutory_direction_issued: 'a statutory direction',
  commissioner_report_received: "the commissioner's report", remain_with_council_decided: 'a decision to keep services with the council',
  adm_options_directed: 'a direction to consider alternative delivery models', adm_business_case_submitted: 'the ADM business case',
  adm_shadow_started: 'the start of shadow running', adm_went_live: 'the ADM going live', exit_supervision_started: 'the start of exit supervision',
  review_held: 'a review', commissioner_update_received: 'a commissioner update', intervention_closed: 'the end of intervention',
};
/** Which phases each step may follow: the DfE track of BRIEF (a). A direction may come without a notice (Worcestershire). */
const FROM: Record<TInterventionStepType, TInterventionPhase[]> = {
  improvement_notice_issued: ['none'],
  statutory_direction_issued: ['none', 'improvement_notice'],
  commissioner_report_received: ['statutory_direction'],
  remain_with_council_decided: ['statutory_direction'],
  adm_options_directed: ['statutory_direction'],
  adm_business_case_submitted: ['adm_options'],
  adm_shadow_started: ['adm_business_case'],
  adm_went_live: ['adm_shadow'],
  exit_supervision_started: ['remain_with_council', 'adm_live'],
  review_held: ['improvement_notice', 'remain_with_council', 'exit_supervision'],
  commissioner_update_received: ['adm_live'],
  intervention_closed: ['improvement_notice', 'exit_supervision'],
};
const REVIEW_CLOCKS = ['noticeReview', 'directionReview', 'supervisionReview'];

/**
 * The DfE intervention track as a pure reducer (workflow and audit replay). Throws LifecycleRejection
 * with a sentence naming where the authority is and what the step must follow.
 */
export function reduceIntervention(
  state: TInterventionState | null,
  event: TInterventionEvent,
  ctx: InterventionContext,
): TInterventionState {
  if (event.type === 'intervention_opened') {
    if (state) throw new LifecycleRejection('This intervention record already exists');
    return {
      id: event.id, programmeId: event.programmeId, onsCode: event.onsCode, authorityName: event.authorityName, phase: 'none',
      notice: null, direction: null, commissionerReport: null, adm: null, supervision: null, reviews: [], commissionerUpdates: [],
      closedOn: null, lastStepOn: null, ladders: event.ladders, clocks: [],
      history: [lifecycleEntry(event, `DfE intervention record opened for ${event.authorityName}`)],
      nextBaseline: 1, startedAt: event.at, version: 1, calendarVersion: ctx.calendar.version,
    };
  }
  if (!state) throw new LifecycleRejection('The intervention record has not been opened');
  const next = event.type === 'timer_fired' ? onTimer(state, event) : onStep(state, event, ctx);
  return next === state ? state : { ...next, version: state.version + 1 };
}

function onTimer(s: TInterventionState, e: { at: number; type: 'timer_fired' } & TTimerFired): TInterventionState {
  const fired = fireLadderTimer(s.clocks, e, e.at);
  return fired ? { ...s, clocks: fired.clocks, history: [...s.history, lifecycleEntry(e, fired.summary)] } : s;
}

type StepEvent = Extract<TInterventionEvent, { actor: unknown }> & TInterventionStep;

function onStep(s: TInterventionState, e: StepEvent, ctx: InterventionContext): TInterventionState {
  const what = STEP_WORDS[e.type];
  if (!FROM[e.type].includes(s.phase)) {
    const after = FROM[e.type].map((p) => PHASE_WORDS[p]).join(' or ');
    throw new LifecycleRejection(`Cannot record ${what}: ${s.authorityName} is ${PHASE_WORDS[s.phase]} (it applies only when ${after})`);
  }
  assertNotInFuture(`The date of ${what}`, e.on, e.at);
  if (s.lastStepOn && e.on < s.lastStepOn) {
    const msg = `${what} (${formatLongDate(e.on)}) cannot be dated before the last recorded step (${formatLongDate(s.lastStepOn)})`;
    throw new LifecycleRejection(msg.charAt(0).toUpperCase() + msg.slice(1));
  }
  let baseline = s.nextBaseline;
  const arm = (name: string, label: string, from: string, months: number, ladder: TLadderClock['ladder'], source: string) =>
    armClock({ name, label, mode: 'deadline', startedOn: from, dueOn: addMonths(from, months), source, ladder, baseline: baseline++, at: e.at });
  const done = (patch: Partial<TInterventionState>, summary: string): TInterventionState => ({
    ...s, lastStepOn: e.on, ...patch, nextBaseline: baseline, history: [...s.history, lifecycleEntry(e, summary)],
  });
  const review = ctx.clocks.interventionReviewMonths;
  const supervisionReviews = ctx.clocks.exitSupervisionReviews.value;
  const closed = closeClocks(s.clocks, e.at);
  const on = formatLongDate(e.on);

  switch (e.type) {
    case 'improvement_notice_issued': {
      const c = arm('noticeReview', 'DfE review of the improvement notice', e.on, review.value, s.ladders.review, review.source);
      const notice = { issuedOn: e.on, adviserName: e.adviserName, boardChairName: e.boardChairName ?? null };
      return done({ phase: 'improvement_notice', notice, clocks: [...closed, c] },
        `Improvement notice issued ${on} (adviser ${e.adviserName}); first review due ${formatLongDate(c.dueOn)}`);
    }
    case 'statutory_direction_issued': {
      const appointed = e.commissionerAppointedOn;
      if (appointed < e.on) throw new LifecycleRejection('The commissioner cannot be appointed before the direction is issued');
      assertNotInFuture("The commissioner's appointment", appointed, e.at);
      const cr = ctx.clocks.commissionerReportMonths;
      const c = arm('commissionerReport', "Commissioner's report", appointed, cr.value, s.ladders.commissionerReport, cr.source);
      const direction = { issuedOn: e.on, commissionerName: e.commissionerName, commissionerAppointedOn: appointed };
      return done({ phase: 'statutory_direction', lastStepOn: appointed, direction, clocks: [...closed, c] },
        `Statutory direction issued ${on}; commissioner ${e.commissionerName} appointed ${formatLongDate(appointed)}; ` +
          `report due ${formatLongDate(c.dueOn)}`);
    }
    case 'commissioner_report_received': {
      if (s.commissionerReport) {
        throw new LifecycleRejection(`The commissioner's report was already recorded (received ${formatLongDate(s.commissionerReport.receivedOn)})`);
      }
      const report = { receivedOn: e.on, recommendation: e.recommendation, summary: e.summary ?? null };
      const recommends = e.recommendation === 'remain_with_council' ? 'services remain with the council' : 'an alternative delivery model';
      return done({ commissionerReport: report, clocks: satisfyClocks(s.clocks, 'commissionerReport', e.on, e.at) },
        `Commissioner's report received ${on}: recommends ${recommends}`);
    }
    case 'remain_with_council_decided':
    case 'adm_options_directed': {
      if (!s.commissionerReport) {
        throw new LifecycleRejection("The Secretary of State decides after the commissioner's report: record the report first");
      }
      if (e.type === 'adm_options_directed') {
        const adm = { directedOn: e.on, model: null, deliveryBodyName: null, businessCaseOn: null, shadowFrom: null, liveOn: null };
        return done({ phase: 'adm_options', clocks: closed, adm }, `Directed ${on} to consider alternative delivery models`);
      }
      const c = arm('directionReview', 'DfE review of the direction', e.on, review.value, s.ladders.review, review.source);
      return done({ phase: 'remain_with_council', clocks: [...closed, c] },
        `Services remain with the council (decided ${on}); first review due ${formatLongDate(c.dueOn)}`);
    }
    case 'adm_business_case_submitted': {
      const adm = { ...s.adm!, model: e.model, deliveryBodyName: e.deliveryBodyName, businessCaseOn: e.on };
      return done({ phase: 'adm_business_case', adm },
        `ADM business case submitted ${on}: ${e.deliveryBodyName} (${e.model.replace('_', ' ')})`);
    }
    case 'adm_shadow_started':
      return done({ phase: 'adm_shadow', adm: { ...s.adm!, shadowFrom: e.on } }, `${s.adm?.deliveryBodyName} running in shadow from ${on}`);
    case 'adm_went_live': {
      const u = ctx.clocks.commissionerUpdateMonths;
      const c = arm('commissionerUpdate', 'Quarterly commissioner update', e.on, u.value, s.ladders.commissionerUpdate, u.source);
      return done({ phase: 'adm_live', adm: { ...s.adm!, liveOn: e.on }, clocks: [...closed, c] },
        `${s.adm?.deliveryBodyName} live from ${on}; first commissioner update due ${formatLongDate(c.dueOn)}`);
    }
    case 'exit_supervision_started': {
      const source = `${review.source}; ${ctx.clocks.exitSupervisionReviews.source}`;
      const c = arm('supervisionReview', `Supervision review 1 of ${supervisionReviews}`, e.on, review.value, s.ladders.review, source);
      return done({ phase: 'exit_supervision', supervision: { startedOn: e.on, reviewsHeld: 0 }, clocks: [...closed, c] },
        `Exit supervision started ${on}: ${supervisionReviews} reviews, the first due ${formatLongDate(c.dueOn)}`);
    }
    case 'review_held': {
      const due = s.clocks.find((c) => REVIEW_CLOCKS.includes(c.name) && isLadderClockActive(c));
      if (!due) throw new LifecycleRejection(`There is no review due: every review of this phase has been held; record the next DfE step`);
      const clocks = satisfyClocks(s.clocks, due.name, e.on, e.at);
      const reviews = [...s.reviews, { clock: due.name, dueOn: due.dueOn, heldOn: e.on, summary: e.summary }];
      const late = e.on > due.dueOn ? ` (late: due ${formatLongDate(due.dueOn)})` : '';
      if (due.name !== 'supervisionReview') {
        // Notice and direction reviews roll on: the next is six months after the one actually held.
        const c = arm(due.name, due.label, e.on, review.value, due.ladder, due.source);
        return done({ reviews, clocks: [...clocks, c] }, `Review held ${on}${late}; next due ${formatLongDate(c.dueOn)}`);
      }
      // Supervision reviews are fixed at 6 and 12 months from its start [S32], however early one is held.
      const sup = s.supervision!;
      const held = sup.reviewsHeld + 1;
      const more = held < supervisionReviews
        ? [arm('supervisionReview', `Supervision review ${held + 1} of ${supervisionReviews}`, sup.startedOn, review.value * (held + 1), due.ladder, due.source)]
        : [];
      const next = more[0] ? `; next due ${formatLongDate(more[0].dueOn)}` : '; supervision can now end';
      return done({ supervision: { ...sup, reviewsHeld: held }, reviews, clocks: [...clocks, ...more] },
        `Supervision review ${held} of ${supervisionReviews} held ${on}${late}${next}`);
    }
    case 'commissioner_update_received': {
      // adm_live always has a running update clock: each update re-arms the next quarter from its date.
      const due = s.clocks.find((c) => c.name === 'commissionerUpdate' && isLadderClockActive(c))!;
      const c = arm('commissionerUpdate', due.label, e.on, ctx.clocks.commissionerUpdateMonths.value, due.ladder, due.source);
      const late = e.on > due.dueOn ? ` (late: due ${formatLongDate(due.dueOn)})` : '';
      const update = { dueOn: due.dueOn, receivedOn: e.on, summary: e.summary };
      return done({ commissionerUpdates: [...s.commissionerUpdates, update], clocks: [...satisfyClocks(s.clocks, due.name, e.on, e.at), c] },
        `Commissioner update received ${on}${late}; next due ${formatLongDate(c.dueOn)}`);
    }
    case 'intervention_closed': {
      if (s.phase === 'exit_supervision' && s.supervision!.reviewsHeld < supervisionReviews) {
        throw new LifecycleRejection(`Supervision ends after its last review: ${s.supervision!.reviewsHeld} of ${supervisionReviews} reviews held`);
      }
      return done({ phase: 'closed', closedOn: e.on, clocks: closed },
        s.phase === 'improvement_notice' ? `Improvement notice lifted ${on}` : `Intervention ended ${on}`);
    }
  }
}

/** What the workflow waits for next. */
export function nextInterventionTimer(
  s: TInterventionState,
  ctx: InterventionContext,
): PendingTimer<{ type: 'timer_fired' } & TTimerFired> | undefined {
  return nextLadderTimer(s.clocks, ctx.calendar);
}
