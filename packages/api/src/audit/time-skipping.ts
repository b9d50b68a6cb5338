/**
 * Test support: the real Temporal time-skipping test server (binary provisioned by
 * infra/temporal-install.sh) with a worker running the real workflow bundle and the given
 * activities, for the audit tests that drive workflows and fold their histories.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { workflowsPath } from '@ip/workflows';

let runtimeInstalled = false;

export interface TimeSkippingRig {
  env: TestWorkflowEnvironment;
  close(): Promise<void>;
}

export async function startTimeSkippingRig(taskQueue: string, activities: object): Promise<TimeSkippingRig> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const path = process.env.TEMPORAL_TEST_SERVER_PATH;
  const env = await TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
  const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities });
  const running = worker.run();
  return {
    env,
    async close() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
