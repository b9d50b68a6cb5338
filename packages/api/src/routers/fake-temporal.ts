/**
 * Test support: a stand-in for the Temporal client that records the workflow starts and Updates a
 * router sends, for createCaller tests of command routers. What a real workflow does with them is
 * the end-to-end test's business (apps/api).
 */
export interface RecordedStart {
  workflowType: string;
  workflowId: string;
  taskQueue: string;
  workflowIdReusePolicy?: string;
  args: unknown[];
}
export interface RecordedUpdate {
  workflowId: string;
  update: string;
  updateId: string | undefined;
  args: unknown[];
}

/**
 * `onUpdate` may throw (as Temporal would) or return the Update's result; `onStart` may write the
 * first projection, as the worker would.
 */
export function fakeTemporal(
  onUpdate?: (u: RecordedUpdate) => unknown,
  onStart?: (s: RecordedStart) => Promise<void>,
) {
  const starts: RecordedStart[] = [];
  const updates: RecordedUpdate[] = [];
  const client = {
    workflow: {
      async start(workflowType: string, opts: Omit<RecordedStart, 'workflowType'>) {
        const s = { workflowType, ...opts };
        starts.push(s);
        await onStart?.(s);
        return { workflowId: opts.workflowId };
      },
      getHandle(workflowId: string) {
        return {
          workflowId,
          async describe() {
            return { status: { name: starts.some((st) => st.workflowId === workflowId) ? 'RUNNING' : 'UNKNOWN' } };
          },
          async executeUpdate(def: { name: string } | string, opts: { updateId?: string; args: unknown[] }) {
            const u = { workflowId, update: typeof def === 'string' ? def : def.name, updateId: opts.updateId, args: opts.args };
            updates.push(u);
            return onUpdate?.(u);
          },
        };
      },
    },
  };
  return { client, starts, updates };
}
