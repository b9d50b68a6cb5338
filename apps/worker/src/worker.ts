import { NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type DeliveryDeps } from '@ip/activities';
import type { PrismaClient } from '@ip/db';
import { createLogger, temporalLogger, type Logger } from '@ip/logging';
import { TASK_QUEUE, workflowsPath } from '@ip/workflows';

export interface CreateWorkerOptions {
  temporalAddress: string;
  namespace: string;
  prisma: PrismaClient;
  taskQueue?: string;
  /** Pass a prebuilt bundle (tests) to skip bundling at start-up. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  maxCachedWorkflows?: number;
  maxConcurrentActivityTaskExecutions?: number;
  maxConcurrentWorkflowTaskExecutions?: number;
  /** The SMTP client and settings the delivery activities send with (absent: they refuse to run). */
  delivery?: DeliveryDeps;
  /**
   * The process's logger (pino, @ip/logging), installed as the Temporal Runtime's logger once per
   * process, the first time a worker is created: the SDK's lines, native core's (forwarded) and every
   * workflow's and activity's `log` go through it with workflowId/runId on each. Default: warnings.
   */
  logger?: Logger;
}

let runtimeInstalled = false;

/**
 * Creates the Temporal worker that runs every workflow and activity of the product. The caller
 * owns the Prisma client (so the embedded dev process can share one PGlite database with the API).
 */
export async function createWorker(opts: CreateWorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  if (!runtimeInstalled) {
    runtimeInstalled = true;
    const log = opts.logger ?? createLogger({ level: 'warn', service: 'worker' });
    Runtime.install({
      logger: temporalLogger(log),
      // Native core writes to stderr in its own format unless forwarded; at most warnings from it
      // (its info and debug lines are per poll).
      telemetryOptions: { logging: { filter: { core: log.isLevelEnabled('warn') ? 'WARN' : 'ERROR', other: 'ERROR' }, forward: {} } },
    });
  }
  const connection = await NativeConnection.connect({ address: opts.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue ?? TASK_QUEUE,
    activities: createActivities({ prisma: opts.prisma, replayCode: opts.workflowBundle ?? { workflowsPath }, ...(opts.delivery ? { delivery: opts.delivery } : {}) }),
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath }),
    ...(opts.maxCachedWorkflows ? { maxCachedWorkflows: opts.maxCachedWorkflows } : {}),
    ...(opts.maxConcurrentActivityTaskExecutions ? { maxConcurrentActivityTaskExecutions: opts.maxConcurrentActivityTaskExecutions } : {}),
    ...(opts.maxConcurrentWorkflowTaskExecutions ? { maxConcurrentWorkflowTaskExecutions: opts.maxConcurrentWorkflowTaskExecutions } : {}),
  });
  return { worker, connection };
}
