/**
 * Temporal's own floor: the barest workflows that do what ours do (start; sleep until an instant and
 * then run one activity; sit open on a timer). The bench compares ours against these on the same
 * server in the same run.
 */
import { condition, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { BareActivities } from './activities.js';

const { markFired } = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });

/** Sleeps until `dueAt` (epoch ms, workflow time) and then records that it fired. */
export async function bareSleepThenMark(id: string, dueAt: number): Promise<void> {
  await sleep(Math.max(1, dueAt - Date.now()));
  await markFired(id, dueAt);
}

/** An open workflow that only waits on a long timer (the memory floor). */
export async function bareIdle(): Promise<void> {
  await sleep('3650 days');
}

/** Starts, records one row straight away (its first activity), then stays open. */
export async function bareStartThenMark(id: string): Promise<void> {
  await markFired(id, Date.now());
  await sleep('3650 days');
}

/**
 * Receives the action's progress Update and stores nothing: what any workflow taking the same
 * Updates with the same payloads costs in history (the floor of the history-bytes figure). Replies
 * with a version, as ours does.
 */
export async function bareUpdates(): Promise<void> {
  let version = 0;
  setHandler(defineUpdate<{ version: number }, [unknown]>('updateActionProgress'), () => ({ version: ++version }));
  await condition(() => false);
}
