import { bundleWorkflowCode, type WorkflowBundleOption } from '@temporalio/worker';

/** Workflow code to replay against: a prebuilt bundle (tests), or the worker's workflowsPath. */
export type ReplayCode = WorkflowBundleOption | { workflowsPath: string };

const bundles = new Map<string, Promise<WorkflowBundleOption>>();
const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** Bundles a workflowsPath once per process (≈2 s); a prebuilt bundle is used as it is. */
export function replayBundle(code: ReplayCode): Promise<WorkflowBundleOption> {
  if (!('workflowsPath' in code)) return Promise.resolve(code);
  let b = bundles.get(code.workflowsPath);
  if (!b) {
    b = bundleWorkflowCode({ workflowsPath: code.workflowsPath, logger: quiet });
    b.catch(() => bundles.delete(code.workflowsPath));
    bundles.set(code.workflowsPath, b);
  }
  return b;
}
