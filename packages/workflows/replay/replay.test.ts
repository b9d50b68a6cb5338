import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../testing/env.js';
import { goldenHistories } from './histories.js';

describe('golden histories replay against the current workflow code', () => {
  const histories = goldenHistories();

  it('has golden histories committed', () => {
    expect(histories.length).toBeGreaterThanOrEqual(2);
  });

  for (const h of histories) {
    it(`replays ${h.file} deterministically`, async () => {
      const workflowBundleCode = await workflowBundle();
      await expect(
        Worker.runReplayHistory({ workflowBundle: workflowBundleCode }, h.history, h.workflowId),
      ).resolves.toBeUndefined();
    });
  }
});
