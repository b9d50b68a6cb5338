/**
 * Every history event as a business row — when (Europe/London), who, what, why — with the raw event
 * beside it. What changed state is worded by the domain reducer itself (the fold's history lines);
 * the rest (tasks, timers set, read-model writes) is worded here and marked as system.
 */
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { formatLongDate, londonDateOf, londonOffsetMinutes, type TActor } from '@ip/domain';
import { workflowKindOf, type WorkflowKind } from './as-at.js';
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
  return `${actor.name ?? actor.userId} (${ROLE_WORDS[actor.role] ?? actor.role})`;
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

  const rows: HistoryRow[] = [];
  for (const run of history.runs) {
    const rawJson = (JSON.parse(historyToJSON(run.history as never)) as { events: unknown[] }).events;
    const scheduled = new Map<number, string>();
    const updateNames = new Map<string, string>();
    (run.history.events ?? []).forEach((e, i) => {
      const eventId = eventIdOf(e);
      const at = eventTimeMs(e);
      const base = { id: `${history.workflowId}:${run.runId}:${eventId}`, workflowId: history.workflowId, workflowKind: kind, runId: run.runId, eventId, at, when: formatLondonInstant(at), eventType: eventKind(e), raw: rawJson[i] };
      const done = applied.get(`${run.runId}:${eventId}`) ?? [];
      const words = describe(e, kind, done, scheduled, updateNames);
      rows.push({ ...base, ...words, who: whoOf(words.actor) });
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
      return done.some((d) => d.type === 'escalation_fired' || d.type === 'ladder_step_fired')
        ? sys(domain, 'escalation')
        : sys(domain || 'Timer fired: nothing was due (the state had moved on)', 'timer');
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
    case 'markerRecorded':
      return sys('Code version marker recorded (a later workflow version ran)');
    case 'workflowExecutionContinuedAsNew':
      return sys('Continued as new: the next run carries the state on');
    case 'workflowExecutionCompleted':
      return sys(kind === 'action' ? 'Action closed: the workflow finished' : 'Workflow finished');
    case 'workflowExecutionFailed':
      return sys(`Workflow failed: ${e.workflowExecutionFailedEventAttributes?.failure?.message ?? ''}`);
    case 'workflowExecutionSignaled':
      return sys(`Signal: ${humanize(e.workflowExecutionSignaledEventAttributes?.signalName ?? '')}`);
    default:
      return sys(humanize(k));
  }
}
