/**
 * Every history event as a business row — when (Europe/London), who, what, why — with the raw event
 * beside it. What changed state is worded by the domain reducer itself (the fold's history lines);
 * the rest (tasks, timers set, read-model writes) is worded here and marked as system.
 */
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { formatLongDate, londonDateOf, londonOffsetMinutes, type TActor } from '@ip/domain';
import { lifecycleAsAt, workflowKindOf, type WorkflowKind } from './as-at.js';
import { foldAction } from './action-fold.js';
import type { AppliedEvent } from './fold.js';
import type { RawEvent, WorkflowHistory } from './history-source.js';
import { foldProgramme } from './programme-fold.js';
import { decodePayloads, eventIdOf, eventKind, eventTimeMs } from './raw.js';

export type RowCategory = 'person' | 'timer' | 'escalation' | 'child' | 'system';

export interface HistoryRow {
  id: string;
  workflowId: string;
  workflowKind: WorkflowKind;
  runId: string;
  eventId: number;
  at: number;
  /** "4 June 2026, 09:00" in Europe/London. */
  when: string;
  category: RowCategory;
  actor: TActor | null;
  who: string;
  what: string;
  why: string | null;
  eventType: string;
  /** The raw event in Temporal's JSON form (as `Worker.runReplayHistory` reads it). */
  raw: unknown;
  /**
   * The escalations this event recorded (their derived ids): the router adds each one's emails
   * (router.ts), so the row that says an escalation fired also says who was emailed.
   */
  escalationIds: string[];
}

const ROLE_WORDS: Record<string, string> = { programme_manager: 'programme manager', auditor: 'auditor', admin: 'admin' };

