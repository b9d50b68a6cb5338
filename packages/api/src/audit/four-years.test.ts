/**
 * Workflows that last a programme's whole life, proved on the real time-skipping Temporal server:
 * one programme run for four simulated years with 60 actions, each updated every week it is open
 * (about 200 updates each), quarterly monitoring visits (children of the programme) and a DfE
 * intervention with six-monthly reviews. Some actions are entered already overdue, some slip and get
 * an extension, some are signed off, some are left overdue to escalate all the way.
 *
 * What must hold at the end: no run of any workflow passed 10,240 events or 10 MB (Temporal warns
 * there; it terminates at 51,200 / 50 MB); nothing was terminated or failed; every escalation was
 * recorded exactly once (one recordEscalation call per escalation id) and the overdue ones escalated;
 * every action updated for two years or more continued as new; the read model the projection deltas built holds
 * every entry; and "as at" rebuilt from the histories afterwards equals what the live Query returned
 * at sampled instants, across the runs.
 */
import { randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeProjection, type EscalationFact, type ProjectionDelta } from '@ip/activities';
import { addMonths, defaultCalendar, londonDateOf, type TActionState, type TActor } from '@ip/domain';
import { actionAsAt, programmeAsAt } from './as-at.js';
import { TemporalHistorySource } from './history-source.js';
import { startTimeSkippingRig, type TimeSkippingRig } from './time-skipping.js';

const cal = defaultCalendar();
const pm: TActor = { userId: 'u-pm', role: 'programme_manager', name: 'Priya Shah' };
const pm2: TActor = { userId: 'u-pm2', role: 'programme_manager', name: 'Tom Reid' };
const owner: TActor = { userId: 'u-owner', role: 'programme_manager', name: 'Sam Patel' };
const ACTIONS = 60;
const WEEKS = 208;
const MAX_EVENTS = 10_240;
const MAX_BYTES = 10 * 1024 * 1024;

let env: TestWorkflowEnvironment;
let rig: TimeSkippingRig | undefined;
const taskQueue = `four-years-${randomUUID()}`;

/** The activities as stand-ins with the real contracts: deltas merged as PostgreSQL merges them, escalations once by id. */
const fake = {
  escalations: [] as EscalationFact[],
  escalationCalls: 0,
  rows: new Map<string, { state: Record<string, unknown>; version: number }>(),
};
const activities = {
  async applyProjection(d: ProjectionDelta) {
    const before = fake.rows.get(d.id);
    const row = mergeProjection(before, d);
    fake.rows.set(d.id, row);
    return row === before ? 'already' : 'written';
  },
  async recordEscalation(f: EscalationFact) {
    fake.escalationCalls += 1;
    if (fake.escalations.some((e) => e.id === f.id)) return { created: false };
    fake.escalations.push(f);
    return { created: true };
  },
  ensureSchedule: async () => 'kpi-return',
  // Each escalation's delivery workflow runs this; nothing to send here.
  deliverEscalation: async () => ({ sent: 0, held: 0, failed: 0, uncertain: 0, noRecipient: 0 }),
};

beforeAll(async () => {
  rig = await startTimeSkippingRig(taskQueue, activities);
  env = rig.env;
}, 60_000);
afterAll(() => rig?.close());

/** Every run of a workflow, oldest first. */
async function runsOf(id: string): Promise<temporal.api.history.v1.IHistory[]> {
  const out: temporal.api.history.v1.IHistory[] = [];
  let runId: string | undefined = (await env.client.workflow.getHandle(id).describe()).runId;
  while (runId) {
    const h = await env.client.workflow.getHandle(id, runId).fetchHistory();
    out.unshift(h);
    runId = h.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return out;
}

/** Runs `fn` over `items`, `lanes` at a time (the worker has two cores to share with the server). */
async function inLanes<T>(items: T[], lanes: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]!);
  }));
}

/**
 * Sends an Update as an integrator must: one that reached a run just as it continued as new was
 * never accepted there (a run hands over only when idle) and goes to the new run (the API's
 * sendUpdate does the same).
 */
async function send(handle: WorkflowHandle, name: string, arg: unknown): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await handle.executeUpdate(name, { args: [arg] });
      return;
    } catch (err) {
      const handedOver = (err as Error).name === 'WorkflowNotFoundError' && (await handle.describe()).status.name === 'RUNNING';
      if (!handedOver || attempt >= 3) throw err;
    }
  }
}

interface Plan {
  handle: WorkflowHandle;
  closed: boolean;
  pendingExtension: boolean;
  /** Week it is finished and signed off (null: left open, escalating). */
  doneWeek: number | null;
  /** Week it asks for (and gets) an extension. */
  extendWeek: number | null;
  updates: number;
}

