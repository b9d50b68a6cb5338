/**
 * Equivalence, by property: for randomly generated scenarios (commands separated by random gaps of
 * working days) run on the real Temporal time-skipping test server, the state a live query returned
 * at each instant equals the state rebuilt "as at" that instant from the history fetched afterwards.
 * Rejected commands, ladder timers, RAG reviews, extensions re-baselining timers, actions entered
 * overdue (the late-escalation rule) and runs continued as new all occur.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar, londonDateOf, londonMidnightUtcMs, type TActor } from '@ip/domain';
import { actionStateQuery, actionWorkflowId, programmeStateQuery } from '@ip/workflows';
import { actionAsAt, programmeAsAt } from './as-at.js';
import { TemporalHistorySource } from './history-source.js';
import { startTimeSkippingRig, type TimeSkippingRig } from './time-skipping.js';

const pm: TActor = { userId: 'u-pm', role: 'programme_manager', name: 'Priya Shah' };
const pm2: TActor = { userId: 'u-pm2', role: 'programme_manager', name: 'Tom Reid' };
const calendar = defaultCalendar();
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

let env: TestWorkflowEnvironment;
let rig: TimeSkippingRig | undefined;
const taskQueue = `as-at-${randomUUID()}`;
const counts = { timerEvents: 0, updates: 0, rejected: 0, checks: 0, continuedRuns: 0 };

const noop = async () => undefined;
const activities = {
  projectProgramme: noop, projectAction: noop, projectLifecycleRecord: noop, applyProjection: async () => 'written',
  recordEscalation: async () => ({ created: true }),
  ensureSchedule: async () => 'kpi-return',
  // Delivery is its own workflow (packages/activities delivery): nothing to send here.
  deliverEscalation: async () => ({ sent: 0, held: 0, failed: 0, uncertain: 0, noRecipient: 0 }),
  evaluateKpiReturn: async () => ({ evaluated: 0, red: 0, amber: 0, escalationsCreated: 0 }),
};

beforeAll(async () => {
  rig = await startTimeSkippingRig(taskQueue, activities);
  env = rig.env;
}, 60_000);
afterAll(() => rig?.close());

/** Sleeps `wd` working days ahead (to `hour` o'clock London), 0 → a few minutes. */
async function gap(wd: number, hour: number): Promise<void> {
  const now = await env.currentTimeMs();
  const target = wd === 0 ? now + 5 * 60_000 : londonMidnightUtcMs(calendar.addWorkingDays(londonDateOf(now), wd)) + hour * 3_600_000;
  if (target > now) await env.sleep(target - now);
}

const ZGap = fc.record({ wd: fc.integer({ min: 0, max: 12 }), hour: fc.integer({ min: 0, max: 23 }) });

type ActionStep =
  | { cmd: 'progress'; pct: number; rag?: 'green' | 'amber' | 'red' }
  | { cmd: 'evidence' } | { cmd: 'requestExtension'; wd: number } | { cmd: 'approveExtension' } | { cmd: 'rejectExtension' }
  | { cmd: 'requestSignOff' } | { cmd: 'signOff'; returned: boolean } | { cmd: 'cancel' } | { cmd: 'wait' };
const actionStep: fc.Arbitrary<ActionStep> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ cmd: fc.constant('progress' as const), pct: fc.integer({ min: 0, max: 100 }), rag: fc.constantFrom('green' as const, 'amber' as const, 'red' as const) }) },
  { weight: 1, arbitrary: fc.constant({ cmd: 'evidence' as const }) },
  { weight: 2, arbitrary: fc.record({ cmd: fc.constant('requestExtension' as const), wd: fc.integer({ min: 5, max: 40 }) }) },
  { weight: 2, arbitrary: fc.constant({ cmd: 'approveExtension' as const }) },
  { weight: 1, arbitrary: fc.constant({ cmd: 'rejectExtension' as const }) },
  { weight: 1, arbitrary: fc.constant({ cmd: 'requestSignOff' as const }) },
  { weight: 1, arbitrary: fc.record({ cmd: fc.constant('signOff' as const), returned: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ cmd: 'cancel' as const }) },
  { weight: 3, arbitrary: fc.constant({ cmd: 'wait' as const }) },
);

async function send(run: () => Promise<unknown>): Promise<void> {
  counts.updates += 1;
  await run().catch(() => { counts.rejected += 1; });
}

