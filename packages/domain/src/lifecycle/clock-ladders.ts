import { ladderWithDefaults, type TLadder, type TLadderInput } from '../escalation/ladder.js';

/**
 * The ladder each programme clock runs (BRIEF (b), "proposed, not mandated"). Programmes may pass
 * their own; these are the defaults. Step ids are stable: they are part of escalation ids.
 */
const ladder = (id: string, name: string, steps: TLadderInput['steps']): TLadder => ladderWithDefaults({ id, name, steps });

export const PROGRAMME_CLOCK_LADDERS: Record<string, TLadder> = {
  publishReport: ladder('publish-report', 'Publish the inspection report (30 WD)', [
    { id: 'remind-5', offsetWorkingDays: -5, kind: 'reminder', level: 'programme_manager', label: 'Report must be published within 5 working days' },
    { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'director', setsRed: true, label: 'Report publication deadline passed: DCS told' },
  ]),
  actionPlan: ladder('action-plan', 'Submit the action plan (70 WD)', [
    { id: 'remind-10', offsetWorkingDays: -10, kind: 'reminder', level: 'programme_manager', label: 'Action plan due in 10 working days' },
    { id: 'remind-5', offsetWorkingDays: -5, kind: 'reminder', level: 'director', label: 'Action plan due in 5 working days: DCS told' },
    { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'chief_executive', setsRed: true, label: 'Statutory action-plan deadline missed: chief executive and leader told; breach logged permanently' },
    { id: 'board-5', offsetWorkingDays: 5, kind: 'escalation', level: 'improvement_board', label: 'Action plan 5 working days late: improvement board' },
  ]),
  draftPlan: ladder('plan-draft', 'Internal draft of the plan (20 WD)', [
    { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'director', setsRed: true, label: 'Draft plan milestone missed: DCS told' },
  ]),
  scrutiny: ladder('plan-scrutiny', 'Plan to scrutiny (plan due − 30 WD)', [
    { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'director', setsRed: true, label: 'Scrutiny milestone missed: DCS told' },
  ]),
  cabinet: ladder('plan-cabinet', 'Plan to cabinet (plan due − 15 WD)', [
    { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'director', setsRed: true, label: 'Cabinet milestone missed: DCS told' },
  ]),
  signOff: ladder('plan-sign-off', 'Plan signed off (plan due − 5 WD)', [
    { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'chief_executive', setsRed: true, label: 'Sign-off milestone missed: chief executive and leader told' },
  ]),
  priorityActionDraft: ladder('priority-draft', 'Priority-action draft plan (20 WD)', [
    { id: 'remind-5', offsetWorkingDays: -5, kind: 'reminder', level: 'programme_manager', label: 'Priority-action draft due in 5 working days' },
    { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'director', setsRed: true, label: 'Priority-action draft overdue: DCS told' },
  ]),
  priorityActionPlan: ladder('priority-plan', 'Priority-action plan (70 WD)', [
    { id: 'remind-10', offsetWorkingDays: -10, kind: 'reminder', level: 'programme_manager', label: 'Priority-action plan due in 10 working days' },
    { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'chief_executive', setsRed: true, label: 'Priority-action plan overdue: chief executive told' },
  ]),
  nextMonitoringVisit: ladder('next-mv', 'Next monitoring visit expected (4 months)', [
    { id: 'due-0', offsetWorkingDays: 0, kind: 'escalation', level: 'programme_manager', setsRed: true, label: 'No monitoring visit for 4 months: programme manager told' },
  ]),
};

/**
 * The key in a programme's configured ladders (programmes.configure) that holds the ladder every new
 * action of the programme runs, in place of DEFAULT_ACTION_LADDER. Actions already running keep the
 * ladder they started with: their escalation ids depend on it.
 */
export const ACTION_LADDER_KEY = 'action';

/** How long after the last visit (or the plan's acceptance) a gap in monitoring visits is flagged. */
export const MONITORING_GAP_MONTHS = 4;

/** Back-scheduled milestones of the 70-WD plan: offset from report receipt (+) or plan due date (−). */
export const PLAN_MILESTONES = [
  { name: 'draftPlan', label: 'Internal draft of the action plan', from: 'received', workingDays: 20 },
  { name: 'scrutiny', label: 'Action plan to scrutiny', from: 'due', workingDays: -30 },
  { name: 'cabinet', label: 'Action plan to cabinet', from: 'due', workingDays: -15 },
  { name: 'signOff', label: 'Action plan signed off (DCS, lead member)', from: 'due', workingDays: -5 },
] as const;