describe('four simulated years on the time-skipping server', () => {
  it('60 actions updated weekly, visits, an intervention: small runs, continue-as-new, every escalation once', async () => {
    const started = Date.now();
    const t0 = londonDateOf(await env.currentTimeMs());
    const programmeId = `programme-E09000099-4y-${randomUUID().slice(0, 8)}`;
    const programme = await env.client.workflow.start('programmeWorkflow', { workflowId: programmeId, taskQueue, args: [{
      programmeId, onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', cycle: 1, actor: pm, reason: 'Judged inadequate', continueAsNewAfterEvents: 300 }] });
    await programme.executeUpdate('recordInspection', { args: [{ actor: pm, reason: 'Report received', inspection: {
      type: 'standard', fieldworkStartedOn: cal.addWorkingDays(t0, -20), fieldworkEndedOn: cal.addWorkingDays(t0, -11), reportReceivedOn: t0,
      judgements: { overallEffectiveness: 'inadequate' } } }] });
    const intervention = await env.client.workflow.start('interventionWorkflow', { workflowId: `intervention-4y-${randomUUID().slice(0, 8)}`, taskQueue, args: [{
      programmeId, onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', continueAsNewAfterEvents: 150 }] });
    await send(intervention, 'recordInterventionStep', { actor: pm, reason: 'DfE letter', step: { type: 'improvement_notice_issued', on: t0, adviserName: 'A. Adviser' } });

    // 60 actions: one in ten entered already overdue; due dates spread over the four years.
    const plans: Plan[] = [];
    await inLanes(Array.from({ length: ACTIONS }, (_, i) => i), 6, async (i) => {
      const dueOn = i % 10 === 0 ? cal.addWorkingDays(t0, -15) : cal.addWorkingDays(t0, 40 + i * 13);
      const dueWeek = Math.round((i % 10 === 0 ? -3 : (40 + i * 13) / 5) );
      const handle = await env.client.workflow.start('actionWorkflow', { workflowId: `action-${programmeId}-${i}`, taskQueue, args: [{
        actor: pm, reason: 'From the improvement plan', continueAsNewAfterEvents: 400,
        definition: { programmeId, title: `Action ${i + 1}`, owner: { name: 'Sam Patel' }, dueOn, ofstedLinked: i % 3 === 0, workstream: `Workstream ${(i % 4) + 1}` } }] });
      plans[i] = {
        handle,
        closed: false,
        pendingExtension: false,
        // Two in three are finished (some late), the rest stay open and escalate to the top of the ladder.
        doneWeek: i % 3 === 2 ? null : Math.min(WEEKS - 2, Math.max(8, dueWeek + (i % 2 ? -2 : 6))),
        extendWeek: i % 4 === 1 && dueWeek > 10 ? dueWeek - 3 : null,
        updates: 0,
      };
    });

    const samples: { id: string; view: { asAt: number } }[] = [];
    const visitIds: string[] = [];
    let visitWeek = -100;
    for (let week = 1; week <= WEEKS; week++) {
      await env.sleep('7 days');
      const today = londonDateOf(await env.currentTimeMs());
      if (week === 12) await send(programme, 'submitPlan', { actor: pm, reason: 'Submitted to Ofsted', submittedOn: today });
      if (week === 16) await send(programme, 'recordPlanResponse', { actor: pm, reason: "Ofsted's letter", outcome: 'accepted', letterOn: today, comments: 'Accepted' });
      // A monitoring visit every quarter: scheduled, fieldwork, letter and new actions, as children of the programme.
      const n = Math.floor(week / 13);
      if (week >= 20 && week % 13 === 7 && n <= 14) {
        const number = visitIds.length + 1;
        await send(programme, 'scheduleMonitoringVisit', { actor: pm, reason: 'Ofsted notified us', number, theme: `Theme ${number}`, plannedStartOn: cal.workingDayOnOrAfter(addMonths(today, 0)) });
        visitIds.push(`${programmeId}-mv-${number}`);
        visitWeek = week;
      }
      const visit = visitIds.at(-1) && env.client.workflow.getHandle(visitIds.at(-1)!);
      const sinceVisit = week - visitWeek;
      if (visit && sinceVisit === 1) await send(visit, 'recordFieldwork', { actor: pm, reason: 'On site', startedOn: cal.addWorkingDays(today, -3), endedOn: cal.addWorkingDays(today, -2), inspectors: ['HMI A', 'HMI B'] });
      if (visit && sinceVisit === 3) await send(visit, 'recordDraftLetter', { actor: pm, reason: 'Draft arrived', receivedOn: today });
      if (visit && sinceVisit === 4) await send(visit, 'publishLetter', { actor: pm, reason: 'Published', publishedOn: today, findings: { areasOfProgress: ['Leaders know their services'], areasForImprovement: ['Plans vary in quality'] } });
      if (visit && sinceVisit === 5) await send(visit, 'confirmNewActionsCreated', { actor: pm, reason: 'Added to the plan', actionRefs: [`MV-${visitIds.length}`] });
      if (week % 26 === 0) await send(intervention, 'recordInterventionStep', { actor: pm, reason: 'Review meeting', step: { type: 'review_held', on: today, summary: `Review at week ${week}` } });

      await inLanes(plans, 6, async (p) => {
        const i = plans.indexOf(p);
        if (p.closed) return;
        const pct = p.doneWeek === null ? Math.min(90, week) : Math.min(100, Math.round((week / p.doneWeek) * 100));
        await send(p.handle, 'updateActionProgress', { actor: owner, reason: 'Weekly update', percentComplete: pct, note: `Week ${week}: on it` });
        p.updates += 1;
        if (week === p.extendWeek) {
          const s = await p.handle.query<TActionState>('actionState');
          await send(p.handle, 'requestActionExtension', { actor: owner, reason: 'Provider late', newDueOn: cal.addWorkingDays(s.dueOn, 25), justification: 'The provider starts a month late' });
          await send(p.handle, 'approveActionExtension', { actor: pm2, reason: 'Agreed at the board' });
        }
        if (pct === 100) {
          await send(p.handle, 'attachActionEvidence', { actor: owner, reason: 'Evidence', title: 'Audit report', reference: `QA-${i}` });
          await send(p.handle, 'requestActionSignOff', { actor: owner, reason: 'Done' });
          await send(p.handle, 'signOffAction', { actor: pm2, reason: 'Evidence checked' });
          p.closed = true;
        }
      });
      if (week % 26 === 5) {
        for (const id of [plans[0]!.handle.workflowId, plans[1]!.handle.workflowId, plans[2]!.handle.workflowId, programmeId]) {
          samples.push({ id, view: await env.client.workflow.getHandle(id).query(id === programmeId ? 'programmeState' : 'actionState') });
        }
      }
    }

    // ---- what must hold ------------------------------------------------------------------------
    const ids = [programmeId, intervention.workflowId, ...visitIds, ...plans.map((p) => p.handle.workflowId)];
    let largest = { id: '', events: 0, bytes: 0 };
    const statuses = new Map<string, string>();
    let continued = 0;
    for (const id of ids) {
      const d = await env.client.workflow.getHandle(id).describe();
      statuses.set(id, d.status.name);
      const runs = await runsOf(id);
      const plan = plans.find((p) => p.handle.workflowId === id);
      if (plan) {
        // 400 events is about 65 weekly updates: an action updated for two years or more hands over several times.
        if (plan.updates >= 100) expect(runs.length, `${id} (${plan.updates} updates) continued as new`).toBeGreaterThan(1);
        continued += runs.length - 1;
      }
      for (const h of runs) {
        const events = h.events?.length ?? 0;
        const bytes = temporal.api.history.v1.History.encode(h).finish().length;
        if (bytes > largest.bytes) largest = { id, events, bytes };
        expect(events, `${id}: events in one run`).toBeLessThanOrEqual(MAX_EVENTS);
        expect(bytes, `${id}: bytes in one run`).toBeLessThanOrEqual(MAX_BYTES);
      }
    }
    expect([...statuses.values()].filter((s) => s === 'TERMINATED' || s === 'FAILED' || s === 'TIMED_OUT')).toEqual([]);
    // Every escalation recorded exactly once: one call per id, no retries and no duplicates.
    expect(fake.escalationCalls).toBe(fake.escalations.length);
    expect(new Set(fake.escalations.map((e) => e.id)).size).toBe(fake.escalations.length);
    // Actions left open escalated to the top of their ladder; the ones entered overdue did it once, marked late.
    for (const [i, p] of plans.entries()) {
      const mine = fake.escalations.filter((e) => e.workflowId === p.handle.workflowId);
      if (p.doneWeek === null) expect(mine.map((e) => e.stepId), `action ${i}`).toContain('director-10');
      if (i % 10 === 0) expect(mine.filter((e) => e.raisedLate).map((e) => e.stepId), `action ${i} entered overdue`).toEqual(['director-10']);
    }
    // The read model the deltas built holds every entry: the last projected state of each action has
    // one timeline line per update (and the creation), across every run.
    for (const p of plans.slice(0, 10)) {
      const last = fake.rows.get(p.handle.workflowId)!.state as unknown as TActionState;
      expect(last.history.filter((h) => h.type === 'progress_updated')).toHaveLength(p.updates);
    }
    // "As at" rebuilt from the histories equals the live Query at every sampled instant.
    const source = new TemporalHistorySource(env.client);
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
    for (const s of samples) {
      const history = await source.fetch(s.id);
      const asAt = s.id === programmeId ? programmeAsAt(history, { at: s.view.asAt }) : actionAsAt(history, { at: s.view.asAt });
      expect(plain(asAt.runView), `${s.id} as at ${new Date(s.view.asAt).toISOString()}`).toEqual(plain(s.view));
    }
    const updates = plans.reduce((n, p) => n + p.updates, 0);
    console.log(`four years: ${ids.length} workflows, ${updates} progress updates (max ${Math.max(...plans.map((p) => p.updates))} on one action), `
      + `${continued} action continue-as-new hand-overs, ${fake.escalations.length} escalations (each recorded once), ${samples.length} as-at samples equal, `
      + `largest run ${largest.events} events / ${(largest.bytes / 1024).toFixed(0)} KiB (${largest.id}), ${((Date.now() - started) / 1000).toFixed(0)} s`);
    expect(Math.max(...plans.map((p) => p.updates))).toBeGreaterThanOrEqual(190);
    expect(samples.length).toBeGreaterThan(10);
  }, 30 * 60_000);
});