/** "4 June 2026, 09:00" (Europe/London). */
export function formatLondonInstant(at: number): string {
  const local = new Date(at + londonOffsetMinutes(at) * 60_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${formatLongDate(londonDateOf(at))}, ${hh}:${mm}`;
}

export function whoOf(actor: TActor | null): string {
  if (!actor) return 'System';
  const role = ROLE_WORDS[actor.role] ?? actor.role;
  const name = actor.name ?? actor.userId;
  return name.endsWith(`(${role})`) ? name : `${name} (${role})`;
}

/** "recordPlanResponse" → "Record plan response". */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const PROJECTIONS = new Set(['projectProgramme', 'projectAction', 'projectLifecycleRecord']);

/** The rows of one workflow's history, every run, in history order. */
export function historyRows(history: WorkflowHistory): HistoryRow[] {
  const kind = workflowKindOf(history.workflowType);
  const applied = new Map<string, AppliedEvent[]>();
  const onApply = (a: AppliedEvent) => {
    const k = `${a.runId}:${a.triggerEventId}`;
    applied.set(k, [...(applied.get(k) ?? []), a]);
  };
  if (kind === 'programme') foldProgramme(history, { onApply });
  else if (kind === 'action') foldAction(history, { onApply });
  else if (kind === 'monitoring_visit' || kind === 'intervention' || kind === 'information_request') lifecycleAsAt(history, { at: Date.UTC(2100, 0, 1) }, { onApply });

  const rows: HistoryRow[] = [];
  for (const run of history.runs) {
    const rawJson = (JSON.parse(historyToJSON(run.history)) as { events: unknown[] }).events;
    const scheduled = new Map<number, string>();
    const updateNames = new Map<string, string>();
    (run.history.events ?? []).forEach((e, i) => {
      const eventId = eventIdOf(e);
      const at = eventTimeMs(e);
      const base = { id: `${history.workflowId}:${run.runId}:${eventId}`, workflowId: history.workflowId, workflowKind: kind, runId: run.runId, eventId, at, when: formatLondonInstant(at), eventType: eventKind(e), raw: rawJson[i] };
      const done = applied.get(`${run.runId}:${eventId}`) ?? [];
      const words = describe(e, kind, done, scheduled, updateNames);
      rows.push({ ...base, ...words, who: whoOf(words.actor), escalationIds: escalationIdsOf(e, done) });
    });
  }
  return rows;
}

type Words = Pick<HistoryRow, 'category' | 'actor' | 'what' | 'why'>;

function describe(e: RawEvent, kind: WorkflowKind, done: AppliedEvent[], scheduled: Map<number, string>, updateNames: Map<string, string>): Words {
  const sys = (what: string, category: RowCategory = 'system'): Words => ({ category, actor: null, what, why: null });
  const lines = done.flatMap((d) => (d.entries.length ? d.entries.map((x) => x.summary) : d.rejected ? [`Refused: ${d.rejected}`] : []));
  const domain = lines.join('; ');
  const k = eventKind(e);
  switch (k) {
    case 'workflowExecutionStarted': {
      const a = e.workflowExecutionStartedEventAttributes!;
      const args = decodePayloads(a.input)[0] as { actor?: TActor; reason?: string; carried?: unknown } | undefined;
      if (args?.carried) return sys('Continued in a new run with its state carried over (keeps the history short)');
      return { category: 'person', actor: args?.actor ?? null, what: domain || `${humanize(kind)} started`, why: args?.reason ?? null };
    }
    case 'workflowExecutionUpdateAccepted': {
      const input = e.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest?.input;
      const args = decodePayloads(input?.args)[0] as { actor?: TActor; reason?: string } | undefined;
      const name = input?.name ?? 'update';
      updateNames.set(e.workflowExecutionUpdateAcceptedEventAttributes!.protocolInstanceId ?? '', name);
      return { category: 'person', actor: args?.actor ?? null, what: domain || humanize(name), why: args?.reason ?? null };
    }
    case 'workflowExecutionUpdateCompleted': {
      const a = e.workflowExecutionUpdateCompletedEventAttributes!;
      const name = humanize(updateNames.get(a.meta?.updateId ?? '') ?? 'update');
      return sys(a.outcome?.failure ? `${name} failed: ${a.outcome.failure.message}` : `${name}: done and replied`);
    }
    case 'timerStarted': {
      const secs = Number(e.timerStartedEventAttributes!.startToFireTimeout?.seconds ?? 0);
      return sys(`Timer set: wakes ${formatLondonInstant(eventTimeMs(e) + secs * 1000)}`);
    }
    case 'timerFired':
      return done.some((d) => STEP_EVENTS.has(d.type))
        ? sys(domain, 'escalation')
        : sys(domain || 'Timer fired: nothing changed', 'timer');
    case 'timerCanceled':
      return sys('Timer cancelled: the state changed first');
    case 'activityTaskScheduled': {
      const a = e.activityTaskScheduledEventAttributes!;
      const name = a.activityType?.name ?? 'activity';
      scheduled.set(eventIdOf(e), name);
      if (name === 'recordEscalation') {
        const fact = decodePayloads(a.input)[0] as { label?: string; subjectTitle?: string } | undefined;
        return sys(`Escalation written: ${fact?.label ?? ''}${fact?.subjectTitle ? ` (${fact.subjectTitle})` : ''}`, 'escalation');
      }
      return sys(PROJECTIONS.has(name) ? 'Read model updated (PostgreSQL)' : `${humanize(name)} started`);
    }
    case 'activityTaskCompleted': {
      const name = scheduled.get(Number(e.activityTaskCompletedEventAttributes!.scheduledEventId)) ?? 'activity';
      if (domain) return sys(domain, 'escalation');
      return sys(`${PROJECTIONS.has(name) ? 'Read model update' : humanize(name)} done`);
    }
    case 'activityTaskFailed':
      return sys(`Activity failed: ${e.activityTaskFailedEventAttributes?.failure?.message ?? ''}`);
    case 'startChildWorkflowExecutionInitiated':
      return sys(`Child workflow started: ${e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId ?? ''}`, 'child');
    case 'childWorkflowExecutionCompleted':
    case 'childWorkflowExecutionFailed':
    case 'childWorkflowExecutionTerminated':
    case 'childWorkflowExecutionTimedOut':
    case 'childWorkflowExecutionCanceled':
      return sys(domain || `Child workflow ${humanize(k.replace('childWorkflowExecution', '')).toLowerCase()}`, 'child');
    case 'markerRecorded': {
      const local = localActivityOf(e);
      if (local === 'recordEscalation') return sys('Escalation written (PostgreSQL)', 'escalation');
      if (local) return sys(local === 'applyProjection' ? 'Read model updated (PostgreSQL): the changes only' : `${humanize(local)} done`);
      return sys('Code version marker recorded (a later workflow version ran)');
    }
    case 'workflowExecutionContinuedAsNew':
      return sys('Continued as new: the next run carries the state on');
    case 'workflowExecutionCompleted':
      return sys(kind === 'action' ? 'Action closed: the workflow finished' : 'Workflow finished');
    case 'workflowExecutionFailed':
      return sys(`Workflow failed: ${e.workflowExecutionFailedEventAttributes?.failure?.message ?? ''}`);
    case 'workflowExecutionSignaled':
      return sys(`Signal: ${humanize(e.workflowExecutionSignaledEventAttributes?.signalName ?? '')}`);
    default:
      // What time alone made due is applied in the workflow task that noticed it (machine runner).
      if (domain) return sys(domain, done.some((d) => STEP_EVENTS.has(d.type)) ? 'escalation' : 'timer');
      return sys(humanize(k));
  }
}

/** The domain events a ladder step or deadline becomes, in every workflow kind. */
const STEP_EVENTS = new Set([
  'escalation_fired', 'reminder_skipped', 'escalation_superseded', 'ladder_step_fired', 'ladder_step_due', 'timer_fired',
]);

/**
 * The escalations an event recorded: machine runs say so through the fold (the machine's own
 * `escalations`, reported on the event that applied the step); the first versions scheduled a
 * recordEscalation activity whose input, the fact with its id, the history keeps.
 */
function escalationIdsOf(e: RawEvent, done: AppliedEvent[]): string[] {
  const ids = done.flatMap((d) => d.escalationIds ?? []);
  const a = e.activityTaskScheduledEventAttributes;
  if (a?.activityType?.name === 'recordEscalation') {
    const fact = decodePayloads(a.input)[0] as { id?: unknown } | undefined;
    if (typeof fact?.id === 'string') ids.push(fact.id);
  }
  return [...new Set(ids)];
}

/** The activity a local-activity marker recorded the result of, or null for another marker. */
function localActivityOf(e: RawEvent): string | null {
  const m = e.markerRecordedEventAttributes;
  if (m?.markerName !== 'core_local_activity') return null;
  const data = m.details?.data?.payloads?.[0]?.data;
  if (!data) return 'local activity';
  try {
    const parsed = JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: string };
    return parsed.activity_type ?? 'local activity';
  } catch {
    return 'local activity';
  }
}