describe('as at T (rebuilt from history) equals the live query at T', () => {
  it('actions: random commands and working-day gaps', async () => {
    await fc.assert(
      // Due dates in the past too (the late-escalation rule), and sometimes a short history limit, so
      // the action continues as new mid-scenario.
      fc.asyncProperty(fc.integer({ min: -30, max: 45 }), fc.boolean(), fc.array(fc.tuple(actionStep, ZGap), { minLength: 3, maxLength: 7 }),
        fc.constantFrom(undefined, 20, 35), async (dueWd, ofsted, steps, continueAsNewAfterEvents) => {
        const today = londonDateOf(await env.currentTimeMs());
        const id = actionWorkflowId('programme-E09000099-1', randomUUID());
        const handle = await env.client.workflow.start('actionWorkflow', {
          workflowId: id, taskQueue,
          args: [{ definition: { programmeId: 'programme-E09000099-1', title: 'Return home interviews within 72 hours', owner: { name: 'Sam Patel' }, dueOn: calendar.addWorkingDays(today, dueWd), ofstedLinked: ofsted }, actor: pm, reason: 'Priority 3 of the plan', ...(continueAsNewAfterEvents ? { continueAsNewAfterEvents } : {}) }],
        });
        const live: Array<{ asAt: number }> = [await handle.query(actionStateQuery)];
        for (const [step, g] of steps) {
          const base = { actor: pm, reason: 'At the monthly review' };
          const u = (name: string, arg: object) => send(() => handle.executeUpdate(name, { args: [{ ...base, ...arg }] }));
          if (step.cmd === 'progress') await u('updateActionProgress', { percentComplete: step.pct, ragAssessment: step.rag, note: `Now ${step.pct}%` });
          else if (step.cmd === 'evidence') await u('attachActionEvidence', { title: 'Case audit', reference: 'QA-7' });
          else if (step.cmd === 'requestExtension') await u('requestActionExtension', { newDueOn: calendar.addWorkingDays(londonDateOf(await env.currentTimeMs()), step.wd), justification: 'Recruitment delayed' });
          else if (step.cmd === 'approveExtension') await send(() => handle.executeUpdate('approveActionExtension', { args: [{ actor: pm2, reason: 'Agreed at board' }] }));
          else if (step.cmd === 'rejectExtension') await send(() => handle.executeUpdate('rejectActionExtension', { args: [{ actor: pm2, reason: 'Not agreed' }] }));
          else if (step.cmd === 'requestSignOff') await u('requestActionSignOff', {});
          else if (step.cmd === 'signOff') await send(() => handle.executeUpdate('signOffAction', { args: [{ actor: pm2, reason: 'Checked', outcome: step.returned ? 'returned' : 'signed_off' }] }));
          else if (step.cmd === 'cancel') await u('cancelAction', {});
          live.push(await handle.query(actionStateQuery));
          await gap(g.wd, g.hour);
          live.push(await handle.query(actionStateQuery));
        }
        const history = await new TemporalHistorySource(env.client).fetch(id);
        counts.timerEvents += history.runs.flatMap((r) => r.history.events ?? []).filter((e) => e.timerFiredEventAttributes).length;
        counts.continuedRuns += history.runs.length - 1;
        for (const v of live) {
          counts.checks += 1;
          // The run's own view: after continue-as-new the workflow holds its logs trimmed (logBase).
          expect(plain(actionAsAt(history, { at: v.asAt }).runView), `as at ${new Date(v.asAt).toISOString()}`).toEqual(plain(v));
        }
      }),
      { numRuns: 6, endOnFailure: true },
    );
    expect(counts.timerEvents).toBeGreaterThan(0);
    expect(counts.continuedRuns, 'some action continued as new').toBeGreaterThan(0);
  }, 120_000);

  it('a command retried after the action continued as new has one effect, in the workflow and in the rebuilt state', async () => {
    const id = actionWorkflowId('programme-E09000099-1', randomUUID());
    const today = londonDateOf(await env.currentTimeMs());
    const handle = await env.client.workflow.start('actionWorkflow', {
      workflowId: id, taskQueue,
      args: [{ definition: { programmeId: 'programme-E09000099-1', title: 'Supervision every four weeks', owner: { name: 'Sam Patel' }, dueOn: calendar.addWorkingDays(today, 120), ofstedLinked: false }, actor: pm, reason: 'Priority 1 of the plan', continueAsNewAfterEvents: 20 }],
    });
    const progress = (pct: number) => ({ actor: pm, reason: 'At the monthly review', percentComplete: pct, ragAssessment: 'green', note: `Now ${pct}%` });
    // The API sends every command with an Update id derived from its request id (updateIdOf).
    const first = await handle.executeUpdate<{ version: number; duplicate?: true }, [object]>('updateActionProgress', { updateId: 'updateActionProgress:req-1', args: [progress(10)] });
    expect(first.duplicate).toBeUndefined();
    // Other commands until the run continues as new (the runner does so only when idle, between them).
    for (let pct = 11; (await handle.describe()).runId === handle.firstExecutionRunId; pct++) {
      expect(pct, 'continued as new within 20 commands').toBeLessThan(31);
      await handle.executeUpdate('updateActionProgress', { updateId: `updateActionProgress:req-${pct}`, args: [progress(pct)] });
      await env.sleep(60_000);
    }
    const before = await handle.query(actionStateQuery);
    // The first command again, as an API retry after a crash would send it: accepted, nothing done.
    const again = await handle.executeUpdate<{ version: number; duplicate?: true }, [object]>('updateActionProgress', { updateId: 'updateActionProgress:req-1', args: [progress(10)] });
    expect(again).toEqual({ version: before.version, duplicate: true });
    const after = await handle.query(actionStateQuery);
    expect(after.version).toBe(before.version);
    expect(after.history).toEqual(before.history);
    expect(after.percentComplete).toBe(before.percentComplete);
    await env.sleep(60_000);
    // A new request id with the same input is a new command: it is applied.
    await handle.executeUpdate('updateActionProgress', { updateId: 'updateActionProgress:req-new', args: [progress(10)] });
    const applied = await handle.query(actionStateQuery);
    expect(applied.version).toBe(before.version + 1);
    expect(applied.percentComplete).toBe(10);
    // The fold skips the repeat as the workflow did: rebuilt state equals the live one.
    const history = await new TemporalHistorySource(env.client).fetch(id);
    expect(history.runs.length).toBeGreaterThan(1);
    expect(plain(actionAsAt(history, { at: applied.asAt }).runView)).toEqual(plain(applied));
    expect(plain(actionAsAt(history, { at: after.asAt }).runView)).toEqual(plain(after));
  }, 60_000);

  it('programmes: inspection, then random plan commands and working-day gaps with ladder timers', async () => {
    type PStep = { cmd: 'publish' | 'submit' | 'accept' | 'return' | 'wait' };
    const pstep = fc.constantFrom<PStep>({ cmd: 'publish' }, { cmd: 'submit' }, { cmd: 'accept' }, { cmd: 'return' }, { cmd: 'wait' }, { cmd: 'wait' });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('inadequate', 'requires_improvement', 'good'), fc.array(fc.tuple(pstep, fc.record({ wd: fc.integer({ min: 0, max: 35 }), hour: fc.integer({ min: 0, max: 23 }) })), { minLength: 2, maxLength: 6 }),
        // Sometimes a short history limit, so the programme continues as new mid-scenario.
        fc.constantFrom(undefined, 25, 40), async (grade, steps, continueAsNewAfterEvents) => {
        const id = `programme-PROP${randomUUID().slice(0, 8)}-1`;
        const handle = await env.client.workflow.start('programmeWorkflow', {
          workflowId: id, taskQueue, args: [{ programmeId: id, onsCode: 'E09000099', authorityName: 'Northmoor Borough Council', cycle: 1, actor: pm, reason: 'Judged after inspection', ...(continueAsNewAfterEvents ? { continueAsNewAfterEvents } : {}) }],
        });
        const today = londonDateOf(await env.currentTimeMs());
        await send(() => handle.executeUpdate('recordInspection', { args: [{ actor: pm, reason: 'Report received', inspection: { type: 'standard', fieldworkStartedOn: today, fieldworkEndedOn: today, reportReceivedOn: today, judgements: { overallEffectiveness: grade } } }] }));
        const live: Array<{ asAt: number }> = [await handle.query(programmeStateQuery)];
        for (const [step, g] of steps) {
          const on = londonDateOf(await env.currentTimeMs());
          const base = { actor: pm, reason: 'Recorded at the board' };
          if (step.cmd === 'publish') await send(() => handle.executeUpdate('publishReport', { args: [{ ...base, publishedOn: on }] }));
          else if (step.cmd === 'submit') await send(() => handle.executeUpdate('submitPlan', { args: [{ ...base, submittedOn: on }] }));
          else if (step.cmd === 'accept' || step.cmd === 'return') await send(() => handle.executeUpdate('recordPlanResponse', { args: [{ ...base, outcome: step.cmd === 'accept' ? 'accepted' : 'returned', letterOn: on, comments: 'Letter' }] }));
          live.push(await handle.query(programmeStateQuery));
          await gap(g.wd, g.hour);
          live.push(await handle.query(programmeStateQuery));
        }
        const history = await new TemporalHistorySource(env.client).fetch(id);
        counts.timerEvents += history.runs.flatMap((r) => r.history.events ?? []).filter((e) => e.timerFiredEventAttributes).length;
        counts.continuedRuns += history.runs.length - 1;
        for (const v of live) {
          counts.checks += 1;
          expect(plain(programmeAsAt(history, { at: v.asAt }).runView), `as at ${new Date(v.asAt).toISOString()}`).toEqual(plain(v));
        }
        await handle.terminate('property test done').catch(() => undefined);
      }),
      { numRuns: 6, endOnFailure: true },
    );
    console.log(`as-at property: ${counts.checks} instants compared, ${counts.updates} commands (${counts.rejected} rejected), ${counts.timerEvents} timers fired, ${counts.continuedRuns} continued-as-new runs`);
  }, 120_000);
});
